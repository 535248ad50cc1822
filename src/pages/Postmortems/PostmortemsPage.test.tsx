// Combobox needs canvas text measuring, IntersectionObserver and element sizes, which jsdom lacks.
import { giveElementsASize } from '../../components/testing/jsdomPolyfills';
import React from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import { setupUser } from '../../components/testing/user';
import { listIncidents, type LoadedIncident } from '../../api/incidents';
import { canWriteAnnotations } from '../../api/permissions';
import { listPostmortems } from '../../api/postmortems';
import { testIds } from '../../components/testIds';
import { queryClient } from '../data/queryClient';
import PostmortemsPage from './PostmortemsPage';
import { ev, INC, postmortem, PREFILL, T0, written } from './testing/fixtures';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  PluginPage: jest.requireActual('../../components/testing/TestPluginPage').TestPluginPage,
}));
jest.mock('../../api/postmortems');
jest.mock('../../api/incidents', () => ({ ...jest.requireActual('../../api/incidents'), listIncidents: jest.fn() }));
jest.mock('../../api/permissions');
// The postmortem page is its own lazy chunk; the list's links and the picker are what is under test here.
jest.mock('./PostmortemPage', () => ({ __esModule: true, default: () => <p>postmortem page</p> }));

configure({ asyncUtilTimeout: 5000 });
const user = setupUser();
const NOW = T0 + 86_400_000;
const DAY = 86_400_000;
// Mounted as Grafana mounts the app, so the picker's navigate() lands on a real route.
const BASE = '/a/sre-reliability-app';
const list = jest.mocked(listPostmortems);
const incidents = jest.mocked(listIncidents);

function Location() {
  const l = useLocation();
  return <output data-testid="location">{`${l.pathname}${l.search}`}</output>;
}

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[`${BASE}${path}`]}>
      <Routes>
        <Route path={`${BASE}/postmortems/*`} element={<PostmortemsPage />} />
      </Routes>
      <Location />
    </MemoryRouter>
  );
}

const incident = (id: string, over: Partial<LoadedIncident> = {}): LoadedIncident =>
  ({
    id,
    title: `Incident ${id}`,
    severity: 2,
    status: 'resolved',
    resolvedAt: T0,
    startedAt: T0 - DAY,
    services: [],
    sloIds: [],
    ...over,
  }) as LoadedIncident;

beforeAll(() => giveElementsASize());
beforeEach(() => {
  jest.clearAllMocks();
  queryClient.clear();
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  jest.mocked(canWriteAnnotations).mockReturnValue(true);
  incidents.mockResolvedValue({ incidents: [], problems: [] });
});
afterEach(() => jest.mocked(Date.now).mockRestore());

