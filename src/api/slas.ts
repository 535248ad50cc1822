import type { Sla } from '../domain/sla/model';
import { validateSla } from '../domain/sla/validate';
import { getPluginSettings } from './pluginSettings';
import { readSlos } from './slos';
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

const SLAS: StoredKind = { key: 'slas', a: 'An SLA', the: 'SLA' };

/** Ids of the valid SLOs stored now: an SLA's indicator may only name one of them (a broken SLO is never used). */
const sloIdsOf = (jsonData: AppJsonData | undefined): Set<string> => new Set(readSlos(jsonData).items.map((s) => s.id));

/**
 * The stored SLAs of a jsonData, validated one by one like SLOs: an SLA that is invalid, or whose indicator names an
 * SLO that is not stored (or is broken), is reported with its problems and never computed.
 */
export function readSlas(jsonData: AppJsonData | undefined): StoredList<Sla> {
  const sloIds = sloIdsOf(jsonData);
  return readStoredList<Sla>(jsonData?.slas, 'slas', (item, path) => validateSla(item, path, sloIds));
}

/** The valid SLAs stored in the app's plugin settings (`jsonData.slas`). */
export async function listSlas(): Promise<Sla[]> {
  return readSlas((await getPluginSettings()).jsonData).items;
}

/**
 * Saves one SLA, as saveSlo saves an SLO: `loadedRevision` undefined creates it (a taken id is a conflict), otherwise
 * the stored revision must still be the loaded one. Its indicator's SLO must be stored now, checked against the
 * settings re-read for the write. Writing plugin settings needs Admin (plugins:write); Grafana enforces it.
 */
export async function saveSla(sla: Sla, loadedRevision: number | undefined): Promise<Sla> {
  const problems = validateSla(sla, 'sla');
  if (problems.length > 0) {
    throw new ValidationError(problems);
  }
  return saveStoredItem(SLAS, sla, loadedRevision, (current) => {
    const refs = validateSla(sla, 'sla', sloIdsOf(current));
    if (refs.length > 0) {
      throw new ValidationError(refs);
    }
  });
}

/** Deletes one SLA (a broken one too), refusing if it changed since it was loaded. */
export async function deleteSla(id: string, loadedRevision: number | undefined): Promise<void> {
  await deleteStoredItem(SLAS, id, loadedRevision);
}
