import type { Slo } from '../domain/slo/model';
import { errorRatioQuery } from '../domain/slo/sli';
import { remainingBudget } from '../domain/slo/budget';
import { queryPrometheus, type QueryResults } from './dsQuery';

export const PREVIEW_RANGE_MS = 7 * 24 * 3600 * 1000;
export const PREVIEW_STEP_MS = 3600 * 1000;

/** What an SLO would have shown over the last 7 days: the hourly SLI and the budget left. */
export interface SloPreview {
  /** [epoch ms, SLI (good ratio, 0..1)], oldest first; empty when there was no data. */
  sli: Array<[number, number]>;
  /** Error ratio over the whole 7 days, or null without data. */
  errorRatio: number | null;
  /** Share of the error budget left after those 7 days (negative when overspent), or null without data. */
  remaining: number | null;
}

function firstSeries(results: QueryResults, refId: string) {
  const result = results[refId];
  if (result?.error) {
    throw new Error(result.error);
  }
  return result?.series[0]?.points ?? [];
}

/**
 * Previews an SLO that is not saved yet: a 7-day range query of its 1h error ratio (1h step) and an instant
 * query of its 7-day error ratio, both through Grafana's data source layer.
 */
export async function fetchSloPreview(slo: Slo, datasourceUid: string, now = Date.now()): Promise<SloPreview> {
  const from = now - PREVIEW_RANGE_MS;
  const [range, instant] = await Promise.all([
    queryPrometheus(datasourceUid, [{ refId: 'ratio', expr: errorRatioQuery(slo, '1h') }], {
      from,
      to: now,
      stepMs: PREVIEW_STEP_MS,
    }),
    queryPrometheus(datasourceUid, [{ refId: 'total', expr: errorRatioQuery(slo, '7d') }], {
      from,
      to: now,
      instant: true,
    }),
  ]);
  const sli = firstSeries(range, 'ratio').map(([t, ratio]): [number, number] => [t, 1 - ratio]);
  const last = firstSeries(instant, 'total').at(-1);
  const errorRatio = last ? last[1] : null;
  return { sli, errorRatio, remaining: remainingBudget(errorRatio, slo.objective.target) };
}
