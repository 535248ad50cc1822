import { config } from '@grafana/runtime';
import { checkRequest } from '../../tests/contract/openapi';
import { NO_TRAITS, type ToilFields, toilEntryAnnotation } from '../domain/toil';
import {
  TOIL_LIMIT,
  ToilConflictError,
  ToilValidationError,
  deleteToil,
  editToil,
  listToil,
  logToil,
  logToilBatch,
  setAutomationEstimate,
} from './toil';
import { createAnnotationStore } from './testing/annotationStore';
import { createFakeBackend, type RecordedRequest } from './testing/fakeBackend';

let store = createAnnotationStore();
let responder: (req: RecordedRequest) => { status?: number; data: unknown } = (req) => store.respond(req);
const backend = createFakeBackend((req) => responder(req));

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
}));

const NOW = Date.UTC(2026, 11, 5, 12);
const QUARTER = { from: Date.UTC(2026, 9, 1), to: Date.UTC(2027, 0, 1) };
const fields = (over: Partial<ToilFields> = {}): ToilFields => ({
  task: 'Restart payments pod',
  team: 'Payments',
  who: 'alice',
  at: NOW - 2 * 3_600_000,
  durationMinutes: 30,
  kind: 'manual_operation',
  traits: { ...NO_TRAITS, manual: true, automatable: true },
  ...over,
});
const as = (login: string) => {
  config.bootData.user = { ...config.bootData.user, login };
};

beforeEach(() => {
  store = createAnnotationStore();
  responder = (req) => store.respond(req);
  backend.requests.length = 0;
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  as('alice');
});

afterEach(() => {
  for (const req of backend.requests) {
    expect(checkRequest({ method: req.method, url: req.url, body: req.body, params: req.params })).toEqual([]);
  }
});

describe('logToil and listToil', () => {
  it('stores an entry as a region tagged for dashboards and reads it back', async () => {
    const id = await logToil(fields({ task: '  Restart payments pod  ', note: '' }));
    expect(store.items).toHaveLength(1);
    expect(store.items[0]).toMatchObject({
      time: NOW - 2 * 3_600_000,
      timeEnd: NOW - 2 * 3_600_000 + 30 * 60_000,
      tags: ['sre-toil', 'team:Payments', `toil:${id}`],
    });
    const { entries, problems } = await listToil(QUARTER);
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      expect.objectContaining({ id, task: 'Restart payments pod', loggedBy: 'alice', taskKey: 'restart payment pod' }),
    ]);
    expect(entries[0].note).toBeUndefined();
  });

  it('refuses invalid input naming the fields, and sends nothing', async () => {
    await expect(logToil(fields({ task: '', durationMinutes: 0 }))).rejects.toEqual(
      expect.objectContaining({
        problems: [
          { field: 'task', message: 'Say what the work was' },
          { field: 'durationMinutes', message: 'must be more than 0 minutes' },
        ],
      })
    );
    expect(backend.requests).toEqual([]);
  });

  it('reads a range with three requests whatever the number of entries', async () => {
    for (let i = 0; i < 40; i++) {
      await logToil(fields({ at: NOW - (i + 1) * 3_600_000 }));
    }
    await setAutomationEstimate('Payments', 'restart payment pod', 8);
    backend.requests.length = 0;
    const { entries, estimates } = await listToil(QUARTER);
    expect(entries).toHaveLength(40);
    expect(estimates.size).toBe(1);
    expect(backend.requests.map((r) => [r.method, r.params?.tags])).toEqual([
      ['GET', ['sre-toil']],
      ['GET', ['sre-toil-event']],
      ['GET', ['sre-toil-estimate']],
    ]);
    expect(backend.requests[0].params?.limit).toBe(TOIL_LIMIT + 1);
  });

  it('says when the range holds more entries than it reads', async () => {
    responder = (req) =>
      req.params?.tags && (req.params.tags as string[])[0] === 'sre-toil'
        ? {
            data: Array.from({ length: TOIL_LIMIT + 1 }, (_, i) => ({
              id: i + 1,
              ...toilEntryAnnotation({
                kind: 'toil_entry',
                id: `toil-x-${String(i).padStart(8, '0')}`,
                loggedBy: 'a',
                fields: fields(),
              }),
            })),
          }
        : { data: [] };
    const { entries, problems } = await listToil(QUARTER);
    expect(entries).toHaveLength(TOIL_LIMIT);
    expect(problems).toEqual([{ message: `only ${TOIL_LIMIT} toil entries of this range are read; narrow the range` }]);
  });

  it('logs a batch one request at a time, reporting bad rows without stopping', async () => {
    const progress: number[] = [];
    const result = await logToilBatch([fields(), fields({ who: '' }), fields({ task: 'Rotate certs' })], (n) =>
      progress.push(n)
    );
    expect(result).toEqual({ logged: 2, failed: [{ index: 1, message: 'who: Say who did the work' }] });
    expect(progress).toEqual([1, 2, 3]);
    expect(store.items).toHaveLength(2);
  });
});

