/** The three ways to get a 30-day error ratio, and their measurement against ground truth. */
import { windowDuration, type RatioSli, type Slo } from '../src/domain/slo';
import { errorRatioSeries } from '../src/domain/rules';
import type { ServiceTruth } from './data';
import { instantQuery, median } from './queries';

export type MethodId = 'raw' | 'sloth' | 'ours';

export const METHOD_LABELS: Record<MethodId, string> = {
  raw: 'raw increase[30d] on the counters',
  sloth: "Sloth's average of 5m ratios",
  ours: 'ours: slo:sli_error:ratio_period (the hourly value, forwarded)',
};

/** The PromQL of each method for one SLO; `ours` is the generated period rule's expression, verbatim. */
export function methodQueries(slo: Slo, periodExpr: string): Record<MethodId, string> {
  const sli = slo.sli as RatioSli;
  if (sli.kind !== 'ratio' || sli.bad === undefined) {
    throw new Error(`${slo.id}: the bench needs ratio SLIs with a bad selector`);
  }
  const w = windowDuration(slo);
  const r5m = `${errorRatioSeries('5m')}{slo_id="${slo.id}"}`;
  return {
    raw: `sum(increase(${sli.bad}[${w}])) / sum(increase(${sli.total}[${w}]))`,
    sloth: `sum_over_time(${r5m}[${w}]) / count_over_time(${r5m}[${w}])`,
    ours: periodExpr,
  };
}

export interface Measurement {
  sloId: string;
  method: MethodId;
  query: string;
  timeSec: number;
  answer: number;
  truth: number;
  /** (answer − truth) / truth */
  relError: number;
  /** Prometheus' arithmetic replayed on the exact counts (emulate.ts), and (answer − emulated) / truth. */
  emulated: number;
  emulationGap: number;
  totalQueryableSamples: number;
  peakSamples: number;
  wallMsMedian: number;
  evalMsMedian: number;
  wallMsRuns: number[];
}

/** Runs every method for one SLO `runs` times at the SLO's aligned end time; the answer must not change. */
export async function measureSlo(
  url: string,
  slo: Slo,
  truth: ServiceTruth,
  periodExpr: string,
  runs: number,
  emulated: Record<MethodId, number>,
  /**
   * What computing ours costs: the hourly rule at its last run. Ours answers with the forwarded value, which reads a
   * sample or two; the window is read once an hour by the hourly rule, so its samples are ours' cost.
   */
  oursCost: { expr: string; timeSec: number },
  /** The exact ratio of the whole hours ours covers (the 30 days up to the last whole hour before its hourly run). */
  oursTruth: number
): Promise<Measurement[]> {
  const queries = methodQueries(slo, periodExpr);
  const out: Measurement[] = [];
  for (const method of Object.keys(queries) as MethodId[]) {
    const query = queries[method];
    const exact = method === 'ours' ? oursTruth : truth.bad / truth.total;
    const results = [];
    for (let i = 0; i < runs; i++) {
      results.push(await instantQuery(url, query, truth.endSec));
    }
    const first = results[0];
    if (!Number.isFinite(first.value)) {
      throw new Error(`${slo.id} ${method}: no value (${first.series} series) for ${query}`);
    }
    if (results.some((r) => r.value !== first.value || r.totalQueryableSamples !== first.totalQueryableSamples)) {
      throw new Error(`${slo.id} ${method}: repeated runs disagree`);
    }
    const cost = method === 'ours' ? await instantQuery(url, oursCost.expr, oursCost.timeSec) : first;
    if (cost.value !== first.value) {
      throw new Error(
        `${slo.id} ours: the hourly rule gives ${cost.value} at its run, the forwarded value is ${first.value}`
      );
    }
    out.push({
      sloId: slo.id,
      method,
      query,
      timeSec: truth.endSec,
      answer: first.value,
      truth: exact,
      relError: (first.value - exact) / exact,
      emulated: emulated[method],
      emulationGap: (first.value - emulated[method]) / exact,
      totalQueryableSamples: cost.totalQueryableSamples,
      peakSamples: cost.peakSamples,
      wallMsMedian: median(results.map((r) => r.wallMs)),
      evalMsMedian: median(results.map((r) => r.evalMs)),
      wallMsRuns: results.map((r) => Math.round(r.wallMs * 100) / 100),
    });
  }
  return out;
}
