/**
 * The burn-rate alerts as Grafana-managed alert rules, reading the series recorded by the Prometheus rules
 * (so those must be loaded too). Two shapes:
 * - a file-provisioning document (`apiVersion: 1`, `groups[].rules[]`), for /etc/grafana/provisioning/alerting;
 * - `ProvisionedAlertRule` objects for POST /api/v1/provisioning/alert-rules (field names as in Grafana's API spec).
 *
 * Each rule runs two instant queries, A = burn rate over the long window and B = over the short window, and a math
 * expression C = `$A > f && $B > f` (plus `$D >= minEvents`). No data means OK: missing SLI data is the job of
 * `SLOMetricAbsent`, and a burn-rate page for a scrape problem would mislead the responder.
 */
import type { Slo } from '../slo/model';
import { absentAlertSpec, tierAlertSpecs } from './alerts';
import { groupName } from './names';

export interface GrafanaAlertOptions {
  /** UID of the Prometheus-compatible data source holding the recorded series. */
  datasourceUid: string;
  /** Folder for the API shape (`folderUID`). Default `sre-slos`. */
  folderUid?: string;
  /** Folder title for the provisioning file (`folder`). Default `SLOs`. */
  folderTitle?: string;
  grafanaUrl?: string;
  orgId?: number;
  /** Group evaluation interval. Default `1m`. */
  interval?: string;
}

export interface AlertQuery {
  refId: string;
  queryType: string;
  /** Seconds before and after the evaluation time (Grafana serialises this Duration as seconds). */
  relativeTimeRange: { from: number; to: number };
  datasourceUid: string;
  model: Record<string, unknown>;
}

/** One rule of a Grafana alerting provisioning file. */
export interface GrafanaFileRule {
  uid: string;
  title: string;
  condition: string;
  data: AlertQuery[];
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  noDataState: 'OK' | 'NoData' | 'Alerting';
  execErrState: 'OK' | 'Error' | 'Alerting';
  isPaused: boolean;
}

export interface GrafanaAlertingFile {
  apiVersion: 1;
  groups: Array<{ orgId: number; name: string; folder: string; interval: string; rules: GrafanaFileRule[] }>;
}

/** Grafana's `ProvisionedAlertRule` (POST /api/v1/provisioning/alert-rules). */
export interface ProvisionedAlertRule extends GrafanaFileRule {
  orgID: number;
  folderUID: string;
  ruleGroup: string;
}

const EXPR = '__expr__';
const UID_MAX = 40;

/** 32-bit FNV-1a, hex: stable, dependency-free, enough to keep truncated uids distinct. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Deterministic Grafana rule uid for an SLO and tier: `slo-<id>-<tier>`, hashed when over 40 characters. */
export function grafanaRuleUid(sloId: string, tier: string): string {
  const plain = `slo-${sloId}-${tier}`.replace(/[^a-zA-Z0-9_-]/g, '-');
  if (plain.length <= UID_MAX) {
    return plain;
  }
  const hash = fnv1a(`${sloId}/${tier}`);
  return `${plain.slice(0, UID_MAX - hash.length - 1)}-${hash}`;
}

/** An instant PromQL query on `datasourceUid`, as Grafana's rule editor builds one. */
export function promQuery(refId: string, expr: string, datasourceUid: string, lookbackSeconds: number): AlertQuery {
  return {
    refId,
    queryType: '',
    relativeTimeRange: { from: lookbackSeconds, to: 0 },
    datasourceUid,
    model: {
      refId,
      expr,
      instant: true,
      range: false,
      datasource: { type: 'prometheus', uid: datasourceUid },
      intervalMs: 60000,
      maxDataPoints: 43200,
    },
  };
}

function mathQuery(refId: string, expression: string): AlertQuery {
  return {
    refId,
    queryType: '',
    relativeTimeRange: { from: 0, to: 0 },
    datasourceUid: EXPR,
    model: { refId, type: 'math', expression, datasource: { type: EXPR, uid: EXPR } },
  };
}

function title(alertName: string, slo: Slo, suffix: string): string {
  return `${alertName}: ${slo.name} (${suffix})`.slice(0, 190);
}

