import { giveElementsASize } from '../../../components/testing/jsdomPolyfills';
import React from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import { setupUser } from '../../../components/testing/user';
import { testIds } from '../../../components/testIds';
import { listPostmortems } from '../../../api/postmortems';
import { ev } from '../../../domain/postmortem/testing';
import { queryClient } from '../../data/queryClient';
import ActionItemsPage from './ActionItemsPage';
import { DAY, T0, XSS, added, postmortemOf } from './testing/fixtures';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  PluginPage: jest.requireActual('../../../components/testing/TestPluginPage').TestPluginPage,
}));
jest.mock('../../../api/postmortems', () => ({
  ...jest.requireActual('../../../api/postmortems'),
  listPostmortems: jest.fn(),
}));

const user = setupUser();
const list = jest.mocked(listPostmortems);
const NOW = T0 + 20 * DAY;

const closed = (itemId: string, at: number, status: 'done' | 'wont_do' = 'done') =>
  ev({ type: 'action_item_closed', itemId, status, ...(status === 'wont_do' && { reason: 'retired' }) }, { at });

const checkout = postmortemOf([
  added('ai-1', { title: 'Late canary', priority: 'P0', due: NOW - DAY, owner: { login: 'ann' } }, { at: T0 + 1000 }),
  added('ai-2', { title: 'Done runbook', priority: 'P1', due: NOW + DAY }, { at: T0 + 2000 }),
  closed('ai-2', T0 + 2000 + 2 * DAY),
  added('ai-3', { title: 'Done alert', priority: 'P2', due: NOW + 9 * DAY }, { at: T0 + 3000 }),
  closed('ai-3', T0 + 3000 + 4 * DAY),
]);
const search = postmortemOf(
  [
    added('ai-4', { title: 'Unowned dashboard', priority: 'P1', due: NOW + 5 * DAY }),
    added('ai-5', { title: 'Dropped idea', priority: 'P3', due: NOW + 5 * DAY }),
    closed('ai-5', T0 + 5 * DAY, 'wont_do'),
  ],
  'INC-20260307-cd34',
  'Search slow',
  ['search']
);

function Location() {
  return <output data-testid="location">{useLocation().search}</output>;
}
function renderAt(search = '') {
  return render(
    <MemoryRouter initialEntries={[`/postmortems/action-items${search}`]}>
      <Routes>
        <Route
          path="postmortems/action-items"
          element={
            <>
              <ActionItemsPage />
              <Location />
            </>
          }
        />
      </Routes>
    </MemoryRouter>
  );
}
const rows = () => screen.queryAllByTestId(testIds.actionItems.viewRow);
const titles = () => rows().map((r) => r.querySelector('td')!.textContent);
const location = () => decodeURIComponent(screen.getByTestId('location').textContent ?? '');

beforeAll(giveElementsASize);
beforeEach(() => {
  queryClient.clear();
  jest.clearAllMocks();
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  list.mockResolvedValue({ postmortems: [checkout, search], problems: [] });
});
afterEach(() => {
  expect((window as unknown as { __xss?: number }).__xss).toBeUndefined();
});

describe('ActionItemsView', () => {
  it('lists every item, open ones soonest due first, marks the overdue one and sums up follow-through', async () => {
    renderAt();
    expect(screen.getByText('Loading action items…')).toBeInTheDocument();
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(list).toHaveBeenCalledWith({ from: NOW - 90 * DAY, to: NOW });
    expect(titles()).toEqual(['Late canary', 'Unowned dashboard', 'Dropped idea', 'Done alert', 'Done runbook']);
    expect(rows().map((r) => within(r).queryByText('Overdue') !== null)).toEqual([true, false, false, false, false]);
    expect(within(rows()[0]).getByRole('link', { name: 'Checkout errors' })).toHaveAttribute(
      'href',
      '/a/sre-reliability-app/postmortems/INC-20260306-ab12'
    );
    // 2 done of 4 (the won't-do item is left out); closed after 2 and 4 days: median 3.
    const stats = screen.getByTestId(testIds.actionItems.stats);
    expect(stats).toHaveTextContent('Completion rate 50%');
    expect(stats).toHaveTextContent('Median time to close 3 days');
    expect(stats).toHaveTextContent('Overdue 1');
  });

  it('filters by priority, status and overdue, keeping each in the URL', async () => {
    renderAt();
    await waitFor(() => expect(rows()).toHaveLength(5));
    await user.click(screen.getByLabelText('P1'));
    expect(location()).toBe('?priority=P1');
    expect(titles()).toEqual(['Unowned dashboard', 'Done runbook']);
    await user.click(screen.getByLabelText('Open'));
    expect(location()).toBe('?priority=P1&status=open');
    expect(titles()).toEqual(['Unowned dashboard']);
    await user.click(screen.getByLabelText('P1'));
    await user.click(screen.getByLabelText('Overdue only'));
    expect(location()).toBe('?status=open&overdue=1');
    expect(titles()).toEqual(['Late canary']);
  });

  it('reads owner, service and range from a shared URL', async () => {
    renderAt('?days=30&owner=ann');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(list).toHaveBeenCalledWith({ from: NOW - 30 * DAY, to: NOW });
    expect(titles()).toEqual(['Late canary']);
  });

  it('selects unassigned items with an empty owner, within a service', async () => {
    renderAt('?owner=&service=search');
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(titles()).toEqual(['Unowned dashboard', 'Dropped idea']);
  });

  it('offers to clear filters that match nothing', async () => {
    renderAt('?owner=nobody');
    expect(await screen.findByText('No action items match these filters')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(location()).toBe('');
    expect(rows()).toHaveLength(5);
  });

  it('says when the range has no action items', async () => {
    list.mockResolvedValue({ postmortems: [postmortemOf([])], problems: [] });
    renderAt();
    expect(await screen.findByText('No action items in this range')).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.actionItems.stats)).not.toBeInTheDocument();
  });

  it('shows a load error with Retry, and what could not be read', async () => {
    list.mockRejectedValueOnce(new Error('annotations unavailable'));
    list.mockResolvedValueOnce({ postmortems: [checkout], problems: [{ message: 'event pme-9 is not valid JSON' }] });
    renderAt();
    expect(await screen.findByText('annotations unavailable')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByText('event pme-9 is not valid JSON')).toBeInTheDocument();
  });

  it('keeps markup in a title and a javascript: tracker link inert', async () => {
    const pm = postmortemOf([added('ai-x', { title: XSS, trackerUrl: 'javascript:alert(1)' })]);
    list.mockResolvedValue({ postmortems: [pm], problems: [] });
    renderAt();
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toHaveTextContent(XSS);
    expect(rows()[0].querySelector('img, script, a[href^="javascript"]')).toBeNull();
  });
});
