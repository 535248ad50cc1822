import '../../components/testing/jsdomPolyfills';
import { screen, waitFor, within } from '@testing-library/react';
import { setupUser } from '../../components/testing/user';
import { testIds } from '../../components/testIds';
import { listDerivedToil } from '../../api/toilDerived';
import { NO_TRAITS } from '../../domain/toil';
import { downloadToilCsv } from './csvExport';
import {
  IMG,
  NOW,
  annotationGets,
  currentSearch,
  renderToilPage,
  seedEntry,
  setUpWorld,
  signInAs,
  team,
} from './testing/toilPageKit';

jest.mock('@grafana/runtime', () => jest.requireActual('./testing/mockRuntime').mockRuntime());
jest.mock('./ToilEntryForm', () => jest.requireActual('./testing/moduleStandIns').entryForm());
jest.mock('./QuickLog', () => jest.requireActual('./testing/moduleStandIns').quickLog());
jest.mock('./CsvImport', () => jest.requireActual('./testing/moduleStandIns').csvImport());
jest.mock('./csvExport', () => jest.requireActual('./testing/moduleStandIns').csvExport());
jest.mock('./ToilTrend', () => ({ ToilTrend: () => null }));
jest.mock('../../api/toilDerived', () => ({ listDerivedToil: jest.fn() }));

const user = setupUser();
const HOUR = 3_600_000;
const Q4 = { from: Date.UTC(2026, 9, 1), to: Date.UTC(2027, 0, 1) };

beforeEach(() => jest.clearAllMocks());

const rows = () => screen.getAllByTestId(testIds.toil.entryRow);

