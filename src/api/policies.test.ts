import { WORKBOOK_POLICY, type ErrorBudgetPolicy } from '../domain/policy/model';
import type { Slo } from '../domain/slo/model';
import { LostUpdateError } from './pluginSettings';
import { PolicyInUseError, deletePolicy, listPolicies, readPolicies, savePolicy } from './policies';
import { ConflictError, ValidationError, saveSlo } from './slos';
import { createFakeBackend, type RecordedRequest } from './testing/fakeBackend';
import type { AppJsonData } from './types';

type Stored = {
  enabled: boolean;
  pinned: boolean;
  jsonData: { slos?: unknown[]; policies?: unknown[]; settings?: object };
};
let stored: Stored;
/** When set, replaces the store right after our POST: another admin's save landing on top of ours. */
let overwriteAfterPost: ((s: Stored) => Stored) | undefined;
const backend = createFakeBackend((req: RecordedRequest) => {
  if (req.method === 'POST') {
    stored = req.body as Stored;
    if (overwriteAfterPost) {
      stored = overwriteAfterPost(stored);
    }
    return { data: { message: 'Plugin settings updated' } };
  }
  return { data: JSON.parse(JSON.stringify(stored)) };
});

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
}));

const policy = (id: string, revision?: number): ErrorBudgetPolicy => ({
  ...WORKBOOK_POLICY,
  id,
  name: `Policy ${id}`,
  ...(revision !== undefined ? { revision } : {}),
});

const slo = (id: string, policyId?: string): Slo => ({
  id,
  name: id,
  service: 'checkout',
  sli: { kind: 'ratio', bad: 'errors_total', total: 'requests_total' },
  objective: { target: 0.999 },
  window: { type: 'rolling', duration: '30d' },
  ...(policyId ? { policy: policyId } : {}),
});

const posts = () => backend.requests.filter((r) => r.method === 'POST');

beforeEach(() => {
  backend.requests.length = 0;
  overwriteAfterPost = undefined;
  stored = {
    enabled: true,
    pinned: false,
    jsonData: { settings: { lokiUid: 'loki' }, slos: [slo('a', 'strict'), slo('b')], policies: [policy('strict', 2)] },
  };
});

