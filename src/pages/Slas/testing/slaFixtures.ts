import type { MaintenanceWindow } from '../../../domain/sla/maintenance';
import type { Sla } from '../../../domain/sla/model';
import type { SlaPeriod } from '../../../domain/sla/period';
import type { SlaPeriodResult } from '../../../domain/sla/report';
import type { Slo } from '../../../domain/slo/model';

/** 2026-03-15 12:00 UTC: mid-March, so March is the running period and February the last complete one. */
export const NOW = Date.UTC(2026, 2, 15, 12, 0);
export const H = 3_600_000;

export const slo = (id: string, target = 0.999): Slo => ({
  id,
  name: id,
  service: 'checkout',
  sli: { kind: 'ratio', bad: 'errors_total', total: 'requests_total' },
  objective: { target },
  window: { type: 'rolling', duration: '30d' },
});

export const makeSla = (id: string, over: Partial<Sla> = {}): Sla => ({
  id,
  name: `SLA ${id}`,
  customer: 'Acme',
  services: ['checkout'],
  indicator: { sloId: 'checkout-avail' },
  target: 0.995,
  method: { kind: 'events' },
  period: { unit: 'month', timeZone: 'Europe/Berlin' },
  credits: [
    { below: 0.995, creditPercent: 10 },
    { below: 0.99, creditPercent: 25 },
  ],
  revision: 1,
  ...over,
});

/** A result as sla-core's fetchSlaResults returns it; `achieved` undefined is no data. */
export function result(
  period: SlaPeriod,
  achieved: number | undefined,
  over: Partial<SlaPeriodResult> = {}
): SlaPeriodResult {
  const running = period.end > NOW;
  const standing = achieved === undefined ? 'no_data' : achieved < 0.995 ? (running ? 'at_risk' : 'breached') : 'met';
  return {
    period,
    running,
    achieved,
    target: 0.995,
    standing,
    badEvents: achieved === undefined ? undefined : Math.round((1 - achieved) * 100_000),
    totalEvents: achieved === undefined ? undefined : 100_000,
    allowedLeft: achieved === undefined ? undefined : Math.max(0, 500 - Math.round((1 - achieved) * 100_000)),
    excludedMs: 0,
    exclusions: [],
    creditPercent: !running && achieved !== undefined && achieved < 0.995 ? (achieved < 0.99 ? 25 : 10) : 0,
    ...over,
  };
}

export const window = (over: Partial<MaintenanceWindow> = {}): MaintenanceWindow => ({
  id: 'mnt-abc-12345678',
  title: 'DB upgrade',
  services: ['checkout'],
  start: NOW + 24 * H,
  end: NOW + 26 * H,
  by: 'alice',
  annotationId: 7,
  ...over,
});