/** Grafana rules for one SLO, in file-provisioning shape; empty when alerting is disabled. */
export function grafanaRulesForSlo(slo: Slo, opts: GrafanaAlertOptions): GrafanaFileRule[] {
  const ds = opts.datasourceUid;
  const rules: GrafanaFileRule[] = tierAlertSpecs(slo, opts.grafanaUrl, {
    burnRateValue: '{{ humanize $values.A.Value }}',
  }).map((spec) => {
    const f = String(spec.tier.factor);
    const data = [promQuery('A', spec.longBurnRate, ds, 600), promQuery('B', spec.shortBurnRate, ds, 600)];
    let condition = `$A > ${f} && $B > ${f}`;
    if (spec.longEvents !== undefined && spec.minEvents !== undefined) {
      data.push(promQuery('D', spec.longEvents, ds, 600));
      condition += ` && $D >= ${spec.minEvents}`;
    }
    data.push(mathQuery('C', condition));
    return {
      uid: grafanaRuleUid(slo.id, spec.tier.tier),
      title: title(spec.alertName, slo, spec.tier.tier),
      condition: 'C',
      data,
      for: spec.tier.for,
      labels: spec.labels,
      annotations: spec.annotations,
      noDataState: 'OK',
      execErrState: 'Error',
      isPaused: false,
    };
  });
  const absent = absentAlertSpec(slo, opts.grafanaUrl);
  if (absent) {
    rules.push({
      uid: grafanaRuleUid(slo.id, 'absent'),
      title: title(absent.alertName, slo, 'absent'),
      condition: 'C',
      data: [promQuery('A', absent.expr, ds, 600), mathQuery('C', '$A > 0')],
      for: absent.for,
      labels: absent.labels,
      annotations: absent.annotations,
      noDataState: 'OK',
      execErrState: 'Error',
      isPaused: false,
    });
  }
  return rules;
}

/**
 * Grafana's file provisioning expands environment variables (`$NAME`, `${NAME}`) in titles, labels, folder and
 * group names, and `$$` stands for a literal `$` (pkg/services/provisioning/values/values.go, interpolateValue).
 * Annotations and query models are read raw since Grafana 9.1 (grafana/grafana#54975), so they keep their `$`:
 * `$values` in our descriptions must reach the template engine as written.
 */
export function provisioningLiteral(text: string): string {
  return text.replace(/\$/g, '$$$$');
}

function fileRule(rule: GrafanaFileRule): GrafanaFileRule {
  const labels = Object.fromEntries(Object.entries(rule.labels).map(([k, v]) => [k, provisioningLiteral(v)]));
  return { ...rule, title: provisioningLiteral(rule.title), labels };
}

/** A Grafana alerting provisioning file: one group `sre-slo-<id>` per SLO that has alerts. */
export function generateGrafanaAlertingFile(slos: Slo[], opts: GrafanaAlertOptions): GrafanaAlertingFile {
  const groups = slos
    .map((slo) => ({
      orgId: opts.orgId ?? 1,
      name: provisioningLiteral(groupName(slo.id)),
      folder: provisioningLiteral(opts.folderTitle ?? 'SLOs'),
      interval: opts.interval ?? '1m',
      rules: grafanaRulesForSlo(slo, opts).map(fileRule),
    }))
    .filter((g) => g.rules.length > 0);
  return { apiVersion: 1, groups };
}

/** Converts one file rule to Grafana's `ProvisionedAlertRule` for the provisioning HTTP API. */
export function toProvisionedAlertRule(
  rule: GrafanaFileRule,
  sloId: string,
  opts: GrafanaAlertOptions
): ProvisionedAlertRule {
  return { ...rule, orgID: opts.orgId ?? 1, folderUID: opts.folderUid ?? 'sre-slos', ruleGroup: groupName(sloId) };
}

/** Every alert of one SLO as `ProvisionedAlertRule` objects. */
export function provisionedAlertRules(slo: Slo, opts: GrafanaAlertOptions): ProvisionedAlertRule[] {
  return grafanaRulesForSlo(slo, opts).map((r) => toProvisionedAlertRule(r, slo.id, opts));
}

/** What the provisioning API's rule list tells us about an installed rule. */
export interface InstalledRule {
  uid?: string;
  title?: string;
  ruleGroup?: string;
  labels?: Record<string, string>;
}

/**
 * The uids of rules installed earlier for this SLO that its current alerting no longer generates (a tier switched
 * off or renamed, the absent alert dropped). Ours are the rules in the SLO's group that carry its `slo_id` label;
 * anything else in that group was put there by someone else and is left alone.
 */
export function staleRuleUids(installed: InstalledRule[], sloId: string, wanted: ProvisionedAlertRule[]): string[] {
  const keep = new Set(wanted.map((r) => r.uid));
  return installed
    .filter((r) => r.uid && r.ruleGroup === groupName(sloId) && r.labels?.slo_id === sloId && !keep.has(r.uid))
    .map((r) => r.uid!);
}
