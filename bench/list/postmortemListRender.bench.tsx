/**
 * Benchmark: the Postmortems list (PostmortemList) and the Action items view (ActionItemsView) for 10, 100 and 500
 * postmortems of 10 action items each (5,000 at 500), with their section edits, updates, closes and reviews.
 *
 * The real components, hooks and api/ layer (listPostmortems: every `sre-postmortem` event of the range in one GET,
 * folded; the list's "Start postmortem" picker: listIncidents, regions then events) run under jsdom; only Grafana's
 * backend is faked, at the getBackendSrv() boundary: GET /api/annotations answers by tag with the annotations as
 * the app writes them (postmortemEventAnnotation, incidentAnnotation, eventAnnotation), newest first, within the
 * asked range and limit. The fake answers synchronously. The user is an Editor, so the list shows the picker.
 *
 * Measured per size and view: every GET sent (list: 3, action items: 1, whatever N), the `limit` each annotation
 * query asked for, and wall time from render() until the page is complete (median of RUNS): the list with its first page
 * (PAGE_SIZE rows) and the picker loaded; the view with its first page of items (PAGE_SIZE), the count and the
 * follow-through numbers. No "skipped" problem may show. Target: time(500) / time(10) ≤ 5 for each view.
 *
 * Run: npm run bench:list (all list benches), or this one alone:
 *   npx jest -c jest.config.js --testMatch '<rootDir>/bench/list/postmortemListRender.bench.tsx' --maxWorkers=1
 * Writes bench/results/postmortem-list-render.json and .md. BENCH_SMOKE=1 (npm run bench:smoke, part of npm test)
 * runs 5, 10 and 20 postmortems once into a temp dir.
 */
import React from 'react';
import { OrgRole } from '@grafana/data';
import { config } from '@grafana/runtime';
import { MAX_LIST_POSTMORTEM_EVENTS } from '../../src/api/postmortems';
import { createFakeBackend, type RecordedRequest } from '../../src/api/testing/fakeBackend';
import { PAGE_SIZE } from '../../src/components/paging';
import { testIds } from '../../src/components/testIds';
import { eventAnnotation, incidentAnnotation } from '../../src/domain/incident/annotations';
import type { IncidentEvent } from '../../src/domain/incident/events';
import { foldIncident } from '../../src/domain/incident/fold';
import {
  ACTION_ITEM_PRIORITIES,
  ACTION_ITEM_TYPES,
  POSTMORTEM_SCHEMA,
  type PostmortemEvent,
  postmortemEventAnnotation,
} from '../../src/domain/postmortem';
import { queryClient } from '../../src/pages/data/queryClient';
import { ActionItemsView } from '../../src/pages/Postmortems/actionItems/ActionItemsView';
import { PostmortemList } from '../../src/pages/Postmortems/PostmortemList';
import {
  benchSizes,
  broken,
  environment,
  measureSizes,
  renderPage,
  RUNS,
  WARMUPS,
  type RunResult,
  type SizeResult,
  setUpListBench,
  writeResults,
} from './benchKit';

const SIZES = benchSizes([10, 100, 500], [5, 10, 20]);
const ITEMS_PER_POSTMORTEM = 10;
const TARGET_RATIO = 5;
/** The list: the postmortems, then the picker's incident regions and their events. */
const LIST_GETS = 3;
/** The Action items view: the postmortems only. */
const ITEMS_GETS = 1;
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Postmortems start 3.8 h apart, so 500 span 79 days: all inside both pages' default range (90 days). */
const SPACING = 3.8 * HOUR;
/** One resolved incident in ten has no postmortem yet: the picker offers those. */
const WITHOUT_POSTMORTEM_EVERY = 10;
const TEAMS = ['checkout', 'payments', 'search', 'login', 'cart', 'orders', 'catalog', 'edge'];

interface Annotation {
  id: number;
  time: number;
  timeEnd?: number;
  tags: string[];
}

interface Stored {
  postmortemEvents: Annotation[];
  regions: Annotation[];
  incidentEvents: Annotation[];
  items: number;
}

let current: Stored = { postmortemEvents: [], regions: [], incidentEvents: [], items: 0 };
let postmortemsAnsweredAt = 0;
let limits: unknown[] = [];

