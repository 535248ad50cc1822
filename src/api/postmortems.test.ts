import { config } from '@grafana/runtime';
import { checkRequest } from '../../tests/contract/openapi';
import { at } from '../domain/incident/__fixtures__/events';
import {
  DEFAULT_SECTIONS,
  type Postmortem,
  POSTMORTEM_SCHEMA,
  postmortemEventAnnotation,
  type PostmortemEvent,
} from '../domain/postmortem';
import {
  appendPostmortemEvent,
  getPostmortem,
  listPostmortems,
  MAX_LIST_POSTMORTEM_EVENTS,
  MAX_POSTMORTEM_EVENTS,
  PostmortemSizeError,
  startPostmortem,
} from './postmortems';
import { createFakeBackend, type RecordedRequest } from './testing/fakeBackend';
import { as, createFakeGrafana, FIRING_FROM, incidentWithHandover, SLO, XSS } from './testing/postmortemFixtures';

let grafana = createFakeGrafana();
let responder = (req: RecordedRequest) => grafana.respond(req);
const backend = createFakeBackend((req) => responder(req));

jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getBackendSrv: () => backend.srv }));

const NOW = at(24 * 60);
const INC = 'INC-1';

beforeEach(() => {
  grafana = createFakeGrafana();
  responder = (req) => grafana.respond(req);
  backend.requests.length = 0;
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  config.appUrl = 'https://grafana.example.com/';
  as('alice');
});

afterEach(() => {
  // Every request must be one Grafana's OpenAPI spec declares; the settings route is pinned in contract.test.ts.
  for (const r of backend.requests.filter((q) => !q.url.startsWith('/api/plugins/'))) {
    expect(checkRequest({ method: r.method, url: r.url, body: r.body, params: r.params })).toEqual([]);
  }
  jest.restoreAllMocks();
});

const start = () => startPostmortem(incidentWithHandover(), DEFAULT_SECTIONS);
const section = (pm: Postmortem, key: string) => pm.sections.find((s) => s.key === key)!;
const edit = (pm: Postmortem, key: string, markdown: string) =>
  appendPostmortemEvent(pm, {
    type: 'section_edited',
    section: key,
    markdown,
    baseRevision: section(pm, key).revision,
  });

/** A stored event of another postmortem, for list tests. */
function storeEvent(event: Partial<PostmortemEvent> & Pick<PostmortemEvent, 'type' | 'incidentId' | 'at'>) {
  const full = { schema: POSTMORTEM_SCHEMA, id: `pme-${event.incidentId}-${event.at}`, author: 'dana', ...event };
  const body = postmortemEventAnnotation(full as PostmortemEvent);
  grafana.store.items.push({ id: grafana.store.items.length + 1000, timeEnd: body.time, ...body });
}
const startedAt = (incidentId: string, t: number) =>
  storeEvent({
    type: 'started',
    incidentId,
    at: t,
    prefill: { title: `Incident ${incidentId}`, severity: 3, services: ['cart'], startedAt: t - 3_600_000 },
  } as PostmortemEvent);

