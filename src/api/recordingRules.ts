import { config } from '@grafana/runtime';
import {
  type GrafanaRecordingOptions,
  type GrafanaRecordingSupport,
  grafanaRecordingRules,
  grafanaRecordingSupport,
  staleRecordingRuleUids,
} from '../domain/rules/grafanaRecording';
import type { InstalledRule } from '../domain/rules/grafana';
import type { Slo } from '../domain/slo/model';
import { type InstallResult, upsertAlertRule } from './alertRules';
import { ApiError, request } from './client';

const RULES_URL = '/api/v1/provisioning/alert-rules';
// As for the alerts: without it the rules would be marked provisioned and nobody could edit them in the UI.
const HEADERS = { 'X-Disable-Provenance': 'true' };

/** What this Grafana says about Grafana-managed recording rules: its version, feature toggle and grafana.ini switch. */
export function recordingSupport(): GrafanaRecordingSupport {
  return grafanaRecordingSupport({
    version: config.buildInfo?.version,
    toggle: Boolean(config.featureToggles?.grafanaManagedRecordingRules),
    recordingRulesEnabled: config.unifiedAlerting?.recordingRulesEnabled,
  });
}

const failed = (message: string, e: unknown) =>
  new ApiError(`${message}: ${(e as Error).message}`, (e as ApiError).status ?? 0, (e as ApiError).body);

/**
 * Installs every recording rule of one SLO as Grafana-managed recording rules (one group per SLO in the folder),
 * one at a time so that a failure names the rule it stopped at; running again is safe. Then removes the SLO's
 * recording rules it no longer generates, last, so a failed install never leaves fewer series recorded than before.
 */
export async function installSloRecordingRules(slo: Slo, opts: GrafanaRecordingOptions): Promise<InstallResult[]> {
  const results: InstallResult[] = [];
  const wanted = grafanaRecordingRules(slo, opts);
  for (const rule of wanted) {
    try {
      results.push({ uid: rule.uid, title: rule.title, action: await upsertAlertRule(rule) });
    } catch (e) {
      const done = results.length ? ` (${results.length} installed before it)` : '';
      throw failed(`Installing "${rule.title}" failed${done}`, e);
    }
  }
  const listed = await request<Array<InstalledRule & { record?: unknown }> | null>({ method: 'GET', url: RULES_URL });
  const installed = Array.isArray(listed) ? listed : [];
  for (const uid of staleRecordingRuleUids(installed, slo.id, wanted)) {
    const title = installed.find((r) => r.uid === uid)?.title ?? uid;
    try {
      await request({ method: 'DELETE', url: `${RULES_URL}/${encodeURIComponent(uid)}`, headers: HEADERS });
    } catch (e) {
      throw failed(`All recording rules are installed, but removing the old rule "${title}" failed`, e);
    }
    results.push({ uid, title, action: 'removed' });
  }
  return results;
}