/** As Grafana answers GET /api/annotations: in the range (regions that overlap it), newest first, at most `limit`. */
function inRange(list: Annotation[], params: Record<string, unknown>): Annotation[] {
  const from = Number(params.from ?? 0);
  const to = Number(params.to ?? Number.MAX_SAFE_INTEGER);
  const limit = Number(params.limit ?? 100);
  return list.filter((a) => a.time <= to && (a.timeEnd ?? a.time) >= from).slice(0, limit);
}

function respond(req: RecordedRequest) {
  if (req.method === 'GET' && req.url === '/api/annotations') {
    const params = req.params ?? {};
    const tags = (params.tags ?? []) as string[];
    limits.push(params.limit);
    if (tags.includes('sre-postmortem')) {
      postmortemsAnsweredAt = performance.now();
      return { data: inRange(current.postmortemEvents, params) };
    }
    if (tags.includes('sre-incident-event')) {
      return { data: inRange(current.incidentEvents, params) };
    }
    if (tags.includes('sre-incident')) {
      return { data: inRange(current.regions, params) };
    }
  }
  return { status: 404, data: { message: `unexpected ${req.method} ${req.url} ${JSON.stringify(req.params)}` } };
}

let backend = createFakeBackend(respond);
jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getBackendSrv: () => backend.srv }));

const incidentIdOf = (i: number) => `INC-BENCH-${String(i).padStart(4, '0')}`;
const person = (k: number) => ({ login: `user${k % 40}`, name: `User ${k % 40}` });

function markdown(topic: string, i: number): string {
  return [
    `The ${topic} of incident ${i}: requests to **${TEAMS[i % TEAMS.length]}** failed after a configuration push`,
    'that skipped the canary stage. The error rate rose within two minutes and the paging alert fired on the 1h',
    'burn rate. Rolling back the change restored service.',
    '',
    '- the deploy pipeline allowed a direct push to all regions',
    '- the dashboard did not show which version served the errors',
    '- the runbook for rollbacks was out of date',
  ].join('\n');
}

/** Incident i: declared, commander assigned, mitigating, resolved; started `start`, resolved 70 minutes later. */
function incidentEvents(i: number, start: number): IncidentEvent[] {
  const incidentId = incidentIdOf(i);
  const base = (k: number, minutes: number) => ({
    id: `e-${i}-${k}`,
    incidentId,
    at: start + minutes * MIN,
    author: 'bench',
  });
  return [
    {
      ...base(0, 5),
      type: 'declared',
      title: `Checkout errors ${i}`,
      severity: ((i % 4) + 1) as 1 | 2 | 3 | 4,
      services: [TEAMS[i % TEAMS.length]],
      startedAt: start,
      detectedAt: start + 3 * MIN,
    },
    { ...base(1, 8), type: 'role_assigned', role: 'commander', to: person(i) },
    { ...base(2, 20), type: 'status_changed', to: 'mitigating' },
    { ...base(3, 70), type: 'resolved' },
  ];
}

/**
 * Postmortem i of incident i (resolved at `resolved`), as its writers leave it over the following days: started,
 * four sections written (summary twice for every third), ten action items (P0–P3, all types, due 1–4 weeks out:
 * the open ones of older postmortems are overdue), three updated, three done, one won't do, a reviewer, and a
 * third each in draft, in review and published.
 */
