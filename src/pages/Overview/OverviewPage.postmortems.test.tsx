// The Overview's postmortem sections: "Postmortems due" (the policy over the last 90 days' resolved incidents) and
// "Overdue action items" (linking to the Action items view's overdue filter), with api/ mocked at the boundary.
import React from 'react';
import { MemoryRouter } from 'react-router-dom';
import { render, screen, within } from '@testing-library/react';
import { ApiError } from '../../api/client';
import { fetchIncidentsBudgets } from '../../api/incidentBudget';
import { listIncidents, type LoadedIncident } from '../../api/incidents';
import { getPluginSettings } from '../../api/pluginSettings';
import { listPostmortems } from '../../api/postmortems';
import { fetchSloSnapshots } from '../../api/sloStatus';
import { listToil } from '../../api/toil';
import { testIds } from '../../components/testIds';
import type { ActionItem, Postmortem, PostmortemStatus } from '../../domain/postmortem';
import { postmortem } from '../Postmortems/testing/fixtures';
import { makeSlo } from '../Slos/__fixtures__/slos';
import OverviewPage from './OverviewPage';

jest.mock('../../api/pluginSettings');
jest.mock('../../api/sloStatus');
jest.mock('../../api/incidents');
jest.mock('../../api/toil');
jest.mock('../../api/postmortems');
jest.mock('../../api/incidentBudget');

/** Tuesday 15 December 2026, 12:00 UTC (jest runs in UTC). */
const NOW = Date.UTC(2026, 11, 15, 12);
const DAY = 86_400_000;
const day = (d: number, h = 12) => Date.UTC(2026, 11, d, h);

const incident = (
  id: string,
  title: string,
  severity: 1 | 2 | 3 | 4,
  resolvedAt: number | undefined,
  sloIds: string[] = []
) =>
  ({
    id,
    title,
    severity,
    status: resolvedAt === undefined ? 'mitigating' : 'resolved',
    services: ['checkout'],
    startedAt: (resolvedAt ?? NOW) - 3_600_000,
    resolvedAt,
    sloIds,
  }) as LoadedIncident;

const pm = (incidentId: string, status: PostmortemStatus, items: Array<Partial<ActionItem>> = []): Postmortem => ({
  ...postmortem(),
  incidentId,
  status,
  actionItems: items.map((over, i) => ({
    id: `ai-${incidentId}-${i}`,
    title: `Item ${i}`,
    type: 'prevent',
    priority: 'P1',
    due: NOW + DAY,
    status: 'open',
    createdAt: day(1),
    createdBy: 'alice',
    revision: `ai-${incidentId}-${i}`,
    updatedAt: day(1),
    conflicts: [],
    ...over,
  })),
});

const list = jest.mocked(listPostmortems);
const incidents = jest.mocked(listIncidents);
const budgets = jest.mocked(fetchIncidentsBudgets);

function renderPage() {
  return render(
    <MemoryRouter>
      <OverviewPage />
    </MemoryRouter>
  );
}

const dueSection = () => screen.getByTestId(testIds.overview.postmortemsDue);
const itemsSection = () => screen.getByTestId(testIds.overview.overdueActionItems);

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  jest.mocked(getPluginSettings).mockResolvedValue({
    enabled: true,
    pinned: false,
    jsonData: { slos: [makeSlo('pay'), makeSlo('login')] },
  });
  jest.mocked(fetchSloSnapshots).mockResolvedValue(new Map());
  jest.mocked(listToil).mockResolvedValue({ entries: [], estimates: new Map(), problems: [] });
  incidents.mockReset();
  incidents.mockResolvedValue({ incidents: [], problems: [] });
  list.mockReset();
  list.mockResolvedValue({ postmortems: [], problems: [] });
  budgets.mockReset();
});
afterEach(() => jest.mocked(Date.now).mockRestore());

