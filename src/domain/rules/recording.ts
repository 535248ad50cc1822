/**
 * Recording rules for one SLO.
 *
 * Occurrences SLOs
 * - `slo:sli_error:ratio_rate<W>` for 5m, 1h and every enabled tier's long and short window.
 * - `slo:sli_bad:rate5m`, `slo:sli_total:rate5m`: event rates the period ratio is built from.
 * - `slo:sli_bad:rate1h`, `slo:sli_total:rate1h` = avg_over_time of the 5m rates over the hour before (the range is
 *   1h − 1ms so consecutive hours share no sample): hourly roll-ups, so the period ratio reads one sample per hour.
 * - `slo:sli_error:ratio_period_hourly` (hourly group) = sum_over_time(bad1h[P:1h] offset 1m) /
 *   sum_over_time(total1h[P:1h] offset 1m), P the SLO window (also 1ms short, so an hour-aligned evaluation takes
 *   exactly P / 1h steps). Every recorded 5m rate covers the 5 minutes before it, so with rules evaluated every
 *   interval each event is counted in the same number (5m / interval) of 5m samples; the hourly roll-ups partition
 *   those samples, and the subquery's hour-aligned steps take each hour once. The quotient is therefore all bad
 *   events / all events over the whole hours of the window (event-weighted), never an average of ratios, and a 30d
 *   window reads 720 samples per series instead of the raw counters' `increase(...[30d])`. The window ends at the
 *   last full hour at least a minute before the hourly group ran.
 * - `slo:sli_error:ratio_period` = the latest `slo:sli_error:ratio_period_hourly`, re-recorded every interval.
 *
 * Timeslices SLOs (budgeting.method = timeslices)
 * - `slo:sli_slice_good:ratio` = 1 when the good ratio over the trailing slice (1 − error ratio over
 *   sliceDuration) is >= sliceTarget, else 0; absent when the slice had no traffic (no-data slices count neither way).
 * - `slo:sli_error:ratio_period` = 1 − avg_over_time(slo:sli_slice_good:ratio[P:<slice>]): the subquery step equals
 *   the slice, so it samples one indicator per non-overlapping slice; the value is bad slices / all slices.
 * - `slo:sli_slice_bad:ratio_rate<W>`: the bad-slice fraction over each alert window, what burn-rate alerts use,
 *   because the budget is counted in slices, not events.
 *
 * Both: `slo:objective:ratio`, `slo:error_budget:ratio`, `slo:error_budget_remaining:ratio`
 * (1 − period / budget) and `slo:burn_rate:ratio_rate1h` (1h error ratio / budget).
 */
import { errorBudget, requiredWindows, windowDuration, withDefaults } from '../slo/defaults';
import { formatDuration, normalizeDuration, parseDuration } from '../slo/durations';
import type { Slo } from '../slo/model';
import { badRateQuery, errorRatioQuery, totalRateQuery } from '../slo/sli';
import { SERIES, errorRatioSeries, num, sliceBadRatioSeries, sloSeries } from './names';
import type { RecordingRule } from './types';

/** Labels every generated series carries. */
export function seriesLabels(slo: Slo): Record<string, string> {
  return { slo_id: slo.id, slo_service: slo.service, ...(slo.labels ?? {}) };
}

/** The series alerts compare for a window: bad-slice fraction for timeslices SLOs, error ratio otherwise. */
export function alertRatioSeries(slo: Slo, window: string): string {
  return slo.budgeting?.method === 'timeslices' ? sliceBadRatioSeries(window) : errorRatioSeries(window);
}

/**
 * A range 1 ms short of `d`. Prometheus 2.x subqueries and range selectors include a sample exactly at the
 * range's start, so `[1h:5m]` evaluated at a multiple of 5m takes 13 steps, not 12; one millisecond less takes
 * exactly d / step steps and counts no step twice across consecutive windows.
 */
export function justUnder(d: string): string {
  return formatDuration(parseDuration(d) - 1);
}

/**
 * How long a forwarded hourly series stays visible after the hourly group last wrote it: two hours, so one missed
 * hourly evaluation (a restart, a ruler moving the group to another instance) leaves no gap.
 */
export const HOURLY_LOOKBACK = '2h';

/** The latest sample the hourly group wrote for one SLO, re-recorded every interval so instant queries see it. */
function forwardHourly(hourlySeries: string, sloId: string): string {
  return `last_over_time(${sloSeries(hourlySeries, sloId)}[${HOURLY_LOOKBACK}])`;
}

