import React, { Suspense, lazy } from 'react';
import { Alert, LinkButton, LoadingPlaceholder, Stack, Text, TextLink } from '@grafana/ui';
import { config } from '@grafana/runtime';
import type { LoadedIncident } from '../../../api/incidents';
import type { AppSettings } from '../../../api/types';
import { grafanaHref } from '../../../components/links';
import { testIds } from '../../../components/testIds';
import { PLUGIN_ID } from '../../../constants';
import { buildExploreUrl, incidentLogRange } from '../../../domain/logs/explore';
import { incidentLogQueries } from './logsQuery';

// Scenes are large: load them only when an incident page actually shows its logs.
const IncidentLogsScene = lazy(() => import('./IncidentLogsScene'));

interface Props {
  incident: LoadedIncident;
  settings: Required<AppSettings>;
  now: number;
}

/** The incident's logs from Loki over its range, embedded, plus a link to the same query in Explore. */
export function LogsSection({ incident, settings, now }: Props) {
  const heading = (
    <Text element="h3" variant="h4">
      Logs
    </Text>
  );
  if (!settings.lokiUid) {
    return (
      <section data-testid={testIds.incidentDetail.logs} aria-label="Logs">
        {heading}
        <Alert severity="info" title="No Loki data source is set">
          {'An admin can choose the Loki data source and its service label on the '}
          <TextLink href={grafanaHref(`/plugins/${PLUGIN_ID}`)} inline>
            Admin page
          </TextLink>
          {'; the incident logs then show here.'}
        </Alert>
      </section>
    );
  }
  const queries = incidentLogQueries(incident, settings.logServiceLabel);
  const range = incidentLogRange(incident.startedAt, incident.resolvedAt, now);
  const orgId = config.bootData?.user?.orgId ?? 1;
  return (
    <section data-testid={testIds.incidentDetail.logs} aria-label="Logs">
      <Stack direction="column" gap={1}>
        <Stack justifyContent="space-between" alignItems="center">
          {heading}
          {'exprs' in queries && (
            <LinkButton
              variant="secondary"
              icon="compass"
              data-testid={testIds.incidentDetail.exploreLink}
              href={grafanaHref(
                buildExploreUrl({ datasourceUid: settings.lokiUid, expr: queries.exprs[0], ...range, orgId })
              )}
            >
              Open in Explore
            </LinkButton>
          )}
        </Stack>
        {'error' in queries ? (
          <Alert severity="warning" title="No log query for this incident">
            {queries.error}
          </Alert>
        ) : (
          <Suspense fallback={<LoadingPlaceholder text="Loading logs…" />}>
            <IncidentLogsScene lokiUid={settings.lokiUid} exprs={queries.exprs} {...range} />
          </Suspense>
        )}
      </Stack>
    </section>
  );
}