describe('editing and deleting never lose someone else’s change', () => {
  it('keeps both when two people change different fields of the same version', async () => {
    await logToil(fields());
    const [seenByBob] = (await listToil(QUARTER)).entries;
    const [seenByCarol] = (await listToil(QUARTER)).entries;
    as('bob');
    await editToil(seenByBob, { durationMinutes: 45 });
    as('carol');
    await editToil(seenByCarol, { note: 'paged twice' });
    const [entry] = (await listToil(QUARTER)).entries;
    expect(entry).toMatchObject({ durationMinutes: 45, note: 'paged twice', conflicts: [] });
    // The region follows the new duration so dashboards draw it right.
    expect(store.items[0].timeEnd - store.items[0].time).toBe(45 * 60_000);
  });

  it('refuses the second change of the same field with both values, sending nothing', async () => {
    await logToil(fields());
    const [seenByBob] = (await listToil(QUARTER)).entries;
    const [seenByCarol] = (await listToil(QUARTER)).entries;
    as('bob');
    await editToil(seenByBob, { task: 'Restart payments pod (OOM)' });
    as('carol');
    const posted = store.items.length;
    const error = await editToil(seenByCarol, { task: 'Restart payment pods' }).catch((e) => e);
    expect(error).toBeInstanceOf(ToilConflictError);
    expect(error.conflicts).toEqual([
      expect.objectContaining({
        field: 'task',
        kept: expect.objectContaining({ value: 'Restart payments pod (OOM)' }),
        overwritten: expect.objectContaining({ value: 'Restart payment pods', by: 'carol' }),
      }),
    ]);
    expect(store.items).toHaveLength(posted);
    // Re-applied on top of the current version, it goes through.
    await editToil(error.current, { task: 'Restart payment pods' });
    expect((await listToil(QUARTER)).entries[0].task).toBe('Restart payment pods');
  });

  it('refuses to delete a version someone else has changed since', async () => {
    await logToil(fields());
    const [seenByBob] = (await listToil(QUARTER)).entries;
    const [seenByCarol] = (await listToil(QUARTER)).entries;
    as('bob');
    await editToil(seenByBob, { durationMinutes: 90 });
    as('carol');
    await expect(deleteToil(seenByCarol)).rejects.toBeInstanceOf(ToilConflictError);
    expect((await listToil(QUARTER)).entries).toHaveLength(1);
    await deleteToil((await listToil(QUARTER)).entries[0]);
    expect((await listToil(QUARTER)).entries).toEqual([]);
  });

  it('says an entry deleted meanwhile was deleted', async () => {
    await logToil(fields());
    const [seen] = (await listToil(QUARTER)).entries;
    await deleteToil(seen);
    const error = await editToil(seen, { note: 'x' }).catch((e) => e);
    expect(error).toBeInstanceOf(ToilConflictError);
    expect(error.deleted).toBe(true);
  });

  it('validates the edited entry', async () => {
    await logToil(fields());
    const [seen] = (await listToil(QUARTER)).entries;
    await expect(editToil(seen, { link: 'javascript:alert(1)' })).rejects.toBeInstanceOf(ToilValidationError);
  });

  it('lists an entry whose start an edit moved out of the range no more', async () => {
    await logToil(fields());
    const [seen] = (await listToil(QUARTER)).entries;
    await editToil(seen, { at: Date.UTC(2026, 8, 30) });
    expect((await listToil(QUARTER)).entries).toEqual([]);
  });
});

describe('setAutomationEstimate', () => {
  it('keeps the latest estimate per team and task', async () => {
    await setAutomationEstimate('Payments', 'restart payment pod', 40);
    jest.spyOn(Date, 'now').mockReturnValue(NOW + 1000);
    await setAutomationEstimate('Payments', 'restart payment pod', 16);
    const { estimates } = await listToil(QUARTER);
    expect([...estimates.values()].map((e) => e.effortHours)).toEqual([16]);
  });

  it('refuses a non-positive effort', async () => {
    await expect(setAutomationEstimate('Payments', 'x', 0)).rejects.toBeInstanceOf(ToilValidationError);
  });
});
