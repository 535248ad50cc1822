// Combobox needs canvas text measuring, IntersectionObserver and element sizes, which jsdom lacks.
import { giveElementsASize } from '../../components/testing/jsdomPolyfills';
import React from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import { setupUser } from '../../components/testing/user';
import { getPluginSettings } from '../../api/pluginSettings';
import { fetchSloSnapshots, type SloSnapshot } from '../../api/sloStatus';
import { canEditSettings } from '../../api/permissions';
import { ApiError } from '../../api/client';
import { testIds } from '../../components/testIds';
import type { Slo } from '../../domain/slo/model';
import { makeSlo, makeSnapshot } from './__fixtures__/slos';
import SlosPage from './SlosPage';

const user = setupUser();

jest.mock('../../api/pluginSettings');
jest.mock('../../api/sloStatus');
jest.mock('../../api/permissions');

const getSettings = jest.mocked(getPluginSettings);
const fetchSnapshots = jest.mocked(fetchSloSnapshots);
const canEdit = jest.mocked(canEditSettings);

const slos: Slo[] = [
  makeSlo('checkout-availability', {
    name: 'Checkout availability',
    service: 'checkout',
    labels: { team: 'payments', tier: '1' },
  }),
  makeSlo('search-latency', {
    name: 'Search latency',
    service: 'search',
    description: 'p99 under 300ms',
    labels: { team: 'discovery' },
    window: { type: 'calendar', unit: 'month', timeZone: 'UTC' },
    objective: { target: 0.995 },
  }),
  makeSlo('login-errors', { name: 'Login errors', service: 'auth' }),
];

const snapshots: Record<string, SloSnapshot> = {
  'checkout-availability': makeSnapshot(0.8, 0.5),
  'search-latency': makeSnapshot(-0.5, 2.345),
  'login-errors': makeSnapshot(null, null, 'query failed: timeout'),
};

function serve(list: Slo[]) {
  getSettings.mockResolvedValue({
    enabled: true,
    pinned: false,
    jsonData: { slos: list, settings: { defaultPrometheusUid: 'prom' } },
  });
  fetchSnapshots.mockImplementation(async (given) => new Map(given.map((s) => [s.id, snapshots[s.id]])));
}

function Location() {
  const location = useLocation();
  return <output data-testid="location">{location.search}</output>;
}

function renderPage(search = '') {
  return render(
    <MemoryRouter initialEntries={[`/slos${search}`]}>
      <Routes>
        <Route path="slos/*" element={<SlosPage />} />
      </Routes>
      <Location />
    </MemoryRouter>
  );
}

const rowNames = () => screen.getAllByTestId(testIds.slos.row).map((row) => within(row).getByRole('link').textContent);
const urlParams = () => new URLSearchParams(screen.getByTestId('location').textContent ?? '');

beforeAll(() => {
  giveElementsASize();
});

beforeEach(() => {
  jest.clearAllMocks();
  getSettings.mockReset();
  fetchSnapshots.mockReset();
  canEdit.mockReturnValue(true);
  serve(slos);
});

