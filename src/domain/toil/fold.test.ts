import { toilEntryAnnotation, toilEventAnnotation, newToilId, parseToilEvent, parseToilRecord } from './annotations';
import { estimateKey, foldToil } from './fold';
import type { ToilEvent } from './model';
import { storedEntry, storedEvent, T0, toilFields } from './testing';

const ID = 'toil-abc-12345678';
const edit = (id: string, at: number, basedOn: string, changes: object, by = 'bob'): ToilEvent =>
  ({ kind: 'toil_edited', id, entryId: ID, at, by, basedOn, changes }) as ToilEvent;
const del = (id: string, at: number, basedOn: string, by = 'carol'): ToilEvent => ({
  kind: 'toil_deleted',
  id,
  entryId: ID,
  at,
  by,
  basedOn,
});

describe('toil annotations', () => {
  it('tags the entry region for dashboards and escapes the text Grafana renders as HTML', () => {
    const body = toilEntryAnnotation({
      kind: 'toil_entry',
      id: ID,
      loggedBy: 'alice',
      fields: toilFields({ task: '<img src=x onerror=alert(1)>', team: 'Pay, ments' }),
    });
    expect(body.tags).toEqual(['sre-toil', 'team:Pay ments', `toil:${ID}`]);
    expect(body.text).not.toContain('<img');
    expect(body.text).toContain('&lt;img');
    expect(body.timeEnd! - body.time).toBe(30 * 60_000);
  });

  it('reads back what it writes, and names what is wrong in foreign data', () => {
    const record = { kind: 'toil_entry' as const, id: ID, loggedBy: 'alice', fields: toilFields({ note: 'n' }) };
    expect(parseToilRecord(toilEntryAnnotation(record).data)).toEqual(record);
    expect(parseToilRecord({ ...record, fields: { ...record.fields, durationMinutes: -1 } })).toBe(
      'data.fields.durationMinutes must be a number above 0'
    );
    expect(parseToilRecord({ ...record, id: 'x' })).toBe('data.id is not a toil entry id');
    const ev = edit('tev-1', T0, ID, { task: 'x' });
    expect(parseToilEvent(toilEventAnnotation(ev).data)).toEqual(ev);
    expect(parseToilEvent({ ...ev, changes: {} })).toBe('data.changes is empty');
    expect(parseToilEvent({ ...ev, changes: { kind: 'nap' } })).toMatch(/^data\.changes\.kind must be one of/);
  });

  it('makes ids the record parser accepts', () => {
    const id = newToilId(T0, () => 0.5);
    expect(parseToilRecord({ kind: 'toil_entry', id, loggedBy: 'a', fields: toilFields() })).not.toEqual(
      expect.any(String)
    );
  });
});

