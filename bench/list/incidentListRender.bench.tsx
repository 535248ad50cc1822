/**
 * Benchmark: rendering the incident list (IncidentList) for 10, 100 and 500 incidents of ~8 events each.
 *
 * The real list component, hook and api/ layer (listIncidents: regions by tag and range, then the events of their
 * span, folded) run under jsdom; only Grafana's backend is faked, at the getBackendSrv() boundary: GET
 * /api/annotations answers the `sre-incident` query with N region annotations and the `sre-incident-event` query
 * with their events, as Grafana stores them (eventAnnotation / incidentAnnotation). The fake answers synchronously,
 * so the time measured is our code plus React and @grafana/ui, not the network.
 *
 * Measured per size: the list's requests (must be 2 whatever N; the due marks' settings and postmortems reads that
 * follow the cards are checked, not counted), the `limit` each asked for, and wall time from render()
 * until the first page of cards (PAGE_SIZE) and the count are in the DOM (median of RUNS); no incident problem may
 * be shown. Target (as for the SLO list): time(500) / time(10) ≤ 5.
 *
 * Run: npm run bench:list (with the SLO list bench). Writes bench/results/incident-list-render.json and .md.
 * BENCH_SMOKE=1 (npm run bench:smoke, part of npm test) runs 5, 10 and 20 incidents once into a temp dir.
 */
import React from 'react';
import { LIST_INCIDENT_LIMIT, MAX_LIST_EVENTS } from '../../src/api/incidents';
import { createFakeBackend, type RecordedRequest } from '../../src/api/testing/fakeBackend';
import { PAGE_SIZE } from '../../src/components/paging';
import { testIds } from '../../src/components/testIds';
import { queryClient } from '../../src/pages/data/queryClient';
import { eventAnnotation, incidentAnnotation } from '../../src/domain/incident/annotations';
import type { IncidentEvent } from '../../src/domain/incident/events';
import { foldIncident } from '../../src/domain/incident/fold';
import { IncidentList } from '../../src/pages/Incidents/IncidentList';
import {
  benchSizes,
  broken,
  environment,
  measureSizes,
  renderPage,
  RUNS,
  WARMUPS,
  type RunResult,
  setUpListBench,
  writeResults,
} from './benchKit';

const SIZES = benchSizes([10, 100, LIST_INCIDENT_LIMIT], [5, 10, 20]);
const EVENTS_PER_INCIDENT = 8;
const TARGET_RATIO = 5;
const MIN = 60_000;
/** The list's requests whatever N: the regions, then their events. */
const REQUESTS = 2;
const tagsOf = (r: RecordedRequest) => ([] as string[]).concat((r.params?.tags as string[] | string) ?? []);

interface Stored {
  regions: object[];
  events: object[];
}

let current: Stored = { regions: [], events: [] };
let eventsAnsweredAt = 0;
/** The `limit` of each annotation query of the last render. */
let limits: unknown[] = [];

function respond(req: RecordedRequest) {
  if (req.method === 'GET' && req.url === '/api/plugins/sre-reliability-app/settings') {
    // Default settings: the postmortem policy the due marks read.
    return { data: { enabled: true, pinned: true, jsonData: {} } };
  }
  if (req.method === 'GET' && req.url === '/api/annotations') {
    const tags = (req.params?.tags ?? []) as string[];
    if (tags.includes('sre-postmortem')) {
      // The due marks' one read of the range's postmortems: none started yet.
      return { data: [] };
    }
    limits.push(req.params?.limit);
    if (tags.includes('sre-incident')) {
      return { data: current.regions };
    }
    eventsAnsweredAt = performance.now();
    return { data: current.events };
  }
  return { status: 404, data: { message: `unexpected ${req.method} ${req.url}` } };
}

let backend = createFakeBackend(respond);
jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getBackendSrv: () => backend.srv }));

