// The read side (listIncidents, getIncident) is in incidents.test.ts.
import { at, ev, T0 } from '../domain/incident/__fixtures__/events';
import { eventAnnotation } from '../domain/incident/annotations';
import type { IncidentEvent } from '../domain/incident/events';
import { backend, currentResponder, resetFakeApi, respondWith } from './testing/fakeApi';
import { expectConforms, incidentOf, NOW, stored } from './testing/incidentFixtures';
import {
  appendEvent,
  CommandRefusedError,
  declareIncident,
  IncidentValidationError,
  type LoadedIncident,
  SloLinkError,
} from './incidents';

jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getBackendSrv: () => backend.srv }));

beforeEach(() => resetFakeApi(NOW));
afterEach(() => jest.restoreAllMocks());

describe('declareIncident', () => {
  beforeEach(() => {
    respondWith((req) =>
      req.method === 'POST' ? { data: { id: 42, message: 'Annotation added' } } : { data: { jsonData: {} } }
    );
  });

  it('posts the declared event, then the region from startedAt to now, and returns the id', async () => {
    const id = await declareIncident({
      title: '  Checkout errors ',
      severity: 2,
      services: ['checkout', ' ', 'cart'],
      startedAt: at(10),
    });
    expect(id).toMatch(/^INC-20261128-[0-9a-z]{4}$/);
    const posts = backend.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    const [event, region] = posts.map((p) => p.body as { time: number; timeEnd?: number; tags: string[]; data?: any });
    expect(event.tags).toEqual(['sre-incident-event', `incident:${id}`]);
    expect(event.time).toBe(NOW);
    expect(event.data).toMatchObject({
      type: 'declared',
      incidentId: id,
      title: 'Checkout errors',
      severity: 2,
      services: ['checkout', 'cart'],
      startedAt: at(10),
    });
    expect(region).toMatchObject({ time: at(10), timeEnd: NOW });
    expect(region.tags).toEqual(
      expect.arrayContaining(['sre-incident', `incident:${id}`, 'sev:2', 'status:detected', 'service:cart'])
    );
    expect(region.data).toBeUndefined();
    expectConforms(backend.requests);
  });

  it('links the logs in Explore when a Loki data source is configured', async () => {
    respondWith((req) =>
      req.method === 'POST'
        ? { data: { id: 1 } }
        : { data: { jsonData: { settings: { lokiUid: 'loki-1', logServiceLabel: 'app' } } } }
    );
    await declareIncident({ title: 'x', severity: 3, services: ['api'] });
    const region = backend.requests.filter((r) => r.method === 'POST')[1].body as { text: string };
    expect(region.text).toContain('Logs in Explore');
    expect(region.text).toContain('loki-1');
  });

  it.each([
    [{ title: ' ', severity: 2, services: ['a'] }, ['title: A title is required']],
    [{ title: 'x'.repeat(201), severity: 2, services: ['a'] }, ['title: The title must be at most 200 characters']],
    [{ title: 'ok', severity: 5, services: ['a'] }, ['severity: Choose a severity from SEV1 to SEV4']],
    [{ title: 'ok', severity: 1, services: [' '] }, ['services: Name at least one affected service']],
    [
      { title: 'ok', severity: 1, services: ['a'], startedAt: NOW + 1 },
      ['startedAt: Impact cannot start in the future'],
    ],
  ])('refuses invalid input #%# with field-named messages and sends nothing', async (input, messages) => {
    const error = await declareIncident(input).catch((e) => e);
    expect(error).toBeInstanceOf(IncidentValidationError);
    expect((error as IncidentValidationError).problems.map((p) => `${p.field}: ${p.message}`)).toEqual(messages);
    expect(backend.requests).toEqual([]);
  });

  it('links the SLOs right after declaring, one slo_linked event each through appendEvent', async () => {
    const stored: Array<{ id: number; time: number; tags: string[]; data?: unknown }> = [];
    respondWith((req) => {
      if (req.method === 'POST') {
        const body = req.body as { time: number; tags: string[]; data?: unknown };
        stored.push({ id: stored.length + 1, ...body });
        return { data: { id: stored.length } };
      }
      if (req.method === 'PATCH') {
        return { data: { message: 'Annotation patched' } };
      }
      return req.url.includes('/plugins/')
        ? { data: { jsonData: {} } }
        : { data: stored.filter((a) => a.tags.includes('sre-incident-event')) };
    });
    // The clock stands still (Date.now is frozen) and the random ids sort link a < declared < link b. Ordered by
    // (at, id) alone, link a would fold before the declaration and be dropped, and the region would lose slo:a.
    // Draws: 10 for the declared event id and 4 for the incident id, 10 for link a, then link b.
    let draws = 0;
    jest.spyOn(Math, 'random').mockImplementation(() => (draws++ < 14 ? 0.5 : draws <= 24 ? 0 : 0.9));
    const id = await declareIncident({ title: 'x', severity: 2, services: ['api'], sloIds: ['a', ' a', 'b'] });
    const writes = backend.requests.filter((r) => r.method !== 'GET');
    expect(writes.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /api/annotations',
      'POST /api/annotations',
      'POST /api/annotations',
      'PATCH /api/annotations/2',
      'POST /api/annotations',
      'PATCH /api/annotations/2',
    ]);
    expect([writes[2], writes[4]].map((w) => (w.body as { data: unknown }).data)).toEqual([
      expect.objectContaining({ type: 'slo_linked', sloId: 'a', incidentId: id }),
      expect.objectContaining({ type: 'slo_linked', sloId: 'b', incidentId: id }),
    ]);
    expect((writes[5].body as { tags: string[] }).tags).toEqual(expect.arrayContaining(['slo:a', 'slo:b']));
    expectConforms(backend.requests);
  });

  it('reports a failed SLO link with the id of the incident that was declared', async () => {
    let posts = 0;
    respondWith((req) => {
      if (req.method === 'POST') {
        posts += 1;
        return posts <= 2 ? { data: { id: posts } } : { status: 500, data: { message: 'disk full' } };
      }
      return { data: req.url.includes('/plugins/') ? { jsonData: {} } : [] };
    });
    const error = await declareIncident({ title: 'x', severity: 2, services: ['api'], sloIds: ['a'] }).catch((e) => e);
    expect(error).toBeInstanceOf(SloLinkError);
    expect(error.incidentId).toMatch(/^INC-/);
    expect(error.message).toMatch(/was declared, but linking its SLOs failed: .*disk full/);
  });

  it('accepts a 200-character title', async () => {
    await expect(declareIncident({ title: 'x'.repeat(200), severity: 4, services: ['a'] })).resolves.toBeDefined();
  });
});