describe('startPostmortem', () => {
  it('reads first, then writes one prefilled started event and returns the folded postmortem', async () => {
    const pm = await start();

    expect(backend.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /api/annotations',
      'GET /api/plugins/sre-reliability-app/settings',
      'POST /api/ds/query',
      'POST /api/ds/query',
      'POST /api/annotations',
      'GET /api/annotations',
    ]);
    expect(pm).toMatchObject({ incidentId: INC, status: 'draft', startedBy: 'alice', startedAt: NOW });
    expect(pm.prefill).toEqual({
      title: 'Checkout errors',
      severity: 2,
      services: ['checkout'],
      sloIds: [SLO.id],
      startedAt: at(0),
      detectedAt: at(5),
      acknowledgedAt: at(12),
      mitigatedAt: at(40),
      resolvedAt: at(50),
      responders: [
        { role: 'commander', user: { login: 'alice', name: 'Alice A' }, from: at(12), to: at(20) },
        { role: 'techLead', user: { login: 'carol' }, from: at(15) },
        { role: 'commander', user: { login: 'bob' }, from: at(20) },
      ],
      budgets: [{ sloId: SLO.id, sloName: 'Checkout availability', consumed: expect.closeTo(0.25, 12), share: 0.2 }],
      exploreUrl: expect.stringMatching(/^https:\/\/grafana\.example\.com\/explore\?schemaVersion=1&panes=.*loki/),
    });
    expect(pm.sections.map((s) => s.key)).toEqual(DEFAULT_SECTIONS.map((s) => s.key));
    expect(section(pm, 'impact').markdown).toContain(
      "- Checkout availability: 25% of its 30d error budget, over the policy's 20% line"
    );
    expect(section(pm, 'impact').markdown).toContain('- Time to detect: 5m');
    const timeline = section(pm, 'timeline').markdown;
    expect(timeline).toContain('Incident commander: Alice A → bob (alice)');
    expect(timeline).toContain(
      `- **${new Date(FIRING_FROM).toISOString().slice(0, 16).replace('T', ' ')} UTC**: SLO alert SLOErrorBudgetBurn (page, fast tier) fired for Checkout availability`
    );
    // The status update's HTML is text, not markup, in the prefilled Markdown.
    expect(timeline).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(timeline).not.toContain('<img');
    expect(section(pm, 'summary')).toMatchObject({ markdown: '', revision: 0 });
  });

  it('returns the postmortem already started and writes nothing', async () => {
    const first = await start();
    backend.requests.length = 0;
    as('bob');
    const again = await start();
    expect(again).toEqual(first);
    expect(backend.requests.map((r) => r.method)).toEqual(['GET']);
  });

  it('starts when the budgets and alerts cannot be read: the budget is unknown and the texts say why', async () => {
    grafana.dsQuery = () => ({ status: 500, data: { message: 'prometheus is down' } });
    const pm = await start();
    expect(pm.prefill.budgets).toEqual([{ sloId: SLO.id, sloName: 'Checkout availability', share: 0.2 }]);
    expect(section(pm, 'impact').markdown).toContain(
      '- Checkout availability: unknown (POST /api/ds/query failed (500): prometheus is down)'
    );
    expect(section(pm, 'timeline').markdown).toContain(
      '- _SLO alerts of Checkout availability could not be read: POST /api/ds/query failed (500): prometheus is down_'
    );
  });

  it('starts when even the settings cannot be read', async () => {
    grafana.settings = () => ({ status: 403, data: { message: 'Permission denied' } });
    const pm = await start();
    expect(pm.prefill.budgets).toEqual([{ sloId: SLO.id }]);
    expect(pm.prefill.exploreUrl).toBeUndefined();
    expect(section(pm, 'timeline').markdown).toContain('The app settings could not be read');
  });

  it('prefills only the sections the template has, and freezes the template in the event', async () => {
    const template = [
      { key: 'summary', title: 'Overview', order: 1 },
      { key: 'impact', title: 'Customer impact', order: 2 },
      { key: 'root_causes', title: 'Why', order: 3 },
    ];
    const pm = await startPostmortem(incidentWithHandover(), template);
    expect(pm.sections.map((s) => [s.key, s.title, s.revision])).toEqual([
      ['summary', 'Overview', 0],
      ['impact', 'Customer impact', 1],
      ['root_causes', 'Why', 0],
    ]);
  });

  it('refuses an invalid template, naming the field, and sends nothing', async () => {
    await expect(startPostmortem(incidentWithHandover(), [{ key: 'Bad Key', title: '', order: 1 }])).rejects.toThrow(
      /sections\[0\]\.key .*sections\[0\]\.title must not be empty/
    );
    expect(backend.requests).toEqual([]);
  });

  it('keeps the first start when two people start at once, and both get that postmortem', async () => {
    as('alice');
    const a = startPostmortem(incidentWithHandover(), DEFAULT_SECTIONS);
    as('bob');
    const b = startPostmortem(incidentWithHandover(), DEFAULT_SECTIONS);
    const [pa, pb] = await Promise.all([a, b]);

    const starts = grafana.store.items.filter((i) => (i.data as PostmortemEvent).type === 'started');
    expect(starts).toHaveLength(2);
    expect(pa.startedBy).toBe(pb.startedBy);
    expect(pa.history[0].id).toBe(pb.history[0].id);
    const { problems } = await getPostmortem(INC);
    const second = pa.startedBy === 'alice' ? 'bob' : 'alice';
    expect(problems.map((p) => p.message)).toContainEqual(
      `${second} started this postmortem again; the first start is kept, its texts are edits`
    );
  });

  it('cuts a timeline too long for one annotation, saying how many entries are left out', async () => {
    const incident = incidentWithHandover();
    const note = {
      ...incident.timeline[0],
      type: 'note' as const,
      kind: 'observation' as const,
      text: 'x'.repeat(900),
    };
    incident.timeline = [
      ...incident.timeline,
      ...Array.from({ length: 120 }, (_, i) => ({ ...note, id: `n${i}`, at: at(30) + i })),
    ];
    const pm = await startPostmortem(incident, DEFAULT_SECTIONS);
    const text = section(pm, 'timeline').markdown;
    const left = /- _(\d+) more entries are on the incident's page\._$/.exec(text);
    expect(left).not.toBeNull();
    const shown = text.split('\n').length - 1;
    expect(shown + Number(left![1])).toBe(incident.timeline.length + 1); // + the alert firing
    expect(JSON.stringify(grafana.store.items[0].data).length).toBeLessThanOrEqual(65_535);
  });
});

