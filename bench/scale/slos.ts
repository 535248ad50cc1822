/**
 * The SLOs of the scale bench and the raw series they read: one third each of the kinds teams use.
 *
 * - ratio: `http_server_requests_seconds_count{service,status,outcome}`, 3 series (200, 404, 500); bad = SERVER_ERROR.
 * - latency: `http_server_requests_seconds_bucket{service,le}` (0.1, 0.25, 0.5, 1, +Inf) and `_count`, 6 series;
 *   good = `le="0.5"`.
 * - availability: `up{job,instance}`, 2 instances.
 *
 * Values are deterministic (seeded) and plausible; their exact shape does not matter here, because rule evaluation
 * cost depends on the number of series and samples a rule reads, not on the values.
 */
import { validateSlos, type Slo } from '../../src/domain/slo';
import { prng } from '../data';
import { type OpenMetricsWriter, labelText } from '../openmetrics';

export const REQUESTS = 'http_server_requests_seconds';
const TARGETS = [0.999, 0.995, 0.99, 0.9995];
const BUCKETS = ['0.1', '0.25', '0.5', '1', '+Inf'];

export type Kind = 'ratio' | 'latency' | 'availability';
export const kindOf = (i: number): Kind => (['ratio', 'latency', 'availability'] as const)[i % 3];
const name = (i: number): string => `${kindOf(i)}-${String(i).padStart(5, '0')}`;

/** N SLOs, ids `<kind>-<i>`, each over its own raw series. */
export function scaleSlos(n: number): Slo[] {
  const slos = Array.from({ length: n }, (_, i): Slo => {
    const id = name(i);
    const base = { id, name: id, service: id, labels: { team: `team-${i % 20}` } };
    const objective = { target: TARGETS[i % TARGETS.length] };
    const window = { type: 'rolling' as const, duration: '30d' };
    switch (kindOf(i)) {
      case 'ratio':
        return {
          ...base,
          objective,
          window,
          sli: {
            kind: 'ratio',
            bad: `${REQUESTS}_count{service="${id}",outcome="SERVER_ERROR"}`,
            total: `${REQUESTS}_count{service="${id}"}`,
          },
        };
      case 'latency':
        return {
          ...base,
          objective,
          window,
          sli: {
            kind: 'latency',
            metric: REQUESTS,
            threshold: 0.5,
            matchers: [{ name: 'service', op: '=', value: id }],
          },
        };
      case 'availability':
        return {
          ...base,
          objective,
          window,
          sli: { kind: 'availability', metric: 'up', matchers: [{ name: 'job', op: '=', value: id }] },
        };
    }
  });
  const problems = validateSlos(slos);
  if (problems.length) {
    throw new Error(`scale bench SLOs are invalid: ${JSON.stringify(problems.slice(0, 3))}`);
  }
  return slos;
}

interface RawSeries {
  family: string;
  labels: Record<string, string>;
  /** Counter increments per step are drawn as a share of the SLO's traffic; gauges (up) are 0/1. */
  share: number;
  gauge: boolean;
}

function rawSeries(n: number): RawSeries[] {
  const out: RawSeries[] = [];
  for (let i = 0; i < n; i++) {
    const id = name(i);
    if (kindOf(i) === 'ratio') {
      out.push({
        family: `${REQUESTS}_count`,
        labels: { service: id, status: '200', outcome: 'SUCCESS' },
        share: 0.97,
        gauge: false,
      });
      out.push({
        family: `${REQUESTS}_count`,
        labels: { service: id, status: '404', outcome: 'CLIENT_ERROR' },
        share: 0.02,
        gauge: false,
      });
      out.push({
        family: `${REQUESTS}_count`,
        labels: { service: id, status: '500', outcome: 'SERVER_ERROR' },
        share: 0.01,
        gauge: false,
      });
    } else if (kindOf(i) === 'latency') {
      const cum = [0.6, 0.85, 0.995, 0.999, 1];
      BUCKETS.forEach((le, b) =>
        out.push({ family: `${REQUESTS}_bucket`, labels: { service: id, le }, share: cum[b], gauge: false })
      );
      out.push({ family: `${REQUESTS}_count`, labels: { service: id }, share: 1, gauge: false });
    } else {
      for (const instance of ['a:8080', 'b:8080']) {
        out.push({ family: 'up', labels: { job: id, instance }, share: 0.999, gauge: true });
      }
    }
  }
  return out;
}

/**
 * Writes `steps` samples per raw series, one every `resolutionSec`, ending at `endSec`; returns the series count.
 * Latency buckets share one traffic draw per step so they stay cumulative (le=0.1 <= ... <= +Inf = count).
 */
export async function writeRawSeries(
  writer: OpenMetricsWriter,
  n: number,
  steps: number,
  resolutionSec: number,
  endSec: number,
  seed: number
): Promise<number> {
  const rnd = prng(seed);
  const series = rawSeries(n);
  const families = [...new Set(series.map((s) => s.family))];
  const first = endSec - (steps - 1) * resolutionSec;
  const traffic = new Float64Array(steps);
  for (const family of families) {
    await writer.family(family, family === 'up' ? 'gauge' : 'counter');
    for (const s of series.filter((x) => x.family === family)) {
      // One traffic path per SLO (keyed by its service/job), so the series of one SLO stay consistent.
      const key = s.labels.service ?? s.labels.job;
      const local = prng(seed ^ hash(key));
      const perStep = 50 + Math.floor(local() * 2000);
      let acc = 1e4 + Math.floor(local() * 1e6);
      for (let t = 0; t < steps; t++) {
        traffic[t] = Math.round(perStep * (0.5 + local()));
      }
      const text = family + labelText(s.labels);
      for (let t = 0; t < steps; t++) {
        const ts = first + t * resolutionSec;
        if (s.gauge) {
          writer.sample(text, rnd() < s.share ? 1 : 0, ts);
        } else {
          acc += Math.round(traffic[t] * s.share);
          writer.sample(text, acc, ts);
        }
      }
      await writer.flushIfFull();
    }
  }
  return series.length;
}

function hash(s: string): number {
  let h = 2166136261;
  for (const c of s) {
    h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  }
  return h;
}
