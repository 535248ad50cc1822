/**
 * PromQL for an SLI over a window: bad-event rate, total-event rate and error ratio (= bad / total).
 * Every returned expression is safe to compose: it is either a function call or wrapped in parentheses.
 *
 * Event models per kind
 * - ratio: plain counter selectors are wrapped as `sum(rate(<sel>[w]))`; templates have `{{.window}}` expanded.
 *   With `good`, bad = total − good. A plain bad/good selector gets `or vector(0)`: a counter that has never been
 *   incremented (no 5xx yet) often does not exist, and without the fallback the ratio would be "no data"
 *   instead of 0.
 * - latency: good = `<metric>_bucket{le=<threshold>}`, total = `<metric>_count`. See leMatcher for `le`.
 * - availability: a 0/1 gauge; every sample is an event, a 0 sample is a bad event. Rates are samples per
 *   second over the window. The error ratio is `1 − avg(avg_over_time(...))`, which equals bad / total when every
 *   series has the same number of samples (the usual case: one scrape interval).
 * - freeform: only an error ratio exists. For the period ratio each evaluation counts as one unit of traffic
 *   (total = 1, bad = the ratio), i.e. the period SLI is time-weighted, the best that can be done without
 *   event counts. NaN ratios (no traffic) are dropped so they cannot poison 30-day sums.
 */
import { durationSeconds } from './durations';
import type { LatencySli, Slo } from './model';
import { expandWindow, isPlainSelector, matchersToSelector, matchersToString } from './promql';

type SliInput = Pick<Slo, 'sli'>;

function counterRate(exprOrTemplate: string, window: string): string {
  const e = exprOrTemplate.trim();
  return isPlainSelector(e) ? `sum(rate(${e}[${window}]))` : `(${expandWindow(e, window).trim()})`;
}

function counterRateOrZero(exprOrTemplate: string, window: string): string {
  return isPlainSelector(exprOrTemplate)
    ? `(${counterRate(exprOrTemplate, window)} or vector(0))`
    : counterRate(exprOrTemplate, window);
}

/**
 * The `le` matcher for a bucket boundary. Go and Python-style clients and Micrometer write `0.3` for 0.3, which
 * JavaScript's `String(n)` also gives, so fractional thresholds match exactly. Whole numbers differ: Go writes `1`,
 * the Java simpleclient (and Micrometer on it) writes `1.0`, and Prometheus 3 normalises to `1`; so whole
 * thresholds use a regex accepting both. Fully anchored by Prometheus, so `1` never matches `10` or `1.5`.
 */
export function leMatcher(threshold: number): string {
  if (Number.isInteger(threshold)) {
    return `le=~"${threshold}|${threshold}\\\\.0"`;
  }
  return `le="${String(threshold)}"`;
}

function latencySelectors(sli: LatencySli): { bucket: string; count: string } {
  const inner = matchersToString(sli.matchers);
  const sep = inner ? ',' : '';
  return {
    bucket: `${sli.metric}_bucket{${inner}${sep}${leMatcher(sli.threshold)}}`,
    count: matchersToSelector(`${sli.metric}_count`, sli.matchers),
  };
}

/** PromQL for the rate of good events (latency and ratio-with-good only; others derive it). */
export function goodRateQuery(slo: SliInput, window: string): string | undefined {
  const sli = slo.sli;
  if (sli.kind === 'latency') {
    return `sum(rate(${latencySelectors(sli).bucket}[${window}]))`;
  }
  if (sli.kind === 'ratio' && sli.good !== undefined) {
    return counterRateOrZero(sli.good, window);
  }
  return undefined;
}

/** PromQL for the rate of all events over `window` (per second; see the file comment for availability/freeform). */
export function totalRateQuery(slo: SliInput, window: string): string {
  const sli = slo.sli;
  switch (sli.kind) {
    case 'ratio':
      return counterRate(sli.total, window);
    case 'latency':
      return `sum(rate(${latencySelectors(sli).count}[${window}]))`;
    case 'availability': {
      const sel = matchersToSelector(sli.metric, sli.matchers);
      return `(sum(count_over_time(${sel}[${window}])) / ${durationSeconds(window)})`;
    }
    case 'freeform':
      return `(((${expandWindow(sli.errorRatio, window).trim()}) >= 0) * 0 + 1)`;
  }
}

/** PromQL for the rate of bad events over `window`. */
export function badRateQuery(slo: SliInput, window: string): string {
  const sli = slo.sli;
  switch (sli.kind) {
    case 'ratio':
      if (sli.bad !== undefined) {
        return counterRateOrZero(sli.bad, window);
      }
      return `(${totalRateQuery(slo, window)} - ${goodRateQuery(slo, window)})`;
    case 'latency':
      return `(${totalRateQuery(slo, window)} - ${goodRateQuery(slo, window)})`;
    case 'availability': {
      const sel = matchersToSelector(sli.metric, sli.matchers);
      return `((sum(count_over_time(${sel}[${window}])) - sum(sum_over_time(${sel}[${window}]))) / ${durationSeconds(window)})`;
    }
    case 'freeform':
      return `((${expandWindow(sli.errorRatio, window).trim()}) >= 0)`;
  }
}

/** PromQL for the error ratio (bad / total, in [0, 1]) over `window`; NaN or empty when there was no traffic. */
export function errorRatioQuery(slo: SliInput, window: string): string {
  const sli = slo.sli;
  switch (sli.kind) {
    case 'availability':
      return `(1 - avg(avg_over_time(${matchersToSelector(sli.metric, sli.matchers)}[${window}])))`;
    case 'freeform':
      return `(${expandWindow(sli.errorRatio, window).trim()})`;
    default:
      return `(${badRateQuery(slo, window)} / ${totalRateQuery(slo, window)})`;
  }
}
