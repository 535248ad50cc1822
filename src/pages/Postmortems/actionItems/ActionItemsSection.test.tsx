// Combobox needs canvas text measuring and element sizes, which jsdom lacks.
import { giveElementsASize } from '../../../components/testing/jsdomPolyfills';
import React, { useState } from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import { setupUser } from '../../../components/testing/user';
import { testIds } from '../../../components/testIds';
import { appendPostmortemEvent, PostmortemSizeError } from '../../../api/postmortems';
import { searchOrgUsers } from '../../../api/users';
import { DEFAULT_POSTMORTEM_POLICY, defaultActionItemDue, type Postmortem } from '../../../domain/postmortem';
import { ev } from '../../../domain/postmortem/testing';
import { ActionItemsSection } from './ActionItemsSection';
import { DAY, T0, XSS, added, appendLike, postmortemOf } from './testing/fixtures';

jest.mock('../../../api/postmortems', () => ({
  ...jest.requireActual('../../../api/postmortems'),
  appendPostmortemEvent: jest.fn(),
}));
jest.mock('../../../api/users', () => ({ searchOrgUsers: jest.fn() }));

const user = setupUser();
const append = jest.mocked(appendPostmortemEvent);
const NOW = T0 + 10 * DAY;
const policy = DEFAULT_POSTMORTEM_POLICY;

/** The section as a page uses it: it keeps the postmortem onChange gives back. */
function Harness({ initial, readOnly = false }: { initial: Postmortem; readOnly?: boolean }) {
  const [pm, setPm] = useState(initial);
  return <ActionItemsSection postmortem={pm} policy={policy} readOnly={readOnly} onChange={setPm} />;
}
const rows = () => screen.queryAllByTestId(testIds.actionItems.row);
const sent = (i = 0) => append.mock.calls[i][1];

beforeAll(giveElementsASize);
beforeEach(() => {
  jest.clearAllMocks();
  // The owner picker's lookup is debounced with lodash, which waits for Date.now to move.
  const start = performance.now();
  jest.spyOn(Date, 'now').mockImplementation(() => NOW + Math.round(performance.now() - start));
  append.mockImplementation(appendLike('bob', () => NOW + 1000));
  jest.mocked(searchOrgUsers).mockResolvedValue({ users: [{ login: 'ann' }, { login: 'anna' }], available: true });
});
afterEach(() => {
  expect((window as unknown as { __xss?: number }).__xss).toBeUndefined();
});

