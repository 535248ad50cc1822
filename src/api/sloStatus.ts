import type { DataSourceRef, Slo } from '../domain/slo/model';
import { windowDuration } from '../domain/slo/defaults';
import { badRateQuery, errorRatioQuery, goodRateQuery, totalRateQuery } from '../domain/slo/sli';
import { assessSlo, burnRate, errorRatioProblem, type SloStatus } from '../domain/slo/budget';
import { errorRatioSeries } from '../domain/rules/names';
import { NO_DATASOURCE, queryPrometheus, type PromQuery, type QueryResults } from './dsQuery';

/** What the list and overview show for one SLO; every number is null when it is unknown (never 0 or 100%). */
export interface SloSnapshot {
  errorRatio: number | null;
  /** The SLI over the window: 1 − errorRatio. */
  sli: number | null;
  remaining: number | null;
  burnRate1h: number | null;
  /**
   * Burn rate over 5 minutes, from the recorded `slo:sli_error:ratio_rate5m`, so a policy with a 5m fast-burn window
   * can be evaluated. Only read with the rules (source `rules`); absent on the raw fallback, which reads 1h only.
   */
  burnRate5m?: number | null;
  status: SloStatus;
  /**
   * `rules`: read from the generated recording rules; `raw`: computed from the SLI queries because the rules are not
   * installed; `no_rules`: the rules are not installed and the raw queries have not run (yet); `none`: failed.
   */
  source: 'rules' | 'raw' | 'no_rules' | 'none';
  error?: string;
  /** Set when the numbers are impossible (status `bad_data`): why, and the queries to check. */
  dataProblem?: { message: string; queries: string[] };
}

/** Which reads fetchSloSnapshots makes; see there. */
export type SnapshotMode = 'auto' | 'rules' | 'raw';

const PERIOD = 'slo:sli_error:ratio_period';
const BURN_1H = 'slo:burn_rate:ratio_rate1h';
const RATIO_5M = errorRatioSeries('5m');
const NO_RULES = 'Recording rules not installed: open the SLO to install them.';

