/**
 * An SLA period's result (standing, credit, budget left) from the counts the queries return, and the report as
 * Markdown and CSV. Shared by the app's SLA pages and the `sla-report` CLI.
 */
import { creditFor } from './credits';
import type { Sla } from './model';
import type { SlaPeriod } from './period';
import { excludedMs as excludedTime, type Interval } from './exclusions';

export type SlaStanding = 'met' | 'at_risk' | 'breached' | 'no_data';

export interface SlaExclusion {
  start: number;
  end: number;
  title: string;
  id?: string;
}

export interface SlaPeriodResult {
  period: SlaPeriod;
  /** The period has not ended (figures so far). */
  running: boolean;
  /** Fraction; undefined = no data. */
  achieved?: number;
  target: number;
  /** Running periods: met or at_risk only. */
  standing: SlaStanding;
  badEvents?: number;
  totalEvents?: number;
  downtimeMinutes?: number;
  /** Error budget left this period in the method's unit (events; minutes for uptime and intervals), ≥ 0. */
  allowedLeft?: number;
  /** Time excluded so far: up to now in a running period (maintenance planned later in it is not counted yet). */
  excludedMs: number;
  /** Clipped to the period; a running period's include the maintenance planned later in it. */
  exclusions: SlaExclusion[];
  creditPercent: number;
}

/** What the queries measured for one period (see queries.ts); absent fields mean the method does not use them. */
export interface SlaMeasurement {
  totalEvents: number;
  badEvents?: number;
  /** Sum of the 5-minute intervals' error rates and the number of intervals with traffic. */
  rateSum?: number;
  intervals?: number;
  downMinutes?: number;
  /** Milliseconds measured so far (the included parts of the period up to now). */
  measuredMs: number;
  /** Milliseconds the whole period will measure (its included parts). */
  periodMeasuredMs: number;
}

/** Share of the allowed shortfall below which a running period is at risk. */
export const AT_RISK_SHARE = 0.1;

