/**
 * Benchmark: the Toil page (ToilPage, entries view) for 100, 1,000 and 10,000 entries logged in the current quarter.
 *
 * The real page, hooks and api/ layer (listToil: the quarter's entry regions, their edits and the automation
 * estimates, three GETs, folded) run under jsdom; only Grafana's backend is faked, at the getBackendSrv() boundary:
 * GET /api/annotations answers the `sre-toil` query with N region annotations as logToil stores them, the
 * `sre-toil-event` query with edits of 1% of them and the `sre-toil-estimate` query with a few estimates; the plugin
 * settings hold the teams' capacity and /api/teams/search lists the teams. The fake answers synchronously.
 *
 * Measured per size: every GET sent (the annotation GETs must be 3 whatever N; all GETs must stay constant), the
 * `limit` each annotation query asked for, and wall time from render() until the first page of rows (PAGE_SIZE)
 * and the count are in the DOM (median of RUNS); no "could not be read" problem may show. Target: time(10,000) /
 * time(100) ≤ 5.
 *
 * Run: npm run bench:list. Writes bench/results/toil-list-render.json and .md.
 * BENCH_SMOKE=1 (npm run bench:smoke, part of npm test) runs 5, 10 and 20 entries once into a temp dir.
 */
import React from 'react';
import { TOIL_LIMIT } from '../../src/api/toil';
import { createFakeBackend, type RecordedRequest } from '../../src/api/testing/fakeBackend';
import { PAGE_SIZE } from '../../src/components/paging';
import { testIds } from '../../src/components/testIds';
import { queryClient } from '../../src/pages/data/queryClient';
import {
  NO_TRAITS,
  TOIL_KINDS,
  taskKey,
  toilEntryAnnotation,
  toilEventAnnotation,
  type ToilEvent,
} from '../../src/domain/toil';
import ToilPage from '../../src/pages/Toil/ToilPage';
import { quarterOf } from '../../src/pages/Toil/toilParams';
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

const SIZES = benchSizes([100, 1_000, 10_000], [5, 10, 20]);
const TARGET_RATIO = 5;
const ANNOTATION_GETS = 3;
const TEAMS = ['Payments', 'Search', 'Checkout', 'Platform', 'Data', 'Identity', 'Mobile', 'Edge'];
const HOUR = 3_600_000;

interface Stored {
  regions: object[];
  events: object[];
  estimates: object[];
}

let current: Stored = { regions: [], events: [], estimates: [] };
let entriesAnsweredAt = 0;
let limits: unknown[] = [];

function respond(req: RecordedRequest) {
  if (req.method === 'GET' && req.url === '/api/plugins/sre-reliability-app/settings') {
    const toilTeams = TEAMS.map((team) => ({ id: team.toLowerCase(), team, capacityHoursPerWeek: 200, budget: 0.5 }));
    return { data: { enabled: true, pinned: true, jsonData: { toilTeams, settings: {} } } };
  }
  if (req.method === 'GET' && req.url === '/api/teams/search') {
    return { data: { totalCount: TEAMS.length, teams: TEAMS.map((name) => ({ name })) } };
  }
  if (req.method === 'GET' && req.url === '/api/annotations') {
    const tags = (req.params?.tags ?? []) as string[];
    limits.push(req.params?.limit);
    if (tags.includes('sre-toil-event')) {
      return { data: current.events };
    }
    if (tags.includes('sre-toil-estimate')) {
      return { data: current.estimates };
    }
    entriesAnsweredAt = performance.now();
    return { data: current.regions };
  }
  return { status: 404, data: { message: `unexpected ${req.method} ${req.url}` } };
}

let backend = createFakeBackend(respond);
jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getBackendSrv: () => backend.srv }));

let annotationId = 1;
/** N entries spread over the quarter so far, 8 teams, 200 tasks; every 100th edited once, 20 estimates. */
function makeEntries(n: number, now: number): Stored {
  const { from } = quarterOf(now);
  const span = now - HOUR - from;
  const regions: object[] = [];
  const events: object[] = [];
  for (let i = 0; i < n; i++) {
    const id = `toil-${(from + i).toString(36)}-${String(i).padStart(8, '0')}`;
    const at = from + Math.floor((span * (i + 0.5)) / n);
    const task = `Restart worker ${i % 200}`;
    const body = toilEntryAnnotation({
      kind: 'toil_entry',
      id,
      loggedBy: `user${i % 30}`,
      fields: {
        task,
        team: TEAMS[i % TEAMS.length],
        who: `user${i % 30}`,
        at,
        durationMinutes: 15 + (i % 8) * 15,
        kind: TOIL_KINDS[i % TOIL_KINDS.length],
        traits: { ...NO_TRAITS, manual: true, automatable: i % 3 !== 0 },
      },
    });
    regions.push({ id: annotationId++, ...body });
    if (i % 100 === 0) {
      const edit: ToilEvent = {
        kind: 'toil_edited',
        id: `tev-${i.toString(36)}-0000000000`,
        entryId: id,
        at: at + HOUR / 2,
        by: 'bench',
        basedOn: id,
        changes: { durationMinutes: 45 },
      };
      events.push({ id: annotationId++, ...toilEventAnnotation(edit) });
    }
  }
  // Grafana answers newest first.
  regions.reverse();
  const estimates = Array.from({ length: 20 }, (_, k) => ({
    id: annotationId++,
    ...toilEventAnnotation({
      kind: 'toil_estimate',
      id: `tev-est${k}-0000000000`,
      team: TEAMS[k % TEAMS.length],
      taskKey: taskKey(`Restart worker ${k}`),
      effortHours: 8 + k,
      at: from,
      by: 'bench',
    }),
  }));
  return { regions, events, estimates };
}

