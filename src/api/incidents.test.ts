// The write side (declareIncident, appendEvent) is in incidents.write.test.ts.
import { at, ev, T0 } from '../domain/incident/__fixtures__/events';
import { eventAnnotation } from '../domain/incident/annotations';
import { backend, resetFakeApi, respondWith } from './testing/fakeApi';
import { expectConforms, incidentOf, NOW, paramsOf, stored } from './testing/incidentFixtures';
import { getIncident, listIncidents } from './incidents';

jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getBackendSrv: () => backend.srv }));

beforeEach(() => resetFakeApi(NOW));
afterEach(() => jest.restoreAllMocks());

describe('listIncidents', () => {
  it('reads the regions of the range by tag, then every event in one more request, and folds them', async () => {
    const a = incidentOf('INC-A', [ev('status_changed', 15, { to: 'triage' })]);
    const b = incidentOf('INC-B', [ev('resolved', 30, {})]);
    respondWith((req) => {
      const tags = paramsOf(req).tags as string[];
      if (tags.includes('sre-incident')) {
        return { data: [a.region, b.region] };
      }
      return { data: [...a.events, ...b.events].map((e) => stored(eventAnnotation(e))) };
    });

    const { incidents, problems } = await listIncidents({ from: at(-100), to: NOW, limit: 50 });

    expect(problems).toEqual([]);
    expect(incidents.map((i) => [i.id, i.status])).toEqual([
      ['INC-A', 'triage'],
      ['INC-B', 'resolved'],
    ]);
    expect(incidents[0].regionAnnotationId).toBe(a.region.id);
    expect(backend.requests).toHaveLength(2);
    expect(backend.requests.map((r) => [r.method, r.url])).toEqual([
      ['GET', '/api/annotations'],
      ['GET', '/api/annotations'],
    ]);
    expect(paramsOf(backend.requests[0])).toEqual({
      tags: ['sre-incident'],
      matchAny: false,
      type: 'annotation',
      from: at(-100),
      to: NOW,
      limit: 50,
    });
    expect(paramsOf(backend.requests[1])).toMatchObject({ tags: ['sre-incident-event'], type: 'annotation' });
    expectConforms(backend.requests);
  });

  it('uses exactly two requests whatever the number of incidents', async () => {
    const many = Array.from({ length: 25 }, (_, i) => incidentOf(`INC-${i}`));
    respondWith((req) =>
      (paramsOf(req).tags as string[]).includes('sre-incident')
        ? { data: many.map((m) => m.region) }
        : { data: many.flatMap((m) => m.events).map((e) => stored(eventAnnotation(e))) }
    );
    const { incidents } = await listIncidents({ from: T0, to: NOW });
    expect(incidents).toHaveLength(25);
    expect(backend.requests).toHaveLength(2);
  });

  it('asks for events from the earliest incident start, so incidents begun before the range are complete', async () => {
    const old = incidentOf('INC-OLD');
    respondWith((req) =>
      (paramsOf(req).tags as string[]).includes('sre-incident') ? { data: [old.region] } : { data: [] }
    );
    await listIncidents({ from: at(30), to: NOW });
    expect(paramsOf(backend.requests[1]).from).toBe(T0);
  });

  it('sends one request and no event query when the range has no incident', async () => {
    await expect(listIncidents({ from: T0, to: NOW })).resolves.toEqual({ incidents: [], problems: [] });
    expect(backend.requests).toHaveLength(1);
  });

  it('reports, instead of showing, a region without a valid declared event and a malformed event', async () => {
    const a = incidentOf('INC-A');
    const orphan = stored({ time: T0, tags: ['sre-incident', 'incident:INC-GHOST'] });
    respondWith((req) =>
      (paramsOf(req).tags as string[]).includes('sre-incident')
        ? { data: [a.region, orphan] }
        : {
            data: [
              ...a.events.map((e) => stored(eventAnnotation(e))),
              stored({ time: T0, tags: ['sre-incident-event', 'incident:INC-A'], data: { id: 'x', type: 'nope' } }),
            ],
          }
    );
    const { incidents, problems } = await listIncidents({ from: T0, to: NOW });
    expect(incidents.map((i) => i.id)).toEqual(['INC-A']);
    expect(problems).toEqual([
      { incidentId: 'INC-A', eventId: 'x', message: 'invalid event x: unknown event type "nope"' },
      { incidentId: 'INC-GHOST', message: 'incident INC-GHOST has no valid "declared" event; it is not shown' },
    ]);
  });

  it('surfaces an HTTP failure with Grafana message', async () => {
    respondWith(() => ({ status: 500, data: { message: 'database is locked' } }));
    await expect(listIncidents({ from: T0, to: NOW })).rejects.toThrow(/database is locked/);
  });
});

describe('getIncident', () => {
  it('reads all events of the incident by both tags over a wide range, plus its region, and folds', async () => {
    const a = incidentOf('INC-A', [ev('status_changed', 15, { to: 'mitigating' })]);
    respondWith((req) =>
      (paramsOf(req).tags as string[]).includes('sre-incident')
        ? { data: [a.region] }
        : { data: a.events.map((e) => stored(eventAnnotation(e))) }
    );
    const { incident, problems } = await getIncident('INC-A');
    expect(problems).toEqual([]);
    expect(incident).toMatchObject({ id: 'INC-A', status: 'mitigating', regionAnnotationId: a.region.id });
    const tags = backend.requests.map((r) => paramsOf(r).tags);
    expect(tags).toEqual([
      ['sre-incident-event', 'incident:INC-A'],
      ['sre-incident', 'incident:INC-A'],
    ]);
    expect(paramsOf(backend.requests[0]).from).toBeLessThanOrEqual(0);
    expectConforms(backend.requests);
  });

  it('returns no incident for an unknown id and sends nothing for a malformed one', async () => {
    await expect(getIncident('INC-NONE')).resolves.toEqual({ incident: undefined, problems: [] });
    backend.requests.length = 0;
    const bad = await getIncident('<script>');
    expect(bad.incident).toBeUndefined();
    expect(backend.requests).toEqual([]);
  });
});
