import { config, getDataSourceSrv } from '@grafana/runtime';
import { groupName, hourlyGroupName } from '../domain/rules/names';
import { sloGroupNames, sloRuleGroups } from '../domain/rules/prometheus';
import { namespaceProblem, rulerKindFromBuildInfo, staleGroupNames } from '../domain/rules/ruler';
import type { RuleGroup } from '../domain/rules/types';
import type { Slo } from '../domain/slo/model';
import { ApiError, request } from './client';

/**
 * Writes SLO rule groups into a data source's own ruler (Mimir, Cortex) through Grafana's ruler proxy,
 * `/api/ruler/<ds uid>/api/v1/rules`, the way Grafana's alerting UI does. The routes and shapes are pinned in
 * tests/contract/cortex-ruler.json.
 */

/** Which upstream API Grafana proxies to: Mimir's `/config/v1/rules` or Cortex's `/rules`. */
export type RulerSubtype = 'mimir' | 'cortex';

export type RulerStatus =
  | { status: 'available'; subtype: RulerSubtype; message: string }
  | { status: 'none' | 'forbidden'; message: string };

export interface RulerTarget {
  datasourceUid: string;
  subtype: RulerSubtype;
}

export interface RuleGroupOptions {
  grafanaUrl?: string;
  /** Group evaluation interval, e.g. `1m`; unset uses the ruler's default. */
  interval?: string;
}

const enc = encodeURIComponent;
const rulesUrl = (dsUid: string, ...segments: string[]) =>
  `/api/ruler/${enc(dsUid)}/api/v1/rules${segments.map((s) => `/${enc(s)}`).join('')}`;
const detail = (e: unknown) => ((e as ApiError).body as { message?: string } | undefined)?.message ?? '';
const statusOf = (e: unknown) => (e instanceof ApiError ? e.status : 0);
// Mimir and Cortex answer 404 with these messages for an empty namespace or a missing group: the ruler exists.
const isEmptyAnswer = (e: unknown) =>
  statusOf(e) === 404 && /group does not exist|no rule groups found/.test(detail(e));

/**
 * Writing data-source rules: Grafana's RBAC `alert.rules.external:write` when the boot data lists permissions,
 * otherwise the default role mapping (Editor and above). The API has the last word.
 */
export function canWriteExternalRules(): boolean {
  const user = config.bootData?.user;
  const write = user?.permissions?.['alert.rules.external:write'];
  if (write !== undefined) {
    return Boolean(write);
  }
  return user?.orgRole === 'Admin' || user?.orgRole === 'Editor' || Boolean(user?.isGrafanaAdmin);
}

const FORBIDDEN = (name: string) =>
  `You may not write rules in ${name}: it needs the permission alert.rules.external:write on the data source (Editors have it by default). Ask an admin.`;

/**
 * Whether the data source has a ruler we can write to, found as Grafana's alerting UI finds it: the data source's
 * settings (type, "Manage alerts via Alerting UI"), then its buildinfo (Mimir lists `ruler_config_api`, plain
 * Prometheus has no features, Cortex has no buildinfo), then for Cortex a probe of one group.
 */
export async function rulerStatus(dsUid: string): Promise<RulerStatus> {
  const ds = getDataSourceSrv().getInstanceSettings(dsUid);
  if (!ds) {
    return { status: 'none', message: `No data source with uid "${dsUid}" is visible to you.` };
  }
  const name = `"${ds.name}"`;
  if (ds.type === 'loki') {
    return { status: 'none', message: `${name} is Loki: its ruler runs LogQL, and the SLO rules are PromQL.` };
  }
  if (ds.type !== 'prometheus') {
    return {
      status: 'none',
      message: `${name} is a ${ds.type} data source; only Prometheus-type data sources have a ruler Grafana can write to.`,
    };
  }
  if ((ds.jsonData as { manageAlerts?: boolean } | undefined)?.manageAlerts === false) {
    return {
      status: 'none',
      message: `Managing rules is switched off for ${name} (its setting "Manage alerts via Alerting UI").`,
    };
  }
  if (!canWriteExternalRules()) {
    return { status: 'forbidden', message: FORBIDDEN(name) };
  }
  let buildInfo: unknown;
  try {
    buildInfo = await request({
      method: 'GET',
      url: `/api/datasources/proxy/uid/${enc(dsUid)}/api/v1/status/buildinfo`,
    });
  } catch (e) {
    if (statusOf(e) === 403) {
      return { status: 'forbidden', message: FORBIDDEN(name) };
    }
    if (statusOf(e) !== 404) {
      throw e;
    }
    return cortexStatus(dsUid, name);
  }
  switch (rulerKindFromBuildInfo(buildInfo)) {
    case 'mimir':
      return { status: 'available', subtype: 'mimir', message: `${name} is Grafana Mimir with its ruler API on.` };
    case 'mimir-no-ruler':
      return {
        status: 'none',
        message: `${name} is Grafana Mimir, but its ruler config API is off (ruler_config_api).`,
      };
    default:
      return {
        status: 'none',
        message: `${name} is a Prometheus server: it reads rules from files and has no API to write them.`,
      };
  }
}

