// Combobox (the service filter) needs canvas text measuring and IntersectionObserver, which jsdom lacks.
import '../../components/testing/jsdomPolyfills';
import { screen, waitFor, within } from '@testing-library/react';
import { setupUser } from '../../components/testing/user';
import { OrgRole } from '@grafana/data';
import { backend, respondWith } from '../../api/testing/fakeApi';
import { testIds } from '../../components/testIds';
import { ev } from '../../domain/incident/__fixtures__/events';
import {
  location,
  manyIncidents,
  openOne,
  renderAt,
  setUpIncidentsPageTests,
  resolvedOne,
  serve,
  setRole,
  stored,
} from './testing/listFixtures';
import { BASE, IMG, NOW } from './testing/renderIncidentsPage';

const user = setupUser();

jest.mock('@grafana/runtime', () => jest.requireActual('./testing/mockRuntime').mockRuntime());

setUpIncidentsPageTests();

// The declare form is in IncidentsPage.declare.test.tsx.
describe('incident list', () => {
  it('shows loading, then open incidents first with severity, status, services, duration and medians', async () => {
    serve([resolvedOne, openOne]);
    renderAt(BASE);
    expect(screen.getByTestId(testIds.pages.incidents)).toBeInTheDocument();
    expect(screen.getByText('Loading incidents…')).toBeInTheDocument();

    const rows = await screen.findAllByTestId(testIds.incidents.row);
    expect(rows.map((r) => within(r).getByRole('heading').textContent)).toEqual(['Checkout errors', 'Cart latency']);
    expect(within(rows[0]).getByText('SEV1')).toBeInTheDocument();
    expect(within(rows[0]).getByText('INC-NEW')).toBeInTheDocument();
    expect(within(rows[0]).getByText('Status: triage')).toBeInTheDocument();
    // Impact from T0 to now (T0+120 min) while open; T0 to T0+40 once resolved.
    expect(within(rows[0]).getByText('Open for 2h')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Lasted 40m')).toBeInTheDocument();
    expect(within(rows[1]).getByText('checkout')).toBeInTheDocument();

    const metrics = screen.getByTestId(testIds.incidents.metrics);
    // Both detected 5 min after impact; only the resolved one has MTTA (10 min), MTTM and MTTR (40 min).
    expect(within(metrics).getAllByText('5m')).toHaveLength(1);
    expect(within(metrics).getByText('10m')).toBeInTheDocument();
    expect(within(metrics).getAllByText('40m')).toHaveLength(2);
    // The list's two reads; a resolved incident on the page adds the settings (the postmortem policy) and ONE
    // read of the range's postmortems for the "postmortem due" marks.
    await waitFor(() => expect(backend.requests).toHaveLength(4));
    expect(backend.requests.map((r) => (r.params?.tags as string[] | undefined)?.[0] ?? r.url)).toEqual([
      'sre-incident',
      'sre-incident-event',
      '/api/plugins/sre-reliability-app/settings',
      'sre-postmortem',
    ]);
  });

  it('shows the empty state with a Declare button that opens the form', async () => {
    renderAt(BASE);
    expect(await screen.findByText('No incidents in this range')).toBeInTheDocument();
    await user.click(screen.getByTestId(testIds.incidents.declareButton));
    expect(location()).toBe(`${BASE}/new`);
    expect(screen.getByTestId(testIds.incidents.form)).toBeInTheDocument();
  });

  it('shows the API error', async () => {
    respondWith(() => ({ status: 500, data: { message: 'database is locked' } }));
    renderAt(BASE);
    expect(await screen.findByText('Could not load incidents')).toBeInTheDocument();
    expect(screen.getByText(/database is locked/)).toBeInTheDocument();
  });

  it('is read-only for users who cannot write annotations: a note and no Declare button', async () => {
    setRole(OrgRole.Viewer);
    serve([openOne]);
    renderAt(BASE);
    expect(await screen.findAllByTestId(testIds.incidents.row)).toHaveLength(1);
    expect(screen.getByText(/needs permission to write annotations/)).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.incidents.declareButton)).not.toBeInTheDocument();
  });

  it('keeps the status and severity filters in the URL', async () => {
    serve([resolvedOne, openOne]);
    renderAt(BASE);
    await screen.findAllByTestId(testIds.incidents.row);

    await user.click(within(screen.getByTestId(testIds.incidents.statusFilter)).getByLabelText('Resolved'));
    expect(location()).toBe(`${BASE}?status=resolved`);
    expect(screen.getAllByTestId(testIds.incidents.row).map((r) => within(r).getByRole('heading').textContent)).toEqual(
      ['Cart latency']
    );

    await user.click(within(screen.getByTestId(testIds.incidents.statusFilter)).getByLabelText('All'));
    await user.click(within(screen.getByTestId(testIds.incidents.severityFilter)).getByLabelText('SEV1'));
    expect(location()).toBe(`${BASE}?sev=1`);
    expect(screen.getAllByTestId(testIds.incidents.row)).toHaveLength(1);
  });

  it('keeps the time range in the URL and reloads the incidents of that range', async () => {
    renderAt(BASE);
    await screen.findByText('No incidents in this range');
    expect(backend.requests[0].params).toMatchObject({ from: NOW - 30 * 86_400_000, to: NOW });
    await user.click(within(screen.getByTestId(testIds.incidents.rangeFilter)).getByLabelText('Last 7 days'));
    expect(location()).toBe(`${BASE}?range=7d`);
    await waitFor(() => expect(backend.requests).toHaveLength(2));
    expect(backend.requests[1].params).toMatchObject({ from: NOW - 7 * 86_400_000, to: NOW });
  });

  it('filters by service from the URL and keeps it when another filter changes', async () => {
    const search = stored('INC-SEARCH', 'Search slow', 3, [ev('service_added', 12, { service: 'search' })]);
    serve([resolvedOne, openOne, search]);
    renderAt(`${BASE}?service=search`);
    await screen.findAllByTestId(testIds.incidents.row);
    expect(screen.getAllByTestId(testIds.incidents.row).map((r) => within(r).getByRole('heading').textContent)).toEqual(
      ['Search slow']
    );
    expect(within(screen.getByTestId(testIds.incidents.serviceFilter)).getByRole('combobox')).toHaveValue('search');
    // Other filters keep the service in the URL.
    await user.click(within(screen.getByTestId(testIds.incidents.statusFilter)).getByLabelText('Open'));
    expect(location()).toBe(`${BASE}?service=search&status=open`);
  });

  it('applies filters from the URL on load and says when nothing matches', async () => {
    serve([resolvedOne, openOne]);
    renderAt(`${BASE}?status=open&sev=4`);
    expect(await screen.findByText('No incidents match these filters')).toBeInTheDocument();
  });

  it('renders a hostile title as text, never as HTML', async () => {
    serve([stored('INC-X', IMG, 2)]);
    const { container } = renderAt(BASE);
    expect(await screen.findByText(IMG)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });
});

