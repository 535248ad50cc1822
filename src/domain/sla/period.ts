/**
 * SLA periods: calendar months and quarters in the SLA's IANA time zone, exactly. A period starts at local
 * midnight on the first day of the month (or quarter) and ends where the next one starts, so its length is whatever
 * the calendar and the zone's offsets make it: 28–31 days, minus or plus an hour across a daylight-saving change,
 * and boundaries at :30 UTC in zones such as Asia/Kolkata. Offsets come from the platform's time-zone database
 * (Intl), never from a fixed table.
 */

export type SlaPeriodKind = 'month' | 'quarter';

export interface SlaPeriod {
  /** "2026-03" for a month, "2026-Q1" for a quarter. */
  label: string;
  start: number;
  end: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock date and time in `timeZone` at instant `t`. */
export function localParts(t: number, timeZone: string): { year: number; month: number; day: number } {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(t))) {
    if (p.type !== 'literal') {
      parts[p.type] = Number(p.value);
    }
  }
  return { year: parts.year, month: parts.month, day: parts.day };
}

/** The zone's offset from UTC at instant `t`, in milliseconds (Asia/Kolkata: +5h30m). */
export function offsetAt(t: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(t))) {
    if (p.type !== 'literal') {
      parts[p.type] = Number(p.value);
    }
  }
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - (t - (((t % 1000) + 1000) % 1000));
}

/**
 * The instant of local midnight starting `year-month-01` in `timeZone` (month 1–12; months past 12 roll over).
 * Where midnight does not exist (a zone that springs forward at 00:00), the first instant of the day.
 */
export function startOfLocalMonth(year: number, month: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, 1);
  // Two refinements settle every real zone: the offset just before and at the boundary may differ by the DST step.
  let t = wall - offsetAt(wall, timeZone);
  t = wall - offsetAt(t, timeZone);
  if (t + offsetAt(t, timeZone) !== wall) {
    // Midnight was skipped: the day starts at the transition, which lies between the two candidate instants.
    const later = wall - offsetAt(wall - 86_400_000, timeZone);
    const earlier = wall - offsetAt(wall + 86_400_000, timeZone);
    let lo = Math.min(later, earlier);
    let hi = Math.max(later, earlier);
    while (hi - lo > 1000) {
      const mid = Math.floor((lo + hi) / 2);
      const p = localParts(mid, timeZone);
      if (Date.UTC(p.year, p.month - 1, p.day) >= wall) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }
  return t;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The period of `kind` in `timeZone` holding instant `t`. */
export function slaPeriodAt(t: number, kind: SlaPeriodKind, timeZone: string): SlaPeriod {
  const { year, month } = localParts(t, timeZone);
  let first = month;
  if (kind === 'quarter') {
    first = month - ((month - 1) % 3);
  }
  let start = startOfLocalMonth(year, first, timeZone);
  if (start > t) {
    // `t` is in the local month but before its (skipped) midnight resolved instant: impossible by construction,
    // kept as a guard so a period always holds `t`.
    start = startOfLocalMonth(year, first - (kind === 'quarter' ? 3 : 1), timeZone);
  }
  const span = kind === 'quarter' ? 3 : 1;
  const end = startOfLocalMonth(year, first + span, timeZone);
  const label = kind === 'quarter' ? `${year}-Q${(first - 1) / 3 + 1}` : `${year}-${pad(first)}`;
  return { label, start, end };
}

/** The `count` periods ending with the one holding `t`, oldest first. */
export function lastSlaPeriods(t: number, kind: SlaPeriodKind, timeZone: string, count: number): SlaPeriod[] {
  const out: SlaPeriod[] = [];
  let p = slaPeriodAt(t, kind, timeZone);
  for (let i = 0; i < count; i++) {
    out.unshift(p);
    p = slaPeriodAt(p.start - 1, kind, timeZone);
  }
  return out;
}
