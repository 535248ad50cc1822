import React from 'react';
import { MemoryRouter } from 'react-router-dom';
import { render, screen, within } from '@testing-library/react';
import { getPluginSettings } from '../../api/pluginSettings';
import { fetchSloSnapshots, type SloSnapshot } from '../../api/sloStatus';
import { ApiError } from '../../api/client';
import { testIds } from '../../components/testIds';
import { makeSlo, makeSnapshot } from '../Slos/__fixtures__/slos';
import OverviewPage from './OverviewPage';
import { listIncidents, type LoadedIncident } from '../../api/incidents';
import { listToil } from '../../api/toil';
import { NO_TRAITS, type ToilEntry, taskKey } from '../../domain/toil';

jest.mock('../../api/pluginSettings');
jest.mock('../../api/sloStatus');
jest.mock('../../api/incidents');
jest.mock('../../api/toil');

const getSettings = jest.mocked(getPluginSettings);
const fetchSnapshots = jest.mocked(fetchSloSnapshots);

function serve(snapshots: Record<string, SloSnapshot>) {
  const slos = Object.keys(snapshots).map((id) => makeSlo(id));
  getSettings.mockResolvedValue({ enabled: true, pinned: false, jsonData: { slos } });
  fetchSnapshots.mockResolvedValue(new Map(Object.entries(snapshots)));
}

function renderPage() {
  return render(
    <MemoryRouter>
      <OverviewPage />
    </MemoryRouter>
  );
}

const listIncidentsMock = jest.mocked(listIncidents);
const incident = (id: string, title: string, severity: 1 | 2 | 3 | 4, status: LoadedIncident['status']) =>
  ({ id, title, severity, status, services: ['checkout'], startedAt: Date.now() - 3_600_000 }) as LoadedIncident;

beforeEach(() => {
  getSettings.mockReset();
  fetchSnapshots.mockReset();
  listIncidentsMock.mockReset();
  listIncidentsMock.mockResolvedValue({ incidents: [], problems: [] });
  jest.mocked(listToil).mockReset();
  jest.mocked(listToil).mockResolvedValue({ entries: [], estimates: new Map(), problems: [] });
});

describe('Overview: open incidents', () => {
  it('lists only unresolved incidents, most severe first, each linking to its page', async () => {
    serve({ 'fine-one': makeSnapshot(0.9, 0.2) });
    listIncidentsMock.mockResolvedValue({
      incidents: [
        incident('INC-20261127-aaaa', 'Search is slow', 3, 'triage'),
        incident('INC-20261127-bbbb', 'Old outage', 1, 'resolved'),
        incident('INC-20261127-cccc', 'Checkout down', 1, 'mitigating'),
      ],
      problems: [],
    });
    renderPage();
    const section = await screen.findByTestId(testIds.overview.openIncidents);
    await within(section).findByText('Checkout down');
    const titles = ['Checkout down', 'Search is slow'].map((t) => within(section).getByText(t));
    // Most severe first: SEV1 "Checkout down" precedes SEV3 "Search is slow" in the document.
    expect(titles[0].compareDocumentPosition(titles[1]) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(section).queryByText('Old outage')).not.toBeInTheDocument();
    expect(within(section).getByText('Checkout down').closest('a')).toHaveAttribute(
      'href',
      '/a/sre-reliability-app/incidents/INC-20261127-cccc'
    );
  });

  it('says when nothing is open, and shows a load error instead of an empty list', async () => {
    serve({ 'fine-one': makeSnapshot(0.9, 0.2) });
    const { unmount } = renderPage();
    expect(await screen.findByText('No open incidents.')).toBeInTheDocument();
    unmount();
    listIncidentsMock.mockRejectedValue(new ApiError('GET /api/annotations failed (500): db locked', 500));
    renderPage();
    expect(await screen.findByText(/db locked/)).toBeInTheDocument();
  });
});

const NOW = Date.UTC(2026, 11, 15, 12);
const toil = (team: string, hours: number): ToilEntry => ({
  id: `toil-x-${team}`,
  task: 'Restart pod',
  team,
  who: 'alice',
  at: Date.UTC(2026, 11, 2),
  durationMinutes: hours * 60,
  kind: 'manual_operation',
  traits: NO_TRAITS,
  loggedBy: 'alice',
  loggedAt: NOW,
  updatedAt: NOW,
  revision: `toil-x-${team}`,
  taskKey: taskKey('Restart pod'),
  conflicts: [],
});