describe('Overview: postmortems due', () => {
  it('lists the required, unpublished ones overdue first, reading budgets only where they decide', async () => {
    incidents.mockResolvedValue({
      incidents: [
        // SEV1 resolved Monday 7 Dec: 3 business days, due Thursday 10 Dec, none started: overdue.
        incident('INC-1', 'Checkout down', 1, day(7)),
        // SEV2 resolved Monday 14 Dec: 5 business days, due Monday 21 Dec; a draft is not published.
        incident('INC-2', 'Cart slow', 2, day(14), ['pay']),
        // Published: nothing is due.
        incident('INC-3', 'Search down', 1, day(8)),
        // SEV3, required only because it consumed 34% of the "pay" SLO's budget: due Tuesday 22 Dec.
        incident('INC-4', 'Payments blip', 3, day(15, 0), ['pay']),
        // SEV3 at 10% of its budget: not required.
        incident('INC-5', 'Login slow', 3, day(14), ['login']),
        // Open: not due until resolved.
        incident('INC-6', 'Still burning', 1, undefined),
      ],
      problems: [],
    });
    list.mockResolvedValue({ postmortems: [pm('INC-2', 'draft'), pm('INC-3', 'published')], problems: [] });
    budgets.mockResolvedValue(
      new Map([
        ['INC-4', new Map([['pay', { consumed: 0.34, window: '30d' }]])],
        ['INC-5', new Map([['login', { consumed: 0.1, window: '30d' }]])],
      ])
    );
    renderPage();
    const rows = await within(dueSection()).findAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual([
      'Postmortem overdueCheckout downnot started',
      'Postmortem due 21 Dec 2026Cart slowdraft',
      'Postmortem due 22 Dec 2026Payments blipnot started',
    ]);
    expect(within(dueSection()).getByLabelText('postmortems due count')).toHaveTextContent('3');
    expect(within(rows[0]).getByRole('link', { name: 'Checkout down' })).toHaveAttribute(
      'href',
      '/a/sre-reliability-app/incidents/INC-1'
    );
    // INC-2 is required by its severity (no budget needed), INC-3 is published: only INC-4 and INC-5 are read.
    expect(budgets).toHaveBeenCalledTimes(1);
    expect(budgets.mock.calls[0][0].map((s) => s.id)).toEqual(['INC-4', 'INC-5']);
    // The last 90 days, in one read each; the postmortems read is shared with the action items.
    expect(incidents).toHaveBeenCalledWith({ from: NOW - 90 * DAY, to: NOW });
    expect(list).toHaveBeenCalledTimes(1);
    expect(list).toHaveBeenCalledWith({ from: NOW - 90 * DAY, to: NOW });
  });

  it('shows loading, then says when none is due', async () => {
    let answer: (v: Awaited<ReturnType<typeof listPostmortems>>) => void = () => {};
    list.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    incidents.mockResolvedValue({ incidents: [incident('INC-3', 'Search down', 1, day(8))], problems: [] });
    renderPage();
    expect(within(dueSection()).getByText('Loading postmortems…')).toBeInTheDocument();
    expect(within(itemsSection()).getByText('Loading action items…')).toBeInTheDocument();
    answer({ postmortems: [pm('INC-3', 'published')], problems: [] });
    expect(await within(dueSection()).findByText('No postmortem is due.')).toBeInTheDocument();
    expect(budgets).not.toHaveBeenCalled();
  });

  it('shows the load error in both sections', async () => {
    list.mockRejectedValue(new ApiError('GET /api/annotations failed (500): postmortem db locked', 500));
    renderPage();
    expect(await within(dueSection()).findByText(/postmortem db locked/)).toBeInTheDocument();
    expect(within(dueSection()).getByText('Could not check which postmortems are due')).toBeInTheDocument();
    expect(await within(itemsSection()).findByText(/postmortem db locked/)).toBeInTheDocument();
  });

  it('keeps the severity-required ones and says so when budgets cannot be read', async () => {
    incidents.mockResolvedValue({
      incidents: [
        incident('INC-1', 'Checkout down', 1, day(7)),
        incident('INC-4', 'Payments blip', 3, day(15, 0), ['pay']),
      ],
      problems: [],
    });
    budgets.mockResolvedValue(new Map([['INC-4', new Map([['pay', { window: '30d', error: 'prometheus down' }]])]]));
    renderPage();
    const rows = await within(dueSection()).findAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual(['Postmortem overdueCheckout downnot started']);
    expect(within(dueSection()).getByText(/Some error budgets could not be read/)).toBeInTheDocument();
  });
});

describe('Overview: overdue action items', () => {
  it('counts the open items past due, lists the oldest first and links to the overdue filter', async () => {
    list.mockResolvedValue({
      postmortems: [
        pm('INC-2', 'draft', [
          { title: 'Add a canary', due: day(1), priority: 'P0' },
          { title: 'Already done', due: day(1), status: 'done', closedAt: day(2) },
          { title: 'Not due yet', due: day(20) },
        ]),
        pm('INC-3', 'published', [{ title: 'Page on saturation', due: Date.UTC(2026, 10, 20), status: 'in_progress' }]),
      ],
      problems: [],
    });
    renderPage();
    const rows = await within(itemsSection()).findAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual([
      'P1Page on saturationdue 20 Nov 2026 · Unassigned · INC-3',
      'P0Add a canarydue 1 Dec 2026 · Unassigned · INC-2',
    ]);
    expect(within(itemsSection()).getByLabelText('overdue action items count')).toHaveTextContent('2');
    expect(within(rows[0]).getByRole('link', { name: 'Page on saturation' })).toHaveAttribute(
      'href',
      '/a/sre-reliability-app/postmortems/INC-3'
    );
    expect(within(itemsSection()).getByRole('link', { name: 'Overdue in Action items' })).toHaveAttribute(
      'href',
      '/a/sre-reliability-app/postmortems/action-items?overdue=1'
    );
  });

  it('shows the five longest overdue of many, and says when none is overdue', async () => {
    list.mockResolvedValue({
      postmortems: [
        pm(
          'INC-2',
          'draft',
          Array.from({ length: 7 }, (_, i) => ({ title: `Fix ${i}`, due: day(10 - i) }))
        ),
      ],
      problems: [],
    });
    const { unmount } = renderPage();
    const rows = await within(itemsSection()).findAllByRole('listitem');
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual([
      'Fix 6',
      'Fix 5',
      'Fix 4',
      'Fix 3',
      'Fix 2',
    ]);
    expect(within(itemsSection()).getByLabelText('overdue action items count')).toHaveTextContent('7');
    unmount();
    list.mockResolvedValue({ postmortems: [pm('INC-2', 'draft', [{ due: day(20) }])], problems: [] });
    renderPage();
    expect(await within(itemsSection()).findByText('No action item is overdue.')).toBeInTheDocument();
  });
});
