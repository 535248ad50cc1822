import { config } from '@grafana/runtime';
import type { Slo } from '../domain/slo/model';
import {
  type InstalledRule,
  provisionedAlertRules,
  type ProvisionedAlertRule,
  staleRuleUids,
} from '../domain/rules/grafana';
import { ApiError, request } from './client';

export interface Folder {
  uid: string;
  title: string;
}

export interface InstallResult {
  uid: string;
  title: string;
  action: 'created' | 'updated' | 'removed';
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
 * failure names the rule it stopped at (the rules before it stay installed; running again is safe). Then removes
 * the SLO's rules that its alerting no longer generates, e.g. a tier switched off since the last install; they are
 * removed last, so a failed install never leaves the SLO with fewer alerts than before.
 */
export async function installSloAlerts(
  slo: Slo,
  opts: { datasourceUid: string; folderUid: string; grafanaUrl?: string }
): Promise<InstallResult[]> {
  const results: InstallResult[] = [];
  const wanted = provisionedAlertRules(slo, opts);
  for (const rule of wanted) {
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
  const listed = await request<InstalledRule[] | null>({ method: 'GET', url: RULES_URL });
  const installed = Array.isArray(listed) ? listed : [];
  for (const uid of staleRuleUids(installed, slo.id, wanted)) {
    const title = installed.find((r) => r.uid === uid)?.title ?? uid;
    try {
      await request({ method: 'DELETE', url: `${RULES_URL}/${encodeURIComponent(uid)}`, headers: HEADERS });
    } catch (e) {
      throw new ApiError(
        `All alerts are installed, but removing the old rule "${title}" failed: ${(e as Error).message}`,
        (e as ApiError).status ?? 0
      );
    }
    results.push({ uid, title, action: 'removed' });
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
