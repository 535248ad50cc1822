import { checkRequest } from '../../tests/contract/openapi';
import { at, declared, ev, T0 } from '../domain/incident/__fixtures__/events';
import { eventAnnotation, incidentAnnotation } from '../domain/incident/annotations';
import type { IncidentEvent } from '../domain/incident/events';
import { foldIncident } from '../domain/incident/fold';
import { createFakeBackend, type RecordedRequest } from './testing/fakeBackend';
import {
  appendEvent,
  CommandRefusedError,
  declareIncident,
  getIncident,
  IncidentValidationError,
  listIncidents,
  type LoadedIncident,
  SloLinkError,
} from './incidents';

let responder: (req: RecordedRequest) => { status?: number; data: unknown } = () => ({ data: [] });
const backend = createFakeBackend((req) => responder(req));

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
}));

const NOW = at(60);

beforeEach(() => {
  backend.requests.length = 0;
  responder = () => ({ data: [] });
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});

afterEach(() => {
  jest.restoreAllMocks();
});

/** Stored annotations as Grafana would return them: id, time, tags and the posted data. */
let nextId = 1;
const stored = (body: { time: number; timeEnd?: number; tags: string[]; data?: unknown }) => ({
  id: nextId++,
  ...body,
});

function incidentOf(id: string, extra: IncidentEvent[] = []) {
  const d = declared({ title: `Incident ${id}` });
  const events = [{ ...d, incidentId: id }, ...extra.map((e) => ({ ...e, incidentId: id }))] as IncidentEvent[];
  const incident = foldIncident(events).incident!;
  return { events, incident, region: stored(incidentAnnotation(incident, { appUrl: '' }, NOW)) };
}

const paramsOf = (r: RecordedRequest) => r.params as Record<string, unknown>;

/** Every annotation request must match Grafana's spec; the settings route is pinned in contract.test.ts. */
function expectConforms(reqs: RecordedRequest[]) {
  for (const r of reqs.filter((q) => !q.url.startsWith('/api/plugins/'))) {
    expect(checkRequest(r)).toEqual([]);
  }
}

describe('listIncidents', () => {
  it('reads the regions of the range by tag, then every event in one more request, and folds them', async () => {
    const a = incidentOf('INC-A', [ev('status_changed', 15, { to: 'triage' })]);
    const b = incidentOf('INC-B', [ev('resolved', 30, {})]);
    responder = (req) => {
      const tags = paramsOf(req).tags as string[];
      if (tags.includes('sre-incident')) {
        return { data: [a.region, b.region] };
      }
      return { data: [...a.events, ...b.events].map((e) => stored(eventAnnotation(e))) };
    };

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
    responder = (req) =>
      (paramsOf(req).tags as string[]).includes('sre-incident')
        ? { data: many.map((m) => m.region) }
        : { data: many.flatMap((m) => m.events).map((e) => stored(eventAnnotation(e))) };
    const { incidents } = await listIncidents({ from: T0, to: NOW });
    expect(incidents).toHaveLength(25);
    expect(backend.requests).toHaveLength(2);
  });

  it('asks for events from the earliest incident start, so incidents begun before the range are complete', async () => {
    const old = incidentOf('INC-OLD');
    responder = (req) =>
      (paramsOf(req).tags as string[]).includes('sre-incident') ? { data: [old.region] } : { data: [] };
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
    responder = (req) =>
      (paramsOf(req).tags as string[]).includes('sre-incident')
        ? { data: [a.region, orphan] }
        : {
            data: [
              ...a.events.map((e) => stored(eventAnnotation(e))),
              stored({ time: T0, tags: ['sre-incident-event', 'incident:INC-A'], data: { id: 'x', type: 'nope' } }),
            ],
          };
    const { incidents, problems } = await listIncidents({ from: T0, to: NOW });
    expect(incidents.map((i) => i.id)).toEqual(['INC-A']);
    expect(problems).toEqual([
      { incidentId: 'INC-A', eventId: 'x', message: 'invalid event x: unknown event type "nope"' },
      { incidentId: 'INC-GHOST', message: 'incident INC-GHOST has no valid "declared" event; it is not shown' },
    ]);
  });

  it('surfaces an HTTP failure with Grafana message', async () => {
    responder = () => ({ status: 500, data: { message: 'database is locked' } });
    await expect(listIncidents({ from: T0, to: NOW })).rejects.toThrow(/database is locked/);
  });
});

describe('getIncident', () => {
  it('reads all events of the incident by both tags over a wide range, plus its region, and folds', async () => {
    const a = incidentOf('INC-A', [ev('status_changed', 15, { to: 'mitigating' })]);
    responder = (req) =>
      (paramsOf(req).tags as string[]).includes('sre-incident')
        ? { data: [a.region] }
        : { data: a.events.map((e) => stored(eventAnnotation(e))) };
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

describe('declareIncident', () => {
  beforeEach(() => {
    responder = (req) =>
      req.method === 'POST' ? { data: { id: 42, message: 'Annotation added' } } : { data: { jsonData: {} } };
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
    responder = (req) =>
      req.method === 'POST'
        ? { data: { id: 1 } }
        : { data: { jsonData: { settings: { lokiUid: 'loki-1', logServiceLabel: 'app' } } } };
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
    responder = (req) => {
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
    };
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
    responder = (req) => {
      if (req.method === 'POST') {
        posts += 1;
        return posts <= 2 ? { data: { id: posts } } : { status: 500, data: { message: 'disk full' } };
      }
      return { data: req.url.includes('/plugins/') ? { jsonData: {} } : [] };
    };
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
    responder = (req) => {
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
    };
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
    const original = responder;
    let injected = false;
    responder = (req) => {
      if (!injected && req.method === 'POST') {
        injected = true;
        original({ method: 'POST', url: '/api/annotations', body: eventAnnotation(theirs) });
      }
      return original(req);
    };
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
