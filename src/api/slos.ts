import type { Problem, Slo } from '../domain/slo/model';
import { validateSlo } from '../domain/slo/validate';
import { getPluginSettings, updateJsonData } from './pluginSettings';

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

/** All SLOs, as stored in the app's plugin settings (`jsonData.slos`). */
export async function listSlos(): Promise<Slo[]> {
  const settings = await getPluginSettings();
  return settings.jsonData?.slos ?? [];
}

/**
 * Saves one SLO. `loadedRevision` is the revision the editor started from, or undefined for a new SLO.
 * The settings are re-read first; if the stored SLO moved on (or a new id is taken) nothing is written.
 */
export async function saveSlo(slo: Slo, loadedRevision: number | undefined): Promise<Slo> {
  const problems = validateSlo(slo, 'slo');
  if (problems.length > 0) {
    throw new ValidationError(problems);
  }
  let saved: Slo = slo;
  await updateJsonData((current) => {
    const slos = current.slos ?? [];
    const index = slos.findIndex((s) => s.id === slo.id);
    if (loadedRevision === undefined) {
      if (index >= 0) {
        throw new ConflictError(`An SLO with id "${slo.id}" already exists. Choose another id.`);
      }
      saved = { ...slo, revision: 1 };
      return { ...current, slos: [...slos, saved] };
    }
    if (index < 0) {
      throw new ConflictError(`SLO "${slo.id}" was deleted by someone else since you opened it.`);
    }
    const storedRevision = slos[index].revision ?? 0;
    if (storedRevision !== loadedRevision) {
      throw new ConflictError(
        `SLO "${slo.id}" was changed by someone else since you opened it (revision ${loadedRevision} → ${storedRevision}). Reload to see their change.`
      );
    }
    saved = { ...slo, revision: storedRevision + 1 };
    return { ...current, slos: slos.map((s, i) => (i === index ? saved : s)) };
  });
  return saved;
}

/** Deletes one SLO, refusing if it changed since it was loaded. */
export async function deleteSlo(id: string, loadedRevision: number | undefined): Promise<void> {
  await updateJsonData((current) => {
    const slos = current.slos ?? [];
    const stored = slos.find((s) => s.id === id);
    if (!stored) {
      throw new ConflictError(`SLO "${id}" no longer exists.`);
    }
    if ((stored.revision ?? 0) !== (loadedRevision ?? 0)) {
      throw new ConflictError(`SLO "${id}" was changed by someone else since you opened it. Reload first.`);
    }
    return { ...current, slos: slos.filter((s) => s.id !== id) };
  });
}
