import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Icon, Stack, Text, TextLink, useStyles2 } from '@grafana/ui';
import type { BrokenItem } from '../../api/storedItems';
import { BudgetBar } from '../../components/BudgetBar';
import { DataProblem } from '../../components/DataProblem';
import { SloStatusBadge } from '../../components/SloStatusBadge';
import { testIds } from '../../components/testIds';
import { ROUTES } from '../../constants';
import { appHref } from '../../components/links';
import { budgetBarFraction, formatBudget, formatBurnRate, formatObjective, formatSli } from './format';
import type { SloRow, SortDir, SortKey } from './listModel';
import type { ErrorBudgetPolicy } from '../../domain/policy/model';
import { PolicyBadge } from './PolicyBadge';
import { decidePolicy } from './policyDecision';

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
  /** Stored SLOs that failed validation, shown first with what is wrong. */
  broken?: BrokenItem[];
  /** Whether to link broken SLOs to their editor. */
  canEdit?: boolean;
  sort: SortKey;
  dir: SortDir;
  onSort: (key: SortKey) => void;
  /** Stored error-budget policies; SLOs that name none follow the built-in Workbook policy. */
  policies?: readonly ErrorBudgetPolicy[];
}

/** The SLO list. Every header is a button that sorts by its column (a second click reverses). */
export function SloTable({ rows, broken = [], canEdit = false, sort, dir, onSort, policies = [] }: Props) {
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
          <th scope="col">Policy</th>
        </tr>
      </thead>
      <tbody>
        {broken.map((item) => (
          <tr key={`broken-${item.index}`} data-testid={testIds.slos.brokenRow}>
            <td>
              <Stack direction="column" gap={0}>
                <Text weight="medium">{item.name ?? item.id ?? `Stored SLO #${item.index + 1}`}</Text>
                {canEdit && item.id && (
                  <TextLink href={appHref(`${ROUTES.Slos}/${encodeURIComponent(item.id)}/edit`)} inline={false}>
                    Fix it in the editor
                  </TextLink>
                )}
              </Stack>
            </td>
            <td colSpan={COLUMNS.length}>
              <Stack direction="column" gap={0}>
                <Text color="error">This stored SLO is invalid and is not evaluated:</Text>
                {item.problems.map((p) => (
                  <Text key={p.path} variant="bodySmall">{`${p.path}: ${p.message}`}</Text>
                ))}
              </Stack>
            </td>
          </tr>
        ))}
        {rows.map(({ slo, snapshot, pending }) => (
          <tr key={slo.id} data-testid={testIds.slos.row}>
            <td>
              <Stack direction="column" gap={0}>
                <TextLink href={appHref(`${ROUTES.Slos}/${encodeURIComponent(slo.id)}`)} inline={false}>
                  {slo.name}
                </TextLink>
                <Text variant="bodySmall" color="secondary">
                  {slo.description ? `${slo.service} · ${slo.description}` : slo.service}
                </Text>
              </Stack>
            </td>
            <td>{slo.service}</td>
            <td className={styles.nowrap}>{formatObjective(slo)}</td>
            {pending ? (
              <td colSpan={5}>
                <Text color="secondary">Loading…</Text>
              </td>
            ) : snapshot.dataProblem ? (
              <>
                <td colSpan={3}>
                  <DataProblem problem={snapshot.dataProblem} />
                </td>
                <td>
                  <SloStatusBadge status={snapshot.status} error={snapshot.error} />
                </td>
              </>
            ) : (
              <>
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
                  <Stack direction="column" gap={0.5} alignItems="flex-start">
                    <SloStatusBadge status={snapshot.status} error={snapshot.error} />
                    {(snapshot.source === 'no_rules' || snapshot.source === 'raw') && (
                      <span data-testid={testIds.slos.noRules}>
                        <TextLink href={appHref(`${ROUTES.Slos}/${encodeURIComponent(slo.id)}`)} variant="bodySmall" inline={false}>
                          Rules not installed: install
                        </TextLink>
                      </span>
                    )}
                  </Stack>
                </td>
              </>
            )}
            {!pending && (
              <td>
                <PolicyBadge view={decidePolicy(slo, snapshot, policies)} />
              </td>
            )}
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
