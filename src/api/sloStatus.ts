import type { Slo } from '../domain/slo/model';
import { windowDuration } from '../domain/slo/defaults';
import { errorRatioQuery } from '../domain/slo/sli';
import { burnRate, classifyStatus, remainingBudget, type SloStatus } from '../domain/slo/budget';
import { queryPrometheus, type PromQuery, type QueryResults } from './dsQuery';

/** What the list and overview show for one SLO; every number is null when it is unknown (never 0 or 100%). */
export interface SloSnapshot {
  errorRatio: number | null;
  /** The SLI over the window: 1 − errorRatio. */
  sli: number | null;
  remaining: number | null;
  burnRate1h: number | null;
  status: SloStatus;
  /** `rules`: read from the generated recording rules; `raw`: computed from the SLI queries. */
  source: 'rules' | 'raw' | 'none';
  error?: string;
}

const PERIOD = 'slo:sli_error:ratio_period';
const BURN_1H = 'slo:burn_rate:ratio_rate1h';

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

function snapshot(slo: Slo, errorRatio: number | null, rate: number | null, source: SloSnapshot['source'], error?: string): SloSnapshot {
  const target = slo.objective.target;
  const remaining = remainingBudget(errorRatio, target);
  return {
    errorRatio,
    sli: errorRatio === null ? null : 1 - errorRatio,
    remaining,
    burnRate1h: rate,
    status: classifyStatus(remaining, rate),
    source,
    ...(error ? { error } : {}),
  };
}

/**
 * Reads the current state of many SLOs with a constant number of requests: per data source, one request for the
 * slo_id-labelled recording-rule series of all its SLOs, and one more, only if needed, with the raw SLI queries of
 * the SLOs that have no rules installed. A failure marks that data source's SLOs as no data with the error.
 */
export async function fetchSloSnapshots(slos: Slo[], defaultUid: string | undefined, now: number): Promise<Map<string, SloSnapshot>> {
  const out = new Map<string, SloSnapshot>();
  const byDatasource = new Map<string, Slo[]>();
  for (const slo of slos) {
    const uid = slo.datasource?.uid || defaultUid;
    if (!uid) {
      out.set(slo.id, { ...snapshot(slo, null, null, 'none'), error: 'No data source: set one on the SLO or a default on the Admin page.' });
      continue;
    }
    byDatasource.set(uid, [...(byDatasource.get(uid) ?? []), slo]);
  }
  await Promise.all(
    [...byDatasource].map(async ([uid, group]) => {
      try {
        await readGroup(uid, group, now, out);
      } catch (e) {
        for (const slo of group) {
          out.set(slo.id, snapshot(slo, null, null, 'none', (e as Error).message));
        }
      }
    })
  );
  return out;
}

async function readGroup(uid: string, group: Slo[], now: number, out: Map<string, SloSnapshot>) {
  const ids = idRegex(group.map((s) => s.id));
  const range = { from: now - 60_000, to: now, instant: true };
  const rules = await queryPrometheus(
    uid,
    [
      { refId: 'period', expr: `${PERIOD}{slo_id=~"${ids}"}` },
      { refId: 'burn', expr: `${BURN_1H}{slo_id=~"${ids}"}` },
    ],
    range
  );
  const missing: Slo[] = [];
  for (const slo of group) {
    const period = lastValue(rules, 'period', slo.id);
    if (period === null) {
      missing.push(slo);
    } else {
      out.set(slo.id, snapshot(slo, period, lastValue(rules, 'burn', slo.id), 'rules'));
    }
  }
  if (missing.length === 0) {
    return;
  }
  const queries: PromQuery[] = missing.flatMap((slo, i) => [
    { refId: `p${i}`, expr: errorRatioQuery(slo, windowDuration(slo)) },
    { refId: `b${i}`, expr: errorRatioQuery(slo, '1h') },
  ]);
  const raw = await queryPrometheus(uid, queries, range);
  missing.forEach((slo, i) => {
    const ratio1h = lastValue(raw, `b${i}`);
    const error = raw[`p${i}`]?.error ?? raw[`b${i}`]?.error;
    out.set(slo.id, snapshot(slo, lastValue(raw, `p${i}`), burnRate(ratio1h, slo.objective.target), 'raw', error));
  });
}
