import React from 'react';
import { useParams } from 'react-router-dom';
import { PluginPage } from '@grafana/runtime';
import { Alert, LinkButton, LoadingPlaceholder, Stack } from '@grafana/ui';
import { testIds } from '../../../components/testIds';
import { sloListUrl } from './links';
import { SloDetailView } from './SloDetailView';
import { useSloDetail } from './useSloDetail';

/** One SLO's page (route `slos/:id`): loading, not found, error, or the SLO with its scene. */
export default function SloDetailPage() {
  const { id = '' } = useParams();
  const detail = useSloDetail(id);

  if (detail.state === 'data') {
    return <SloDetailView slo={detail.slo} datasourceUid={detail.datasourceUid} snapshot={detail.snapshot} />;
  }
  return (
    <PluginPage pageNav={{ text: id || 'SLO' }}>
      {detail.state === 'loading' && <LoadingPlaceholder text="Loading the SLO…" />}
      {detail.state === 'error' && (
        <Alert severity="error" title="Could not load the SLO" buttonContent="Retry" onRemove={detail.reload}>
          {detail.error}
        </Alert>
      )}
      {detail.state === 'broken' && (
        <Alert severity="error" title={`SLO "${id}" is stored with errors and is not evaluated`}>
          {detail.broken.problems.map((p) => (
            <div key={p.path}>{`${p.path}: ${p.message}`}</div>
          ))}
        </Alert>
      )}
      {detail.state === 'not_found' && (
        <div data-testid={testIds.sloDetail.notFound}>
          <Stack direction="column" gap={2} alignItems="flex-start">
            <Alert severity="warning" title={`There is no SLO "${id}"`}>
              It may have been deleted or renamed.
            </Alert>
            <LinkButton href={sloListUrl()} icon="arrow-left" variant="secondary">
              Back to the SLO list
            </LinkButton>
          </Stack>
        </div>
      )}
    </PluginPage>
  );
}
