import { WORKBOOK_POLICY_ID, type ErrorBudgetPolicy } from '../domain/policy/model';
import { validatePolicy } from '../domain/policy/validate';
import { getPluginSettings, sameJson, updateJsonData } from './pluginSettings';
import { ConflictError, ValidationError } from './slos';
import { readStoredList, type StoredList } from './storedItems';
import type { AppJsonData } from './types';

/** The policy is still named by SLOs; nothing was deleted. `sloIds` are the SLOs to move first. */
export class PolicyInUseError extends Error {
  constructor(
    readonly policyId: string,
    readonly sloIds: string[]
  ) {
    super(
      `Policy "${policyId}" is used by ${sloIds.length === 1 ? 'SLO' : 'SLOs'} ${sloIds.map((id) => `"${id}"`).join(', ')}: give them another policy first.`
    );
    this.name = 'PolicyInUseError';
  }
}

/** The stored policies of a jsonData, validated one by one: broken ones are reported, never used. */
export function readPolicies(jsonData: AppJsonData | undefined): StoredList<ErrorBudgetPolicy> {
  return readStoredList<ErrorBudgetPolicy>(jsonData?.policies, 'policies', validatePolicy);
}

/** The valid policies stored in the app's plugin settings (`jsonData.policies`). */
export async function listPolicies(): Promise<ErrorBudgetPolicy[]> {
  return readPolicies((await getPluginSettings()).jsonData).items;
}

const storedEntries = (current: AppJsonData): unknown[] => (Array.isArray(current.policies) ? current.policies : []);
const idOf = (entry: unknown): unknown =>
  entry && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
const revisionOf = (entry: unknown): number => {
  const revision = (entry as { revision?: unknown }).revision;
  return typeof revision === 'number' ? revision : 0;
};

/**
 * Saves one policy, as saveSlo saves an SLO: `loadedRevision` undefined creates it (a taken id is a conflict),
 * otherwise the stored revision must still be the loaded one. The write is read back; a LostUpdateError says when
 * another save replaced it. Saving id `workbook` stores a customised default that overrides the built-in one.
 */
export async function savePolicy(
  policy: ErrorBudgetPolicy,
  loadedRevision: number | undefined
): Promise<ErrorBudgetPolicy> {
  const problems = validatePolicy(policy, 'policy');
  if (problems.length > 0) {
    throw new ValidationError(problems);
  }
  let saved: ErrorBudgetPolicy = policy;
  await updateJsonData(
    (current) => {
      const policies = storedEntries(current);
      const index = policies.findIndex((p) => idOf(p) === policy.id);
      if (loadedRevision === undefined) {
        if (index >= 0) {
          throw new ConflictError(`A policy with id "${policy.id}" already exists. Choose another id.`);
        }
        saved = { ...policy, revision: 1 };
        return { ...current, policies: [...policies, saved] as ErrorBudgetPolicy[] };
      }
      if (index < 0) {
        throw new ConflictError(`Policy "${policy.id}" was deleted by someone else since you opened it.`);
      }
      const storedRevision = revisionOf(policies[index]);
      if (storedRevision !== loadedRevision) {
        throw new ConflictError(
          `Policy "${policy.id}" was changed by someone else since you opened it (revision ${loadedRevision} → ${storedRevision}). Reload to see their change.`
        );
      }
      saved = { ...policy, revision: storedRevision + 1 };
      return { ...current, policies: policies.map((p, i) => (i === index ? saved : p)) as ErrorBudgetPolicy[] };
    },
    {
      verify: (stored) =>
        sameJson(
          storedEntries(stored).find((p) => idOf(p) === policy.id),
          saved
        ),
    }
  );
  return saved;
}

/** Ids of the stored SLOs (valid or not) that name `policyId`. */
function sloIdsUsing(current: AppJsonData, policyId: string): string[] {
  const slos: unknown[] = Array.isArray(current.slos) ? current.slos : [];
  return slos.flatMap((s, i) => {
    if (!s || typeof s !== 'object' || (s as { policy?: unknown }).policy !== policyId) {
      return [];
    }
    const sloId = idOf(s);
    return [typeof sloId === 'string' ? sloId : `slos[${i}]`];
  });
}

/**
 * Deletes one policy, refusing if it changed since it was loaded or if SLOs still name it (PolicyInUseError lists
 * them). Deleting the stored `workbook` policy brings back the built-in default, so SLOs using it are no obstacle.
 */
export async function deletePolicy(id: string, loadedRevision: number | undefined): Promise<void> {
  await updateJsonData(
    (current) => {
      const policies = storedEntries(current);
      const stored = policies.find((p) => idOf(p) === id);
      if (!stored) {
        throw new ConflictError(`Policy "${id}" no longer exists.`);
      }
      if (revisionOf(stored) !== (loadedRevision ?? 0)) {
        throw new ConflictError(`Policy "${id}" was changed by someone else since you opened it. Reload first.`);
      }
      const users = id === WORKBOOK_POLICY_ID ? [] : sloIdsUsing(current, id);
      if (users.length > 0) {
        throw new PolicyInUseError(id, users);
      }
      return { ...current, policies: policies.filter((p) => idOf(p) !== id) as ErrorBudgetPolicy[] };
    },
    { verify: (stored) => !storedEntries(stored).some((p) => idOf(p) === id) }
  );
}
