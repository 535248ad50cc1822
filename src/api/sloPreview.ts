import type { DataSourceRef, Slo } from '../domain/slo/model';
import { errorRatioQuery } from '../domain/slo/sli';
import { errorRatioProblem, remainingBudget } from '../domain/slo/budget';
import { queryPrometheus, type QueryResults } from './dsQuery';
import { sliQueriesToCheck } from './sloStatus';

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
  /** Set when an error ratio came back outside [0, 1]: why, and the queries to check; the numbers are then null. */
  dataProblem?: { message: string; queries: string[] };
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
export async function fetchSloPreview(slo: Slo, datasource: string | DataSourceRef, now = Date.now()): Promise<SloPreview> {
  const from = now - PREVIEW_RANGE_MS;
  const [range, instant] = await Promise.all([
    queryPrometheus(datasource, [{ refId: 'ratio', expr: errorRatioQuery(slo, '1h') }], {
      from,
      to: now,
      stepMs: PREVIEW_STEP_MS,
    }),
    queryPrometheus(datasource, [{ refId: 'total', expr: errorRatioQuery(slo, '7d') }], {
      from,
      to: now,
      instant: true,
    }),
  ]);
  const hourly = firstSeries(range, 'ratio');
  const last = firstSeries(instant, 'total').at(-1);
  const errorRatio = last ? last[1] : null;
  const problem = errorRatioProblem(errorRatio) ?? hourly.map(([, r]) => errorRatioProblem(r)).find((p) => p !== null);
  if (problem) {
    return { sli: [], errorRatio: null, remaining: null, dataProblem: { message: problem, queries: sliQueriesToCheck(slo) } };
  }
  const sli = hourly.map(([t, ratio]): [number, number] => [t, 1 - ratio]);
  return { sli, errorRatio, remaining: remainingBudget(errorRatio, slo.objective.target) };
}
