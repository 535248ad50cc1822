/**
 * Grafana's teams (/api/teams/search), suggested as toil teams. Users who may not list teams (Grafana's RBAC
 * `teams:read`; Viewers see only their own teams where team listing is restricted) type the team instead.
 */
import { ApiError, request } from './client';

/** Teams read at most: 10 pages of 100, far beyond the teams one toil page needs to suggest. */
const PER_PAGE = 100;
const MAX_PAGES = 10;

interface TeamSearchDto {
  totalCount?: number;
  teams?: Array<{ name?: string }>;
}

/** The org's team names, sorted, or `canList: false` when Grafana refuses the listing (401/403). */
export async function listTeams(): Promise<{ teams: string[]; canList: boolean }> {
  const names = new Set<string>();
  try {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const res = await request<TeamSearchDto>({
        method: 'GET',
        url: '/api/teams/search',
        params: { perpage: PER_PAGE, page },
      });
      const teams = res?.teams ?? [];
      teams.forEach((t) => t.name?.trim() && names.add(t.name.trim()));
      if (teams.length < PER_PAGE || page * PER_PAGE >= (res?.totalCount ?? 0)) {
        break;
      }
    }
  } catch (err) {
    if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
      return { teams: [], canList: false };
    }
    throw err;
  }
  return { teams: [...names].sort((a, b) => a.localeCompare(b)), canList: true };
}
