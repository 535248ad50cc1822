import type { Sla } from '../../domain/sla/model';
import type { SlaPeriodResult, SlaStanding } from '../../domain/sla/report';

/** A fraction as a percent with three decimals (99.950%), the precision contracts are written in. */
export function percent(f: number | undefined): string {
  return f === undefined ? '—' : `${(f * 100).toFixed(3)}%`;
}

export const STANDING_META: Record<SlaStanding, { text: string; color: 'green' | 'orange' | 'red' | 'darkgrey' }> = {
  met: { text: 'Met', color: 'green' },
  at_risk: { text: 'At risk', color: 'orange' },
  breached: { text: 'Breached', color: 'red' },
  no_data: { text: 'No data', color: 'darkgrey' },
};

/** Minutes as "2 h 05 min" or "12.5 min". */
export function minutes(m: number): string {
  if (m >= 60) {
    const h = Math.floor(m / 60);
    return `${h} h ${String(Math.round(m - h * 60)).padStart(2, '0')} min`;
  }
  return `${Number(m.toFixed(1))} min`;
}

/** What is left of this period's allowed shortfall, in the method's unit. */
export function allowedLeftText(sla: Pick<Sla, 'method'>, r: Pick<SlaPeriodResult, 'allowedLeft'>): string {
  if (r.allowedLeft === undefined) {
    return '—';
  }
  if (sla.method.kind === 'events') {
    const n = Math.floor(r.allowedLeft);
    return `${n.toLocaleString('en-US')} bad event${n === 1 ? '' : 's'} left`;
  }
  // Intervals count in minutes of complete outage (an interval at a 100% error rate uses 5 minutes).
  return `${minutes(r.allowedLeft)} ${sla.method.kind === 'uptime' ? 'downtime' : 'of full outage'} left`;
}

/** The period's shortfall as the method counts it: downtime minutes, bad events, or the mean error rate. */
export function shortfallText(sla: Pick<Sla, 'method'>, r: SlaPeriodResult): string {
  if (r.achieved === undefined) {
    return '—';
  }
  if (sla.method.kind === 'uptime') {
    return r.downtimeMinutes === undefined ? '—' : `${minutes(r.downtimeMinutes)} down`;
  }
  if (sla.method.kind === 'events') {
    return r.badEvents === undefined
      ? '—'
      : `${Math.round(r.badEvents).toLocaleString('en-US')} of ${Math.round(r.totalEvents ?? 0).toLocaleString('en-US')} bad`;
  }
  return `${percent(1 - r.achieved)} mean error rate`;
}

export const METHOD_TEXT: Record<Sla['method']['kind'], string> = {
  events: 'Events: bad events ÷ all events in the period',
  intervals: 'Intervals: mean of the 5-minute error rates (Amazon S3)',
  uptime: 'Uptime: share of available minutes (Amazon EC2, Google Compute Engine)',
};

/** The method in one line, with the uptime threshold. */
export function methodText(sla: Pick<Sla, 'method'>): string {
  const m = sla.method;
  return m.kind === 'uptime'
    ? `${METHOD_TEXT.uptime}; a minute is unavailable above ${Number((m.unavailableAbove * 100).toPrecision(6))}% errors`
    : METHOD_TEXT[m.kind];
}

/** An instant in the SLA's time zone, e.g. "2026-03-29 02:00" (what the contract's period boundaries are in). */
export function zoned(t: number, timeZone: string): string {
  const parts: Record<string, string> = {};
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  for (const p of f.formatToParts(new Date(t))) {
    parts[p.type] = p.value;
  }
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** Excluded time as hours and minutes. */
export function excludedText(ms: number): string {
  return ms > 0 ? minutes(ms / 60_000) : '—';
}