describe('appendPostmortemEvent', () => {
  it('fills schema, id, incident, time and author, posts once and returns the re-read postmortem', async () => {
    const pm = await start();
    backend.requests.length = 0;
    as('bob');
    const { postmortem, problems } = await edit(pm, 'summary', 'Checkout failed for 50 minutes.');
    expect(problems).toEqual([]);
    expect(backend.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /api/annotations',
      'GET /api/annotations',
    ]);
    const event = grafana.store.items.at(-1)!.data as PostmortemEvent;
    expect(event).toEqual({
      schema: POSTMORTEM_SCHEMA,
      id: expect.stringMatching(/^pme-/),
      incidentId: INC,
      at: NOW + 1, // never before the start it is based on, which has the same clock reading
      author: 'bob',
      type: 'section_edited',
      section: 'summary',
      markdown: 'Checkout failed for 50 minutes.',
      baseRevision: 0,
    });
    expect(grafana.store.items.at(-1)!.tags).toEqual(['sre-postmortem', `incident:${INC}`]);
    expect(section(postmortem, 'summary')).toMatchObject({
      markdown: 'Checkout failed for 50 minutes.',
      revision: 1,
      editedBy: 'bob',
    });
  });

  it('refuses a 70 KB section before sending anything, naming the section', async () => {
    const pm = await start();
    backend.requests.length = 0;
    const huge = 'x'.repeat(70_000);
    await expect(edit(pm, 'root_causes', huge)).rejects.toThrow(PostmortemSizeError);
    await expect(edit(pm, 'root_causes', huge)).rejects.toThrow(
      /^Section "Root causes and trigger" is 70,\d{3} bytes when saved; Grafana stores at most 65,535 bytes/
    );
    expect(backend.requests).toEqual([]);
  });

  it('keeps HTML in a section as data, and escapes user text in the annotation text', async () => {
    const pm = await start();
    const markdown = `<script>alert(1)</script> ${XSS}`;
    const edited = await edit(pm, 'summary', markdown);
    expect(section(edited.postmortem, 'summary').markdown).toBe(markdown);
    await appendPostmortemEvent(edited.postmortem, {
      type: 'action_item_added',
      itemId: 'ai-1',
      item: { title: XSS, type: 'repair', priority: 'P1', due: NOW + 86_400_000, status: 'open' },
    });
    const [editAnnotation, itemAnnotation] = grafana.store.items.slice(-2);
    expect((editAnnotation.data as { markdown: string }).markdown).toBe(markdown);
    expect(itemAnnotation.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    for (const a of grafana.store.items) {
      expect(a.text).not.toMatch(/<(img|script)/);
    }
  });

  it('surfaces a conflict when two people edit the same section at once, keeping both texts', async () => {
    const pm = await start();
    as('alice');
    const a = edit(pm, 'summary', 'Alice: a bad config push.');
    as('bob');
    const b = edit(pm, 'summary', 'Bob: the canary was skipped.');
    await Promise.all([a, b]);

    const { postmortem } = await getPostmortem(INC);
    expect(postmortem!.conflicts).toHaveLength(1);
    const [c] = postmortem!.conflicts;
    expect(c).toMatchObject({ section: 'summary', base: 0, revision: 1 });
    expect(new Set([c.theirs.text, c.mine.text])).toEqual(
      new Set(['Alice: a bad config push.', 'Bob: the canary was skipped.'])
    );
    expect(section(postmortem!, 'summary').markdown).toBe(c.theirs.text);
  });

  it('keeps both edits when two people edit different sections at once', async () => {
    const pm = await start();
    as('alice');
    const a = edit(pm, 'summary', 'Summary by Alice');
    as('bob');
    const b = edit(pm, 'root_causes', 'Root cause by Bob');
    await Promise.all([a, b]);
    const { postmortem } = await getPostmortem(INC);
    expect(postmortem!.conflicts).toEqual([]);
    expect(section(postmortem!, 'summary')).toMatchObject({ markdown: 'Summary by Alice', editedBy: 'alice' });
    expect(section(postmortem!, 'root_causes')).toMatchObject({ markdown: 'Root cause by Bob', editedBy: 'bob' });
  });

  it('loses no event when many people write at once', async () => {
    const pm = await start();
    const writes = Array.from({ length: 12 }, (_, i) => {
      as(`user${i}`);
      return i % 2 === 0
        ? edit(pm, DEFAULT_SECTIONS[i % DEFAULT_SECTIONS.length].key, `text ${i}`)
        : appendPostmortemEvent(pm, {
            type: 'action_item_added',
            itemId: `ai-${i}`,
            item: { title: `Item ${i}`, type: 'prevent', priority: 'P2', due: NOW + 86_400_000, status: 'open' },
          });
    });
    await Promise.all(writes);
    const { postmortem } = await getPostmortem(INC);
    const written = grafana.store.items.map((i) => (i.data as PostmortemEvent).id);
    expect(postmortem!.history.map((e) => e.id).sort()).toEqual([...written].sort());
    expect(postmortem!.actionItems).toHaveLength(6);
  });

  it('returns our event even when the re-read does not show it yet', async () => {
    const pm = await start();
    const store = grafana.store;
    responder = (req) => (req.method === 'GET' ? { data: store.items.slice(0, 1) } : grafana.respond(req));
    const { postmortem } = await edit(pm, 'summary', 'written while the read lags');
    expect(section(postmortem, 'summary').markdown).toBe('written while the read lags');
  });
});