function idRegex(ids: string[]): string {
  // Ids are slugs, but escape anyway: a regex metacharacter would match other SLOs' series.
  return ids.map((id) => id.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')).join('|').replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

function lastValue(results: QueryResults, refId: string, sloId?: string): number | null {
  const series = results[refId]?.series ?? [];
  const match = sloId === undefined ? series[0] : series.find((s) => s.labels.slo_id === sloId);
  const point = match?.points[match.points.length - 1];
  return point ? point[1] : null;
}

/** The SLI queries a user should check when the numbers are impossible: bad (or good) and total over the window. */
export function sliQueriesToCheck(slo: Slo): string[] {
  const window = windowDuration(slo);
  const good = goodRateQuery(slo, window);
  if (slo.sli.kind === 'freeform' || slo.sli.kind === 'availability') {
    return [errorRatioQuery(slo, window)];
  }
  return [good ? `good: ${good}` : `bad: ${badRateQuery(slo, window)}`, `total: ${totalRateQuery(slo, window)}`];
}

function snapshot(slo: Slo, errorRatio: number | null, rate: number | null, source: SloSnapshot['source'], error?: string): SloSnapshot {
  const assessed = assessSlo(errorRatio, rate, slo.objective.target);
  return {
    errorRatio: assessed.problem ? null : errorRatio,
    sli: assessed.sli,
    remaining: assessed.remaining,
    burnRate1h: assessed.burnRate1h,
    status: assessed.status,
    source,
    ...(error ? { error } : {}),
    ...(assessed.problem ? { dataProblem: { message: assessed.problem, queries: sliQueriesToCheck(slo) } } : {}),
  };
}

/**
 * Reads the current state of many SLOs with a constant number of requests: per data source, one request for the
 * slo_id-labelled recording-rule series of all its SLOs, and one more, only if needed, with the raw SLI queries of
 * the SLOs that have no rules installed. A failure marks that data source's SLOs as no data with the error.
 *
 * `mode`: `auto` does both; `rules` only reads the rules and marks the SLOs without them `no_rules` (the list
 * runs the expensive raw queries only for the rows on screen); `raw` only runs the raw queries.
 */
export async function fetchSloSnapshots(
  slos: Slo[],
  defaultUid: string | undefined,
  now: number,
  mode: SnapshotMode = 'auto'
): Promise<Map<string, SloSnapshot>> {
  const out = new Map<string, SloSnapshot>();
  const byDatasource = new Map<string, { ref: DataSourceRef; slos: Slo[] }>();
  for (const slo of slos) {
    const ref = slo.datasource?.uid ? slo.datasource : defaultUid ? { uid: defaultUid } : undefined;
    if (!ref) {
      out.set(slo.id, { ...snapshot(slo, null, null, 'none'), error: NO_DATASOURCE });
      continue;
    }
    const group = byDatasource.get(ref.uid) ?? { ref, slos: [] };
    group.slos.push(slo);
    byDatasource.set(ref.uid, group);
  }
  await Promise.all(
    [...byDatasource.values()].map(async ({ ref, slos: group }) => {
      try {
        const missing = mode === 'raw' ? group : await readRules(ref, group, now, out);
        if (missing.length === 0) {
          return;
        }
        if (mode === 'rules') {
          missing.forEach((slo) => out.set(slo.id, snapshot(slo, null, null, 'no_rules', NO_RULES)));
          return;
        }
        await readRaw(ref, missing, now, out);
      } catch (e) {
        for (const slo of group) {
          out.set(slo.id, snapshot(slo, null, null, 'none', (e as Error).message));
        }
      }
    })
  );
  return out;
}

const instantRange = (now: number) => ({ from: now - 60_000, to: now, instant: true });

/** Reads the rule series of a group into `out`; returns the SLOs that have none. */
async function readRules(ref: DataSourceRef, group: Slo[], now: number, out: Map<string, SloSnapshot>): Promise<Slo[]> {
  const ids = idRegex(group.map((s) => s.id));
  const rules = await queryPrometheus(
    ref,
    [
      { refId: 'period', expr: `${PERIOD}{slo_id=~"${ids}"}` },
      { refId: 'burn', expr: `${BURN_1H}{slo_id=~"${ids}"}` },
      { refId: 'ratio5m', expr: `${RATIO_5M}{slo_id=~"${ids}"}` },
    ],
    instantRange(now)
  );
  const missing: Slo[] = [];
  for (const slo of group) {
    const period = lastValue(rules, 'period', slo.id);
    if (period === null) {
      missing.push(slo);
    } else {
      const ratio5m = lastValue(rules, 'ratio5m', slo.id);
      // An impossible 5m ratio is no burn rate; the policy then decides on the budget alone.
      const burnRate5m = errorRatioProblem(ratio5m) ? null : burnRate(ratio5m, slo.objective.target);
      out.set(slo.id, { ...snapshot(slo, period, lastValue(rules, 'burn', slo.id), 'rules'), burnRate5m });
    }
  }
  return missing;
}

async function readRaw(ref: DataSourceRef, missing: Slo[], now: number, out: Map<string, SloSnapshot>) {
  const queries: PromQuery[] = missing.flatMap((slo, i) => [
    { refId: `p${i}`, expr: errorRatioQuery(slo, windowDuration(slo)) },
    { refId: `b${i}`, expr: errorRatioQuery(slo, '1h') },
  ]);
  const raw = await queryPrometheus(ref, queries, instantRange(now));
  missing.forEach((slo, i) => {
    const ratio1h = lastValue(raw, `b${i}`);
    const error = raw[`p${i}`]?.error ?? raw[`b${i}`]?.error;
    out.set(slo.id, snapshot(slo, lastValue(raw, `p${i}`), burnRate(ratio1h, slo.objective.target), 'raw', error));
  });
}