function postmortemEvents(i: number, incident: { start: number; resolved: number }, now: number): PostmortemEvent[] {
  const incidentId = incidentIdOf(i);
  const startedAt = incident.resolved + HOUR;
  const steps = 30;
  const span = Math.min(7 * DAY, now - startedAt - MIN);
  let k = 0;
  const meta = (): Pick<PostmortemEvent, 'schema' | 'id' | 'incidentId' | 'at' | 'author'> => {
    k++;
    return {
      schema: POSTMORTEM_SCHEMA,
      id: `pme-${i}-${k}`,
      incidentId,
      at: startedAt + Math.floor((span * k) / steps),
      author: person(i + k).login,
    };
  };
  const events: PostmortemEvent[] = [
    {
      schema: POSTMORTEM_SCHEMA,
      id: `pme-${i}-0`,
      incidentId,
      at: startedAt,
      author: person(i).login,
      type: 'started',
      prefill: {
        title: `Checkout errors ${i}`,
        severity: ((i % 4) + 1) as 1 | 2 | 3 | 4,
        services: [TEAMS[i % TEAMS.length]],
        sloIds: [`${TEAMS[i % TEAMS.length]}-availability`],
        startedAt: incident.start,
        detectedAt: incident.start + 3 * MIN,
        mitigatedAt: incident.start + 20 * MIN,
        resolvedAt: incident.resolved,
        responders: [{ role: 'commander', user: person(i), from: incident.start + 8 * MIN }],
        budgets: [{ sloId: `${TEAMS[i % TEAMS.length]}-availability`, consumed: (i % 30) / 100 }],
      },
    },
  ];
  for (const section of ['summary', 'impact', 'root_causes', 'went_wrong']) {
    events.push({ ...meta(), type: 'section_edited', section, markdown: markdown(section, i), baseRevision: 0 });
  }
  if (i % 3 === 0) {
    events.push({
      ...meta(),
      type: 'section_edited',
      section: 'summary',
      markdown: markdown('summary (revised)', i),
      baseRevision: 1,
    });
  }
  for (let n = 0; n < ITEMS_PER_POSTMORTEM; n++) {
    events.push({
      ...meta(),
      type: 'action_item_added',
      itemId: `ai-${i}-${n}`,
      item: {
        title: `Action ${n} of incident ${i}: add a canary stage for ${TEAMS[(i + n) % TEAMS.length]}`,
        type: ACTION_ITEM_TYPES[n % ACTION_ITEM_TYPES.length],
        priority: ACTION_ITEM_PRIORITIES[n % ACTION_ITEM_PRIORITIES.length],
        ...(n % 5 !== 4 && { owner: person(i + n) }),
        due: startedAt + ((n % 4) + 1) * 7 * DAY,
        ...(n % 2 === 0 && { trackerUrl: `https://tracker.example.com/SRE-${i * 100 + n}` }),
        status: 'open',
      },
    });
  }
  for (const n of [0, 1, 2]) {
    events.push({
      ...meta(),
      type: 'action_item_updated',
      itemId: `ai-${i}-${n}`,
      baseRevision: `ai-${i}-${n}`,
      changes: { status: 'in_progress' },
    });
  }
  for (const n of [3, 4, 5]) {
    events.push({ ...meta(), type: 'action_item_closed', itemId: `ai-${i}-${n}`, status: 'done' });
  }
  events.push({
    ...meta(),
    type: 'action_item_closed',
    itemId: `ai-${i}-6`,
    status: 'wont_do',
    reason: 'Superseded by the platform migration',
  });
  events.push({ ...meta(), type: 'reviewer_added', reviewer: person(i + 7) });
  if (i % 3 !== 0) {
    events.push({ ...meta(), type: 'status_changed', from: 'draft', to: 'in_review' });
  }
  if (i % 3 === 2) {
    events.push({ ...meta(), type: 'status_changed', from: 'in_review', to: 'published' });
  }
  return events;
}

let annotationId = 1;
const newestFirst = (a: Annotation, b: Annotation) => b.time - a.time;

function makeData(n: number, now: number): Stored {
  const postmortemEvents_: Annotation[] = [];
  const regions: Annotation[] = [];
  const incidentAnnotations: Annotation[] = [];
  const incidents = n + Math.ceil(n / WITHOUT_POSTMORTEM_EVERY);
  for (let i = 0; i < incidents; i++) {
    // Postmortems 0..n-1 first, so their spread does not depend on the extra incidents.
    const start = now - 4 * HOUR - i * SPACING;
    const evs = incidentEvents(i, start);
    const folded = foldIncident(evs);
    if (folded.problems.length > 0 || !folded.incident) {
      throw new Error(`incident ${i}: ${JSON.stringify(folded.problems)}`);
    }
    regions.push({ id: annotationId++, ...incidentAnnotation(folded.incident, { appUrl: '' }, now) } as Annotation);
    incidentAnnotations.push(...evs.map((e) => ({ id: annotationId++, ...eventAnnotation(e) }) as Annotation));
    if (i < n) {
      for (const e of postmortemEvents(i, { start, resolved: folded.incident.resolvedAt! }, now)) {
        postmortemEvents_.push({ id: annotationId++, ...postmortemEventAnnotation(e) });
      }
    }
  }
  return {
    postmortemEvents: postmortemEvents_.sort(newestFirst),
    regions: regions.sort(newestFirst),
    incidentEvents: incidentAnnotations.sort(newestFirst),
    items: n * ITEMS_PER_POSTMORTEM,
  };
}