describe('getPostmortem', () => {
  it('reads one incident in one request, by both tags and all time', async () => {
    await start();
    backend.requests.length = 0;
    const { postmortem, problems } = await getPostmortem(INC);
    expect(problems).toEqual([]);
    expect(postmortem?.incidentId).toBe(INC);
    expect(backend.requests).toHaveLength(1);
    expect(backend.requests[0].params).toEqual({
      tags: ['sre-postmortem', `incident:${INC}`],
      matchAny: false,
      type: 'annotation',
      from: 0,
      to: 8_640_000_000_000_000,
      limit: MAX_POSTMORTEM_EVENTS + 1,
    });
  });

  it('says undefined with no problems when none was started', async () => {
    expect(await getPostmortem(INC)).toEqual({ postmortem: undefined, problems: [] });
  });

  it('refuses an id that is not an incident id, without a request', async () => {
    expect(await getPostmortem('a b"c')).toEqual({
      postmortem: undefined,
      problems: [{ message: '"a b"c" is not a valid incident id' }],
    });
    expect(backend.requests).toEqual([]);
  });

  it('reports annotations under its tag that describe another incident', async () => {
    await start();
    startedAt('INC-2', NOW);
    grafana.store.items.at(-1)!.tags = ['sre-postmortem', `incident:${INC}`];
    const { postmortem, problems } = await getPostmortem(INC);
    expect(postmortem?.incidentId).toBe(INC);
    expect(problems).toEqual([{ message: `1 annotation(s) tagged for ${INC} are not its postmortem events; skipped` }]);
  });
});

