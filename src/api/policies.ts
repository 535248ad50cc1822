import { WORKBOOK_POLICY_ID, type ErrorBudgetPolicy } from '../domain/policy/model';
import { validatePolicy } from '../domain/policy/validate';
import { getPluginSettings } from './pluginSettings';
import {
  ValidationError,
  deleteStoredItem,
  readStoredList,
  saveStoredItem,
  type StoredKind,
  type StoredList,
} from './storedItems';
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

const POLICIES: StoredKind = { key: 'policies', a: 'A policy', the: 'Policy' };

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
  return saveStoredItem(POLICIES, policy, loadedRevision);
}

/** Ids of the stored SLOs (valid or not) that name `policyId`. */
function sloIdsUsing(current: AppJsonData, policyId: string): string[] {
  const slos: unknown[] = Array.isArray(current.slos) ? current.slos : [];
  return slos.flatMap((s, i) => {
    if (!s || typeof s !== 'object' || (s as { policy?: unknown }).policy !== policyId) {
      return [];
    }
    const sloId = (s as { id?: unknown }).id;
    return [typeof sloId === 'string' ? sloId : `slos[${i}]`];
  });
}

/**
 * Deletes one policy, refusing if it changed since it was loaded or if SLOs still name it (PolicyInUseError lists
 * them). Deleting the stored `workbook` policy brings back the built-in default, so SLOs using it are no obstacle.
 */
export async function deletePolicy(id: string, loadedRevision: number | undefined): Promise<void> {
  await deleteStoredItem(POLICIES, id, loadedRevision, (current) => {
    const users = id === WORKBOOK_POLICY_ID ? [] : sloIdsUsing(current, id);
    if (users.length > 0) {
      throw new PolicyInUseError(id, users);
    }
  });
}
