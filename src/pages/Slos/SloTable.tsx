import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Icon, Stack, Text, TextLink, useStyles2 } from '@grafana/ui';
import { BudgetBar } from '../../components/BudgetBar';
import { SloStatusBadge } from '../../components/SloStatusBadge';
import { testIds } from '../../components/testIds';
import { ROUTES, prefixRoute } from '../../constants';
import { budgetBarFraction, formatBudget, formatBurnRate, formatObjective, formatSli } from './format';
import type { SloRow, SortDir, SortKey } from './listModel';

const COLUMNS: Array<{ key: SortKey; title: string }> = [
  { key: 'name', title: 'Name' },
  { key: 'service', title: 'Service' },
  { key: 'objective', title: 'Objective' },
  { key: 'sli', title: 'SLI' },
  { key: 'budget', title: 'Error budget left' },
  { key: 'burn', title: 'Burn rate (1h)' },
  { key: 'status', title: 'Status' },
];

interface Props {
  rows: SloRow[];
  sort: SortKey;
  dir: SortDir;
  onSort: (key: SortKey) => void;
}

/** The SLO list. Every header is a button that sorts by its column (a second click reverses). */
export function SloTable({ rows, sort, dir, onSort }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <table className={styles.table} data-testid={testIds.slos.table}>
      <thead>
        <tr>
          {COLUMNS.map((col) => {
            const active = col.key === sort;
            return (
              <th key={col.key} scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                <button type="button" className={styles.sortButton} onClick={() => onSort(col.key)}>
                  {col.title}
                  {active && <Icon name={dir === 'asc' ? 'arrow-up' : 'arrow-down'} size="sm" aria-hidden />}
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ slo, snapshot }) => (
          <tr key={slo.id} data-testid={testIds.slos.row}>
            <td>
              <Stack direction="column" gap={0}>
                <TextLink href={prefixRoute(`${ROUTES.Slos}/${encodeURIComponent(slo.id)}`)} inline={false}>
                  {slo.name}
                </TextLink>
                <Text variant="bodySmall" color="secondary">
                  {slo.description ? `${slo.service} · ${slo.description}` : slo.service}
                </Text>
              </Stack>
            </td>
            <td>{slo.service}</td>
            <td className={styles.nowrap}>{formatObjective(slo)}</td>
            <td className={styles.nowrap}>
              {snapshot.sli === null ? <Text color="secondary">No data</Text> : formatSli(snapshot.sli)}
            </td>
            <td>
              <BudgetBar
                remaining={snapshot.remaining}
                fraction={budgetBarFraction(snapshot.remaining)}
                label={formatBudget(snapshot.remaining)}
              />
            </td>
            <td className={styles.nowrap}>
              {snapshot.burnRate1h === null ? (
                <Text color="secondary">No data</Text>
              ) : (
                formatBurnRate(snapshot.burnRate1h)
              )}
            </td>
            <td>
              <SloStatusBadge status={snapshot.status} error={snapshot.error} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    'th, td': {
      padding: theme.spacing(1, 1.5),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
      verticalAlign: 'middle',
    },
    th: { fontWeight: theme.typography.fontWeightMedium, whiteSpace: 'nowrap' },
    'tbody tr:hover': { background: theme.colors.action.hover },
  }),
  sortButton: css({
    all: 'unset',
    cursor: 'pointer',
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}`, outlineOffset: 2 },
  }),
  nowrap: css({ whiteSpace: 'nowrap' }),
});
