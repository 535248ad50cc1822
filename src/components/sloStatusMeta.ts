import type { BadgeColor } from '@grafana/ui';
import type { SloStatus } from '../domain/slo/budget';

/** The one place that maps an SLO status to its words and colour; `rank` orders worst first. */
export const SLO_STATUS_META: Record<SloStatus, { label: string; color: BadgeColor; rank: number }> = {
  exhausted: { label: 'Exhausted', color: 'red', rank: 0 },
  burning_fast: { label: 'Burning fast', color: 'red', rank: 1 },
  at_risk: { label: 'At risk', color: 'orange', rank: 2 },
  healthy: { label: 'Healthy', color: 'green', rank: 3 },
  // Impossible numbers are a problem with the queries, not a budget state: never shown as red or green.
  bad_data: { label: 'Check queries', color: 'purple', rank: 4 },
  no_data: { label: 'No data', color: 'darkgrey', rank: 5 },
};

/** Statuses worst first. */
export const SLO_STATUSES = (Object.keys(SLO_STATUS_META) as SloStatus[]).sort(
  (a, b) => SLO_STATUS_META[a].rank - SLO_STATUS_META[b].rank
);
