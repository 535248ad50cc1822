import { foldPostmortem } from '../../../domain/postmortem';
import { ev, item, started } from '../../../domain/postmortem/testing';
import { openConflicts } from './itemConflicts';

const add = ev({ type: 'action_item_added', itemId: 'ai-1', item: item() });
const ownerBy = (login: string, base: string, id: string, at?: number) =>
  ev(
    { type: 'action_item_updated', itemId: 'ai-1', baseRevision: base, changes: { owner: { login } } },
    { author: login, id, ...(at !== undefined && { at }) }
  );

const fold = (events: Array<ReturnType<typeof ev>>) => {
  const pm = foldPostmortem(events).postmortem!;
  return { pm, item: pm.actionItems[0] };
};

describe('openConflicts', () => {
  it('is open after two people changed the same field from the same revision', () => {
    const { pm, item: i } = fold([started(), add, ownerBy('ann', 'ai-1', 'pme-a'), ownerBy('bob', 'ai-1', 'pme-b')]);
    expect(openConflicts(pm, i)).toEqual([
      expect.objectContaining({ field: 'owner', kept: expect.objectContaining({ value: { login: 'bob' } }) }),
    ]);
  });

  it('is settled by a later change of that field, and not by a change of another field', () => {
    const base = [started(), add, ownerBy('ann', 'ai-1', 'pme-a'), ownerBy('bob', 'ai-1', 'pme-b')];
    const other = ev({
      type: 'action_item_updated',
      itemId: 'ai-1',
      baseRevision: 'pme-b',
      changes: { priority: 'P0' },
    });
    const unsettled = fold([...base, other]);
    expect(openConflicts(unsettled.pm, unsettled.item)).toHaveLength(1);
    const settled = fold([...base, ownerBy('ann', 'pme-b', 'pme-c')]);
    expect(settled.item.conflicts).toHaveLength(1);
    expect(openConflicts(settled.pm, settled.item)).toEqual([]);
  });

  it('counts closing the item as a change of its status', () => {
    const statusBy = (login: string, status: 'in_progress' | 'open') =>
      ev({ type: 'action_item_updated', itemId: 'ai-1', baseRevision: 'ai-1', changes: { status } }, { author: login });
    const { pm, item: i } = fold([
      started(),
      add,
      statusBy('ann', 'in_progress'),
      statusBy('bob', 'open'),
      ev({ type: 'action_item_closed', itemId: 'ai-1', status: 'done' }),
    ]);
    expect(i.conflicts.map((c) => c.field)).toEqual(['status']);
    expect(openConflicts(pm, i)).toEqual([]);
  });
});
