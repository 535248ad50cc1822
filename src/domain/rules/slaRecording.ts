/**
 * Recording rules that make SLA figures exact over calendar periods (src/domain/sla/queries.ts reads them).
 *
 * The SLO contract's `slo:sli_*:rate5m` cannot give an exact count over an arbitrary [start, end): evaluated every
 * minute, each 5m rate spreads one scrape's events over several evaluations, so a sum of them ramps in and out over
 * the minutes next to each edge (the 30-day budget bench measures 8e-5 from that). These rules tile time instead,
 * by whole clock minutes: every sample holds exactly one minute's scrapes, so sums are exact event counts and the
 * edges of a period, a maintenance window or an hour fall between two minutes.
 *
 * Prometheus evaluates a group at a fixed offset o within its interval (from the group's hash). The rules are pinned
 * to whole minutes whatever o is: the evaluation at K + o (K a whole minute) computes the rate AT K, through a
 * one-step subquery `[59s999ms:1m]` (subquery steps sit on whole minutes). Hourly and 5-minute roll-ups are written
 * only by the evaluation just after a whole hour (`minute() == 0`) or 5 minutes (`minute() % 5 == 0`), so their
 * sparse samples hold exactly one clock hour or interval. Queries then read the samples with timestamps in
 * [a + 1m, b + 1m − 1ms] for the minutes (a, b].
 *
 * Per SLO an SLA measures (group `sre-sla-slo-<id>`, evaluated every 1m; labels as the SLO's series):
 * - `sla:sli_total:rate1m`, `sla:sli_bad:rate1m`: at K + o, the SLI's rates at K over `1m + scrape interval − 1ms`:
 *   that range holds the last scrape at or before K − 1m and every scrape in (K − 1m, K], and rate() extrapolates
 *   it back to exactly that increase / 60 s; so × 60 it is the events of the scrapes in (K − 1m, K].
 * - `sla:sli_total:rate1h`, `sla:sli_bad:rate1h`: once an hour, at H + o, the mean of the hour's 60 per-minute
 *   samples: × 3600 the events of (H − 1h, H].
 * - `sla:sli_error:ratio5m`: once every 5 minutes, bad ÷ all of the clock interval that just ended (Amazon S3's
 *   error rate); no sample when the interval had no requests.
 * - `sla:sli_error:ratio5m_sum1h`, `sla:sli_error:intervals1h`: once an hour, the sum of its intervals' error rates
 *   and how many intervals had requests.
 * - per uptime SLA of the SLO (labels sla_id, slo_id; in the same group, so each reads the per-minute rates written
 *   by the same evaluation): `sla:sli_unavailable:minute` (1 when the minute's error ratio is above the SLA's
 *   `unavailableAbove`; a minute without requests is 0) and, once an hour, `sla:unavailable_minutes:count1h`.
 *
 * Exact when the group runs every 1m (at any offset), the scrape interval divides 1m and is given as
 * `scrapeInterval`, and no counter starts or resets in the period (rate() cannot see a counter's first increment
 * and shortens its extrapolation when the counter is 0 at the range's first sample).
 */
import { formatDuration, parseDuration } from '../slo/durations';
import type { Slo } from '../slo/model';
import { badRateQuery, totalRateQuery } from '../slo/sli';
import type { Sla } from '../sla/model';
import { escapeLabelValue } from '../slo/promql';
import { num, sloSeries } from './names';
import { justUnder, seriesLabels } from './recording';
import type { RecordingRule, RuleGroup } from './types';

export const SLA_SERIES = {
  totalRate1m: 'sla:sli_total:rate1m',
  badRate1m: 'sla:sli_bad:rate1m',
  totalRate1h: 'sla:sli_total:rate1h',
  badRate1h: 'sla:sli_bad:rate1h',
  errorRatio5m: 'sla:sli_error:ratio5m',
  errorRatio5mSum1h: 'sla:sli_error:ratio5m_sum1h',
  intervals1h: 'sla:sli_error:intervals1h',
  unavailableMinute: 'sla:sli_unavailable:minute',
  unavailableMinutes1h: 'sla:unavailable_minutes:count1h',
} as const;

/** The interval the SLA groups must be evaluated at: each evaluation covers exactly one minute. */
export const SLA_EVAL_INTERVAL = '1m';

/** The slo_id an SLA with its own SLI records its series under (an SLA id never clashes with an SLO id this way). */
export const slaSloId = (slaId: string): string => `sla-${slaId}`;

/** The SLO whose SLI the SLA measures: the referenced SLO, or a stand-in carrying the SLA's own SLI. */
export function slaIndicatorSlo(sla: Sla, slos: readonly Slo[]): Slo | undefined {
  if ('sloId' in sla.indicator) {
    const id = sla.indicator.sloId;
    return slos.find((s) => s.id === id);
  }
  return {
    id: slaSloId(sla.id),
    name: sla.name,
    service: sla.services[0] ?? sla.id,
    datasource: sla.indicator.datasource,
    sli: sla.indicator.sli,
    objective: { target: sla.target },
    window: { type: 'rolling', duration: '30d' },
  };
}

