import { WORKBOOK_POLICY_ID } from '../domain/policy/model';
import { policyReferenceProblems } from '../domain/policy/validate';
import type { Slo } from '../domain/slo/model';
import { validateSlo } from '../domain/slo/validate';
import { getPluginSettings } from './pluginSettings';
import { readPolicies } from './policies';
import {
  ValidationError,
  deleteStoredItem,
  readStoredList,
  saveStoredItem,
  type StoredKind,
  type StoredList,
} from './storedItems';
import type { AppJsonData } from './types';

export { ConflictError, ValidationError } from './storedItems';

const SLOS: StoredKind = { key: 'slos', a: 'An SLO', the: 'SLO' };

/** The stored SLOs of a jsonData, validated one by one: broken ones are reported, never handed on as SLOs. */
export function readSlos(jsonData: AppJsonData | undefined): StoredList<Slo> {
  return readStoredList<Slo>(jsonData?.slos, 'slos', validateSlo);
}

/** The valid SLOs stored in the app's plugin settings (`jsonData.slos`). */
export async function listSlos(): Promise<Slo[]> {
  return readSlos((await getPluginSettings()).jsonData).items;
}

/** An SLO may only name a valid policy stored now, or the built-in Workbook one (broken policies are never used). */
function refuseMissingPolicy(slo: Slo, current: AppJsonData): void {
  const known = new Set([WORKBOOK_POLICY_ID, ...readPolicies(current).items.map((p) => p.id)]);
  const problems = policyReferenceProblems([slo], known).map((p) => ({ ...p, path: 'slo.policy' }));
  if (problems.length > 0) {
    throw new ValidationError(problems);
  }
}

/**
 * Saves one SLO. `loadedRevision` is the revision the editor started from, or undefined for a new SLO.
 * The settings are re-read first; if the stored SLO moved on (or a new id is taken, or its policy is gone) nothing
 * is written. After the write the settings are read back: if another save replaced ours, a LostUpdateError says so.
 */
export async function saveSlo(slo: Slo, loadedRevision: number | undefined): Promise<Slo> {
  const problems = validateSlo(slo, 'slo');
  if (problems.length > 0) {
    throw new ValidationError(problems);
  }
  return saveStoredItem(SLOS, slo, loadedRevision, (current) => refuseMissingPolicy(slo, current));
}

/** Deleting an SLO that SLAs measure: the contracts would have nothing to compute. */
export class SloInUseError extends Error {
  constructor(
    readonly sloId: string,
    readonly slaIds: string[]
  ) {
    super(
      `SLO "${sloId}" is measured by ${slaIds.length === 1 ? 'SLA' : 'SLAs'} ${slaIds.map((id) => `"${id}"`).join(', ')}: point them at another SLO or delete them first.`
    );
    this.name = 'SloInUseError';
  }
}

/** Ids of stored SLAs (valid or not) whose indicator names the SLO. */
function slaIdsMeasuring(current: AppJsonData, sloId: string): string[] {
  const entries: unknown[] = Array.isArray(current.slas) ? current.slas : [];
  return entries.flatMap((e) => {
    const sla = e as { id?: unknown; indicator?: { sloId?: unknown } } | null;
    return sla?.indicator?.sloId === sloId ? [String(sla.id)] : [];
  });
}

/** Deletes one SLO (a broken one too), refusing if it changed since it was loaded or an SLA measures it. */
export async function deleteSlo(id: string, loadedRevision: number | undefined): Promise<void> {
  await deleteStoredItem(SLOS, id, loadedRevision, (current) => {
    const users = slaIdsMeasuring(current, id);
    if (users.length > 0) {
      throw new SloInUseError(id, users);
    }
  });
}