// 60 incidents: enough for two pages, few enough for jsdom (Cards of Grafana UI are slow to draw there).
describe('incident list paging', () => {
  // The Card heading by tag: a role query in each of 50 rows made these tests about 4x slower in jsdom.
  const titles = () =>
    within(screen.getByTestId(testIds.incidents.list))
      .getAllByTestId(testIds.incidents.row)
      .map((r) => r.querySelector('h1, h2, h3, h4, h5, h6')?.textContent);
  // Open incidents (every third) newest first, then the resolved ones newest first: incident i started i min before T0.
  const indexes = Array.from({ length: 60 }, (_, i) => i);
  const order = [...indexes.filter((i) => i % 3 === 0), ...indexes.filter((i) => i % 3 !== 0)].map(
    (i) => `Incident ${i}`
  );

  it('shows 50 incidents a page, open first across pages, with the page in the URL and medians of all', async () => {
    serve(manyIncidents(60));
    renderAt(BASE);
    const pager = await screen.findByTestId(testIds.app.listPager);
    expect(within(pager).getByText('1–50 of 60 incidents')).toBeInTheDocument();
    expect(titles()).toEqual(order.slice(0, 50));
    // MTTD counts every incident of the range, not only this page's 50; MTTM and MTTR the 40 resolved ones.
    const metrics = screen.getByTestId(testIds.incidents.metrics);
    expect(within(metrics).getAllByText('median of 60')).toHaveLength(1);
    expect(within(metrics).getAllByText('median of 40')).toHaveLength(2);

    await user.click(within(pager).getByRole('button', { name: '2' }));
    expect(location()).toBe(`${BASE}?page=2`);
    expect(within(pager).getByText('51–60 of 60 incidents')).toBeInTheDocument();
    expect(titles()).toEqual(order.slice(50));
    // The list's two reads, the settings and one postmortems read of the range: another page adds none.
    expect(backend.requests).toHaveLength(4);
  }, 30_000);

  it('clamps a page past the end, and goes back to page 1 when a filter changes', async () => {
    serve(manyIncidents(60));
    renderAt(`${BASE}?page=9`);
    const pager = await screen.findByTestId(testIds.app.listPager);
    expect(within(pager).getByText('51–60 of 60 incidents')).toBeInTheDocument();

    await user.click(within(screen.getByTestId(testIds.incidents.severityFilter)).getByLabelText('SEV2'));
    expect(location()).toBe(`${BASE}?sev=2`);
    expect(within(pager).getByText('1–50 of 60 incidents')).toBeInTheDocument();
    expect(titles()).toEqual(order.slice(0, 50));

    await user.click(within(screen.getByTestId(testIds.incidents.statusFilter)).getByLabelText('Open'));
    expect(location()).toBe(`${BASE}?sev=2&status=open`);
    expect(within(screen.getByTestId(testIds.app.listPager)).getByText('20 incidents')).toBeInTheDocument();
    expect(within(screen.getByTestId(testIds.app.listPager)).queryByRole('navigation')).toBeNull();
  }, 30_000);
});

describe('incident detail route', () => {
  it('folds the events and shows title, status and timeline as text', async () => {
    serve([stored('INC-X', IMG, 2, [ev('status_changed', 20, { to: 'triage' })])]);
    const { container } = renderAt(`${BASE}/INC-X`);
    expect(screen.getByTestId(testIds.incidents.detail)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: IMG })).toBeInTheDocument();
    expect(screen.getByText(/Status: triage/)).toBeInTheDocument();
    expect(screen.getByText(/Status → triage/)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('says when the incident does not exist', async () => {
    renderAt(`${BASE}/INC-NOPE`);
    expect(await screen.findByText('Incident INC-NOPE was not found')).toBeInTheDocument();
  });
});
