import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Box, EmptyState, LinkButton, LoadingPlaceholder, Stack, Text, TextLink, useStyles2 } from '@grafana/ui';
import { LoadError } from '../../components/LoadError';
import { BudgetBar } from '../../components/BudgetBar';
import { DataProblem } from '../../components/DataProblem';
import { SloStatusBadge } from '../../components/SloStatusBadge';
import { testIds } from '../../components/testIds';
import { ROUTES } from '../../constants';
import { appHref } from '../../components/links';
import { budgetBarFraction, formatBudget, formatObjective } from '../Slos/format';
import { worstFirst } from '../Slos/listModel';
import { useSlosWithStatus } from '../Slos/useSlosWithStatus';
import { countByStatus } from './statusCounts';

const WORST_LIMIT = 10;

/** SLO counts by status and the worst error budgets, each linking to its SLO. */
export function SloOverview() {
  const styles = useStyles2(getStyles);
  const data = useSlosWithStatus();

  if (data.state === 'loading') {
    return <LoadingPlaceholder text="Loading SLOs…" />;
  }
  if (data.state === 'error') {
    return <LoadError title="Could not load SLOs" error={data.error} onRetry={data.reload} />;
  }
  if (data.rows.length === 0) {
    return (
      <EmptyState
        variant="call-to-action"
        message="No SLOs yet"
        button={<LinkButton href={appHref(ROUTES.Slos)}>Go to SLOs</LinkButton>}
      />
    );
  }

  const counts = countByStatus(data.rows.map((r) => r.snapshot.status));
  const worst = worstFirst(data.rows, WORST_LIMIT);
  return (
    <Stack direction="column" gap={3}>
      <Stack direction="row" gap={2} wrap="wrap" data-testid={testIds.overview.statusCounts}>
        {counts.map(({ status, count }) => (
          <Box key={status} padding={2} borderColor="weak" borderStyle="solid" borderRadius="default" minWidth={16}>
            <Stack direction="column" gap={1} alignItems="flex-start">
              <SloStatusBadge status={status} />
              <Text element="span" variant="h2" aria-label={`${status} count`}>
                {count}
              </Text>
            </Stack>
          </Box>
        ))}
      </Stack>
      <section aria-labelledby="overview-worst-heading">
        <Text element="h3" variant="h4" id="overview-worst-heading">
          Worst error budgets
        </Text>
        <ol className={styles.list} data-testid={testIds.overview.worst}>
          {worst.map(({ slo, snapshot }) => (
            <li key={slo.id} className={styles.item}>
              <Stack direction="row" justifyContent="space-between" alignItems="center" wrap="wrap">
                <Stack direction="column" gap={0}>
                  <TextLink href={appHref(`${ROUTES.Slos}/${encodeURIComponent(slo.id)}`)} inline={false}>
                    {slo.name}
                  </TextLink>
                  <Text variant="bodySmall" color="secondary">
                    {`${slo.service} · ${formatObjective(slo)}`}
                  </Text>
                </Stack>
                <Stack direction="row" gap={2} alignItems="center">
                  {snapshot.dataProblem && <DataProblem problem={snapshot.dataProblem} />}
                  <BudgetBar
                    remaining={snapshot.remaining}
                    fraction={budgetBarFraction(snapshot.remaining)}
                    label={formatBudget(snapshot.remaining)}
                  />
                  <SloStatusBadge status={snapshot.status} error={snapshot.error} />
                </Stack>
              </Stack>
            </li>
          ))}
        </ol>
      </section>
    </Stack>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({ listStyle: 'none', margin: 0, padding: 0 }),
  item: css({ padding: theme.spacing(1, 0), borderBottom: `1px solid ${theme.colors.border.weak}` }),
});