/** Selects one SLA's copy of a per-SLA series. */
export const slaSeries = (name: string, slaId: string): string => `${name}{sla_id="${escapeLabelValue(slaId)}"}`;

/** Keeps `expr` only at the evaluation just after a whole hour (or 5 minutes): one sample per clock hour (interval). */
const once = (expr: string, every: 'hour' | 'five'): string =>
  `(${expr}) and on() (minute() ${every === 'hour' ? '== 0' : '% 5 == 0'})`;

/** The value of `expr` at the whole minute at or before the evaluation, whatever the group's offset. */
const atWholeMinute = (expr: string): string => `last_over_time((${expr})[59s999ms:1m])`;

/**
 * The rule group behind an SLO's SLA figures, with the per-minute test of each uptime SLA in `slas` that measures it.
 * `scrapeInterval` must divide 1m (default 1m).
 */
export function slaSloRuleGroup(slo: Slo, slas: readonly Sla[] = [], scrapeInterval = '1m'): RuleGroup {
  const scrape = parseDuration(scrapeInterval);
  if (!(scrape > 0) || 60_000 % scrape !== 0) {
    throw new Error(`scrapeInterval: must divide 1m, got ${scrapeInterval}`);
  }
  const labels = seriesLabels(slo);
  const rec = (record: string, expr: string, extra: Record<string, string> = {}): RecordingRule => ({
    record,
    expr,
    labels: { ...labels, ...extra },
  });
  const range = formatDuration(60_000 + scrape - 1);
  const s = (name: string) => sloSeries(name, slo.id);
  const fiveMin = justUnder('5m');
  const hour = justUnder('1h');
  const rules: RecordingRule[] = [
    rec(SLA_SERIES.totalRate1m, atWholeMinute(totalRateQuery(slo, range))),
    rec(SLA_SERIES.badRate1m, atWholeMinute(badRateQuery(slo, range))),
    rec(SLA_SERIES.totalRate1h, once(`avg_over_time(${s(SLA_SERIES.totalRate1m)}[${hour}])`, 'hour')),
    rec(SLA_SERIES.badRate1h, once(`avg_over_time(${s(SLA_SERIES.badRate1m)}[${hour}])`, 'hour')),
    // `>= 0` drops NaN (an interval without requests), which has no error rate and would poison the sums.
    rec(
      SLA_SERIES.errorRatio5m,
      once(
        `(sum_over_time(${s(SLA_SERIES.badRate1m)}[${fiveMin}]) / sum_over_time(${s(SLA_SERIES.totalRate1m)}[${fiveMin}])) >= 0`,
        'five'
      )
    ),
    rec(SLA_SERIES.errorRatio5mSum1h, once(`sum_over_time(${s(SLA_SERIES.errorRatio5m)}[${hour}])`, 'hour')),
    rec(SLA_SERIES.intervals1h, once(`count_over_time(${s(SLA_SERIES.errorRatio5m)}[${hour}])`, 'hour')),
  ];
  for (const sla of slas) {
    if (sla.method.kind !== 'uptime' || slaIndicatorSlo(sla, [slo])?.id !== slo.id) {
      continue;
    }
    const extra = { sla_id: sla.id };
    rules.push(rec(SLA_SERIES.unavailableMinute, unavailableMinuteExpr(slo.id, sla.method.unavailableAbove), extra));
    const minute = slaSeries(SLA_SERIES.unavailableMinute, sla.id);
    rules.push(rec(SLA_SERIES.unavailableMinutes1h, once(`sum_over_time(${minute}[${hour}])`, 'hour'), extra));
  }
  return { name: `sre-sla-slo-${slo.id}`, interval: SLA_EVAL_INTERVAL, rules };
}

/** PromQL: 1 when the minute's error ratio is above `threshold`, else 0 (a minute without requests: 0). */
export function unavailableMinuteExpr(sloId: string, threshold: number): string {
  const bad = sloSeries(SLA_SERIES.badRate1m, sloId);
  const total = sloSeries(SLA_SERIES.totalRate1m, sloId);
  // `> bool` compares NaN (0 / 0) as false, so a minute without requests counts as available.
  return `sum(${bad}) / sum(${total}) > bool ${num(threshold)}`;
}

/** Every SLA rule group for a set of SLAs: one per measured SLO (shared between its SLAs). */
export function slaRuleGroups(slas: readonly Sla[], slos: readonly Slo[], scrapeInterval = '1m'): RuleGroup[] {
  const bySlo = new Map<string, { slo: Slo; slas: Sla[] }>();
  for (const sla of slas) {
    const slo = slaIndicatorSlo(sla, slos);
    if (slo) {
      const entry = bySlo.get(slo.id) ?? { slo, slas: [] };
      entry.slas.push(sla);
      bySlo.set(slo.id, entry);
    }
  }
  return [...bySlo.values()].map((e) => slaSloRuleGroup(e.slo, e.slas, scrapeInterval));
}