const rowSelector = `[data-testid="${testIds.toil.entryRow}"]`;
const datasets = new Map<number, Stored>();

async function renderOnce(n: number): Promise<RunResult & { annotationGets: number }> {
  // Every run starts cold, as a first visit does: the app's query cache would otherwise answer without requests.
  queryClient.clear();
  if (!datasets.has(n)) {
    datasets.set(n, makeEntries(n, Date.now()));
  }
  current = datasets.get(n)!;
  backend = createFakeBackend(respond);
  limits = [];
  entriesAnsweredAt = 0;
  const page = {
    selector: rowSelector,
    rows: Math.min(n, PAGE_SIZE),
    text: n > PAGE_SIZE ? `of ${n} entries` : `${n} entries`,
  };
  const { t0, ms } = await renderPage(<ToilPage />, page, (container) => {
    if (container.querySelector(`[data-testid="${testIds.toil.problems}"]`)) {
      broken(
        `${n} entries showed problems: ${container.querySelector(`[data-testid="${testIds.toil.problems}"]`)!.textContent}`
      );
    }
  });
  const gets = backend.requests.filter((r) => r.method === 'GET');
  const annotationGets = gets.filter((r) => r.url === '/api/annotations').length;
  if (annotationGets !== ANNOTATION_GETS || gets.length !== backend.requests.length) {
    broken(
      `${n} entries sent ${annotationGets} annotation GETs (expected ${ANNOTATION_GETS}) and ${backend.requests.length - gets.length} other requests`
    );
  }
  return { ms, dataMs: entriesAnsweredAt - t0, requests: gets.length, annotationGets };
}

setUpListBench();

it(`renders the Toil page for ${SIZES.join(', ')} entries in a quarter`, async () => {
  const limitsBySize = new Map<number, unknown[]>();
  const table = (
    await measureSizes(SIZES, async (n) => {
      const once = await renderOnce(n);
      limitsBySize.set(n, limits);
      return once;
    })
  ).map(({ size, ...r }) => ({ entries: size, limits: limitsBySize.get(size)!, ...r }));
  const last = table[table.length - 1];
  const requestsConstant = table.every((r) => r.requests === table[0].requests);
  const ratioMet = last.ratioVs10 <= TARGET_RATIO;
  const result = {
    bench: 'toil-list-render',
    date: new Date().toISOString(),
    environment: environment(),
    what: `ToilPage (entries view) under jsdom, fake getBackendSrv (settings, teams, GET /api/annotations: N entry regions, 1% edited, 20 estimates); ms from render() until the first page of rows and the count are in the DOM`,
    targets: {
      annotationGetsAlways: ANNOTATION_GETS,
      requestsConstant,
      ratioLastVsFirst: { target: TARGET_RATIO, actual: last.ratioVs10, met: ratioMet },
    },
    entryLimit: TOIL_LIMIT,
    rows: table,
  };
  const md = [
    '# toil-list-render: Toil page render time by number of entries in a quarter',
    '',
    `ToilPage (entries view) under jsdom (jest), Grafana's backend faked at getBackendSrv() (plugin settings with 8 teams, /api/teams/search, and GET /api/annotations: the quarter's entry regions, edits of 1% of them, 20 automation estimates), ${RUNS} runs per size after ${WARMUPS} warm-up renders; ms from render() until the first page (${PAGE_SIZE} rows) and the count are in the DOM. Node ${process.version}, ${result.environment.cpus} cores.`,
    '',
    `| entries | GETs (all) | limits asked (entries, edits, estimates) | median ms | of which until the entries answer | runs (ms) | ratio vs ${table[0].entries} |`,
    '|---:|---:|---|---:|---:|---|---:|',
    ...table.map(
      (r) =>
        `| ${r.entries} | ${r.requests} | ${r.limits.join(', ')} | ${r.medianMs.toFixed(1)} | ${r.medianToDataMs.toFixed(1)} | ${r.runsMs.join(', ')} | ${r.ratioVs10.toFixed(2)}× |`
    ),
    '',
    `- GETs constant: **${requestsConstant ? 'yes' : 'NO'}** (${table.map((r) => r.requests).join(' / ')}: the settings, Grafana's teams and ${ANNOTATION_GETS} annotation queries).`,
    `- Time ratio ${last.entries} vs ${table[0].entries}: **${last.ratioVs10.toFixed(2)}×** against a target of ≤ ${TARGET_RATIO}×: **${ratioMet ? 'met' : 'NOT met'}**.`,
    '',
    'Reading it: the entries query asks for one more than the cap of',
    `${TOIL_LIMIT.toLocaleString('en-US')} entries, so 10,000 list in full with no "only N entries are read" problem. After the answer`,
    `comes folding every entry with its edits, sorting, the team filter and rendering one page of ${PAGE_SIZE} rows;`,
    'the reports and automation views compute from the same loaded entries without further requests.',
    'jsdom is slower than a browser at DOM work, so absolute times are pessimistic.',
    '',
  ].join('\n');
  // The bench reports; it fails only when the measurement itself is broken (renderOnce checks requests and problems).
  writeResults('toil-list-render', result, md);
});
