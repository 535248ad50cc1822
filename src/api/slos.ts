import { WORKBOOK_POLICY_ID } from '../domain/policy/model';
import { policyReferenceProblems, validatePolicy } from '../domain/policy/validate';
import type { Problem, Slo } from '../domain/slo/model';
import { validateSlo } from '../domain/slo/validate';
import { getPluginSettings, sameJson, updateJsonData } from './pluginSettings';
import { readStoredList, type StoredList } from './storedItems';
import type { AppJsonData } from './types';

/** Someone else changed the SLO since the editor loaded it; the user must reload before saving. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** The SLO is invalid; nothing was saved. Each problem names the field and the reason. */
export class ValidationError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    this.name = 'ValidationError';
  }
}

/** The stored SLOs of a jsonData, validated one by one: broken ones are reported, never handed on as SLOs. */
export function readSlos(jsonData: AppJsonData | undefined): StoredList<Slo> {
  return readStoredList<Slo>(jsonData?.slos, 'slos', validateSlo);
}

/** The valid SLOs stored in the app's plugin settings (`jsonData.slos`). */
export async function listSlos(): Promise<Slo[]> {
  return readSlos((await getPluginSettings()).jsonData).items;
}

/** The raw stored entries (valid or not), so a write keeps broken SLOs it does not touch as they are. */
const storedEntries = (current: AppJsonData): unknown[] => (Array.isArray(current.slos) ? current.slos : []);
const idOf = (entry: unknown): unknown => (entry && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined);

/** An SLO may only name a valid policy stored now, or the built-in Workbook one (broken policies are never used). */
function refuseMissingPolicy(slo: Slo, current: AppJsonData): void {
  const stored = readStoredList<{ id: string }>(current.policies, 'policies', validatePolicy).items;
  const known = new Set([WORKBOOK_POLICY_ID, ...stored.map((p) => p.id)]);
  const problems = policyReferenceProblems([slo], known).map((p) => ({ ...p, path: 'slo.policy' }));
  if (problems.length > 0) {
    throw new ValidationError(problems);
  }
}

/**
 * Saves one SLO. `loadedRevision` is the revision the editor started from, or undefined for a new SLO.
 * The settings are re-read first; if the stored SLO moved on (or a new id is taken) nothing is written. After the
 * write the settings are read back: if another save replaced ours, a LostUpdateError says so.
 */
export async function saveSlo(slo: Slo, loadedRevision: number | undefined): Promise<Slo> {
  const problems = validateSlo(slo, 'slo');
  if (problems.length > 0) {
    throw new ValidationError(problems);
  }
  let saved: Slo = slo;
  await updateJsonData(
    (current) => {
      const slos = storedEntries(current);
      const index = slos.findIndex((s) => idOf(s) === slo.id);
      refuseMissingPolicy(slo, current);
      if (loadedRevision === undefined) {
        if (index >= 0) {
          throw new ConflictError(`An SLO with id "${slo.id}" already exists. Choose another id.`);
        }
        saved = { ...slo, revision: 1 };
        return { ...current, slos: [...slos, saved] as Slo[] };
      }
      if (index < 0) {
        throw new ConflictError(`SLO "${slo.id}" was deleted by someone else since you opened it.`);
      }
      const revision = (slos[index] as { revision?: unknown }).revision;
      const storedRevision = typeof revision === 'number' ? revision : 0;
      if (storedRevision !== loadedRevision) {
        throw new ConflictError(
          `SLO "${slo.id}" was changed by someone else since you opened it (revision ${loadedRevision} → ${storedRevision}). Reload to see their change.`
        );
      }
      saved = { ...slo, revision: storedRevision + 1 };
      return { ...current, slos: slos.map((s, i) => (i === index ? saved : s)) as Slo[] };
    },
    { verify: (stored) => sameJson(storedEntries(stored).find((s) => idOf(s) === slo.id), saved) }
  );
  return saved;
}

/** Deletes one SLO (a broken one too), refusing if it changed since it was loaded. */
export async function deleteSlo(id: string, loadedRevision: number | undefined): Promise<void> {
  await updateJsonData(
    (current) => {
      const slos = storedEntries(current);
      const stored = slos.find((s) => idOf(s) === id) as { revision?: unknown } | undefined;
      if (!stored) {
        throw new ConflictError(`SLO "${id}" no longer exists.`);
      }
      const revision = typeof stored.revision === 'number' ? stored.revision : 0;
      if (revision !== (loadedRevision ?? 0)) {
        throw new ConflictError(`SLO "${id}" was changed by someone else since you opened it. Reload first.`);
      }
      return { ...current, slos: slos.filter((s) => idOf(s) !== id) as Slo[] };
    },
    { verify: (stored) => !storedEntries(stored).some((s) => idOf(s) === id) }
  );
}