const datasets = new Map<number, Stored>();

function prepare(n: number) {
  // Every run starts cold, as a first visit does: the app's query cache would otherwise answer without requests.
  queryClient.clear();
  if (!datasets.has(n)) {
    datasets.set(n, makeData(n, Date.now()));
  }
  current = datasets.get(n)!;
  backend = createFakeBackend(respond);
  limits = [];
  postmortemsAnsweredAt = 0;
}

function checkGets(n: number, view: string, expected: number): number {
  const gets = backend.requests.filter((r) => r.method === 'GET');
  if (gets.length !== expected || gets.length !== backend.requests.length) {
    broken(
      `${view} of ${n} postmortems sent ${gets.length} GETs (expected ${expected}) and ${backend.requests.length - gets.length} other requests: ${backend.requests.map((r) => `${r.method} ${r.url} ${JSON.stringify(r.params?.tags)}`).join('; ')}`
    );
  }
  return gets.length;
}

function noProblem(container: HTMLElement, n: number, view: string, phrases: string[]) {
  const text = container.textContent ?? '';
  for (const phrase of phrases) {
    if (text.includes(phrase)) {
      broken(
        `${view} of ${n} postmortems shows "${phrase}": ${text.slice(text.indexOf(phrase), text.indexOf(phrase) + 300)}`
      );
    }
  }
}

async function renderList(n: number): Promise<RunResult> {
  prepare(n);
  const page = {
    selector: `[data-testid="${testIds.postmortem.row}"]`,
    rows: Math.min(n, PAGE_SIZE),
    // The pager's count: "1–50 of 500 postmortems", or "10 postmortems" on a single page.
    text: n > PAGE_SIZE ? `of ${n} postmortems` : `${n} postmortems`,
    absent: 'Loading resolved incidents…',
  };
  const { t0, ms } = await renderPage(<PostmortemList />, page, (container) => {
    noProblem(container, n, 'the list', ['Some postmortem data was skipped', 'Could not list resolved incidents']);
    if (!container.querySelector(`[data-testid="${testIds.postmortem.start}"]`)) {
      broken(`the list of ${n} postmortems has no "Start postmortem" picker`);
    }
  });
  return { ms, dataMs: postmortemsAnsweredAt - t0, requests: checkGets(n, 'the list', LIST_GETS) };
}

async function renderItems(n: number): Promise<RunResult> {
  prepare(n);
  const items = current.items;
  const page = {
    selector: `[data-testid="${testIds.actionItems.viewRow}"]`,
    rows: Math.min(items, PAGE_SIZE),
    text: items > PAGE_SIZE ? `of ${items} action items` : `${items} action items`,
  };
  const { t0, ms } = await renderPage(<ActionItemsView />, page, (container) => {
    noProblem(container, n, 'the Action items view', ['could not be read']);
    if (!container.querySelector(`[data-testid="${testIds.actionItems.stats}"]`)) {
      broken(`the Action items view of ${n} postmortems shows no completion rate`);
    }
  });
  return { ms, dataMs: postmortemsAnsweredAt - t0, requests: checkGets(n, 'the Action items view', ITEMS_GETS) };
}

setUpListBench();

beforeAll(() => {
  config.bootData.user = { ...config.bootData.user, orgRole: OrgRole.Editor, login: 'bench', isGrafanaAdmin: false };
});

async function measure(renderOnce: (n: number) => Promise<RunResult>) {
  const limitsBySize = new Map<number, unknown[]>();
  const table = await measureSizes(SIZES, async (n) => {
    const once = await renderOnce(n);
    limitsBySize.set(n, limits);
    return once;
  });
  return table.map(({ size, ...r }: SizeResult) => ({
    postmortems: size,
    actionItems: size * ITEMS_PER_POSTMORTEM,
    events: datasets.get(size)!.postmortemEvents.length,
    limits: limitsBySize.get(size)!,
    ...r,
  }));
}

type Row = Awaited<ReturnType<typeof measure>>[number];

