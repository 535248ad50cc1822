/**
 * Pyrra-equivalent rules for the scale bench's SLOs, written after Pyrra's generator (pyrra-dev/pyrra `slo/rules.go`:
 * `Burnrates()` and `IncreaseRules()`), so both approaches are measured on the same data in the same way.
 *
 * Per SLO Pyrra writes two groups:
 * - `<slo>-increase`: the 30-day totals over the raw series, e.g. `sum by (outcome) (increase(<counter>[30d]))`
 *   (ratio), `sum(increase(<hist>_count[30d]))` and `sum by (le) (increase(<hist>_bucket{le="0.5"}[30d]))`
 *   (latency), `count_over_time(up[30d])` and `sum_over_time(up[30d])` (bool gauge), plus `SLOMetricAbsent` alerts.
 *   Pyrra evaluates this group every 2m30s for a 30d window.
 * - `<slo>`: burn-rate ratios over the raw series for the windows `Windows(30d)` gives (5m, 32m, 1h4m, 2h9m, 6h26m,
 *   1d1h43m, 4d6h51m), and the four multi-window `ErrorBudgetBurn` alerts. Pyrra evaluates it every 30s.
 * The bench runs both groups at the same interval as ours, so per-interval costs compare; the report converts to
 * Pyrra's own intervals with the arithmetic shown.
 */
import type { PrometheusRuleFile, Rule } from '../../src/domain/rules';
import type { Slo } from '../../src/domain/slo';
import { REQUESTS } from './slos';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/** Pyrra's `Windows(sloWindow)`: [factor, long, short] per alert tier, rounded to the minute as Pyrra does. */
export function pyrraWindows(
  sloWindowMs: number
): Array<{ factor: number; long: number; short: number; forMs: number }> {
  const r = (x: number): number => Math.round(x / MIN) * MIN;
  const w = sloWindowMs;
  return [
    { factor: 14, long: r(w / (28 * 24)), short: r(w / (28 * 24 * 12)), forMs: r(w / (28 * 24 * 30)) },
    { factor: 7, long: r(w / (28 * 4)), short: r(w / (28 * 24 * 2)), forMs: r(w / (28 * 24 * 4)) },
    { factor: 2, long: r(w / 28), short: r(w / (28 * 12)), forMs: r(w / (28 * 24)) },
    { factor: 1, long: r((w * 4) / 28), short: r(w / (28 * 4)), forMs: r(w / (28 * 8)) },
  ];
}

/** A Prometheus duration string (`1d1h43m`) for whole minutes. */
export function promDuration(ms: number): string {
  let m = Math.round(ms / MIN);
  const d = Math.floor(m / 1440);
  m -= d * 1440;
  const h = Math.floor(m / 60);
  m -= h * 60;
  return `${d ? `${d}d` : ''}${h ? `${h}h` : ''}${m ? `${m}m` : ''}` || '0m';
}

function sel(slo: Slo): {
  total: string;
  bad?: string;
  good?: string;
  metricBase: string;
  equal: Record<string, string>;
} {
  const sli = slo.sli;
  if (sli.kind === 'ratio') {
    return { total: sli.total, bad: sli.bad, metricBase: REQUESTS, equal: { service: slo.id } };
  }
  if (sli.kind === 'latency') {
    return {
      total: `${sli.metric}_count{service="${slo.id}"}`,
      good: `${sli.metric}_bucket{service="${slo.id}",le="0.5"}`,
      metricBase: sli.metric,
      equal: { service: slo.id },
    };
  }
  return { total: `up{job="${slo.id}"}`, metricBase: 'up', equal: { job: slo.id } };
}

function burnrateExpr(slo: Slo, w: string): string {
  const s = sel(slo);
  switch (slo.sli.kind) {
    case 'ratio':
      return `sum(rate(${s.bad}[${w}])) / sum(rate(${s.total}[${w}]))`;
    case 'latency':
      return `(sum(rate(${s.total}[${w}])) - sum(rate(${s.good}[${w}]))) / sum(rate(${s.total}[${w}]))`;
    default:
      return `(sum(count_over_time(${s.total}[${w}])) - sum(sum_over_time(${s.total}[${w}]))) / sum(count_over_time(${s.total}[${w}]))`;
  }
}

/** The two Pyrra groups of every SLO, at `interval` (30-day window). */
export function pyrraRules(slos: Slo[], interval: string): PrometheusRuleFile {
  const windows = pyrraWindows(30 * DAY);
  const rates = [...new Set(windows.flatMap((x) => [x.short, x.long]))].sort((a, b) => a - b).map(promDuration);
  return {
    groups: slos.flatMap((slo) => {
      const s = sel(slo);
      const labels = { slo: slo.id, ...s.equal };
      const brName = (w: string): string => `${s.metricBase}:burnrate${w}`;
      const matchers = Object.entries(labels)
        .map(([k, v]) => `${k}="${v}"`)
        .sort()
        .join(',');
      const burn: Rule[] = rates.map((w) => ({ record: brName(w), expr: burnrateExpr(slo, w), labels }));
      const budget = String(Number((1 - slo.objective.target).toPrecision(12)));
      for (const x of windows) {
        burn.push({
          alert: 'ErrorBudgetBurn',
          expr: `${brName(promDuration(x.short))}{${matchers}} > (${x.factor} * ${budget}) and ${brName(promDuration(x.long))}{${matchers}} > (${x.factor} * ${budget})`,
          for: promDuration(x.forMs),
          labels: { ...labels, severity: x.factor >= 7 ? 'critical' : 'warning' },
        });
      }
      const inc: Rule[] = [];
      const absent = (m: string): Rule => ({
        alert: 'SLOMetricAbsent',
        expr: `absent(${m}) == 1`,
        for: '2m',
        labels: { ...labels, severity: 'critical' },
      });
      if (slo.sli.kind === 'ratio') {
        inc.push({
          record: `${s.metricBase}:increase30d`,
          expr: `sum by (outcome) (increase(${s.total}[30d]))`,
          labels,
        });
        inc.push(absent(s.total));
      } else if (slo.sli.kind === 'latency') {
        inc.push({ record: `${s.metricBase}:increase30d`, expr: `sum(increase(${s.total}[30d]))`, labels });
        inc.push({
          record: `${s.metricBase}:increase30d`,
          expr: `sum by (le) (increase(${s.good}[30d]))`,
          labels: { ...labels, le: '0.5' },
        });
        inc.push(absent(s.total), absent(s.good!));
      } else {
        const job = `sum by (instance, job) (%(${s.total}[30d]))`;
        inc.push({ record: 'up:count30d', expr: job.replace('%', 'count_over_time'), labels: { slo: slo.id } });
        inc.push({ record: 'up:sum30d', expr: job.replace('%', 'sum_over_time'), labels: { slo: slo.id } });
        inc.push(absent(s.total));
      }
      return [
        { name: `${slo.id}-increase`, interval, rules: inc },
        { name: slo.id, interval, rules: burn },
      ];
    }),
  };
}
