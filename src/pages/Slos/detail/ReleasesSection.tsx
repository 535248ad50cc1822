import React from 'react';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Badge, type BadgeColor, LoadingPlaceholder, Stack, Text, useStyles2 } from '@grafana/ui';
import { useQuery } from '@tanstack/react-query';
import type { IncidentBudget } from '../../../api/incidentBudget';
import { fetchReleaseBudgets, listReleases, type Release } from '../../../api/releases';
import { testIds } from '../../../components/testIds';
import { percent } from '../../../domain/policy/evaluate';
import type { Slo } from '../../../domain/slo/model';
import { errorMessage, queryClient } from '../../data/queryClient';
import { dataTableStyle } from '../../../components/tableStyles';

interface Props {
  slo: Slo;
  /** The SLO's data source, else the app default; undefined when neither is set. */
  datasourceUid?: string;
  /** The page's time range, epoch ms. */
  from: number;
  to: number;
}

/** A release went out when the gate said ship (with or without an exception); blocked attempts burn nothing of theirs. */
const shipped = (r: Release) => r.decision === 'ship';

async function load(slo: Slo, datasourceUid: string | undefined, from: number, to: number) {
  const { releases, truncated } = await listReleases({ service: slo.service, from, to });
  const datasource = slo.datasource?.uid ? slo.datasource : datasourceUid ? { uid: datasourceUid } : undefined;
  const budgets = await fetchReleaseBudgets(slo, releases.filter(shipped), datasource, Date.now());
  return { releases, truncated, budgets };
}

function decisionBadge(r: Release): { text: string; color: BadgeColor } {
  if (r.exception && r.decision === 'ship') {
    return { text: 'Exception', color: 'orange' };
  }
  switch (r.decision) {
    case 'ship':
      return { text: 'Shipped', color: 'green' };
    case 'blocked':
      return { text: 'Blocked', color: 'red' };
    case 'no_data':
      return { text: 'No data (blocked)', color: 'purple' };
    default:
      return { text: 'Unknown decision', color: 'blue' };
  }
}

function budgetText(r: Release, budget: IncidentBudget | undefined): string {
  if (!shipped(r)) {
    return 'Not released';
  }
  if (budget?.error) {
    return `No data: ${budget.error}`;
  }
  if (budget?.consumed === undefined) {
    return 'No data';
  }
  return `${percent(budget.consumed)} of the ${budget.window} budget`;
}

/** The releases of the SLO's service in the page's range: decision, exception and the budget burned since each. */
export function ReleasesSection({ slo, datasourceUid, from, to }: Props) {
  const styles = useStyles2(getStyles);
  const query = useQuery(
    {
      queryKey: ['releases', slo.id, slo.service, slo.revision ?? 0, datasourceUid, from, to],
      queryFn: () => load(slo, datasourceUid, from, to),
    },
    queryClient
  );

  const body = () => {
    if (query.isPending) {
      return <LoadingPlaceholder text="Loading releases…" />;
    }
    if (query.isError) {
      return (
        <Alert
          severity="error"
          title="Could not load the releases"
          buttonContent="Retry"
          onRemove={() => void query.refetch()}
        >
          {errorMessage(query.error)}
        </Alert>
      );
    }
    const { releases, truncated, budgets } = query.data;
    if (releases.length === 0) {
      return (
        <div data-testid={testIds.releases.empty}>
          <Text color="secondary">
            {`No releases of ${slo.service} in this time range. The release gate records them with `}
            <code>sre-reliability gate --annotate</code>.
          </Text>
        </div>
      );
    }
    return (
      <Stack direction="column" gap={1}>
        {truncated && (
          <div data-testid={testIds.releases.truncated}>
            <Alert severity="warning" title={`Only the newest ${releases.length} releases are shown`}>
              Narrow the time range to see the others.
            </Alert>
          </div>
        )}
        <table className={styles.table}>
          <thead>
            <tr>
              <th>Time</th>
              <th>Version</th>
              <th>Decision</th>
              <th>Budget burned since</th>
            </tr>
          </thead>
          <tbody>
            {releases.map((r) => {
              const badge = decisionBadge(r);
              return (
                <tr key={r.annotationId} data-testid={testIds.releases.row}>
                  <td>{new Date(r.time).toLocaleString()}</td>
                  <td>{r.version ?? '(no version)'}</td>
                  <td>
                    <Stack direction="column" gap={0.5}>
                      <Badge text={badge.text} color={badge.color} />
                      {r.exception && (
                        <Text variant="bodySmall" color="secondary">
                          {`${r.exception.reason ?? 'No reason recorded'} · approved by ${r.exception.approver ?? 'unknown'}`}
                        </Text>
                      )}
                    </Stack>
                  </td>
                  <td>{budgetText(r, budgets.get(r.annotationId))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Stack>
    );
  };

  return (
    <section data-testid={testIds.releases.section} aria-label="Releases">
      <Stack direction="column" gap={1}>
        <Text element="h3" variant="h4">
          Releases
        </Text>
        {body()}
      </Stack>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: dataTableStyle(theme, { padding: theme.spacing(0.5, 1) }),
});
