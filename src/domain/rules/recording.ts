/**
 * Recording rules for one SLO.
 *
 * Occurrences SLOs
 * - `slo:sli_error:ratio_rate<W>` for 5m, 1h and every enabled tier's long and short window.
 * - `slo:sli_bad:rate5m`, `slo:sli_total:rate5m`: event rates the period ratio is built from.
 * - `slo:sli_error:ratio_period` = sum_over_time(bad[P]) / sum_over_time(total[P]), P the SLO window.
 *   Every recorded 5m rate covers the 5 minutes before it, so with rules evaluated every interval each event is
 *   counted in the same number (5m / interval) of samples, in the numerator and denominator alike: the quotient is
 *   all bad events / all events (event-weighted), never an average of ratios. It reads two recorded series, not
 *   the raw counters, so a 30d window costs one range read per series instead of `increase(...[30d])`.
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
import { normalizeDuration, parseDuration } from '../slo/durations';
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
      rules.push(rec(sliceBadRatioSeries(w), `1 - avg_over_time(${good}[${range}:${slice}])`));
    }
    rules.push(rec(SERIES.periodErrorRatio, `1 - avg_over_time(${good}[${period}:${slice}])`));
  } else {
    const bad = sloSeries(SERIES.badRate5m, id);
    const total = sloSeries(SERIES.totalRate5m, id);
    rules.push(rec(SERIES.periodErrorRatio, `sum_over_time(${bad}[${period}]) / sum_over_time(${total}[${period}])`));
  }

  rules.push(rec(SERIES.objective, `vector(${num(slo.objective.target)})`));
  rules.push(rec(SERIES.errorBudget, `vector(${num(budget)})`));
  rules.push(rec(SERIES.budgetRemaining, `1 - ${sloSeries(SERIES.periodErrorRatio, id)} / ${num(budget)}`));
  rules.push(rec(SERIES.burnRate1h, `${sloSeries(alertRatioSeries(slo, '1h'), id)} / ${num(budget)}`));
  return rules;
}