describe('Postmortems list', () => {
  it('shows loading, then each postmortem with title link, severity, status, start and open/total items', async () => {
    const second = postmortem([ev({ type: 'status_changed', to: 'in_review' })], {
      ...PREFILL,
      title: 'Search <b>slow</b>',
      severity: 1,
    });
    list.mockResolvedValue({
      postmortems: [written(), { ...second, incidentId: 'INC-20260301-cd34', startedAt: T0 + 1 }],
      problems: [],
    });
    renderAt('/postmortems');
    expect(screen.getByText('Loading postmortems…')).toBeInTheDocument();
    const rows = await screen.findAllByTestId(testIds.postmortem.row);
    expect(rows).toHaveLength(2);
    // Newest first.
    expect(within(rows[0]).getByRole('link', { name: 'Search <b>slow</b>' })).toHaveAttribute(
      'href',
      '/a/sre-reliability-app/postmortems/INC-20260301-cd34'
    );
    expect(within(rows[0]).getByText('SEV1')).toBeInTheDocument();
    expect(within(rows[0]).getByText('In review')).toBeInTheDocument();
    expect(within(rows[0]).getByText('—')).toBeInTheDocument();
    expect(within(rows[1]).getByRole('link', { name: 'Checkout errors' })).toHaveAttribute(
      'href',
      `/a/sre-reliability-app/postmortems/${INC}`
    );
    expect(within(rows[1]).getByText('Draft')).toBeInTheDocument();
    expect(within(rows[1]).getByLabelText('1 of 1 action items open')).toHaveTextContent('1 / 1');
    // Nothing from the title became markup.
    expect(document.querySelector(`[data-testid="${testIds.postmortem.list}"] b`)).toBeNull();
  });

  it('reads the last 90 days by default and keeps another range in the URL', async () => {
    list.mockResolvedValue({ postmortems: [], problems: [] });
    renderAt('/postmortems');
    await screen.findByTestId(testIds.postmortem.empty);
    expect(list).toHaveBeenLastCalledWith({ from: NOW - 90 * DAY, to: NOW });
    await user.click(screen.getByLabelText('Last 30 days'));
    expect(screen.getByTestId('location')).toHaveTextContent('/postmortems?range=30d');
    await waitFor(() => expect(list).toHaveBeenLastCalledWith({ from: NOW - 30 * DAY, to: NOW }));
  });

  it('opens on the range named in the URL', async () => {
    list.mockResolvedValue({ postmortems: [], problems: [] });
    renderAt('/postmortems?range=365d');
    await screen.findByTestId(testIds.postmortem.empty);
    expect(list).toHaveBeenLastCalledWith({ from: NOW - 365 * DAY, to: NOW });
    expect(screen.getByLabelText('Last year')).toBeChecked();
  });

  it('links to the action items view, mounted below /postmortems', async () => {
    list.mockResolvedValue({ postmortems: [], problems: [] });
    renderAt('/postmortems');
    expect(await screen.findByRole('link', { name: 'Action items' })).toHaveAttribute(
      'href',
      `${BASE}/postmortems/action-items`
    );
  });

  it('says how to start one when the range has none', async () => {
    list.mockResolvedValue({ postmortems: [], problems: [] });
    renderAt('/postmortems');
    const empty = await screen.findByTestId(testIds.postmortem.empty);
    expect(empty).toHaveTextContent('No postmortems started in this range');
    expect(empty).toHaveTextContent('"Write postmortem"');
  });

  it('shows a failed load with Retry, which reads again', async () => {
    list.mockRejectedValueOnce(new Error('annotations: 500 Internal Server Error'));
    list.mockResolvedValueOnce({ postmortems: [written()], problems: [] });
    renderAt('/postmortems');
    expect(await screen.findByText('annotations: 500 Internal Server Error')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findAllByTestId(testIds.postmortem.row)).toHaveLength(1);
  });

  it('shows skipped events as a warning beside the list', async () => {
    list.mockResolvedValue({ postmortems: [written()], problems: [{ message: 'event pme-1 is not valid JSON' }] });
    renderAt('/postmortems');
    expect(await screen.findByText('event pme-1 is not valid JSON')).toBeInTheDocument();
    expect(screen.getAllByTestId(testIds.postmortem.row)).toHaveLength(1);
  });

  it('starts a postmortem for a resolved incident that has none, picked from the range', async () => {
    list.mockResolvedValue({ postmortems: [written()], problems: [] });
    incidents.mockResolvedValue({
      incidents: [
        incident(INC),
        incident('INC-20260302-aaaa', { title: 'DNS outage' }),
        incident('INC-20260303-bbbb', { title: 'Still burning', status: 'mitigating', resolvedAt: undefined }),
      ],
      problems: [],
    });
    renderAt('/postmortems');
    const picker = within(await screen.findByTestId(testIds.postmortem.start)).getByRole('combobox');
    await waitFor(() => expect(picker).toBeEnabled());
    await user.click(picker);
    const options = await screen.findAllByRole('option');
    // The incident that has a postmortem and the unresolved one are not offered.
    expect(options.map((o) => o.textContent)).toEqual([expect.stringContaining('SEV2 · DNS outage')]);
    await user.click(options[0]);
    await user.click(screen.getByRole('button', { name: 'Start postmortem' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/postmortems/INC-20260302-aaaa?start=1');
    expect(await screen.findByText('postmortem page')).toBeInTheDocument();
  });

  it('is read-only for users who cannot write annotations: Start is disabled with the reason', async () => {
    jest.mocked(canWriteAnnotations).mockReturnValue(false);
    list.mockResolvedValue({ postmortems: [written()], problems: [] });
    renderAt('/postmortems');
    await screen.findAllByTestId(testIds.postmortem.row);
    expect(screen.getByTestId(testIds.postmortem.readOnly)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start postmortem' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.queryByTestId(testIds.postmortem.start)).not.toBeInTheDocument();
    expect(incidents).not.toHaveBeenCalled();
  });
});

describe('Postmortems list paging', () => {
  it('shows 50 postmortems a page, newest first, with the page in the URL', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      ...postmortem(),
      incidentId: `INC-${String(i).padStart(2, '0')}`,
      startedAt: T0 - i * 60_000,
      prefill: { ...PREFILL, title: `Outage ${i}` },
    }));
    list.mockResolvedValue({ postmortems: many, problems: [] });
    renderAt('/postmortems');
    const table = await screen.findByTestId(testIds.postmortem.list);
    expect(within(table).getAllByTestId(testIds.postmortem.row)).toHaveLength(50);
    expect(within(table).getByText('Outage 0')).toBeInTheDocument();
    expect(screen.getByText(/1–50 of 60 postmortems/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '2' }));
    const rows = within(screen.getByTestId(testIds.postmortem.list)).getAllByTestId(testIds.postmortem.row);
    expect(rows).toHaveLength(10);
    expect(within(rows[9]).getByText('Outage 59')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('page=2');
  });
});
