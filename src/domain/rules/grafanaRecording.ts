/**
 * The SLO's recording rules as Grafana-managed recording rules, for setups whose data source has no ruler Grafana can
 * write to: Grafana evaluates each rule and remote-writes the result to a Prometheus-compatible target data source.
 * Shape: Grafana's `ProvisionedAlertRule` with `record` (POST /api/v1/provisioning/alert-rules), as Grafana's rule
 * editor builds one: `record.from` names the query whose result is recorded, and `condition` repeats it.
 *
 * Grafana evaluates the rules of one group concurrently, not in order (docs: "Evaluation within a group"), so a rule
 * that reads a series another rule records (the hourly roll-ups, the period ratio, budget and burn rate) sees it as
 * of the previous evaluation, and only when the target is readable through the queried data source.
 */
import type { Slo } from '../slo/model';
import { grafanaRuleUid, type InstalledRule, type ProvisionedAlertRule, promQuery } from './grafana';
import { groupName } from './names';
import { allRecordingRules } from './recording';

export interface GrafanaRecordingOptions {
  /** UID of the data source the rules query (the SLO's data source). */
  datasourceUid: string;
  /** UID of the Prometheus-compatible data source Grafana writes the results to (Grafana 12.1 and later). */
  targetDatasourceUid: string;
  folderUid: string;
  orgId?: number;
}

/** `ProvisionedAlertRule.record` in Grafana's API spec. */
export interface RecordSpec {
  metric: string;
  from: string;
  target_datasource_uid: string;
}

export interface ProvisionedRecordingRule extends ProvisionedAlertRule {
  record: RecordSpec;
}

export interface GrafanaVersionInfo {
  /** `config.buildInfo.version`, e.g. `12.1.0`. */
  version?: string;
  /** `config.featureToggles.grafanaManagedRecordingRules`. */
  toggle?: boolean;
  /** `config.unifiedAlerting.recordingRulesEnabled` (grafana.ini `[recording_rules] enabled`); unknown on old Grafana. */
  recordingRulesEnabled?: boolean;
}

/** `targetHonoured`: Grafana 12.1+ writes to `record.target_datasource_uid`; older ones ignore it. */
export type GrafanaRecordingSupport =
  | { supported: true; targetHonoured: boolean }
  | { supported: false; reasons: string[] };

const REF = 'A';

/**
 * The Grafana group of one SLO's recording rules. Apart from the alerts' group (`sre-slo-<id>`), so that neither
 * install removes the other's rules as stale; SLO ids are slugs without dots, so no SLO's group can equal it.
 */
export const recordingGroupName = (sloId: string): string => `${groupName(sloId)}.recording`;

/** Deterministic rule uid for one recorded series of an SLO. */
export function grafanaRecordingRuleUid(sloId: string, metric: string): string {
  return grafanaRuleUid(sloId, `rec-${metric.replace(/^slo:/, '')}`);
}

function minorVersion(version: string | undefined): [number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(version ?? '');
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

const atLeast = (v: [number, number], major: number, minor: number) =>
  v[0] > major || (v[0] === major && v[1] >= minor);

/**
 * Whether this Grafana can run Grafana-managed recording rules, and if not, every reason: version 11.2 or later,
 * the `grafanaManagedRecordingRules` feature toggle, and recording rules enabled in grafana.ini.
 */
export function grafanaRecordingSupport(info: GrafanaVersionInfo): GrafanaRecordingSupport {
  const reasons: string[] = [];
  const v = minorVersion(info.version);
  if (v && !atLeast(v, 11, 2)) {
    reasons.push(`This is Grafana ${info.version}; Grafana-managed recording rules need Grafana 11.2 or later.`);
  }
  if (!info.toggle) {
    reasons.push(
      'The feature toggle grafanaManagedRecordingRules is off. An admin turns it on in grafana.ini: [feature_toggles] grafanaManagedRecordingRules = true.'
    );
  }
  if (info.recordingRulesEnabled === false) {
    reasons.push(
      'Recording rules are switched off in grafana.ini: an admin sets [recording_rules] enabled = true (before Grafana 12.1 also its remote-write url).'
    );
  }
  if (reasons.length > 0) {
    return { supported: false, reasons };
  }
  return { supported: true, targetHonoured: !v || atLeast(v, 12, 1) };
}

function required(value: string, field: string): void {
  if (!value.trim()) {
    throw new Error(`${field}: must not be empty`);
  }
}

/** Every recording rule of one SLO as a Grafana-managed recording rule, in the order the rule file lists them. */
export function grafanaRecordingRules(slo: Slo, opts: GrafanaRecordingOptions): ProvisionedRecordingRule[] {
  required(opts.datasourceUid, 'datasourceUid');
  required(opts.targetDatasourceUid, 'targetDatasourceUid');
  required(opts.folderUid, 'folderUid');
  return allRecordingRules(slo).map((rule) => ({
    uid: grafanaRecordingRuleUid(slo.id, rule.record),
    title: `${rule.record} (${slo.id})`.slice(0, 190),
    // Grafana ignores condition, for and the two states of a recording rule, but its API spec requires them.
    condition: REF,
    data: [promQuery(REF, rule.expr, opts.datasourceUid, 600)],
    for: '0s',
    labels: { ...(rule.labels ?? {}) },
    annotations: {},
    noDataState: 'OK',
    execErrState: 'Error',
    isPaused: false,
    orgID: opts.orgId ?? 1,
    folderUID: opts.folderUid,
    ruleGroup: recordingGroupName(slo.id),
    record: { metric: rule.record, from: REF, target_datasource_uid: opts.targetDatasourceUid },
  }));
}

/** The recorded series of an SLO that other rules of the same SLO read (these need the target to be queryable). */
export function chainedRecordings(slo: Slo): string[] {
  const rules = allRecordingRules(slo);
  const names = rules.map((r) => r.record);
  return rules.filter((r) => names.some((n) => r.expr.includes(`${n}{`))).map((r) => r.record);
}

/**
 * Uids of recording rules installed earlier for this SLO that it no longer generates (a window or tier switched off,
 * a budgeting method changed). Ours are recording rules in the SLO's recording group with its `slo_id` label.
 */
export function staleRecordingRuleUids(
  installed: Array<InstalledRule & { record?: unknown }>,
  sloId: string,
  wanted: ProvisionedRecordingRule[]
): string[] {
  const keep = new Set(wanted.map((r) => r.uid));
  return installed
    .filter(
      (r) =>
        r.uid && r.record && r.ruleGroup === recordingGroupName(sloId) && r.labels?.slo_id === sloId && !keep.has(r.uid)
    )
    .map((r) => r.uid!);
}