describe('ActionItemsSection', () => {
  it('says there are none, then adds one due when the policy says for its priority', async () => {
    render(<Harness initial={postmortemOf([])} />);
    expect(screen.getByTestId(testIds.actionItems.empty)).toHaveTextContent('No action items yet.');
    await user.click(screen.getByRole('button', { name: 'Add action item' }));
    const form = screen.getByTestId(testIds.actionItems.form);
    // P2 by default: 90 days.
    expect(within(form).getByLabelText('Due date')).toHaveValue('2026-06-14');
    await user.type(within(form).getByLabelText('Title'), 'Alert on config push errors');
    await user.click(within(form).getByLabelText('Detect'));
    await user.click(within(form).getByLabelText('P0'));
    expect(within(form).getByLabelText('Due date')).toHaveValue('2026-03-23');
    await user.type(within(form).getByLabelText(/^Tracker link/), 'https://tracker.example.com/OPS-1');
    await user.click(within(form).getByRole('button', { name: 'Add action item' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(sent()).toEqual({
      type: 'action_item_added',
      itemId: expect.stringMatching(/^ai-/),
      item: {
        title: 'Alert on config push errors',
        type: 'detect',
        priority: 'P0',
        due: expect.any(Number),
        trackerUrl: 'https://tracker.example.com/OPS-1',
        status: 'open',
      },
    });
    // The default is taken when the form opens; the test clock has moved a few ms since NOW.
    const { due } = (sent() as { item: { due: number } }).item;
    expect(Math.abs(due - defaultActionItemDue('P0', NOW, policy, 'UTC'))).toBeLessThan(5000);
    expect(rows()[0]).toHaveTextContent('Alert on config push errors');
    expect(within(rows()[0]).getByRole('link', { name: /Tracker/ })).toHaveAttribute(
      'href',
      'https://tracker.example.com/OPS-1'
    );
    expect(screen.queryByTestId(testIds.actionItems.form)).not.toBeInTheDocument();
  });

  it('names each bad field, refuses a javascript: tracker link and sends nothing', async () => {
    render(<Harness initial={postmortemOf([])} />);
    await user.click(screen.getByRole('button', { name: 'Add action item' }));
    const form = screen.getByTestId(testIds.actionItems.form);
    await user.type(within(form).getByLabelText(/^Tracker link/), 'javascript:alert(1)');
    await user.click(within(form).getByRole('button', { name: 'Add action item' }));
    expect(within(form).getByText('Say what will be done')).toBeInTheDocument();
    expect(within(form).getByText('Tracker link must be an http(s) URL')).toBeInTheDocument();
    expect(append).not.toHaveBeenCalled();
  });

  it('assigns an owner picked from Grafana users', async () => {
    render(<Harness initial={postmortemOf([])} />);
    await user.click(screen.getByRole('button', { name: 'Add action item' }));
    const form = screen.getByTestId(testIds.actionItems.form);
    await user.type(within(form).getByLabelText('Title'), 'Runbook for failover');
    await user.type(within(form).getByRole('combobox', { name: 'Owner' }), 'ann');
    await user.click(await screen.findByRole('option', { name: 'anna' }));
    await user.click(within(form).getByRole('button', { name: 'Add action item' }));
    await waitFor(() => expect(append).toHaveBeenCalledTimes(1));
    expect(sent()).toMatchObject({ item: { owner: { login: 'anna' } } });
    expect(await screen.findByText('anna')).toBeInTheDocument();
  });

  it('edits only what changed, based on the revision it loaded; a picked due date stays', async () => {
    const pm = postmortemOf([added('ai-1', { title: 'Canary config pushes', due: T0 + 30 * DAY })]);
    render(<Harness initial={pm} />);
    await user.click(within(rows()[0]).getByRole('button', { name: 'Edit' }));
    const form = screen.getByTestId(testIds.actionItems.form);
    await user.click(within(form).getByLabelText('P0'));
    expect(within(form).getByLabelText('Due date')).toHaveValue('2026-04-05');
    await user.click(within(form).getByLabelText('In progress'));
    await user.click(within(form).getByRole('button', { name: 'Save action item' }));
    await waitFor(() => expect(append).toHaveBeenCalledTimes(1));
    expect(sent()).toEqual({
      type: 'action_item_updated',
      itemId: 'ai-1',
      baseRevision: 'ai-1',
      changes: { priority: 'P0', status: 'in_progress' },
    });
    expect(await within(rows()[0]).findByText('In progress')).toBeInTheDocument();
  });

  it("closes as done, and as won't do only with a reason", async () => {
    const pm = postmortemOf([added('ai-1', { title: 'First' }), added('ai-2', { title: 'Second' })]);
    render(<Harness initial={pm} />);
    await user.click(within(rows()[0]).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(sent()).toEqual({ type: 'action_item_closed', itemId: 'ai-1', status: 'done' }));
    expect(await within(rows()[0]).findByText('Done')).toBeInTheDocument();
    expect(within(rows()[0]).queryByRole('button', { name: 'Done' })).not.toBeInTheDocument();

    await user.click(within(rows()[1]).getByRole('button', { name: "Won't do" }));
    await user.click(screen.getByRole('button', { name: "Close as won't do" }));
    expect(screen.getByText("Say why it won't be done")).toBeInTheDocument();
    expect(append).toHaveBeenCalledTimes(1);
    await user.type(screen.getByLabelText(/Why won't “Second” be done/), 'Service is being retired');
    await user.click(screen.getByRole('button', { name: "Close as won't do" }));
    await waitFor(() => expect(append).toHaveBeenCalledTimes(2));
    expect(sent(1)).toEqual({
      type: 'action_item_closed',
      itemId: 'ai-2',
      status: 'wont_do',
      reason: 'Service is being retired',
    });
    expect(await within(rows()[1]).findByText("Won't do: Service is being retired")).toBeInTheDocument();
  });

  it('shows a conflict with both values and settles it with the one chosen', async () => {
    const owner = (login: string, id: string) =>
      ev(
        { type: 'action_item_updated', itemId: 'ai-1', baseRevision: 'ai-1', changes: { owner: { login } } },
        { author: login, id }
      );
    const pm = postmortemOf([added('ai-1'), owner('ann', 'pme-a'), owner('carl', 'pme-b')]);
    render(<Harness initial={pm} />);
    const conflict = screen.getByTestId(testIds.actionItems.conflict);
    expect(conflict).toHaveTextContent('Owner was changed by two people at once');
    expect(conflict).toHaveTextContent('carl set it to “carl” (shown); ann had set it to “ann”.');
    await user.click(within(conflict).getByRole('button', { name: 'Use “ann”' }));
    await waitFor(() => expect(append).toHaveBeenCalledTimes(1));
    expect(sent()).toEqual({
      type: 'action_item_updated',
      itemId: 'ai-1',
      baseRevision: 'pme-b',
      changes: { owner: { login: 'ann' } },
    });
    await waitFor(() => expect(screen.queryByTestId(testIds.actionItems.conflict)).not.toBeInTheDocument());
    expect(rows()[0]).toHaveTextContent('ann');
  });

  it('highlights overdue items only while they are open', () => {
    const pm = postmortemOf([
      added('ai-1', { title: 'Late', due: NOW - DAY }),
      added('ai-2', { title: 'Late but done', due: NOW - DAY, status: 'done' }),
      added('ai-3', { title: 'On time', due: NOW + DAY }),
    ]);
    render(<Harness initial={pm} />);
    expect(rows().map((r) => within(r).queryByText('Overdue') !== null)).toEqual([true, false, false]);
  });

  it('is read-only for someone who may not write annotations', () => {
    render(<Harness initial={postmortemOf([added('ai-1')])} readOnly />);
    expect(rows()).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Done' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add action item' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('shows why a write failed and keeps the form', async () => {
    append.mockRejectedValueOnce(new PostmortemSizeError('The event is 70 kB; Grafana stores at most 64 kB.'));
    render(<Harness initial={postmortemOf([])} />);
    await user.click(screen.getByRole('button', { name: 'Add action item' }));
    await user.type(screen.getByLabelText('Title'), 'Something');
    await user.click(
      within(screen.getByTestId(testIds.actionItems.form)).getByRole('button', { name: 'Add action item' })
    );
    expect(await screen.findByTestId(testIds.actionItems.error)).toHaveTextContent(
      'The event is 70 kB; Grafana stores at most 64 kB.'
    );
    expect(screen.getByLabelText('Title')).toHaveValue('Something');
    append.mockRejectedValueOnce(new Error('access denied'));
    await user.click(
      within(screen.getByTestId(testIds.actionItems.form)).getByRole('button', { name: 'Add action item' })
    );
    await waitFor(() =>
      expect(screen.getByTestId(testIds.actionItems.error)).toHaveTextContent('Not saved: access denied')
    );
  });

  it('keeps markup in a title and a javascript: tracker link inert', () => {
    // Stored by another client or an older version: the fold keeps it, the page must still be safe.
    const pm = postmortemOf([added('ai-1', { title: XSS, trackerUrl: 'javascript:alert(document.domain)' })]);
    render(<Harness initial={pm} />);
    const row = rows()[0];
    expect(row).toHaveTextContent(XSS);
    expect(row.querySelector('img, script')).toBeNull();
    expect(within(row).queryByRole('link')).toBeNull();
    expect(row.querySelector('a[href^="javascript"]')).toBeNull();
    expect(row).toHaveTextContent('javascript:alert(document.domain)');
  });
});
