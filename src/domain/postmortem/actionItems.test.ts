import {
  completionRate,
  filterActionItems,
  isOverdue,
  medianTimeToClose,
  trackedItems,
  validateActionItemFields,
} from './actionItems';
import { foldPostmortem } from './fold';
import { ev, item, prefill, T0 } from './testing';

const DAY = 86_400_000;

const pmWith = (incidentId: string, services: string[], events: Array<ReturnType<typeof ev>>) =>
  foldPostmortem([
    ev({ type: 'started', prefill: prefill({ services, title: `Incident ${incidentId}` }) }, { incidentId, at: T0 }),
    ...events.map((e) => ({ ...e, incidentId })),
  ]).postmortem!;

const add = (itemId: string, over: Parameters<typeof item>[0], at = T0 + 1000) =>
  ev({ type: 'action_item_added', itemId, item: item(over) }, { at });
const close = (itemId: string, at: number, status: 'done' | 'wont_do' = 'done') =>
  ev({ type: 'action_item_closed', itemId, status, ...(status === 'wont_do' && { reason: 'Retired' }) }, { at });

const items = trackedItems([
  pmWith(
    'INC-1',
    ['Checkout', 'payments'],
    [
      add('a', { priority: 'P0', owner: { login: 'bob' }, due: T0 + 7 * DAY }),
      add('b', { priority: 'P1', due: T0 + 2 * DAY }),
      close('b', T0 + 1000 + 3 * DAY),
    ]
  ),
  pmWith(
    'INC-2',
    ['search'],
    [
      add('c', { priority: 'P2', owner: { login: 'carol' }, due: T0 + DAY, status: 'in_progress' }),
      add('d', { priority: 'P3', owner: { login: 'bob' }, due: T0 + 90 * DAY }),
      close('d', T0 + 1000 + DAY),
      add('e', { priority: 'P3', due: T0 + DAY }),
      close('e', T0 + 2000, 'wont_do'),
    ]
  ),
]);

const ids = (list: ReadonlyArray<{ id: string }>) => list.map((i) => i.id);

describe('action items across postmortems', () => {
  it('carries the incident and its services with every item', () => {
    expect(items.map((i) => [i.id, i.incidentId, i.incidentTitle])).toEqual([
      ['a', 'INC-1', 'Incident INC-1'],
      ['b', 'INC-1', 'Incident INC-1'],
      ['c', 'INC-2', 'Incident INC-2'],
      ['d', 'INC-2', 'Incident INC-2'],
      ['e', 'INC-2', 'Incident INC-2'],
    ]);
    expect(items[0].services).toEqual(['Checkout', 'payments']);
  });

  it('filters by owner (empty: unassigned), service, priority, status and overdue, combined', () => {
    const now = T0 + 3 * DAY;
    expect(ids(filterActionItems(items, { owner: 'bob' }, now))).toEqual(['a', 'd']);
    expect(ids(filterActionItems(items, { owner: '' }, now))).toEqual(['b', 'e']);
    expect(ids(filterActionItems(items, { service: 'checkout' }, now))).toEqual(['a', 'b']);
    expect(ids(filterActionItems(items, { priorities: ['P0', 'P2'] }, now))).toEqual(['a', 'c']);
    expect(ids(filterActionItems(items, { statuses: ['done', 'wont_do'] }, now))).toEqual(['b', 'd', 'e']);
    // b was closed after its due date and e is won't do: neither is overdue; only c is still open past due.
    expect(ids(filterActionItems(items, { overdue: true }, now))).toEqual(['c']);
    expect(ids(filterActionItems(items, { overdue: true, owner: 'bob' }, now))).toEqual([]);
    expect(ids(filterActionItems(items, { priorities: [], statuses: [] }, now))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('is overdue only while open past the due date', () => {
    const c = items.find((i) => i.id === 'c')!;
    expect(isOverdue(c, c.due)).toBe(false);
    expect(isOverdue(c, c.due + 1)).toBe(true);
  });

  it('computes the completion rate leaving won’t-do items out', () => {
    expect(completionRate(items)).toBe(2 / 4);
    expect(completionRate([])).toBeUndefined();
    expect(completionRate(items.filter((i) => i.id === 'e'))).toBeUndefined();
  });

  it('computes the median time to close over done items', () => {
    expect(medianTimeToClose(items)).toBe((3 * DAY + DAY) / 2);
    expect(medianTimeToClose(items.filter((i) => i.id !== 'd'))).toBe(3 * DAY);
    expect(medianTimeToClose(items.filter((i) => i.status !== 'done'))).toBeUndefined();
  });

  it('validates an item before saving, naming each field', () => {
    expect(validateActionItemFields(item())).toEqual([]);
    expect(
      validateActionItemFields(
        item({
          title: ' ',
          trackerUrl: 'javascript:alert(1)',
          status: 'wont_do',
          due: Number.NaN,
          owner: { login: '' },
        })
      )
    ).toEqual([
      { field: 'title', message: 'Say what will be done' },
      { field: 'due', message: 'must be a date' },
      { field: 'owner', message: 'must be a Grafana user' },
      { field: 'trackerUrl', message: 'must be an http(s) URL' },
      { field: 'wontDoReason', message: "Say why it won't be done" },
    ]);
    expect(validateActionItemFields(item({ trackerUrl: '/relative' }))).toEqual([
      { field: 'trackerUrl', message: 'must be an http(s) URL' },
    ]);
  });
});
