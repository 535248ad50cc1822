import React, { Suspense, lazy, useMemo } from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Badge, LoadingPlaceholder, Stack, Text, TextLink, useStyles2 } from '@grafana/ui';
import {
  type ToilBudgetStatus,
  type ToilEntry,
  type ToilPeriodKind,
  type ToilPeriodReport,
  type ToilTeamSettings,
  toilByPeriod,
  toilByTeam,
} from '../../domain/toil';
import { grafanaHref } from '../../components/links';
import { testIds } from '../../components/testIds';
import { PLUGIN_ID } from '../../constants';
import { formatHours, formatPeriod, formatShare } from './format';
import { toilTrendFrame } from './trendFrame';

// Scenes is a large chunk: the entries view, the page's default, should not wait for it.
const ToilTrend = lazy(() => import('./ToilTrend').then((m) => ({ default: m.ToilTrend })));

interface Props {
  entries: ToilEntry[];
  settings: ToilTeamSettings[];
  range: { from: number; to: number };
  period: ToilPeriodKind;
  now: number;
}

const STATUS: Record<ToilBudgetStatus, { text: string; color: 'red' | 'green' | 'blue' | 'orange' }> = {
  over: { text: 'Over budget', color: 'red' },
  within: { text: 'Within budget', color: 'green' },
  no_entries: { text: 'No entries', color: 'blue' },
  no_capacity: { text: 'Capacity not set', color: 'orange' },
};

/** Where teams set their capacity and budget: the app's configuration page. */
export const ADMIN_HREF = grafanaHref(`/plugins/${PLUGIN_ID}`);

/** A period's cell: the share, "no entries" (never 0%), or the hours when the team's capacity is not set. */
function PeriodCell({ report, styles }: { report: ToilPeriodReport; styles: ReturnType<typeof getStyles> }) {
  const partial = report.partial ? ' (so far)' : '';
  if (report.status === 'no_entries') {
    return <td className={styles.muted}>no entries</td>;
  }
  if (report.status === 'no_capacity') {
    return <td>{formatHours(report.hours) + partial}</td>;
  }
  return (
    <td className={cx(report.status === 'over' && styles.over)}>
      {formatShare(report.share!)}
      {report.status === 'over' ? ' over' : ''}
      {partial}
    </td>
  );
}

/** Each team's toil against its budget over the range, per period, and the weekly trend panel. */
export function ReportsView({ entries, settings, range, period, now }: Props) {
  const styles = useStyles2(getStyles);
  const teams = useMemo(
    () => toilByTeam(entries, settings, range, period, now),
    [entries, settings, range, period, now]
  );
  const periods = useMemo(
    () => toilByPeriod(entries, settings, range, period, now),
    [entries, settings, range, period, now]
  );
  const trend = useMemo(() => toilTrendFrame(entries, settings, range, now), [entries, settings, range, now]);
  const starts = [...new Set(periods.map((p) => p.start))].filter((s) => s < Math.max(now, range.from + 1));

  if (teams.length === 0) {
    return (
      <Text color="secondary">
        No teams yet: log toil, or set a team&apos;s capacity and budget on the{' '}
        <TextLink href={ADMIN_HREF}>Admin page</TextLink>.
      </Text>
    );
  }
  return (
    <Stack direction="column" gap={3}>
      <section data-testid={testIds.toil.reports} aria-labelledby="toil-teams-heading">
        <Text element="h3" id="toil-teams-heading">
          Teams against their toil budget
        </Text>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">Toil</th>
              <th scope="col">Capacity</th>
              <th scope="col">Share</th>
              <th scope="col">Budget</th>
              <th scope="col">Status</th>
              <th scope="col">{period === 'week' ? 'Weeks' : 'Months'} over</th>
            </tr>
          </thead>
          <tbody>
            {teams.map((t) => (
              <tr key={t.team} data-testid={testIds.toil.teamRow}>
                <th scope="row">{t.team}</th>
                <td>{formatHours(t.hours)}</td>
                <td>{t.capacityHours === undefined ? '–' : formatHours(t.capacityHours)}</td>
                <td className={cx(t.status === 'over' && styles.over)}>
                  {t.share === undefined ? '–' : formatShare(t.share)}
                </td>
                <td>{t.budget === undefined ? '–' : formatShare(t.budget)}</td>
                <td>
                  <Badge color={STATUS[t.status].color} text={STATUS[t.status].text} />
                  {t.status === 'no_capacity' && (
                    <>
                      {' '}
                      <TextLink href={ADMIN_HREF} inline>
                        Set capacity
                      </TextLink>
                    </>
                  )}
                </td>
                <td>{t.status === 'no_entries' ? '–' : t.periodsOver}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="toil-periods-heading">
        <Text element="h3" id="toil-periods-heading">
          Per {period}
        </Text>
        <div className={styles.scroll}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Team</th>
                {starts.map((s) => (
                  <th scope="col" key={s} className={styles.nowrap}>
                    {formatPeriod(s, period)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {teams.map((t) => (
                <tr key={t.team}>
                  <th scope="row">{t.team}</th>
                  {starts.map((s) => {
                    const report = periods.find((p) => p.team === t.team && p.start === s);
                    return report ? <PeriodCell key={s} report={report} styles={styles} /> : <td key={s} />;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="toil-trend-heading">
        <Text element="h3" id="toil-trend-heading">
          Weekly trend
        </Text>
        {trend.frame.fields.length > 1 ? (
          <Suspense fallback={<LoadingPlaceholder text="Loading the trend panel…" />}>
            <ToilTrend frame={trend.frame} range={range} />
          </Suspense>
        ) : (
          <Text color="secondary">No team with a capacity logged toil in this range.</Text>
        )}
        {trend.withoutCapacity.length > 0 && (
          <Text color="secondary" variant="bodySmall">
            Not drawn, capacity not set: {trend.withoutCapacity.join(', ')}.
          </Text>
        )}
      </section>
    </Stack>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({
    borderCollapse: 'collapse',
    'th, td': {
      textAlign: 'left',
      padding: theme.spacing(0.75, 1.5),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
    },
    'thead th': { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
  }),
  scroll: css({ overflowX: 'auto' }),
  nowrap: css({ whiteSpace: 'nowrap' }),
  over: css({ color: theme.colors.error.text, fontWeight: theme.typography.fontWeightMedium }),
  muted: css({ color: theme.colors.text.secondary, fontStyle: 'italic' }),
});
