import { config } from '@grafana/runtime';
import type { Slo } from '../domain/slo/model';
import { provisionedAlertRules, type ProvisionedAlertRule } from '../domain/rules/grafana';
import { ApiError, request } from './client';

export interface Folder {
  uid: string;
  title: string;
}

export interface InstallResult {
  uid: string;
  title: string;
  action: 'created' | 'updated';
}

const RULES_URL = '/api/v1/provisioning/alert-rules';
// Without this header the provisioning API marks rules as provisioned, and nobody could edit them in the UI.
const HEADERS = { 'X-Disable-Provenance': 'true' };

/** Folders the user can edit (GET /api/folders), to hold the alert rules. */
export async function listFolders(): Promise<Folder[]> {
  const folders = await request<Array<{ uid: string; title: string }>>({
    method: 'GET',
    url: '/api/folders',
    params: { limit: 1000, permission: 'Edit' },
  });
  return (folders ?? []).map(({ uid, title }) => ({ uid, title }));
}

/** Creates or updates one rule, keyed by its uid: GET, then POST on 404, else PUT. */
export async function upsertAlertRule(rule: ProvisionedAlertRule): Promise<InstallResult['action']> {
  const url = `${RULES_URL}/${encodeURIComponent(rule.uid)}`;
  try {
    await request({ method: 'GET', url });
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      await request({ method: 'POST', url: RULES_URL, data: rule, headers: HEADERS });
      return 'created';
    }
    throw e;
  }
  await request({ method: 'PUT', url, data: rule, headers: HEADERS });
  return 'updated';
}

/**
 * Installs every generated alert of one SLO as Grafana-managed rules in `folderUid`, one at a time so that a
 * failure names the rule it stopped at (the rules before it stay installed; running again is safe).
 */
export async function installSloAlerts(
  slo: Slo,
  opts: { datasourceUid: string; folderUid: string; grafanaUrl?: string }
): Promise<InstallResult[]> {
  const results: InstallResult[] = [];
  for (const rule of provisionedAlertRules(slo, opts)) {
    try {
      results.push({ uid: rule.uid, title: rule.title, action: await upsertAlertRule(rule) });
    } catch (e) {
      const done = results.length ? ` (${results.length} installed before it)` : '';
      throw new ApiError(
        `Installing "${rule.title}" failed${done}: ${(e as Error).message}`,
        (e as ApiError).status ?? 0
      );
    }
  }
  return results;
}

/**
 * Writing alert rules: Grafana's RBAC `alert.rules:write` when the boot data lists permissions, otherwise the
 * default role mapping (Editor and above). The API has the last word; its errors are shown as they come.
 */
export function canWriteAlertRules(): boolean {
  const user = config.bootData?.user;
  const write = user?.permissions?.['alert.rules:write'];
  if (write !== undefined) {
    return Boolean(write);
  }
  return user?.orgRole === 'Admin' || user?.orgRole === 'Editor' || Boolean(user?.isGrafanaAdmin);
}