describe('appendEvent', () => {
  function setup(extra: IncidentEvent[] = []) {
    const a = incidentOf('INC-A', extra);
    const loaded: LoadedIncident = { ...a.incident, regionAnnotationId: 7 };
    const events = a.events.map((e) => stored(eventAnnotation(e)));
    respondWith((req) => {
      if (req.method === 'POST') {
        events.push(stored(req.body as { time: number; tags: string[] }));
        return { data: { id: 99 } };
      }
      if (req.method === 'PATCH') {
        return { data: { message: 'Annotation patched' } };
      }
      if (req.url.includes('/plugins/')) {
        return { data: { jsonData: {} } };
      }
      return { data: events };
    });
    return loaded;
  }

  it('posts the event, then patches the region by id with tags, text and times of the refolded state', async () => {
    const incident = setup();
    const event = ev('status_changed', 20, { to: 'mitigating' }, { incidentId: 'INC-A', id: 'evt-1' });
    const next = await appendEvent(incident, event);
    expect(next.status).toBe('mitigating');
    const writes = backend.requests.filter((r) => r.method !== 'GET');
    expect(writes.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /api/annotations', 'PATCH /api/annotations/7']);
    expect((writes[0].body as { data: unknown }).data).toEqual(event);
    const patch = writes[1].body as Record<string, unknown>;
    expect(Object.keys(patch).sort()).toEqual(['tags', 'text', 'time', 'timeEnd']);
    expect(patch.tags).toContain('status:mitigating');
    expect(patch.timeEnd).toBe(NOW);
    expectConforms(backend.requests);
  });

  it('keeps an event a concurrent responder appended since our view was loaded', async () => {
    const incident = setup();
    // Someone else's note lands between our load and our append.
    const theirs = ev('note', 15, { kind: 'observation', text: 'EU only' }, { incidentId: 'INC-A', id: 'evt-b' });
    const original = currentResponder();
    let injected = false;
    respondWith((req) => {
      if (!injected && req.method === 'POST') {
        injected = true;
        original({ method: 'POST', url: '/api/annotations', body: eventAnnotation(theirs) });
      }
      return original(req);
    });
    const mine = ev('note', 20, { kind: 'debugging', text: 'pool exhausted' }, { incidentId: 'INC-A', id: 'evt-a' });
    const next = await appendEvent(incident, mine);
    expect(next.notes.map((n) => n.id)).toEqual(['evt-b', 'evt-a']);
  });

  it('refuses an illegal transition with the state machine message and sends nothing', async () => {
    const incident = setup([ev('status_changed', 15, { to: 'mitigating' })]);
    backend.requests.length = 0;
    const back = ev('status_changed', 20, { to: 'triage' }, { incidentId: 'INC-A' });
    const error = await appendEvent(incident, back).catch((e) => e);
    expect(error).toBeInstanceOf(CommandRefusedError);
    expect(error.message).toBe(
      'cannot change the status of incident INC-A: it cannot go back from mitigating to triage'
    );
    expect(backend.requests).toEqual([]);
  });

  it('recreates the region with a POST when the incident has none', async () => {
    const incident = { ...setup(), regionAnnotationId: undefined };
    const next = await appendEvent(incident, ev('resolved', 20, {}, { incidentId: 'INC-A' }));
    const writes = backend.requests.filter((r) => r.method !== 'GET');
    expect(writes.map((r) => r.method)).toEqual(['POST', 'POST']);
    expect(writes[1].body).toMatchObject({ time: T0, timeEnd: at(20) });
    expect(next.regionAnnotationId).toBe(99);
    expectConforms(backend.requests);
  });
});