describe('Overview: teams over toil budget', () => {
  const teams = [
    { id: 'payments', team: 'Payments', capacityHoursPerWeek: 10, budget: 0.5 },
    { id: 'search', team: 'Search', capacityHoursPerWeek: 40, budget: 0.5 },
  ];
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
    getSettings.mockResolvedValue({ enabled: true, pinned: false, jsonData: { slos: [], toilTeams: teams } });
    fetchSnapshots.mockResolvedValue(new Map());
  });
  afterEach(() => jest.mocked(Date.now).mockRestore());

  it('lists only the teams over budget this month and links to the month’s Toil reports', async () => {
    // 14.5 days of December so far: Payments had 20.7 h of capacity and logged 15 h (72%); Search logged 2 of 83 h.
    jest
      .mocked(listToil)
      .mockResolvedValue({ entries: [toil('Payments', 15), toil('Search', 2)], estimates: new Map(), problems: [] });
    renderPage();
    const card = await screen.findByTestId(testIds.toil.overBudget);
    const list = await within(card).findByRole('list', { name: 'Teams over toil budget' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent)
    ).toEqual(['Payments72% of capacity15 h toil, budget 50%']);
    expect(jest.mocked(listToil)).toHaveBeenCalledWith({ from: Date.UTC(2026, 11, 1), to: Date.UTC(2027, 0, 1) });
    expect(within(card).getByRole('link', { name: 'Toil reports' })).toHaveAttribute(
      'href',
      '/a/sre-reliability-app/toil?view=reports&period=month&from=2026-12-01&to=2026-12-31'
    );
  });

  it('says when no team is over budget, and shows a load error', async () => {
    jest.mocked(listToil).mockResolvedValue({ entries: [toil('Search', 2)], estimates: new Map(), problems: [] });
    const { unmount } = renderPage();
    expect(await screen.findByText('No team is over its toil budget this month.')).toBeInTheDocument();
    unmount();
    jest.mocked(listToil).mockRejectedValue(new ApiError('GET /api/annotations failed (500): toil db locked', 500));
    renderPage();
    const card = screen.getByTestId(testIds.toil.overBudget);
    expect(await within(card).findByText(/toil db locked/)).toBeInTheDocument();
  });
});

describe('Overview', () => {
  it('counts SLOs by status and lists the worst budgets first, no data last', async () => {
    serve({
      'fine-one': makeSnapshot(0.9, 0.2),
      'unknown-one': makeSnapshot(null),
      'overspent-one': makeSnapshot(-0.4, 2),
      'low-one': makeSnapshot(0.1, 0.5),
      'fine-two': makeSnapshot(0.7, 0.2),
    });
    renderPage();
    const worst = await screen.findByTestId(testIds.overview.worst);
    const links = within(worst).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual([
      'overspent one',
      'low one',
      'fine two',
      'fine one',
      'unknown one',
    ]);
    expect(links[0]).toHaveAttribute('href', '/a/sre-reliability-app/slos/overspent-one');

    const counts = screen.getByTestId(testIds.overview.statusCounts);
    expect(within(counts).getByLabelText('healthy count')).toHaveTextContent('2');
    expect(within(counts).getByLabelText('exhausted count')).toHaveTextContent('1');
    expect(within(counts).getByLabelText('at_risk count')).toHaveTextContent('1');
    expect(within(counts).getByLabelText('burning_fast count')).toHaveTextContent('0');
    expect(within(counts).getByLabelText('no_data count')).toHaveTextContent('1');
  });

  it('shows at most ten SLOs', async () => {
    serve(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`slo-${i}`, makeSnapshot(i / 12, 0.1)])));
    renderPage();
    const worst = await screen.findByTestId(testIds.overview.worst);
    expect(within(worst).getAllByRole('link')).toHaveLength(10);
    expect(within(worst).queryByText('slo 11')).toBeNull();
  });

  it('shows loading, then an error inside the page', async () => {
    getSettings.mockRejectedValue(new ApiError('GET /api/plugins/x/settings failed: no backend', 0));
    renderPage();
    const page = screen.getByTestId(testIds.pages.overview);
    expect(within(page).getByText('Loading SLOs…')).toBeInTheDocument();
    expect(await within(page).findByText(/no backend/)).toBeInTheDocument();
  });

  it('points to the SLOs page when there are none', async () => {
    serve({});
    renderPage();
    expect(await screen.findByText('No SLOs yet')).toBeInTheDocument();
  });

  it('shows an impossible error ratio as a data problem with its queries, never as exhausted', async () => {
    serve({
      'fine-one': makeSnapshot(0.9, 0.2),
      'broken-query': {
        ...makeSnapshot(null),
        status: 'bad_data',
        dataProblem: { message: 'bad exceeds total: check the queries', queries: ['bad: a', 'total: b'] },
      },
    });
    renderPage();
    const worst = await screen.findByTestId(testIds.overview.worst);
    expect(within(worst).getByTestId(testIds.dataProblem)).toHaveTextContent('bad exceeds total: check the queries');
    expect(within(worst).getByTestId(testIds.dataProblem)).toHaveTextContent('total: b');
    expect(within(worst).queryByText('Exhausted')).toBeNull();
    expect(
      within(screen.getByTestId(testIds.overview.statusCounts)).getByLabelText('bad_data count')
    ).toHaveTextContent('1');
  });
});
