/**
 * Prometheus' arithmetic replayed on the generator's exact counts, to explain residual errors: if a method's
 * answer equals its emulation, whatever separates it from the ground truth is the method's own weighting of
 * events (window edges), not noise, data loss or a bench bug. Mirrors Prometheus 2.x: closed ranges
 * [t − range, t], subquery steps aligned to multiples of the step, and `rate()` extrapolation to the range edges (no counter resets or counter starts occur here).
 */
import type { ServiceCounters } from './data';

/** `rate(counter[windowSec])` at t (seconds), on a counter sampled at `c.times`. NaN with fewer than 2 samples. */
export function emulateRate(times: Float64Array, values: Float64Array, t: number, windowSec: number): number {
  const lo = t - windowSec;
  let first = -1;
  let last = -1;
  // Times are sorted and regular: find the index range by arithmetic, then adjust.
  const step = times.length > 1 ? times[1] - times[0] : 1;
  let i = Math.max(0, Math.ceil((lo - times[0]) / step) - 1);
  for (; i < times.length && times[i] <= t; i++) {
    if (times[i] >= lo) {
      if (first < 0) {
        first = i;
      }
      last = i;
    }
  }
  if (first < 0 || last <= first) {
    return NaN;
  }
  const sampled = times[last] - times[first];
  const avg = sampled / (last - first);
  const increase = values[last] - values[first];
  let durationToStart = times[first] - lo;
  const durationToEnd = t - times[last];
  if (increase > 0 && values[first] >= 0) {
    durationToStart = Math.min(durationToStart, sampled * (values[first] / increase));
  }
  const threshold = avg * 1.1;
  let extrapolateTo = sampled;
  extrapolateTo += durationToStart < threshold ? durationToStart : avg / 2;
  extrapolateTo += durationToEnd < threshold ? durationToEnd : avg / 2;
  return (increase * (extrapolateTo / sampled)) / windowSec;
}

/** Recording-rule evaluation times (offset + k·interval) within the closed range [from, to]. */
export function evalTimes(from: number, to: number, intervalSec: number, offsetSec: number): number[] {
  const out: number[] = [];
  for (let t = Math.ceil((from - offsetSec) / intervalSec) * intervalSec + offsetSec; t <= to; t += intervalSec) {
    out.push(t);
  }
  return out;
}

/** The last run of an hourly group at `offsetSec` past each hour, at or before `end`. */
export function lastHourlyRun(end: number, offsetSec: number): number {
  return Math.floor((end - offsetSec) / 3600) * 3600 + offsetSec;
}

/** The whole hours the period ratio covers when its hourly group last ran at or before `end`: (to − window, to]. */
export function hourlyPeriodWindow(end: number, windowSec: number, hourlyOffsetSec: number): [number, number] {
  const to = Math.floor((lastHourlyRun(end, hourlyOffsetSec) - 60) / 3600) * 3600;
  return [to - windowSec, to];
}

/** Exact bad / all events of the scrapes in (from, to], from the counters (the generator's integers). */
export function exactRatioBetween(c: ServiceCounters, from: number, to: number): number {
  const at = (series: Float64Array, t: number): number => {
    let i = -1;
    for (let k = 0; k < c.times.length && c.times[k] <= t; k++) {
      i = k;
    }
    if (i < 0) {
      throw new Error(`no sample at or before ${t}`);
    }
    return series[i];
  };
  return (at(c.bad, to) - at(c.bad, from)) / (at(c.total, to) - at(c.total, from));
}

/**
 * What `slo:sli_error:ratio_period` reads at `end`: the value its hourly group (every hour at `hourlyOffsetSec`)
 * computed at its last run t ≤ end, `sum_over_time(bad1h[W − 1ms:1h] offset 1m) / sum_over_time(total1h[…])`, over
 * the roll-ups `rate1h = avg_over_time(rate5m[1h − 1ms])` the SLO's group writes every `intervalSec` at `offsetSec`.
 */
export function emulateHourlyPeriod(
  c: ServiceCounters,
  end: number,
  windowSec: number,
  intervalSec: number,
  offsetSec: number,
  hourlyOffsetSec: number
): number {
  const upTo = lastHourlyRun(end, hourlyOffsetSec) - 60;
  let bad = 0;
  let total = 0;
  // Subquery steps: multiples of 1h within [upTo − (W − 1ms), upTo]; each takes the latest roll-up sample.
  for (let h = Math.ceil((upTo - windowSec + 0.001) / 3600) * 3600; h <= upTo; h += 3600) {
    const pick = Math.floor((h - offsetSec) / intervalSec) * intervalSec + offsetSec;
    const evals = evalTimes(pick - 3600 + 0.001, pick, intervalSec, offsetSec);
    let b = 0;
    let t = 0;
    for (const e of evals) {
      b += emulateRate(c.times, c.bad, e, 300);
      t += emulateRate(c.times, c.total, e, 300);
    }
    bad += b / evals.length;
    total += t / evals.length;
  }
  return bad / total;
}

/** Sloth's average of 5m ratios at `end`. */
export function emulateAverageOfRatios(
  c: ServiceCounters,
  end: number,
  windowSec: number,
  intervalSec: number,
  offsetSec: number
): number {
  let sum = 0;
  let n = 0;
  for (const e of evalTimes(end - windowSec, end, intervalSec, offsetSec)) {
    sum += emulateRate(c.times, c.bad, e, 300) / emulateRate(c.times, c.total, e, 300);
    n++;
  }
  return sum / n;
}