describe('Toil page: entries', () => {
  it('shows loading, then the quarter’s entries newest first with when, team, who, task, duration and kind', async () => {
    const world = setUpWorld({ teams: [team('Payments', 40)] });
    seedEntry(world, { task: 'Rotate TLS certificates', at: NOW - 30 * HOUR, durationMinutes: 90, kind: 'interrupt' });
    seedEntry(world, { task: 'Restart payments pod', who: 'bob', at: NOW - 2 * HOUR });
    renderToilPage();
    expect(screen.getByText('Loading toil…')).toBeInTheDocument();
    await waitFor(() => expect(rows()).toHaveLength(2));
    const [first, second] = rows();
    expect(first).toHaveTextContent(/Restart payments pod/);
    expect(first).toHaveTextContent(/Payments.*bob/);
    expect(first).toHaveTextContent('30m');
    expect(first).toHaveTextContent('Manual operation');
    expect(second).toHaveTextContent(/Rotate TLS certificates.*1h 30m.*Interrupt \/ ticket/);
    expect(screen.getByText('2 entries')).toBeInTheDocument();
    // The default range is the current UTC quarter, read in three requests whatever the count.
    expect(screen.getByText('2026-10-01 – 2026-12-31 (UTC)')).toBeInTheDocument();
    const gets = annotationGets();
    expect(gets).toHaveLength(3);
    expect(gets[0].params).toMatchObject({ tags: ['sre-toil'], from: Q4.from, to: Q4.to });
  });

  it('says "No toil logged in this range" with a Log toil call to action that opens the quick log', async () => {
    setUpWorld({ grafanaTeams: ['Payments', 'Search'] });
    renderToilPage();
    const empty = await screen.findByTestId(testIds.toil.empty);
    expect(empty).toHaveTextContent('No toil logged in this range');
    await user.click(within(empty).getByRole('button', { name: 'Log toil' }));
    expect(screen.getByRole('dialog', { name: 'Log toil' })).toHaveTextContent('Quick log for Payments, Search');
    await user.click(screen.getByRole('button', { name: 'Close quick log' }));
    expect(screen.queryByRole('dialog', { name: 'Log toil' })).not.toBeInTheDocument();
  });

  it('opens the quick log from a shared view=log link, and closing it leaves the entries view', async () => {
    setUpWorld();
    renderToilPage('view=log');
    expect(await screen.findByRole('dialog', { name: 'Log toil' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Close quick log' }));
    expect(currentSearch()).toBe('');
  });

  it('opens the quick log prefilled from a log=1 link (incident, panel menu) and keeps the team filter', async () => {
    setUpWorld();
    renderToilPage('log=1&task=Failover%20DB&team=Payments');
    expect(await screen.findByRole('dialog', { name: 'Log toil' })).toHaveTextContent('task Failover DB');
    await user.click(screen.getByRole('button', { name: 'Close quick log' }));
    expect(currentSearch()).toBe('?team=Payments');
  });

  it('shows a load error with Retry, and Retry shows the entries once the backend answers', async () => {
    const world = setUpWorld();
    seedEntry(world, { task: 'Restart payments pod' });
    let fail = true;
    world.override = (req) =>
      fail && req.url === '/api/annotations' ? { status: 500, data: { message: 'database is locked' } } : undefined;
    renderToilPage();
    expect(await screen.findByText('Could not load toil')).toBeInTheDocument();
    expect(screen.getByText(/database is locked/)).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(screen.queryByText('Could not load toil')).not.toBeInTheDocument();
  });

  it('shows what could not be read (a broken entry, broken team settings) next to what could', async () => {
    const world = setUpWorld({ rawTeams: [{ id: 'search', team: 'Search', capacityHoursPerWeek: -3, budget: 0.5 }] });
    seedEntry(world, { task: 'Restart payments pod' });
    world.store.items.push({
      id: 99,
      time: NOW - HOUR,
      timeEnd: NOW,
      tags: ['sre-toil'],
      text: '',
      data: { kind: 'nope' },
    });
    renderToilPage();
    const problems = await screen.findByTestId(testIds.toil.problems);
    expect(problems).toHaveTextContent('Some toil could not be read; the rest is shown');
    expect(problems).toHaveTextContent(/toil_entry/);
    expect(problems).toHaveTextContent(/team settings Search are invalid/);
    expect(rows()).toHaveLength(1);
  });

  it('renders task, note, team, who and link as text only (no HTML from stored values)', async () => {
    const world = setUpWorld();
    world.store.items.push({
      id: 50,
      time: NOW - HOUR,
      timeEnd: NOW,
      tags: ['sre-toil'],
      text: '',
      data: {
        kind: 'toil_entry',
        id: 'toil-abc-xss00001',
        loggedBy: IMG,
        fields: {
          task: `Restart ${IMG}`,
          team: `Team ${IMG}`,
          who: IMG,
          at: NOW - HOUR,
          durationMinutes: 10,
          kind: 'other',
          traits: NO_TRAITS,
          link: 'javascript:alert(1)',
          note: `Note ${IMG}`,
        },
      },
    });
    renderToilPage();
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(document.querySelector('img')).toBeNull();
    expect(rows()[0]).toHaveTextContent(`Restart ${IMG}`);
    expect(rows()[0]).toHaveTextContent(`Note ${IMG}`);
    // A stored link that is neither an incident id nor http(s) is shown, never followed.
    expect(document.querySelector('a[href^="javascript"]')).toBeNull();
  });

  it('links incident ids to the incident and tickets to their URL', async () => {
    const world = setUpWorld();
    seedEntry(world, { task: 'Failover', link: 'INC-20261204-ab12' });
    seedEntry(world, { task: 'Ticket', link: 'https://tickets.example.com/T-1', at: NOW - 3 * HOUR });
    renderToilPage();
    expect(await screen.findByRole('link', { name: 'INC-20261204-ab12' })).toHaveAttribute(
      'href',
      '/a/sre-reliability-app/incidents/INC-20261204-ab12'
    );
    expect(screen.getByRole('link', { name: /tickets\.example\.com/ })).toHaveAttribute(
      'href',
      'https://tickets.example.com/T-1'
    );
  });

  it('filters by team (case-insensitive) from the URL and pages 50 entries at a time', async () => {
    const world = setUpWorld();
    for (let i = 0; i < 55; i++) {
      seedEntry(world, { task: `Task ${i}`, at: NOW - (i + 1) * HOUR });
    }
    seedEntry(world, { task: 'Search reindex', team: 'Search' });
    renderToilPage('team=payments');
    await waitFor(() => expect(rows()).toHaveLength(50));
    expect(screen.getByText('1–50 of 55 entries')).toBeInTheDocument();
    expect(screen.queryByText('Search reindex')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '2' }));
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(currentSearch()).toBe('?team=payments&page=2');
  });

  it('switches views with the keyboard and keeps the view in the URL', async () => {
    const world = setUpWorld({ teams: [team('Payments', 40)] });
    seedEntry(world);
    renderToilPage();
    await waitFor(() => expect(rows()).toHaveLength(1));
    const reports = screen.getByRole('tab', { name: 'Reports' });
    reports.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByTestId(testIds.toil.reports)).toBeInTheDocument();
    expect(currentSearch()).toBe('?view=reports');
  });

  it('is read-only for Viewers: no logging, import, edit or delete', async () => {
    const world = setUpWorld();
    seedEntry(world);
    signInAs('Viewer');
    renderToilPage();
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(screen.getByText('Read-only')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Log toil' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Import CSV' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Edit/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Delete/ })).not.toBeInTheDocument();
  });

  it('opens the CSV import, and exports the shown logged entries (not derived ones)', async () => {
    const world = setUpWorld();
    seedEntry(world, { task: 'Restart payments pod' });
    seedEntry(world, { task: 'Search reindex', team: 'Search' });
    jest.mocked(listDerivedToil).mockResolvedValue({
      entries: [
        {
          id: 'inc-1',
          derived: 'incident',
          team: 'Payments',
          task: 'Incident INC-1 responder',
          taskKey: 'incident inc-1 responder',
          conflicts: [],
          at: NOW - HOUR,
          durationMinutes: 60,
          kind: 'interrupt',
          traits: NO_TRAITS,
          who: 'carol',
          loggedBy: 'carol',
          loggedAt: NOW,
          updatedAt: NOW,
          revision: 'inc-1',
        },
      ],
      problems: [],
    });
    renderToilPage('team=Payments&derived=1');
    await waitFor(() => expect(rows()).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: 'Import CSV' }));
    expect(screen.getByRole('dialog', { name: 'Import CSV' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Close import' }));
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    const [exported, name] = jest.mocked(downloadToilCsv).mock.calls[0];
    expect(exported.map((e) => e.task)).toEqual(['Restart payments pod']);
    expect(name).toBe('toil-2026-10-01-2026-12-31.csv');
  });

  it('adds derived entries when opted in, marked and without edit or delete', async () => {
    const world = setUpWorld();
    seedEntry(world, { task: 'Restart payments pod', at: NOW - 5 * HOUR });
    jest.mocked(listDerivedToil).mockResolvedValue({
      entries: [
        {
          id: 'page-1',
          derived: 'page',
          task: 'Page: CheckoutErrorBudgetBurn',
          team: 'Payments',
          who: 'on-call',
          at: NOW - HOUR,
          durationMinutes: 20,
          kind: 'oncall_page',
          traits: NO_TRAITS,
          taskKey: 'page checkouterrorbudgetburn',
          loggedBy: 'derived',
          loggedAt: NOW - HOUR,
          updatedAt: NOW - HOUR,
          revision: 'page-1',
          conflicts: [],
        },
      ],
      problems: [{ message: 'incident responder time is missing: boom' }],
    });
    renderToilPage();
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(listDerivedToil).not.toHaveBeenCalled();
    await user.click(screen.getByRole('switch', { name: 'Include derived toil' }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(currentSearch()).toBe('?derived=1');
    expect(jest.mocked(listDerivedToil).mock.calls[0][1]).toMatchObject({ incidents: true, pages: true });
    const derivedRow = rows()[0];
    expect(derivedRow).toHaveTextContent('Derived: page');
    expect(within(derivedRow).queryByRole('button', { name: /Edit|Delete/ })).not.toBeInTheDocument();
    expect(within(rows()[1]).getByRole('button', { name: 'Edit Restart payments pod' })).toBeInTheDocument();
    expect(screen.getByTestId(testIds.toil.problems)).toHaveTextContent('incident responder time is missing: boom');
  });
});