describe('foldToil', () => {
  it('applies edits in time order whatever order they were read in, counting a retried append once', () => {
    const events = [
      storedEvent(edit('tev-2', T0 + 2000, 'tev-1', { durationMinutes: 50 })),
      storedEvent(edit('tev-1', T0 + 1000, ID, { task: 'Restart payments pods' })),
      storedEvent(edit('tev-2', T0 + 2000, 'tev-1', { durationMinutes: 50 })),
    ];
    const { entries, problems } = foldToil([storedEntry(ID)], events);
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      task: 'Restart payments pods',
      durationMinutes: 50,
      revision: 'tev-2',
      taskKey: 'restart payment pod',
      conflicts: [],
    });
    const reversed = foldToil([storedEntry(ID)], [...events].reverse());
    expect(reversed.entries[0]).toMatchObject({ task: 'Restart payments pods', durationMinutes: 50 });
  });

  it('keeps both edits made at once to different fields', () => {
    const { entries } = foldToil(
      [storedEntry(ID)],
      [
        storedEvent(edit('tev-a', T0 + 1000, ID, { durationMinutes: 40 }, 'bob')),
        storedEvent(edit('tev-b', T0 + 1001, ID, { note: 'pager woke me' }, 'carol')),
      ]
    );
    expect(entries[0]).toMatchObject({ durationMinutes: 40, note: 'pager woke me', conflicts: [] });
  });

  it('shows the later of two edits made at once to one field and keeps the other as a conflict', () => {
    const { entries } = foldToil(
      [storedEntry(ID)],
      [
        storedEvent(edit('tev-a', T0 + 1000, ID, { task: 'Restart pod' }, 'bob')),
        storedEvent(edit('tev-b', T0 + 1001, ID, { task: 'Restart payments' }, 'carol')),
      ]
    );
    expect(entries[0].task).toBe('Restart payments');
    expect(entries[0].conflicts).toEqual([
      {
        field: 'task',
        kept: { by: 'carol', at: T0 + 1001, value: 'Restart payments' },
        overwritten: { by: 'bob', at: T0 + 1000, value: 'Restart pod' },
      },
    ]);
  });

  it('does not call a sequential edit of the same field a conflict', () => {
    const { entries } = foldToil(
      [storedEntry(ID)],
      [
        storedEvent(edit('tev-a', T0 + 1000, ID, { task: 'one' })),
        storedEvent(edit('tev-b', T0 + 2000, 'tev-a', { task: 'two' })),
      ]
    );
    expect(entries[0]).toMatchObject({ task: 'two', conflicts: [] });
  });

  it('deletes an entry deleted from its current revision', () => {
    const { entries } = foldToil([storedEntry(ID)], [storedEvent(del('tev-d', T0 + 1000, ID))]);
    expect(entries).toEqual([]);
  });

  it('keeps an entry deleted by someone who had not seen a later edit, and says so', () => {
    const { entries, problems } = foldToil(
      [storedEntry(ID)],
      [
        storedEvent(edit('tev-a', T0 + 1000, ID, { durationMinutes: 90 }, 'bob')),
        storedEvent(del('tev-d', T0 + 2000, ID, 'carol')),
      ]
    );
    expect(entries[0]).toMatchObject({ durationMinutes: 90, staleDelete: { by: 'carol', at: T0 + 2000 } });
    expect(problems[0].message).toContain('carol deleted entry');
  });

  it('skips and names broken annotations, folding the rest', () => {
    const { entries, problems } = foldToil(
      [{ id: 7, data: { kind: 'toil_entry', id: ID } }, storedEntry('toil-abc-87654321')],
      [{ id: 8, data: 'garbage' }]
    );
    expect(entries.map((e) => e.id)).toEqual(['toil-abc-87654321']);
    expect(problems.map((p) => p.message)).toEqual([
      'toil annotation 7 is skipped: data.loggedBy must be a non-empty string',
      'toil event annotation 8 is skipped: data.kind is not a toil event',
    ]);
  });

  it('reports a second region of one entry (a retried write) and keeps the first', () => {
    const first = storedEntry(ID, { durationMinutes: 30 });
    const second = storedEntry(ID, { durationMinutes: 45 });
    const { entries, problems } = foldToil([first, second], []);
    expect(entries.map((e) => [e.id, e.durationMinutes, e.annotationId])).toEqual([[ID, 30, first.id]]);
    expect(problems).toEqual([{ entryId: ID, message: `toil ${ID} has two regions; kept annotation ${first.id}` }]);
  });

  it('keeps the latest automation estimate per team and task', () => {
    const est = (id: string, at: number, effortHours: number, team = 'Payments'): ToilEvent => ({
      kind: 'toil_estimate',
      id,
      at,
      by: 'bob',
      team,
      taskKey: 'restart payment pod',
      effortHours,
    });
    const { estimates } = foldToil(
      [],
      [storedEvent(est('e2', T0 + 2, 16)), storedEvent(est('e1', T0 + 1, 40)), storedEvent(est('e3', T0, 8, 'Web'))]
    );
    expect(estimates.get(estimateKey('payments', 'restart payment pod'))?.effortHours).toBe(16);
    expect(estimates.get(estimateKey('Web', 'restart payment pod'))?.effortHours).toBe(8);
  });

  it('lists entries newest first', () => {
    const { entries } = foldToil(
      [storedEntry('toil-a-00000001', { at: T0 }), storedEntry('toil-a-00000002', { at: T0 + 5000 })],
      []
    );
    expect(entries.map((e) => e.id)).toEqual(['toil-a-00000002', 'toil-a-00000001']);
  });
});
