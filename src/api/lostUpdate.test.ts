import { AsyncLocalStorage } from 'node:async_hooks';
import { of } from 'rxjs';
import type { BackendSrvRequest } from '@grafana/runtime';
import type { Slo } from '../domain/slo/model';
import { LostUpdateError, updateJsonData } from './pluginSettings';
import { readSlos, saveSlo } from './slos';

/**
 * Grafana's plugin settings at the HTTP layer, with a gate: each request waits until the test lets it through, so
 * the test decides how two writers' requests interleave. The store is last-write-wins, as Grafana's is.
 */
let stored: { enabled: boolean; pinned: boolean; jsonData: Record<string, unknown> };
const waiting: Array<{ who: string; method: string; go: () => void }> = [];
// Which writer sent a request: the async context follows each writer's awaits, as a browser tab would be its own.
const writer = new AsyncLocalStorage<string>();
const srv = {
  fetch: (options: BackendSrvRequest) => {
    const method = (options.method ?? 'GET').toUpperCase();
    const caller = writer.getStore() ?? '';
    return {
      // lastValueFrom subscribes once; answer when the gate opens, with the store as it is THEN.
      subscribe: (observer: { next: (v: unknown) => void; complete: () => void }) => {
        waiting.push({
          who: caller,
          method,
          go: () => {
            if (method === 'POST') {
              stored = JSON.parse(JSON.stringify(options.data));
            }
            of({ data: method === 'POST' ? { message: 'ok' } : JSON.parse(JSON.stringify(stored)), status: 200, ok: true }).subscribe(observer);
          },
        });
        return { unsubscribe: () => {} };
      },
    };
  },
};
jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getBackendSrv: () => srv }));

/** Lets the next waiting request of `name` through (its method must be `method`). */
async function step(name: string, method: string) {
  for (let i = 0; i < 50 && !waiting.some((w) => w.who === name); i++) {
    await new Promise((r) => setTimeout(r, 0));
  }
  const index = waiting.findIndex((w) => w.who === name);
  expect(waiting[index]?.method).toBe(method);
  const [request] = waiting.splice(index, 1);
  request.go();
  await new Promise((r) => setTimeout(r, 0));
}

function start<T>(name: string, run: () => Promise<T>): Promise<T | Error> {
  return writer.run(name, () => run().catch((e: Error) => e));
}

const slo = (id: string, name: string, revision = 1): Slo => ({
  id,
  name,
  service: 'svc',
  sli: { kind: 'ratio', bad: 'errors_total', total: 'requests_total' },
  objective: { target: 0.99 },
  window: { type: 'rolling', duration: '30d' },
  revision,
});

beforeEach(() => {
  waiting.length = 0;
  stored = { enabled: true, pinned: false, jsonData: { slos: [slo('a', 'A'), slo('b', 'B')] } };
});

describe('two admins saving at the same time (no compare-and-swap in Grafana)', () => {
  it('when the second POST overwrites the first, the first writer is told; neither change is lost silently', async () => {
    const alice = start('alice', () => saveSlo(slo('a', 'A by Alice'), 1));
    const bob = start('bob', () => saveSlo(slo('b', 'B by Bob'), 1));
    await step('alice', 'GET');
    await step('bob', 'GET'); // Bob reads before Alice writes: his jsonData has the old A.
    await step('alice', 'POST');
    await step('bob', 'POST'); // Last write wins: Alice's change is gone from the store.
    await step('alice', 'GET');
    await step('bob', 'GET');

    const [a, b] = await Promise.all([alice, bob]);
    expect(a).toBeInstanceOf(LostUpdateError);
    expect(b).toMatchObject({ id: 'b', name: 'B by Bob', revision: 2 });
    const names = readSlos(stored.jsonData).items.map((s) => s.name);
    expect(names).toEqual(['A', 'B by Bob']);

    // Alice's edit is still hers to re-apply: saving again from the same loaded revision stores both changes.
    const retry = start('alice', () => saveSlo(slo('a', 'A by Alice'), 1));
    await step('alice', 'GET');
    await step('alice', 'POST');
    await step('alice', 'GET');
    await expect(retry).resolves.toMatchObject({ name: 'A by Alice', revision: 2 });
    expect(readSlos(stored.jsonData).items.map((s) => s.name)).toEqual(['A by Alice', 'B by Bob']);
  });

  it('when the writes do not overlap, each re-reads first and both changes are kept', async () => {
    const alice = start('alice', () => saveSlo(slo('a', 'A by Alice'), 1));
    await step('alice', 'GET');
    await step('alice', 'POST');
    await step('alice', 'GET');
    const bob = start('bob', () => saveSlo(slo('b', 'B by Bob'), 1));
    await step('bob', 'GET');
    await step('bob', 'POST');
    await step('bob', 'GET');
    await expect(alice).resolves.toMatchObject({ revision: 2 });
    await expect(bob).resolves.toMatchObject({ revision: 2 });
    expect(readSlos(stored.jsonData).items.map((s) => s.name)).toEqual(['A by Alice', 'B by Bob']);
  });

  it('does not report a lost update when an unrelated change landed after ours', async () => {
    const alice = start('alice', () => saveSlo(slo('a', 'A by Alice'), 1));
    await step('alice', 'GET');
    await step('alice', 'POST');
    stored.jsonData = { ...stored.jsonData, settings: { lokiUid: 'other' } }; // someone's later, complete save
    await step('alice', 'GET');
    await expect(alice).resolves.toMatchObject({ name: 'A by Alice' });
  });

  it('checks the whole jsonData by default, whatever order Grafana gives the keys back in', async () => {
    const p = start('x', () => updateJsonData((c) => ({ z: 1, ...c, a: { y: 2, x: 1 } })));
    await step('x', 'GET');
    await step('x', 'POST');
    stored.jsonData = Object.fromEntries(Object.entries(stored.jsonData).reverse());
    await step('x', 'GET');
    await expect(p).resolves.toBeDefined();
  });
});
