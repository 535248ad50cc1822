/**
 * Grafana's org user lookup (/api/org/users/lookup), used to suggest users for incident roles. Grafana only lets
 * org admins and folder or team admins list users, so for everyone else suggestions are simply unavailable.
 */
import { ApiError, request } from './client';

const LOOKUP = '/api/org/users/lookup';

/** UserLookupDTO as Grafana returns it; it carries no display name. */
interface UserLookupDto {
  userId?: number;
  uid?: string;
  login?: string;
  avatarUrl?: string;
}

/** An org user we can suggest: the login is what a role records. */
export interface OrgUser {
  login: string;
  avatarUrl?: string;
}

/** Matching users, or `available: false` when the signed-in user may not list users (401/403). */
export interface OrgUserSearch {
  users: OrgUser[];
  available: boolean;
}

/** Org users whose login, email or name matches `query`, at most `limit` of them. */
export async function searchOrgUsers(query: string, limit = 20): Promise<OrgUserSearch> {
  try {
    const found = await request<UserLookupDto[] | null>({
      method: 'GET',
      url: LOOKUP,
      params: { query, limit },
    });
    const users = (found ?? []).flatMap((u) =>
      u.login ? [{ login: u.login, ...(u.avatarUrl ? { avatarUrl: u.avatarUrl } : {}) }] : []
    );
    return { users, available: true };
  } catch (err) {
    if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
      return { users: [], available: false };
    }
    throw err;
  }
}