describe('SLO list', () => {
  it('shows a loading state inside the page, then the rows', async () => {
    renderPage();
    const page = screen.getByTestId(testIds.pages.slos);
    expect(within(page).getByText('Loading SLOs…')).toBeInTheDocument();
    expect(await within(page).findByTestId(testIds.slos.table)).toBeInTheDocument();
    expect(fetchSnapshots).toHaveBeenCalledWith(slos, 'prom', expect.any(Number), 'rules');
  });

  it('shows every column, worst status first by default', async () => {
    renderPage();
    await screen.findByTestId(testIds.slos.table);
    expect(rowNames()).toEqual(['Search latency', 'Checkout availability', 'Login errors']);

    const [search, checkout] = screen.getAllByTestId(testIds.slos.row);
    expect(within(search).getByText('99.5% / calendar month')).toBeInTheDocument();
    expect(within(search).getByText('search · p99 under 300ms')).toBeInTheDocument();
    expect(within(search).getByText('\u221250%')).toBeInTheDocument();
    expect(within(search).getByText('2.3×')).toBeInTheDocument();
    expect(within(search).getByText('Exhausted')).toBeInTheDocument();
    expect(within(checkout).getByText('99.9% / 30d')).toBeInTheDocument();
    expect(within(checkout).getByText('99.98%')).toBeInTheDocument();
    expect(within(checkout).getByText('80%')).toBeInTheDocument();
    expect(within(checkout).getByText('Healthy')).toBeInTheDocument();
    expect(within(checkout).getByRole('link')).toHaveAttribute(
      'href',
      '/a/sre-reliability-app/slos/checkout-availability'
    );
  });

  it('shows "No data" for rows without data, never 0% or 100%', async () => {
    renderPage();
    await screen.findByTestId(testIds.slos.table);
    const login = screen.getAllByTestId(testIds.slos.row)[2];
    expect(within(login).getAllByText('No data')).toHaveLength(5); // SLI, budget, burn rate, status, policy
    expect(within(login).queryByText(/^(0|100)%$/)).toBeNull();
  });

  it('explains a no-data status with the query error in a tooltip', async () => {
    renderPage();
    await screen.findByTestId(testIds.slos.table);
    const login = screen.getAllByTestId(testIds.slos.row)[2];
    const badges = within(login).getAllByText('No data');
    await user.hover(badges[3]); // the status badge
    expect(await screen.findByText('query failed: timeout')).toBeInTheDocument();
  });

  it('shows the action each SLO’s policy gives, with the threshold that decided on hover and for screen readers', async () => {
    const strict = {
      id: 'strict',
      name: 'Strict',
      exhaustedAtOrBelow: 0,
      atRiskBelow: 0.9,
      fastBurn: { rate: 10, window: '1h' as const },
      actions: { healthy: 'ship' as const, at_risk: 'ship_with_approval' as const, fast_burn: 'freeze' as const, exhausted: 'freeze' as const },
      incidentBudgetShare: 0.2,
    };
    const list = [{ ...slos[0], policy: 'strict' }, slos[1], slos[2]];
    getSettings.mockResolvedValue({ enabled: true, pinned: false, jsonData: { slos: list, policies: [strict], settings: { defaultPrometheusUid: 'prom' } } });
    renderPage();
    await screen.findByTestId(testIds.slos.table);
    expect(screen.getByRole('columnheader', { name: 'Policy' })).toBeInTheDocument();
    const [search, checkout, login] = screen.getAllByTestId(testIds.slos.row);

    const checkoutPolicy = within(checkout).getByTestId(testIds.slos.policy);
    // The reason is part of the badge's accessible text, not only its tooltip.
    expect(checkoutPolicy).toHaveTextContent('Ship with approval: Strict: remaining budget 80% < 90%');
    expect(within(search).getByTestId(testIds.slos.policy)).toHaveTextContent('Freeze: SRE Workbook (default): remaining budget -50% ≤ 0%');
    expect(within(login).getByTestId(testIds.slos.policy)).toHaveTextContent('No data: SRE Workbook (default): query failed: timeout');

    await user.hover(within(checkoutPolicy).getByText('Ship with approval'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Strict: remaining budget 80% < 90%');
  });

  it('searches by name, id and description, and keeps the search in the URL', async () => {
    renderPage();
    await screen.findByTestId(testIds.slos.table);
    await user.type(screen.getByTestId(testIds.slos.search), 'p99');
    expect(rowNames()).toEqual(['Search latency']);
    expect(urlParams().get('q')).toBe('p99');
  });

  it('restores filters from the URL', async () => {
    renderPage('?team=payments');
    await screen.findByTestId(testIds.slos.table);
    expect(rowNames()).toEqual(['Checkout availability']);
  });

  it('filters by service with the picker and writes it to the URL', async () => {
    renderPage();
    await screen.findByTestId(testIds.slos.table);
    await user.click(screen.getByLabelText('Service'));
    await user.click(await screen.findByRole('option', { name: 'auth' }));
    expect(rowNames()).toEqual(['Login errors']);
    expect(urlParams().get('service')).toBe('auth');
  });

  it('filters by any label and offers to clear filters that match nothing', async () => {
    renderPage('?label=tier%3D1&q=search');
    await screen.findByText('No SLOs match these filters');
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(rowNames()).toHaveLength(3);
    expect(urlParams().toString()).toBe('');
  });

  it('sorts on header click and with the keyboard, keeping no data last and the sort in the URL', async () => {
    renderPage();
    await screen.findByTestId(testIds.slos.table);
    await user.click(screen.getByRole('button', { name: 'Name' }));
    expect(rowNames()).toEqual(['Checkout availability', 'Login errors', 'Search latency']);
    expect(urlParams().get('sort')).toBe('name');
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');

    screen.getByRole('button', { name: 'Name' }).focus();
    await user.keyboard('{Enter}');
    expect(rowNames()).toEqual(['Search latency', 'Login errors', 'Checkout availability']);
    expect(urlParams().get('dir')).toBe('desc');

    await user.click(screen.getByRole('button', { name: 'Error budget left' }));
    await user.click(screen.getByRole('button', { name: /Error budget left/ }));
    expect(rowNames()).toEqual(['Checkout availability', 'Search latency', 'Login errors']);
  });

  it('shows an empty state with create and import actions', async () => {
    serve([]);
    renderPage();
    expect(await screen.findByText('You have no SLOs yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Create SLO' })).toHaveAttribute('href', '/a/sre-reliability-app/slos/new');
    expect(screen.getByRole('link', { name: 'Import' })).toHaveAttribute(
      'href',
      '/a/sre-reliability-app/slos/new?tab=yaml'
    );
    expect(screen.queryByTestId(testIds.slos.readOnly)).toBeNull();
  });

  it('hides the actions from read-only users and says why', async () => {
    canEdit.mockReturnValue(false);
    serve([]);
    renderPage();
    expect(await screen.findByTestId(testIds.slos.readOnly)).toHaveTextContent(
      'Only organization admins can create or edit SLOs'
    );
    expect(screen.queryByText('Create SLO')).toBeNull();
    expect(screen.queryByText('Import')).toBeNull();
  });

  it('pages long lists, keeping the page in the URL, and goes back to page 1 when the search changes', async () => {
    const many = Array.from({ length: 120 }, (_, i) => makeSlo(`slo-${String(i).padStart(3, '0')}`));
    serve(many);
    fetchSnapshots.mockImplementation(async (given) => new Map(given.map((s) => [s.id, makeSnapshot(0.5, 1)])));
    renderPage('?sort=name');
    expect(await screen.findByText('1–50 of 120 SLOs')).toBeInTheDocument();
    expect(screen.getAllByTestId(testIds.slos.row)).toHaveLength(50);
    expect(rowNames()[0]).toBe(many[0].name);

    await user.click(within(screen.getByTestId(testIds.app.listPager)).getByRole('button', { name: '3' }));
    expect(await screen.findByText('101–120 of 120 SLOs')).toBeInTheDocument();
    expect(screen.getAllByTestId(testIds.slos.row)).toHaveLength(20);
    expect(urlParams().get('page')).toBe('3');

    // Pasted: typing re-rendered the 50-row table once per character.
    await user.click(screen.getByTestId(testIds.slos.search));
    await user.paste('slo-11');
    await waitFor(() => expect(urlParams().get('page')).toBeNull());
    expect(rowNames()).toHaveLength(10);
  });

  it('keeps the list read-only for viewers', async () => {
    canEdit.mockReturnValue(false);
    renderPage();
    await screen.findByTestId(testIds.slos.table);
    expect(screen.getByTestId(testIds.slos.readOnly)).toBeInTheDocument();
    expect(screen.queryByText('Create SLO')).toBeNull();
  });

  it('shows a load error inside the page and retries', async () => {
    getSettings.mockRejectedValueOnce(
      new ApiError('GET /api/plugins/sre-reliability-app/settings failed (500): boom', 500)
    );
    renderPage();
    const page = screen.getByTestId(testIds.pages.slos);
    expect(await within(page).findByText(/failed \(500\): boom/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getByTestId(testIds.slos.table)).toBeInTheDocument());
  });

  it('shows a stored SLO that fails validation as a row saying what is wrong, and every other SLO as before', async () => {
    const broken = { ...makeSlo('typo-slo', { name: 'Typo SLO' }), objective: { target: 99.9 } };
    getSettings.mockResolvedValue({
      enabled: true,
      pinned: false,
      jsonData: { slos: [slos[0], broken as unknown as Slo, slos[1], slos[2]], settings: { defaultPrometheusUid: 'prom' } },
    });
    renderPage();
    const row = await screen.findByTestId(testIds.slos.brokenRow);
    expect(row).toHaveTextContent('Typo SLO');
    expect(row).toHaveTextContent(/slos\[1\]\.objective\.target: .*99\.9/);
    expect(within(row).getByRole('link', { name: 'Fix it in the editor' })).toHaveAttribute(
      'href',
      expect.stringContaining('/slos/typo-slo/edit')
    );
    expect(rowNames()).toEqual(['Search latency', 'Checkout availability', 'Login errors']);
    // The broken SLO never reaches the status queries.
    expect(fetchSnapshots.mock.calls.flatMap(([given]) => given.map((s) => s.id))).not.toContain('typo-slo');
  });

  it('links a broken SLO to its editor only for those who can edit', async () => {
    canEdit.mockReturnValue(false);
    getSettings.mockResolvedValue({ enabled: true, pinned: false, jsonData: { slos: [{ id: 'x' } as unknown as Slo] } });
    renderPage();
    const row = await screen.findByTestId(testIds.slos.brokenRow);
    expect(row).toHaveTextContent('slos[0].name');
    expect(within(row).queryByRole('link')).toBeNull();
  });

  it('shows rule-backed rows first, then runs raw queries only for the rows on screen, marking them "rules not installed"', async () => {
    const many = Array.from({ length: 60 }, (_, i) => makeSlo(`raw-${String(i).padStart(2, '0')}`));
    serve([slos[0], ...many]);
    let answerRaw: () => void = () => {};
    const rawAnswered = new Promise<void>((resolve) => (answerRaw = resolve));
    fetchSnapshots.mockImplementation(async (given, _uid, _now, mode) => {
      if (mode === 'raw') {
        await rawAnswered;
        return new Map(given.map((s) => [s.id, { ...makeSnapshot(0.5, 1), source: 'raw' as const }]));
      }
      return new Map(
        given.map((s) => [
          s.id,
          s.id === slos[0].id ? snapshots[s.id] : { ...makeSnapshot(null), source: 'no_rules' as const },
        ])
      );
    });
    renderPage('?sort=name');
    await screen.findByTestId(testIds.slos.table);
    // The rule-backed row is complete before any raw answer.
    const checkout = screen.getAllByTestId(testIds.slos.row)[0];
    expect(within(checkout).getByText('Healthy')).toBeInTheDocument();
    await waitFor(() => expect(fetchSnapshots.mock.calls.some((c) => c[3] === 'raw')).toBe(true));
    const rawCalls = fetchSnapshots.mock.calls.filter((c) => c[3] === 'raw');
    // Page 1 holds 50 rows: the checkout SLO (rules) and 49 without rules; the other 11 are never queried raw.
    expect(rawCalls).toHaveLength(1);
    expect(rawCalls[0][0]).toHaveLength(49);
    expect(screen.getAllByTestId(testIds.slos.noRules)).toHaveLength(49);
    expect(within(screen.getAllByTestId(testIds.slos.row)[1]).queryByText('50%')).toBeNull();
    answerRaw();
    expect(await within(screen.getAllByTestId(testIds.slos.row)[1]).findByText('50%')).toBeInTheDocument();
    expect(screen.getAllByTestId(testIds.slos.noRules)).toHaveLength(49);
  });

  it('shows an impossible error ratio as a data problem with the queries, never as exhausted', async () => {
    fetchSnapshots.mockImplementation(
      async (given) =>
        new Map(
          given.map((s) => [
            s.id,
            s.id === 'login-errors'
              ? {
                  ...makeSnapshot(null),
                  status: 'bad_data' as const,
                  dataProblem: { message: 'bad exceeds total: check the queries', queries: ['bad: x', 'total: y'] },
                }
              : snapshots[s.id],
          ])
        )
    );
    renderPage('?q=login');
    const problem = await screen.findByTestId(testIds.dataProblem);
    expect(problem).toHaveTextContent('bad exceeds total: check the queries');
    expect(problem).toHaveTextContent('total: y');
    const row = screen.getByTestId(testIds.slos.row);
    expect(within(row).queryByText('Exhausted')).toBeNull();
    expect(within(row).getByText('Check queries')).toBeInTheDocument();
  });
});
