/**
 * The weekly trend as a Grafana DataFrame: one time field (UTC week starts) and one number field per team with its
 * toil share of capacity that week. A week without entries is null, so the line has a gap: never 0% for a week
 * nobody logged. Only whole weeks inside the range that have ended are drawn (the tables show the others). Teams
 * without capacity have no share and are left out (the caller names them).
 */
import { FieldType, ThresholdsMode, type DataFrame, toDataFrame } from '@grafana/data';
import { type ToilEntry, type ToilTeamSettings, toilByPeriod } from '../../domain/toil';

export interface ToilTrend {
  frame: DataFrame;
  /** Teams with entries but no capacity: not drawn. */
  withoutCapacity: string[];
}

/** The weekly toil share per team over the range, as one wide DataFrame. */
export function toilTrendFrame(
  entries: readonly ToilEntry[],
  teams: readonly ToilTeamSettings[],
  range: { from: number; to: number },
  now: number
): ToilTrend {
  // Whole weeks only: a week cut by the range's start, or still running, would read as a dip in the line.
  const end = Math.min(now, range.to);
  const reports = toilByPeriod(entries, teams, range, 'week', now).filter((r) => r.start >= range.from && r.end <= end);
  const starts = [...new Set(reports.map((r) => r.start))].sort((a, b) => a - b);
  const byTeam = new Map<string, typeof reports>();
  for (const r of reports) {
    byTeam.set(r.team, [...(byTeam.get(r.team) ?? []), r]);
  }
  const fields: DataFrame['fields'] = [{ name: 'Time', type: FieldType.time, values: starts, config: {} }];
  const withoutCapacity: string[] = [];
  for (const [team, rows] of byTeam) {
    if (rows.every((r) => r.status === 'no_entries')) {
      continue;
    }
    if (rows[0].capacityHours === undefined) {
      withoutCapacity.push(team);
      continue;
    }
    const budget = rows[0].budget ?? 0.5;
    fields.push({
      name: team,
      type: FieldType.number,
      values: starts.map((s) => rows.find((r) => r.start === s)?.share ?? null),
      config: {
        displayName: team,
        unit: 'percentunit',
        // Each team's own budget is its threshold line.
        thresholds: {
          mode: ThresholdsMode.Absolute,
          steps: [
            { value: -Infinity, color: 'green' },
            { value: budget, color: 'red' },
          ],
        },
      },
    });
  }
  // No frame name: Grafana would show it instead of each team's name in the legend.
  return { frame: toDataFrame({ refId: 'toil', fields }), withoutCapacity };
}