describe('listPostmortems', () => {
  const DAY = 86_400_000;
  const RANGE = { from: NOW - 7 * DAY, to: NOW - DAY };

  it('returns the postmortems started in the range with all their events, in one request', async () => {
    startedAt('INC-A', NOW - 6 * DAY);
    storeEvent({
      type: 'section_edited',
      incidentId: 'INC-A',
      at: NOW - 1000,
      section: 'summary',
      markdown: 'late edit',
      baseRevision: 0,
    } as PostmortemEvent);
    startedAt('INC-B', NOW - 2 * DAY);
    startedAt('INC-OLD', NOW - 8 * DAY); // started before the range
    storeEvent({
      type: 'section_edited',
      incidentId: 'INC-OLD',
      at: NOW - 3 * DAY,
      section: 'summary',
      markdown: 'x',
      baseRevision: 0,
    } as PostmortemEvent);
    startedAt('INC-NEW', NOW - DAY / 2); // started after the range

    const { postmortems, problems } = await listPostmortems(RANGE);

    expect(problems).toEqual([]);
    expect(postmortems.map((p) => p.incidentId)).toEqual(['INC-B', 'INC-A']);
    expect(section(postmortems[1], 'summary').markdown).toBe('late edit');
    expect(backend.requests).toHaveLength(1);
    expect(backend.requests[0].params).toEqual({
      tags: ['sre-postmortem'],
      matchAny: false,
      type: 'annotation',
      from: RANGE.from,
      to: NOW, // events up to now, not only up to the range's end
      limit: MAX_LIST_POSTMORTEM_EVENTS + 1,
    });
  });

  it('uses one request whatever the number of postmortems', async () => {
    for (let i = 0; i < 60; i++) {
      startedAt(`INC-${i}`, NOW - 5 * DAY + i * 1000);
    }
    const { postmortems } = await listPostmortems(RANGE);
    expect(postmortems).toHaveLength(60);
    expect(backend.requests).toHaveLength(1);
  });

  it('reports a broken start and data that is no postmortem event, but not later events of older postmortems', async () => {
    const broken = {
      schema: POSTMORTEM_SCHEMA,
      id: 'pme-x',
      incidentId: 'INC-X',
      at: NOW - 3 * DAY,
      author: 'a',
      type: 'started',
    };
    grafana.store.items.push({
      id: 8,
      time: broken.at,
      timeEnd: broken.at,
      tags: ['sre-postmortem', 'incident:INC-X'],
      text: 'x',
      data: broken,
    });
    grafana.store.items.push({
      id: 9,
      time: NOW - 3 * DAY,
      timeEnd: NOW - 3 * DAY,
      tags: ['sre-postmortem'],
      text: 'x',
      data: { hello: 1 },
    });
    storeEvent({ type: 'approved', incidentId: 'INC-OLD', at: NOW - 3 * DAY }); // its start is before the range
    const { postmortems, problems } = await listPostmortems(RANGE);
    expect(postmortems).toEqual([]);
    expect(problems.map((p) => p.message).sort()).toEqual([
      'not a postmortem event (schema is missing)',
      'postmortem of INC-X: invalid event pme-x: prefill must be an object',
    ]);
  });

  const serveCount = (n: number) => {
    const body = postmortemEventAnnotation({
      schema: POSTMORTEM_SCHEMA,
      id: 'pme-1',
      incidentId: 'INC-A',
      at: NOW - 2 * DAY,
      author: 'a',
      type: 'approved',
    });
    const items = Array.from({ length: n }, (_, i) => ({ id: i + 1, ...body }));
    responder = () => ({ data: items });
  };

  it('reports hitting the cap, still in one request', async () => {
    serveCount(MAX_LIST_POSTMORTEM_EVENTS + 1);
    const { problems } = await listPostmortems(RANGE);
    expect(problems).toEqual([
      {
        message: `more than ${MAX_LIST_POSTMORTEM_EVENTS} postmortem events since this range began; some postmortems may be missing or incomplete; narrow the range`,
      },
    ]);
    expect(backend.requests).toHaveLength(1);
  });

  it('does not call the range cut short at exactly the cap', async () => {
    serveCount(MAX_LIST_POSTMORTEM_EVENTS);
    expect((await listPostmortems(RANGE)).problems).toEqual([]);
  });
});
