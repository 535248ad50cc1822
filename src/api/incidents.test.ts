// The write side (declareIncident, appendEvent) is in incidents.write.test.ts.
import { at, ev, T0 } from '../domain/incident/__fixtures__/events';
import { eventAnnotation } from '../domain/incident/annotations';
import { backend, resetFakeApi, respondWith } from './testing/fakeApi';
import { expectConforms, incidentOf, NOW, paramsOf, stored } from './testing/incidentFixtures';
import { getIncident, LIST_INCIDENT_LIMIT, listIncidents, MAX_LIST_EVENTS } from './incidents';

jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getBackendSrv: () => backend.srv }));

beforeEach(() => resetFakeApi(NOW));
afterEach(() => jest.restoreAllMocks());

/** Answers the regions query with the incidents' regions and the events query with all their events. */
function serve(list: Array<ReturnType<typeof incidentOf>>) {
  respondWith((req) =>
    (paramsOf(req).tags as string[]).includes('sre-incident')
      ? { data: list.map((m) => m.region) }
      : { data: list.flatMap((m) => m.events).map((e) => stored(eventAnnotation(e))) }
  );
}

describe('listIncidents', () => {
  it('reads the regions of the range by tag, then every event in one more request, and folds them', async () => {
    const a = incidentOf('INC-A', [ev('status_changed', 15, { to: 'triage' })]);
    const b = incidentOf('INC-B', [ev('resolved', 30, {})]);
    serve([a, b]);

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
      limit: 51, // one past the cap, to tell "exactly 50" from "more than 50"
    });
    expect(paramsOf(backend.requests[1])).toMatchObject({ tags: ['sre-incident-event'], type: 'annotation' });
    expectConforms(backend.requests);
  });

  it('uses exactly two requests whatever the number of incidents', async () => {
    serve(Array.from({ length: 25 }, (_, i) => incidentOf(`INC-${i}`)));
    const { incidents } = await listIncidents({ from: T0, to: NOW });
    expect(incidents).toHaveLength(25);
    expect(backend.requests).toHaveLength(2);
  });

  it('asks for up to 500 incidents and 50 events each by default, within the spec of /api/annotations', async () => {
    serve(Array.from({ length: 3 }, (_, i) => incidentOf(`INC-${i}`)));
    const { problems } = await listIncidents({ from: T0, to: NOW });
    expect(problems).toEqual([]);
    expect([LIST_INCIDENT_LIMIT, MAX_LIST_EVENTS]).toEqual([500, 25_000]);
    // One past each cap, so that reaching a cap exactly is not reported as cut short.
    expect(backend.requests.map((r) => paramsOf(r).limit)).toEqual([501, 3 * 50 + 1]);
    expectConforms(backend.requests);
  });

  /** Regions of `n` distinct incidents without events (each is reported as not shown), and `events` events. */
  function serveCounts(n: number, eventCount: number) {
    const regions = Array.from({ length: n }, (_, i) =>
      stored({ time: T0, tags: ['sre-incident', `incident:INC-${i}`] })
    );
    const events = Array.from({ length: eventCount }, () => stored({ time: T0, tags: ['sre-incident-event'] }));
    respondWith((req) => ({ data: (paramsOf(req).tags as string[]).includes('sre-incident') ? regions : events }));
  }
  const isCapMessage = (p: { message: string }) => /^only the first|^more than/.test(p.message);

  it('says when a range holds more incidents or events than one request returns, still in two requests', async () => {
    serveCounts(501, 25_001);
    const { incidents, problems } = await listIncidents({ from: T0, to: NOW });
    expect(incidents).toEqual([]);
    expect(backend.requests.map((r) => paramsOf(r).limit)).toEqual([501, 25_001]);
    expect(problems.filter(isCapMessage)).toEqual([
      { message: 'only the first 500 incidents of this range are shown; narrow the range' },
      { message: 'more than 25000 incident events in this range; some timelines may be incomplete' },
    ]);
    // The 501st region is dropped, not folded.
    expect(problems.filter((p) => !isCapMessage(p))).toHaveLength(500);
    expectConforms(backend.requests);
  });

  it('does not call a range cut short when it holds exactly as many incidents and events as the caps', async () => {
    serveCounts(500, 25_000);
    const { problems } = await listIncidents({ from: T0, to: NOW });
    expect(problems.filter(isCapMessage)).toEqual([]);
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
    serve([a]);
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