/** Cortex has no buildinfo; Grafana's UI asks for a group that is not there and reads the answer. */
async function cortexStatus(dsUid: string, name: string): Promise<RulerStatus> {
  try {
    await request({ method: 'GET', url: rulesUrl(dsUid, 'test', 'test'), params: { subtype: 'cortex' } });
  } catch (e) {
    if (statusOf(e) === 403) {
      return { status: 'forbidden', message: FORBIDDEN(name) };
    }
    if (!isEmptyAnswer(e)) {
      return { status: 'none', message: `${name} has no ruler API (${detail(e) || `HTTP ${statusOf(e)}`}).` };
    }
  }
  return { status: 'available', subtype: 'cortex', message: `${name} has a Cortex-compatible ruler API.` };
}

function checkNamespace(namespace: string): void {
  const problem = namespaceProblem(namespace);
  if (problem) {
    throw new Error(problem);
  }
}

/** Names of the groups in one ruler namespace; an empty or missing namespace gives []. */
export async function listGroups(target: RulerTarget, namespace: string): Promise<string[]> {
  try {
    const answer = await request<Record<string, Array<{ name: string }>> | null>({
      method: 'GET',
      url: rulesUrl(target.datasourceUid, namespace),
      params: { subtype: target.subtype },
    });
    return (answer?.[namespace] ?? []).map((g) => g.name);
  } catch (e) {
    if (isEmptyAnswer(e)) {
      return [];
    }
    throw e;
  }
}

/**
 * Writes every group of the SLO (its hourly group first, so the series its own group forwards is there soonest);
 * returns their names.
 */
async function postGroups(target: RulerTarget, namespace: string, slo: Slo, opts: RuleGroupOptions): Promise<string[]> {
  const groups = sloRuleGroups(slo, opts);
  for (const group of groups) {
    await postRuleGroup(target, namespace, group);
  }
  return groups.map((g) => g.name);
}

async function deleteGroup(target: RulerTarget, namespace: string, group: string): Promise<void> {
  await request({
    method: 'DELETE',
    url: rulesUrl(target.datasourceUid, namespace, group),
    params: { subtype: target.subtype },
  });
}

async function postRuleGroup(target: RulerTarget, namespace: string, group: RuleGroup): Promise<void> {
  await request({
    method: 'POST',
    url: rulesUrl(target.datasourceUid, namespace),
    params: { subtype: target.subtype },
    data: group,
  });
}

/**
 * Writes any generated group (an SLA's `sre-sla-slo-<id>`) into `namespace`, replacing a group of the same name.
 * installAll's clean-up removes only `sre-slo-*` groups, so it never deletes one written here.
 */
export async function installRuleGroup(
  group: RuleGroup,
  namespace: string,
  target: RulerTarget
): Promise<'created' | 'updated'> {
  checkNamespace(namespace);
  const existing = await listGroups(target, namespace);
  await postRuleGroup(target, namespace, group);
  return existing.includes(group.name) ? 'updated' : 'created';
}

/**
 * Writes the SLO's recording and alerting rules into `namespace`: its group (`sre-slo-<id>`) and, for occurrences
 * SLOs, its hourly group (`sre-slo-<id>.hourly`). The ruler replaces a group of the same name as a whole, so tiers
 * switched off since the last install disappear with the write; an hourly group the SLO no longer has (it moved to
 * timeslices) is deleted after the writes.
 */
