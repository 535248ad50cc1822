/**
 * @jest-environment node
 */
import { at, declared, ev, MIN, T0 } from './__fixtures__/events';
import type { IncidentEvent } from './events';
import { foldIncident } from './fold';
import { incidentDurations, median, medianDurations } from './metrics';
import type { Incident } from './model';

const fold = (...events: IncidentEvent[]): Incident => foldIncident(events).incident!;

describe('incidentDurations', () => {
  it('measures detect from start, acknowledge from detection, mitigate and resolve from start', () => {
    const incident = fold(
      declared(), // started T0, detected T0+5, declared T0+10
      ev('role_assigned', 12, { role: 'commander', to: { login: 'bob' } }),
      ev('role_assigned', 14, { role: 'techLead', to: { login: 'dave' } }),
      ev('status_changed', 15, { to: 'mitigating' }),
      ev('impact_ended', 32, { endedAt: at(30) }),
      ev('resolved', 45, {})
    );
    expect(incidentDurations(incident)).toEqual({
      timeToDetect: 5 * MIN,
      timeToAcknowledge: 7 * MIN,
      timeToMitigate: 30 * MIN,
      timeToResolve: 45 * MIN,
    });
  });

  it('takes resolution as the end of impact when nobody recorded it, not the move to mitigating', () => {
    const incident = fold(
      declared({ detectedAt: at(2) }),
      ev('status_changed', 15, { to: 'mitigating' }),
      ev('resolved', 40, {})
    );
    expect(incidentDurations(incident)).toEqual({
      timeToDetect: 2 * MIN,
      timeToAcknowledge: undefined,
      timeToMitigate: 40 * MIN,
      timeToResolve: 40 * MIN,
    });
  });

  it('leaves mitigation and resolution undefined while the incident is open', () => {
    const d = incidentDurations(fold(declared(), ev('status_changed', 15, { to: 'mitigating' })));
    expect(d.timeToMitigate).toBeUndefined();
    expect(d.timeToResolve).toBeUndefined();
  });
});

describe('median', () => {
  it('takes the middle value of an odd count, whatever the input order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });
  it('averages the two middle values of an even count', () => {
    expect(median([40, 10, 30, 20])).toBe(25);
  });
  it('is undefined for no values', () => {
    expect(median([])).toBeUndefined();
  });
});

function incident(startedAt: number, d: { ttd: number; tta?: number; ttm?: number; ttr?: number }): Incident {
  const detectedAt = startedAt + d.ttd;
  return {
    id: `INC-${startedAt}`,
    title: 't',
    summary: '',
    severity: 3,
    status: d.ttr === undefined ? 'triage' : 'resolved',
    roles: {},
    services: [],
    sloIds: [],
    logSelectors: [],
    startedAt,
    detectedAt,
    declaredAt: detectedAt,
    acknowledgedAt: d.tta === undefined ? undefined : detectedAt + d.tta,
    mitigatedAt: d.ttm === undefined ? undefined : startedAt + d.ttm,
    resolvedAt: d.ttr === undefined ? undefined : startedAt + d.ttr,
    statusHistory: [],
    timeline: [],
    statusUpdates: [],
    notes: [],
  };
}

describe('medianDurations', () => {
  it('uses incidents that started in [from, to) and skips undefined metrics per metric', () => {
    const from = T0;
    const to = T0 + 1000;
    const incidents = [
      incident(from, { ttd: 10, tta: 5, ttm: 100, ttr: 200 }), // on the lower bound: in
      incident(from + 500, { ttd: 30, ttm: 300, ttr: 400 }),
      incident(from + 999, { ttd: 20, tta: 7, ttm: 250 }), // still open
      incident(from + 200, { ttd: 40, tta: 9, ttm: 500, ttr: 600 }),
      incident(to, { ttd: 1, tta: 1, ttm: 1, ttr: 1 }), // on the upper bound: out
      incident(from - 1, { ttd: 1, tta: 1, ttm: 1, ttr: 1 }), // before: out
    ];
    expect(medianDurations(incidents, from, to)).toEqual({
      timeToDetect: { median: 25, count: 4 },
      timeToAcknowledge: { median: 7, count: 3 },
      timeToMitigate: { median: 275, count: 4 },
      timeToResolve: { median: 400, count: 3 },
    });
  });

  it('reports no median and a zero count for an empty range', () => {
    expect(medianDurations([incident(T0, { ttd: 1 })], T0 + 1, T0 + 2).timeToDetect).toEqual({
      median: undefined,
      count: 0,
    });
  });
});
