/** Teams' toil settings (capacity and budget) in the app's plugin settings, `jsonData.toilTeams`; Admins write. */
import { type ToilTeamSettings, toilTeamId, validateToilTeam } from '../domain/toil';
import {
  ValidationError,
  deleteStoredItem,
  readStoredList,
  saveStoredItem,
  type StoredKind,
  type StoredList,
} from './storedItems';
import type { AppJsonData } from './types';

const TOIL_TEAMS: StoredKind = { key: 'toilTeams', a: 'A team', the: 'Team' };

/** The stored team settings, validated one by one: broken ones are reported, never used. */
export function readToilTeams(jsonData: AppJsonData | undefined): StoredList<ToilTeamSettings> {
  return readStoredList<ToilTeamSettings>(jsonData?.toilTeams, 'toilTeams', validateToilTeam);
}

/**
 * Saves one team's settings (its id is the team name in lower case); `loadedRevision` undefined adds the team.
 * Revisions, conflicts and the read-back work as for SLOs and policies.
 */
export async function saveToilTeam(
  team: Omit<ToilTeamSettings, 'id'> & { id?: string },
  loadedRevision: number | undefined
): Promise<ToilTeamSettings> {
  const item: ToilTeamSettings = { ...team, team: team.team.trim(), id: toilTeamId(team.team) };
  const problems = validateToilTeam(item, 'toilTeam');
  if (problems.length > 0) {
    throw new ValidationError(problems);
  }
  return saveStoredItem(TOIL_TEAMS, item, loadedRevision);
}

/** Removes one team's settings, refusing if they changed since they were loaded. */
export function deleteToilTeam(id: string, loadedRevision: number | undefined): Promise<void> {
  return deleteStoredItem(TOIL_TEAMS, id, loadedRevision);
}