function mdTable(rows: Row[]): string[] {
  return [
    `| postmortems | action items | postmortem events | GETs | limits asked | median ms | of which until the postmortems answer | runs (ms) | ratio vs ${rows[0].postmortems} |`,
    '|---:|---:|---:|---:|---|---:|---:|---|---:|',
    ...rows.map(
      (r) =>
        `| ${r.postmortems} | ${r.actionItems} | ${r.events} | ${r.requests} | ${r.limits.join(', ')} | ${r.medianMs.toFixed(1)} | ${r.medianToDataMs.toFixed(1)} | ${r.runsMs.join(', ')} | ${r.ratioVs10.toFixed(2)}× |`
    ),
  ];
}

it(`renders the Postmortems list and the Action items view for ${SIZES.join(', ')} postmortems`, async () => {
  const list = await measure(renderList);
  const items = await measure(renderItems);
  const summary = (rows: Row[], gets: number) => {
    const last = rows[rows.length - 1];
    return {
      getsAlways: gets,
      requestsConstant: rows.every((r) => r.requests === rows[0].requests),
      ratioLastVsFirst: { target: TARGET_RATIO, actual: last.ratioVs10, met: last.ratioVs10 <= TARGET_RATIO },
    };
  };
  const targets = { list: summary(list, LIST_GETS), actionItems: summary(items, ITEMS_GETS) };
  const result = {
    bench: 'postmortem-list-render',
    date: new Date().toISOString(),
    environment: environment(),
    what: `PostmortemList (Editor: with the Start picker) and ActionItemsView under jsdom, fake getBackendSrv (GET /api/annotations by tag: postmortem events, incident regions and events, newest first, range and limit applied); N postmortems of ${ITEMS_PER_POSTMORTEM} action items; ms from render() until the page is complete`,
    targets,
    postmortemEventLimit: MAX_LIST_POSTMORTEM_EVENTS,
    list,
    actionItems: items,
  };
  const verdict = (t: typeof targets.list, rows: Row[]) =>
    `GETs constant: **${t.requestsConstant ? 'yes' : 'NO'}** (${rows.map((r) => r.requests).join(' / ')}); time ratio ${rows[rows.length - 1].postmortems} vs ${rows[0].postmortems}: **${t.ratioLastVsFirst.actual.toFixed(2)}×** against a target of ≤ ${TARGET_RATIO}×: **${t.ratioLastVsFirst.met ? 'met' : 'NOT met'}**.`;
  const md = [
    '# postmortem-list-render: Postmortems list and Action items view by number of postmortems',
    '',
    `Under jsdom (jest), Grafana's backend faked at getBackendSrv(): GET /api/annotations answers by tag with the annotations as the app writes them (postmortem events; incident regions and events for the list's "Start postmortem" picker), newest first, with the asked range and limit applied. Each postmortem has ${ITEMS_PER_POSTMORTEM} action items (3 updated, 3 done, 1 won't do), 4-5 section edits of about 450 characters, a reviewer and a status; one resolved incident in ${WITHOUT_POSTMORTEM_EVERY} has none. The user is an Editor. ${RUNS} runs per size after ${WARMUPS} warm-up renders. Node ${process.version}, ${result.environment.cpus} cores.`,
    '',
    `## Postmortems list (${LIST_GETS} GETs: the postmortem events; the incident regions, then their events)`,
    '',
    `ms from render() until the first page (${PAGE_SIZE} rows) and the count are in the DOM and the picker has its incidents.`,
    '',
    ...mdTable(list),
    '',
    `- ${verdict(targets.list, list)}`,
    '',
    `## Action items view (${ITEMS_GETS} GET: the postmortem events)`,
    '',
    `ms from render() until the first page (${PAGE_SIZE} rows), the count ("1–${PAGE_SIZE} of N action items") and the completion rate are in the DOM.`,
    '',
    ...mdTable(items),
    '',
    `- ${verdict(targets.actionItems, items)}`,
    '',
    `Reading it: both pages read the range's postmortem events in one request that asks for one more than the cap of ${MAX_LIST_POSTMORTEM_EVENTS.toLocaleString('en-US')}`,
    'events, so 500 postmortems list in full. After the answer comes folding every postmortem; the Action items view',
    `then gathers, filters and sorts every item and renders one page; the list renders one page of ${PAGE_SIZE} rows`,
    'too, and also waits for the picker, which folds every incident of the range (N + N/10 here). jsdom is slower',
    'than a browser at DOM work, so absolute times are pessimistic.',
    '',
  ].join('\n');
  // The bench reports; it fails only when the measurement itself is broken (the render checks requests and problems).
  writeResults('postmortem-list-render', result, md);
});