describe('policy storage in plugin settings', () => {
  it('lists the valid policies and reports a broken one with field and reason', async () => {
    await expect(listPolicies()).resolves.toEqual([policy('strict', 2)]);
    const read = readPolicies({ policies: [policy('ok'), { ...policy('bad'), atRiskBelow: 2 }] });
    expect(read.items.map((p) => p.id)).toEqual(['ok']);
    expect(read.broken[0]).toMatchObject({
      id: 'bad',
      problems: [expect.objectContaining({ path: 'policies[1].atRiskBelow' })],
    });
  });

  it('creates a policy at revision 1 and keeps the SLOs, settings and `enabled`', async () => {
    await savePolicy(policy('lenient'), undefined);
    expect(stored.enabled).toBe(true);
    expect(stored.jsonData.settings).toEqual({ lokiUid: 'loki' });
    expect(stored.jsonData.slos).toHaveLength(2);
    expect(readPolicies(stored.jsonData as AppJsonData).items.map((p) => [p.id, p.revision])).toEqual([
      ['strict', 2],
      ['lenient', 1],
    ]);
  });

  it('updates a policy when its revision matches and bumps the revision', async () => {
    const saved = await savePolicy({ ...policy('strict', 2), atRiskBelow: 0.5 }, 2);
    expect(saved.revision).toBe(3);
    expect(stored.jsonData.policies?.[0]).toMatchObject({ id: 'strict', atRiskBelow: 0.5, revision: 3 });
  });

  it('refuses a save from a stale editor, and a taken id, writing nothing', async () => {
    await expect(savePolicy(policy('strict'), 1)).rejects.toThrow(/changed by someone else.*revision 1 → 2/);
    await expect(savePolicy(policy('strict'), undefined)).rejects.toThrow(ConflictError);
    await expect(savePolicy(policy('gone'), 1)).rejects.toThrow(/deleted by someone else/);
    expect(posts()).toEqual([]);
  });

  it('refuses an invalid policy with field-level problems and sends nothing', async () => {
    const error = await savePolicy({ ...policy('x'), exhaustedAtOrBelow: 0.5, atRiskBelow: 0.25 }, undefined).catch(
      (e) => e
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems.map((p) => p.path)).toEqual(['policy.atRiskBelow']);
    expect(backend.requests).toEqual([]);
  });

  it('stores a customised `workbook` policy that overrides the built-in default', async () => {
    await savePolicy({ ...WORKBOOK_POLICY, atRiskBelow: 0.4 }, undefined);
    expect(readPolicies(stored.jsonData as AppJsonData).items.find((p) => p.id === 'workbook')).toMatchObject({
      atRiskBelow: 0.4,
      revision: 1,
    });
  });

  it('reports a lost update when another save replaced ours, and says the edit is not stored', async () => {
    overwriteAfterPost = (s) => ({ ...s, jsonData: { ...s.jsonData, policies: [policy('strict', 2)] } });
    const error = await savePolicy({ ...policy('strict', 2), name: 'mine' }, 2).catch((e) => e);
    expect(error).toBeInstanceOf(LostUpdateError);
    expect((error as LostUpdateError).stored.policies).toEqual([policy('strict', 2)]);
  });

  it('deletes only when the revision matches', async () => {
    stored.jsonData.slos = [];
    await expect(deletePolicy('strict', 1)).rejects.toThrow(ConflictError);
    await deletePolicy('strict', 2);
    expect(stored.jsonData.policies).toEqual([]);
  });

  it('refuses to delete a policy SLOs still use, naming them, and writes nothing', async () => {
    const error = await deletePolicy('strict', 2).catch((e) => e);
    expect(error).toBeInstanceOf(PolicyInUseError);
    expect((error as PolicyInUseError).sloIds).toEqual(['a']);
    expect((error as Error).message).toMatch(/used by SLO "a"/);
    expect(posts()).toEqual([]);
  });

  it('deletes a customised workbook policy even though SLOs follow the default', async () => {
    stored.jsonData.policies = [{ ...WORKBOOK_POLICY, revision: 1 }];
    stored.jsonData.slos = [slo('b'), slo('c', 'workbook')];
    await deletePolicy('workbook', 1);
    expect(stored.jsonData.policies).toEqual([]);
  });

  it('reports a lost delete when another save put the policy back', async () => {
    stored.jsonData.slos = [];
    overwriteAfterPost = (s) => ({ ...s, jsonData: { ...s.jsonData, policies: [policy('strict', 2)] } });
    await expect(deletePolicy('strict', 2)).rejects.toThrow(LostUpdateError);
  });
});

describe('SLOs name a policy', () => {
  it('refuses to save an SLO whose policy does not exist, naming `policy`, and sends nothing', async () => {
    const error = await saveSlo(slo('c', 'nope'), undefined).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems).toEqual([
      { path: 'slo.policy', message: expect.stringMatching(/no policy "nope" \(known: strict, workbook\)/) },
    ]);
    expect(posts()).toEqual([]);
  });

  it('does not count a broken stored policy as existing', async () => {
    stored.jsonData.policies = [{ ...policy('broken'), atRiskBelow: 7 }];
    await expect(saveSlo(slo('c', 'broken'), undefined)).rejects.toThrow(/slo.policy: no policy "broken"/);
  });

  it('saves an SLO naming a stored policy or the built-in workbook one', async () => {
    await saveSlo(slo('c', 'strict'), undefined);
    await saveSlo(slo('d', 'workbook'), undefined);
    expect(stored.jsonData.slos?.map((s) => (s as Slo).policy)).toEqual(['strict', undefined, 'strict', 'workbook']);
  });
});