/** Incident i: 8 events over an hour, every fifth one still open; starts spread over the last 30 days. */
function incidentEvents(i: number, now: number): IncidentEvent[] {
  const incidentId = `INC-B${String(i).padStart(4, '0')}`;
  const start = now - 60 * MIN - i * 80 * MIN;
  const base = (k: number, minutes: number) => ({
    id: `e-${i}-${k}`,
    incidentId,
    at: start + minutes * MIN,
    author: 'bench',
  });
  const open = i % 5 === 0;
  return [
    {
      ...base(0, 5),
      type: 'declared',
      title: `Checkout errors ${i}`,
      severity: ((i % 4) + 1) as 1 | 2 | 3 | 4,
      services: [`svc-${i % 20}`],
      startedAt: start,
      detectedAt: start + 3 * MIN,
    },
    { ...base(1, 8), type: 'role_assigned', role: 'commander', to: { login: `user${i % 9}` } },
    { ...base(2, 10), type: 'status_changed', to: 'triage' },
    { ...base(3, 15), type: 'note', kind: 'debugging', text: 'Error rate up on the payment calls' },
    { ...base(4, 20), type: 'status_update', audience: 'internal', message: 'Investigating checkout errors' },
    { ...base(5, 25), type: 'status_changed', to: 'mitigating' },
    open
      ? { ...base(6, 40), type: 'note', kind: 'mitigation', text: 'Rolled back' }
      : { ...base(6, 40), type: 'impact_ended' },
    open
      ? { ...base(7, 45), type: 'status_update', audience: 'external', message: 'Mitigated' }
      : { ...base(7, 60), type: 'resolved' },
  ];
}

let annotationId = 1;
function makeIncidents(n: number, now: number): Stored {
  const regions: object[] = [];
  const events: object[] = [];
  for (let i = 0; i < n; i++) {
    const evs = incidentEvents(i, now);
    const folded = foldIncident(evs);
    if (folded.problems.length > 0) {
      throw new Error(`incident ${i}: ${JSON.stringify(folded.problems)}`);
    }
    const incident = folded.incident!;
    regions.push({ id: annotationId++, ...incidentAnnotation(incident, { appUrl: '' }, now) });
    events.push(...evs.map((e) => ({ id: annotationId++, ...eventAnnotation(e) })));
  }
  return { regions, events };
}

const rowSelector = `[data-testid="${testIds.incidents.row}"]`;
const datasets = new Map<number, Stored>();

async function renderOnce(n: number): Promise<RunResult> {
  // Every run starts cold, as a first visit does: the app's query cache would otherwise answer without requests.
  queryClient.clear();
  if (!datasets.has(n)) {
    datasets.set(n, makeIncidents(n, Date.now()));
  }
  current = datasets.get(n)!;
  backend = createFakeBackend(respond);
  limits = [];
  eventsAnsweredAt = 0;
  const page = { selector: rowSelector, rows: Math.min(n, PAGE_SIZE), text: `${n} incidents` };
  const { t0, ms } = await renderPage(<IncidentList />, page, (container) => expectNoProblems(container, n));
  // The list's own cost is its 2 annotation reads. The postmortem due marks follow the cards with at most one
  // settings read and one postmortems read; whether they are sent before the page is complete is a race, so they
  // are checked but not counted.
  const own = backend.requests.filter((r) => r.url === '/api/annotations' && !tagsOf(r).includes('sre-postmortem'));
  const marks = backend.requests.filter((r) => !own.includes(r));
  const allowed = (r: RecordedRequest) =>
    r.url === '/api/plugins/sre-reliability-app/settings' || tagsOf(r).includes('sre-postmortem');
  if (own.length !== REQUESTS || marks.length > 2 || !marks.every(allowed)) {
    broken(
      `${n} incidents sent ${own.length} list requests (expected ${REQUESTS}: the regions, then their events) and ${marks.map((r) => `${r.url} ${JSON.stringify(r.params?.tags ?? '')}`).join('; ') || 'nothing else'}`
    );
  }
  const requests = own.length;
  // dataMs: until the events answer was produced; the rest is folding, filtering, sorting and rendering a page.
  return { ms, dataMs: eventsAnsweredAt - t0, requests };
}