export async function installSloRuleGroup(
  slo: Slo,
  namespace: string,
  opts: RulerTarget & RuleGroupOptions
): Promise<'created' | 'updated'> {
  checkNamespace(namespace);
  const existing = await listGroups(opts, namespace);
  const written = await postGroups(opts, namespace, slo, opts);
  const hourly = hourlyGroupName(slo.id);
  if (existing.includes(hourly) && !written.includes(hourly)) {
    await deleteGroup(opts, namespace, hourly);
  }
  return existing.includes(groupName(slo.id)) ? 'updated' : 'created';
}

/** Deletes the `sre-slo-*` groups in `namespace` that none of `wantedSlos` generates; returns their names. */
export async function removeStaleGroups(target: RulerTarget, namespace: string, wantedSlos: Slo[]): Promise<string[]> {
  checkNamespace(namespace);
  const removed: string[] = [];
  const wanted = wantedSlos.flatMap(sloGroupNames);
  for (const group of staleGroupNames(await listGroups(target, namespace), wanted)) {
    try {
      await deleteGroup(target, namespace, group);
    } catch (e) {
      const done = removed.length ? ` (${removed.length} removed before it)` : '';
      throw new ApiError(`Removing the old group "${group}" failed${done}: ${(e as Error).message}`, statusOf(e));
    }
    removed.push(group);
  }
  return removed;
}

export interface SloInstallOutcome {
  sloId: string;
  sloName: string;
  datasourceUid?: string;
  outcome: 'created' | 'updated' | 'failed' | 'skipped';
  message?: string;
}

export interface InstallAllResult {
  results: SloInstallOutcome[];
  /** Groups of removed SLOs that were deleted, per data source uid. */
  removed: Record<string, string[]>;
  /** Why old groups were kept or could not be removed, one line per data source. */
  notes: string[];
}

/**
 * Installs the rule groups of every SLO into its data source's ruler (the SLO's own, else `defaultUid`), one data
 * source at a time. Per data source, old `sre-slo-*` groups of SLOs that are gone are removed last, and only when
 * every write to that data source succeeded, so a failed install never leaves fewer rules than before.
 */
export async function installAll(
  slos: Slo[],
  namespace: string,
  opts: RuleGroupOptions & { defaultUid?: string }
): Promise<InstallAllResult> {
  checkNamespace(namespace);
  const byDs = new Map<string, Slo[]>();
  const results: SloInstallOutcome[] = [];
  for (const slo of slos) {
    const uid = slo.datasource?.uid || opts.defaultUid;
    if (!uid) {
      results.push({
        sloId: slo.id,
        sloName: slo.name,
        outcome: 'skipped',
        message: 'No data source: set one on the SLO or a default in the app settings.',
      });
      continue;
    }
    byDs.set(uid, [...(byDs.get(uid) ?? []), slo]);
  }
  const removed: Record<string, string[]> = {};
  const notes: string[] = [];
  for (const [datasourceUid, group] of byDs) {
    const outcome = (slo: Slo, o: SloInstallOutcome['outcome'], message?: string): SloInstallOutcome => ({
      sloId: slo.id,
      sloName: slo.name,
      datasourceUid,
      outcome: o,
      ...(message ? { message } : {}),
    });
    let status: RulerStatus;
    let existing: string[];
    try {
      status = await rulerStatus(datasourceUid);
      existing =
        status.status === 'available' ? await listGroups({ datasourceUid, subtype: status.subtype }, namespace) : [];
    } catch (e) {
      results.push(...group.map((slo) => outcome(slo, 'failed', (e as Error).message)));
      continue;
    }
    if (status.status !== 'available') {
      results.push(
        ...group.map((slo) => outcome(slo, status.status === 'forbidden' ? 'failed' : 'skipped', status.message))
      );
      continue;
    }
    const target = { datasourceUid, subtype: status.subtype };
    let failed = 0;
    for (const slo of group) {
      try {
        await postGroups(target, namespace, slo, opts);
        results.push(outcome(slo, existing.includes(groupName(slo.id)) ? 'updated' : 'created'));
      } catch (e) {
        failed++;
        results.push(outcome(slo, 'failed', (e as Error).message));
      }
    }
    if (failed > 0) {
      notes.push(`Old groups in data source ${datasourceUid} were kept because ${failed} write(s) failed.`);
      continue;
    }
    try {
      removed[datasourceUid] = await removeStaleGroups(target, namespace, group);
    } catch (e) {
      notes.push(`All groups are installed in data source ${datasourceUid}, but: ${(e as Error).message}`);
    }
  }
  return { results, removed, notes };
}
