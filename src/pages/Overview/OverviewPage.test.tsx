import React from 'react';
import { MemoryRouter } from 'react-router-dom';
import { render, screen, within } from '@testing-library/react';
import { getPluginSettings } from '../../api/pluginSettings';
import { fetchSloSnapshots, type SloSnapshot } from '../../api/sloStatus';
import { ApiError } from '../../api/client';
import { testIds } from '../../components/testIds';
import { makeSlo, makeSnapshot } from '../Slos/__fixtures__/slos';
import OverviewPage from './OverviewPage';

jest.mock('../../api/pluginSettings');
jest.mock('../../api/sloStatus');

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

beforeEach(() => {
  getSettings.mockReset();
  fetchSnapshots.mockReset();
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
    // EmptyState's illustration is a large inline SVG: rendering it in jsdom takes seconds.
  }, 20_000);
});