/** Up to the cap every incident lists in full (the list asks for one more than the cap), so no problem is shown. */
function expectNoProblems(container: HTMLElement, n: number) {
  const problems = [...container.querySelectorAll('[aria-label="Some incident data was skipped"] li')].map(
    (li) => li.textContent
  );
  if (problems.length > 0) {
    broken(`unexpected problems with ${n} incidents: ${JSON.stringify(problems)}`);
  }
}

setUpListBench();

it(`renders the incident list for ${SIZES.join(', ')} incidents`, async () => {
  const limitsBySize = new Map<number, unknown[]>();
  const table = (
    await measureSizes(SIZES, async (n) => {
      const once = await renderOnce(n);
      limitsBySize.set(n, limits);
      return once;
    })
  ).map(({ size, ...r }) => ({
    incidents: size,
    events: size * EVENTS_PER_INCIDENT,
    limits: limitsBySize.get(size)!,
    ...r,
  }));
  const last = table[table.length - 1];
  const requestsAlwaysTwo = table.every((r) => r.requests === REQUESTS);
  const ratioMet = last.ratioVs10 <= TARGET_RATIO;
  const result = {
    bench: 'incident-list-render',
    date: new Date().toISOString(),
    environment: environment(),
    what: `IncidentList under jsdom, fake getBackendSrv (GET /api/annotations: N regions, then ${EVENTS_PER_INCIDENT} events per incident); ms from render() until the first page of cards and the count are in the DOM`,
    targets: { requestsAlwaysTwo, ratio500vs10: { target: TARGET_RATIO, actual: last.ratioVs10, met: ratioMet } },
    rows: table,
  };
  const md = [
    '# incident-list-render: incident list render time by number of incidents',
    '',
    `IncidentList under jsdom (jest), Grafana's backend faked at getBackendSrv() (GET /api/annotations: the regions by tag and range, then the events of their span, ${EVENTS_PER_INCIDENT} per incident), ${RUNS} runs per size after ${WARMUPS} warm-up renders; ms from render() until the first page (${PAGE_SIZE} cards) and the count are in the DOM. Node ${process.version}, ${result.environment.cpus} cores.`,
    '',
    `| incidents | events | requests | limits asked (regions, events) | median ms | of which until the events answer | runs (ms) | ratio vs ${table[0].incidents} |`,
    '|---:|---:|---:|---|---:|---:|---|---:|',
    ...table.map(
      (r) =>
        `| ${r.incidents} | ${r.events} | ${r.requests} | ${r.limits.join(', ')} | ${r.medianMs.toFixed(1)} | ${r.medianToDataMs.toFixed(1)} | ${r.runsMs.join(', ')} | ${r.ratioVs10.toFixed(2)}× |`
    ),
    '',
    `- Always ${REQUESTS} list requests (the regions, then their events; the postmortem due marks that follow the cards add at most a settings and a postmortems read): **${requestsAlwaysTwo ? 'yes' : 'NO'}** (${table.map((r) => r.requests).join(' / ')}).`,
    `- Time ratio ${last.incidents} vs ${table[0].incidents}: **${last.ratioVs10.toFixed(2)}×** against a target of ≤ ${TARGET_RATIO}×: **${ratioMet ? 'met' : 'NOT met'}**.`,
    '',
    'Reading it: the column "until the events answer" is the regions request and building the events request (the',
    'fake answers at once); everything after it is folding every incident from its events, filtering and sorting them',
    `(open first, then by start), the MTTx medians over all of them, and rendering one page of ${PAGE_SIZE} cards. The`,
    `regions query asks for one more than the cap of ${LIST_INCIDENT_LIMIT} incidents and the events query for one more`,
    `than 50 per incident (${MAX_LIST_EVENTS.toLocaleString('en-US')} at most), so ${LIST_INCIDENT_LIMIT} incidents list in full, with no "cut off" warning.`,
    'jsdom is slower than a browser at DOM work, so absolute times are pessimistic.',
    '',
  ].join('\n');
  // The bench reports; it fails only when the measurement itself is broken (renderOnce checks requests and problems).
  writeResults('incident-list-render', result, md);
});