/** The exclusions that touch the period, clipped to it, oldest first. */
export function clipExclusions(period: SlaPeriod, exclusions: readonly SlaExclusion[]): SlaExclusion[] {
  return exclusions
    .map((x) => ({ ...x, start: Math.max(x.start, period.start), end: Math.min(x.end, period.end) }))
    .filter((x) => x.end > x.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The period's result. `m` undefined (or no events) is no data. A running period is at risk when its shortfall so
 * far, continued at the same rate to the period's end, would breach, or when less than 10% of the allowed
 * shortfall is left; it is never breached before it ends.
 */
export function slaPeriodResult(
  sla: Pick<Sla, 'target' | 'method' | 'credits'>,
  period: SlaPeriod,
  exclusions: readonly SlaExclusion[],
  m: SlaMeasurement | undefined,
  now: number
): SlaPeriodResult {
  const running = now < period.end;
  const clipped = clipExclusions(period, exclusions);
  const base = {
    period,
    running,
    target: sla.target,
    excludedMs: excludedTime({ start: period.start, end: Math.min(period.end, now) }, clipped as Interval[]),
    exclusions: clipped,
  };
  if (!m || !(m.totalEvents > 0)) {
    return { ...base, standing: 'no_data', creditPercent: 0 };
  }
  const budget = 1 - sla.target;
  const scale = running && m.measuredMs > 0 ? m.periodMeasuredMs / m.measuredMs : 1;
  let achieved: number;
  let used: number;
  let allowed: number;
  const extra: Partial<SlaPeriodResult> = {};
  switch (sla.method.kind) {
    case 'events': {
      const bad = Math.max(0, m.badEvents ?? 0); // a float sum can come back as -1e-12
      achieved = 1 - bad / m.totalEvents;
      used = bad;
      allowed = budget * m.totalEvents * scale;
      Object.assign(extra, { badEvents: bad, totalEvents: m.totalEvents });
      break;
    }
    case 'intervals': {
      const n = m.intervals ?? 0;
      if (n === 0) {
        return { ...base, standing: 'no_data', creditPercent: 0 };
      }
      const sum = m.rateSum ?? 0;
      achieved = 1 - sum / n;
      // In minutes of complete outage: an interval at a 100% error rate uses 5 minutes.
      used = sum * 5;
      allowed = budget * n * scale * 5;
      extra.totalEvents = m.totalEvents;
      break;
    }
    case 'uptime': {
      const minutes = m.measuredMs / 60_000;
      const down = Math.max(0, Math.round(m.downMinutes ?? 0)); // a sum of 0s and 1s
      achieved = minutes > 0 ? 1 - down / minutes : 1;
      used = down;
      allowed = (budget * m.periodMeasuredMs) / 60_000;
      Object.assign(extra, { downtimeMinutes: down, totalEvents: m.totalEvents });
      break;
    }
  }
  // Float noise (1 − 0.999 is 0.0010000000000000009) must not turn "exactly at the target" into a breach or a
  // credit: figures are exact to ~1e-12 at best, so compare at 12 decimals.
  achieved = Math.round(achieved * 1e12) / 1e12;
  const left = allowed - used;
  const allowedLeft = left > 1e-9 * Math.max(1, allowed) ? left : 0;
  let standing: SlaStanding;
  if (!running) {
    standing = achieved < sla.target ? 'breached' : 'met';
  } else {
    const projected = used * scale;
    standing = projected > allowed || allowedLeft < AT_RISK_SHARE * allowed ? 'at_risk' : 'met';
  }
  return {
    ...base,
    ...extra,
    achieved,
    standing,
    allowedLeft,
    creditPercent: running ? 0 : creditFor(achieved, sla.credits),
  };
}

const pct = (f: number | undefined, digits = 3): string => (f === undefined ? '' : `${(f * 100).toFixed(digits)}%`);
const iso = (t: number): string => new Date(t).toISOString().replace('.000Z', 'Z');
const hours = (ms: number): string => `${(ms / 3_600_000).toFixed(2)} h`;

const STANDING_TEXT: Record<SlaStanding, string> = {
  met: 'met',
  at_risk: 'at risk',
  breached: 'breached',
  no_data: 'no data',
};

/** The figure the method counts as shortfall: downtime minutes, bad events, or nothing (intervals). */
function shortfall(sla: Sla, r: SlaPeriodResult): string {
  if (sla.method.kind === 'uptime') {
    return r.downtimeMinutes === undefined ? '' : `${r.downtimeMinutes} min`;
  }
  if (sla.method.kind === 'events') {
    return r.badEvents === undefined ? '' : `${Math.round(r.badEvents)} of ${Math.round(r.totalEvents ?? 0)}`;
  }
  return '';
}

/** Markdown cells: pipes and line breaks would break the table, HTML would render in most viewers. */
function md(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/[|<>*_`[\]]/g, (c) => `\\${c}`)
    .replace(/[\r\n]+/g, ' ');
}

const METHOD_TEXT: Record<Sla['method']['kind'], string> = {
  events: 'events: 1 − bad events ÷ all events',
  intervals: 'intervals: 1 − mean of the 5-minute error rates (Amazon S3)',
  uptime: 'uptime: share of minutes not unavailable (Amazon EC2, Google Compute Engine)',
};

/** The report for one SLA and its periods as Markdown (user text escaped). */
export function slaReportMarkdown(sla: Sla, results: readonly SlaPeriodResult[]): string {
  const lines: string[] = [];
  lines.push(`# SLA report: ${md(sla.name)}`, '');
  if (sla.customer) {
    lines.push(`- Customer: ${md(sla.customer)}`);
  }
  lines.push(`- Services: ${sla.services.map(md).join(', ')}`);
  lines.push(`- Target: ${pct(sla.target)}`);
  const threshold =
    sla.method.kind === 'uptime' ? ` (a minute is unavailable above ${pct(sla.method.unavailableAbove)} errors)` : '';
  lines.push(`- Method: ${METHOD_TEXT[sla.method.kind]}${threshold}`);
  lines.push(`- Period: calendar ${sla.period.unit} in ${md(sla.period.timeZone)}`);
  if (sla.credits.length) {
    lines.push(`- Credits: ${sla.credits.map((c) => `below ${pct(c.below)}: ${c.creditPercent}%`).join('; ')}`);
  }
  if (sla.contractUrl && /^https?:\/\//i.test(sla.contractUrl)) {
    lines.push(`- Contract: <${encodeURI(sla.contractUrl).replace(/>/g, '%3E')}>`);
  }
  lines.push('', '| Period | Achieved | Target | Standing | Downtime / bad events | Excluded | Credit |');
  lines.push('|---|---:|---:|---|---:|---:|---:|');
  for (const r of results) {
    const standing = STANDING_TEXT[r.standing] + (r.running ? ' (running)' : '');
    lines.push(
      `| ${r.period.label} | ${pct(r.achieved) || 'no data'} | ${pct(r.target)} | ${standing} | ${shortfall(sla, r)} | ${hours(r.excludedMs)} | ${r.creditPercent}% |`
    );
  }
  const all = results.flatMap((r) => r.exclusions.map((x) => ({ ...x, label: r.period.label })));
  lines.push('', '## Exclusions', '');
  if (!all.length) {
    lines.push('None.');
  } else {
    lines.push('| Period | From | To | Title |', '|---|---|---|---|');
    for (const x of all) {
      lines.push(`| ${x.label} | ${iso(x.start)} | ${iso(x.end)} | ${md(x.title)} |`);
    }
  }
  return lines.join('\n') + '\n';
}

/** A CSV cell: quoted when needed, and a leading = + - @ tab or CR neutralised so spreadsheets do not run it. */
export function csvCell(value: string | number | undefined): string {
  let s = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value !== 'number') {
    s = `'${s}`;
  }
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The report as CSV: one row per period, then one row per applied exclusion. */
export function slaReportCsv(sla: Sla, results: readonly SlaPeriodResult[]): string {
  const rows: Array<Array<string | number | undefined>> = [
    [
      'sla_id',
      'sla_name',
      'customer',
      'period',
      'start',
      'end',
      'running',
      'achieved',
      'target',
      'standing',
      'bad_events',
      'total_events',
      'downtime_minutes',
      'allowed_left',
      'excluded_minutes',
      'credit_percent',
    ],
  ];
  for (const r of results) {
    rows.push([
      sla.id,
      sla.name,
      sla.customer,
      r.period.label,
      iso(r.period.start),
      iso(r.period.end),
      String(r.running),
      r.achieved,
      sla.target,
      r.standing,
      r.badEvents,
      r.totalEvents,
      r.downtimeMinutes,
      r.allowedLeft,
      r.excludedMs / 60_000,
      r.creditPercent,
    ]);
  }
  const excl = results.flatMap((r) => r.exclusions.map((x) => ({ ...x, label: r.period.label })));
  if (excl.length) {
    rows.push([], ['exclusion_period', 'exclusion_start', 'exclusion_end', 'exclusion_title', 'exclusion_id']);
    for (const x of excl) {
      rows.push([x.label, iso(x.start), iso(x.end), x.title, x.id]);
    }
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
