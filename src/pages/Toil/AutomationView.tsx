import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Stack, Text, useStyles2 } from '@grafana/ui';
import { type ToilEntry, type ToilEstimates, automationCandidates, topSources } from '../../domain/toil';
import { testIds } from '../../components/testIds';
import { EstimateInput } from './EstimateInput';
import { formatHours, formatShare } from './format';

/** Rows shown per table: the head of each ranking is what a team acts on. */
export const TOP_ROWS = 20;

interface Props {
  entries: ToilEntry[];
  estimates: ToilEstimates;
  range: { from: number; to: number };
  canWrite: boolean;
  onChanged: () => void;
}

/** "Pays back in 3 weeks (4.3× a quarter)" once the team has estimated the effort. */
function payback(weeks: number | undefined, perQuarter: number | undefined): string {
  if (weeks === undefined || perQuarter === undefined) {
    return 'Needs an effort estimate';
  }
  const w = weeks < 1 ? 'under a week' : `${Math.round(weeks * 10) / 10} weeks`;
  return `Pays back in ${w} (${Math.round(perQuarter * 10) / 10}× a quarter)`;
}

/** Where toil comes from (by hours), and which automation would save the most hours each quarter. */
export function AutomationView({ entries, estimates, range, canWrite, onChanged }: Props) {
  const styles = useStyles2(getStyles);
  // Derived entries are computed from incidents and alerts: nobody automates them away as a task.
  const logged = useMemo(() => entries.filter((e) => !e.derived), [entries]);
  const sources = useMemo(() => topSources(logged).slice(0, TOP_ROWS), [logged]);
  const candidates = useMemo(
    () => automationCandidates(logged, estimates, range).slice(0, TOP_ROWS),
    [logged, estimates, range]
  );
  return (
    <Stack direction="column" gap={3}>
      <section data-testid={testIds.toil.sources} aria-labelledby="toil-sources-heading">
        <Text element="h3" id="toil-sources-heading">
          Top toil sources
        </Text>
        {sources.length === 0 ? (
          <Text color="secondary">No logged toil in this range.</Text>
        ) : (
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col">Toil</th>
                <th scope="col">Entries</th>
                <th scope="col">Teams</th>
                <th scope="col">Marked automatable</th>
              </tr>
            </thead>
            <tbody>
              {sources.map((s) => (
                <tr key={s.taskKey}>
                  <td>{s.label}</td>
                  <td>{formatHours(s.hours)}</td>
                  <td>{s.entries}</td>
                  <td>{s.teams.join(', ')}</td>
                  <td>{formatShare(s.automatableShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section data-testid={testIds.toil.candidates} aria-labelledby="toil-candidates-heading">
        <Text element="h3" id="toil-candidates-heading">
          Automation candidates
        </Text>
        <Text color="secondary" variant="bodySmall">
          Tasks mostly marked automatable, by hours saved per quarter; payback = hours saved per quarter ÷ the
          team&apos;s effort estimate.
        </Text>
        {candidates.length === 0 ? (
          <Text color="secondary">No task in this range is marked automatable.</Text>
        ) : (
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col">Team</th>
                <th scope="col">Hours per quarter</th>
                <th scope="col">Effort to automate</th>
                <th scope="col">Payback</th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((c) => (
                <tr key={`${c.team}-${c.taskKey}`}>
                  <td>{c.label}</td>
                  <td>{c.team}</td>
                  <td>{formatHours(c.hoursPerQuarter)}</td>
                  <td>
                    {canWrite ? (
                      <EstimateInput key={c.effortHours ?? 'none'} candidate={c} onSaved={onChanged} />
                    ) : c.effortHours === undefined ? (
                      '–'
                    ) : (
                      formatHours(c.effortHours)
                    )}
                  </td>
                  <td>{payback(c.paybackWeeks, c.paybackPerQuarter)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Stack>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({
    borderCollapse: 'collapse',
    width: '100%',
    'th, td': {
      textAlign: 'left',
      verticalAlign: 'middle',
      padding: theme.spacing(0.75, 1.5),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
    },
    'thead th': { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
  }),
});
