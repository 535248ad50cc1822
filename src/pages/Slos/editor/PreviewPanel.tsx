import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, LoadingPlaceholder, Stack, Text, useStyles2 } from '@grafana/ui';
import { DataProblem } from '../../../components/DataProblem';
import { testIds } from '../../../components/testIds';
import type { Slo } from '../../../domain/slo/model';
import { Sparkline } from './Sparkline';
import { usePreview } from './usePreview';

interface Props {
  slo: Slo;
  valid: boolean;
  datasourceUid?: string;
  debounceMs?: number;
}

const pct = (x: number) => `${Number((x * 100).toPrecision(4))}%`;

/** How the SLO would have looked over the last 7 days, before it is saved. */
export function PreviewPanel({ slo, valid, datasourceUid, debounceMs = 800 }: Props) {
  const styles = useStyles2(getStyles);
  const state = usePreview(slo, valid, datasourceUid, debounceMs);
  let body: React.ReactNode;
  if (!datasourceUid) {
    body = <Text color="secondary">Choose a data source (or set the app&apos;s default) to preview this SLO.</Text>;
  } else if (!valid) {
    body = <Text color="secondary">The preview runs once the SLO is valid.</Text>;
  } else if (state.status === 'error') {
    body = (
      <Alert severity="warning" title="The preview query failed">
        {state.message}
      </Alert>
    );
  } else if (state.status !== 'done') {
    body = <LoadingPlaceholder text="Querying the last 7 days…" />;
  } else if (state.preview.dataProblem) {
    body = <DataProblem problem={state.preview.dataProblem} />;
  } else if (state.preview.sli.length === 0 && state.preview.remaining === null) {
    body = <Text color="secondary">No data: the queries returned nothing for the last 7 days.</Text>;
  } else {
    const { sli, remaining, errorRatio } = state.preview;
    body = (
      <Stack direction="column" gap={1}>
        {sli.length > 0 ? (
          <Sparkline
            points={sli}
            reference={slo.objective.target}
            label={`SLI over the last 7 days against the ${pct(slo.objective.target)} objective`}
          />
        ) : (
          <Text color="secondary">No hourly data to chart.</Text>
        )}
        <Stack gap={3}>
          <span>
            SLI (7d): <strong>{errorRatio === null ? 'No data' : pct(1 - errorRatio)}</strong>
          </span>
          <span>
            Budget remaining after these 7 days:{' '}
            <strong
              className={remaining !== null && remaining < 0 ? styles.bad : undefined}
              data-testid={testIds.sloEditor.previewRemaining}
            >
              {remaining === null ? 'No data' : pct(remaining)}
            </strong>
          </span>
        </Stack>
      </Stack>
    );
  }
  return (
    <section className={styles.panel} aria-label="Preview" data-testid={testIds.sloEditor.preview}>
      <Text element="h3" variant="h5">
        Preview: last 7 days
      </Text>
      {body}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({
    padding: theme.spacing(2),
    background: theme.colors.background.secondary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
  }),
  bad: css({ color: theme.colors.error.text }),
});