/**
 * Rules of one SLO whose value changes only at whole hours, for the hourly group (`hourlyGroupName`): the period ratio
 * of an occurrences SLO. Its subquery takes hour-aligned steps over the hourly roll-ups, so evaluated at any time
 * from a minute past a whole hour to a minute past the next it gives the same value; evaluating it once an hour
 * instead of every interval saves reading
 * the whole window (720 steps per series for 30d) 59 times an hour. The SLO's own group forwards the latest value as
 * `slo:sli_error:ratio_period` (see forwardHourly). The values are the same at any evaluation cadence, which is what
 * lets `promtool test rules` (it evaluates every group at every step) prove them. Timeslices SLOs have none: their
 * period ratio changes at every slice.
 */
export function hourlyRecordingRules(slo: Slo): RecordingRule[] {
  const s = withDefaults(slo);
  if (s.budgeting.method === 'timeslices') {
    return [];
  }
  const labels = seriesLabels(slo);
  const bad = sloSeries(SERIES.badRate1h, slo.id);
  const total = sloSeries(SERIES.totalRate1h, slo.id);
  // `offset 1m`: the roll-ups read were written at least a minute before, so a run just after a whole hour cannot
  // miss the roll-up of that hour that the SLO's group (or, in Mimir, another ruler) is still writing.
  const range = `${justUnder(windowDuration(slo))}:1h] offset 1m`;
  return [
    {
      record: SERIES.periodErrorRatioHourly,
      expr: `sum_over_time(${bad}[${range}) / sum_over_time(${total}[${range})`,
      labels: { ...labels },
    },
  ];
}

/** Every recording rule for one SLO, in dependency order (Prometheus evaluates a group's rules in sequence). */
export function recordingRules(slo: Slo): RecordingRule[] {
  const s = withDefaults(slo);
  const labels = seriesLabels(slo);
  const rec = (record: string, expr: string): RecordingRule => ({ record, expr, labels: { ...labels } });
  const id = slo.id;
  const period = windowDuration(slo);
  const budget = errorBudget(slo.objective.target);
  const windows = requiredWindows(slo);
  const b = s.budgeting;
  const slice = b.method === 'timeslices' ? normalizeDuration(b.sliceDuration) : undefined;
  const ratioWindows = slice && !windows.includes(slice) ? [...windows, slice] : windows;
  ratioWindows.sort((x, y) => parseDuration(x) - parseDuration(y));

  const rules: RecordingRule[] = ratioWindows.map((w) => rec(errorRatioSeries(w), errorRatioQuery(slo, w)));
  rules.push(rec(SERIES.totalRate5m, totalRateQuery(slo, '5m')));
  rules.push(rec(SERIES.badRate5m, badRateQuery(slo, '5m')));

  if (b.method === 'timeslices' && slice) {
    const sliceRatio = sloSeries(errorRatioSeries(slice), id);
    // `>= 0` drops NaN (a slice without traffic), which would otherwise compare as a bad slice.
    rules.push(rec(SERIES.sliceGood, `(1 - (${sliceRatio} >= 0)) >= bool ${num(b.sliceTarget)}`));
    const good = sloSeries(SERIES.sliceGood, id);
    for (const w of windows) {
      const range = parseDuration(w) < parseDuration(slice) ? slice : w;
      rules.push(rec(sliceBadRatioSeries(w), `1 - avg_over_time(${good}[${justUnder(range)}:${slice}])`));
    }
    rules.push(rec(SERIES.periodErrorRatio, `1 - avg_over_time(${good}[${justUnder(period)}:${slice}])`));
  } else {
    const hour = justUnder('1h');
    rules.push(rec(SERIES.totalRate1h, `avg_over_time(${sloSeries(SERIES.totalRate5m, id)}[${hour}])`));
    rules.push(rec(SERIES.badRate1h, `avg_over_time(${sloSeries(SERIES.badRate5m, id)}[${hour}])`));
    rules.push(rec(SERIES.periodErrorRatio, forwardHourly(SERIES.periodErrorRatioHourly, id)));
  }

  rules.push(rec(SERIES.objective, `vector(${num(slo.objective.target)})`));
  rules.push(rec(SERIES.errorBudget, `vector(${num(budget)})`));
  rules.push(rec(SERIES.budgetRemaining, `1 - ${sloSeries(SERIES.periodErrorRatio, id)} / ${num(budget)}`));
  rules.push(rec(SERIES.burnRate1h, `${sloSeries(alertRatioSeries(slo, '1h'), id)} / ${num(budget)}`));
  return rules;
}

/**
 * Every recording rule of one SLO whatever group it belongs to, hourly ones first: what a single group holds where
 * one interval serves all (Grafana-managed recording rules). The values do not depend on the cadence.
 */
export function allRecordingRules(slo: Slo): RecordingRule[] {
  return [...hourlyRecordingRules(slo), ...recordingRules(slo)];
}
