/**
 * What a new postmortem starts with (issue 11): the incident as it is now, frozen in the `started` event, plus the
 * prefilled `timeline` and `impact` texts. Reading it costs at most three requests: the plugin settings (SLOs,
 * policies, data sources), one /api/ds/query for the budgets and one for the SLO alerts per data source (normally
 * one). Anything that cannot be read leaves a gap that the texts name; it never blocks starting the postmortem.
 */
import { config } from '@grafana/runtime';
import { describeEvent } from '../domain/incident/annotations';
import { crossesIncidentShare, sharePercents } from '../domain/incident/budgetRule';
import { incidentDurations, type MetricName } from '../domain/incident/metrics';
import type { Incident } from '../domain/incident/model';
import { buildExploreUrl, incidentLogRange } from '../domain/logs/explore';
import { buildLogSelector, escapeRegex } from '../domain/logs/logql';
import { policyFor } from '../domain/policy/evaluate';
import type { ErrorBudgetPolicy } from '../domain/policy/model';
import { inlineText, type PostmortemPrefill, type ResponderSnapshot } from '../domain/postmortem';
import { ABSENT_ALERT_NAME, withDefaults } from '../domain/slo/defaults';
import type { Slo } from '../domain/slo/model';
import { escapeLabelValue } from '../domain/slo/promql';
import { NO_DATASOURCE, queryPrometheus, type Sample } from './dsQuery';
import { fetchIncidentBudgets, type IncidentBudget } from './incidentBudget';
import { getPluginSettings } from './pluginSettings';
import { readPolicies } from './policies';
import { readSlos } from './slos';
import { pageStepMs } from './toilDerived';
import { type AppSettings, DEFAULT_SETTINGS } from './types';

/** "2026-03-06 12:00 UTC": a postmortem is read in many time zones, and exported. */
export const utcMinute = (ms: number): string => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** A duration for people: the two largest units, e.g. "45s", "12m", "3h 20m", "2d 4h". */
export function humanDuration(ms: number): string {
  const abs = Math.max(0, Math.round(ms / 1000));
  if (abs < 60) {
    return `${abs}s`;
  }
  const units: Array<[number, string]> = [
    [86_400, 'd'],
    [3_600, 'h'],
    [60, 'm'],
  ];
  const i = units.findIndex(([size]) => abs >= size);
  const [big, label] = units[i];
  const next = units[i + 1];
  const second = next ? Math.floor((abs % big) / next[0]) : 0;
  return second === 0 ? `${Math.floor(abs / big)}${label}` : `${Math.floor(abs / big)}${label} ${second}${next[1]}`;
}

/**
 * Who held which role and when, from the incident's `role_assigned` events: a handover closes the previous
 * holder's entry (`to`) and opens the next one's (`from`), so a role handed over twice has three entries.
 */
export function respondersFromTimeline(incident: Incident): ResponderSnapshot[] {
  const out: ResponderSnapshot[] = [];
  const open = new Map<string, ResponderSnapshot>();
  for (const e of incident.timeline) {
    if (e.type !== 'role_assigned') {
      continue;
    }
    const current = open.get(e.role);
    if (current) {
      current.to = e.at;
      open.delete(e.role);
    }
    if (e.to) {
      const entry: ResponderSnapshot = {
        role: e.role,
        user: { login: e.to.login, ...(e.to.name !== undefined && e.to.name.trim() !== '' && { name: e.to.name }) },
        from: e.at,
      };
      out.push(entry);
      open.set(e.role, entry);
    }
  }
  return out;
}

/**
 * The burn-rate and missing-data alerts our rules emit for one SLO (rules/alerts.ts: the SLO's alert name, default
 * SLOErrorBudgetBurn, and SLOMetricAbsent, each labelled `slo_id`), while firing. Names are regex-escaped, then
 * every value is escaped for its double-quoted string.
 */
export function sloAlertsQuery(slo: Slo): string {
  const names = Array.from(new Set([withDefaults(slo).alerting.name, ABSENT_ALERT_NAME]));
  const alternation = names.map(escapeRegex).join('|');
  return `ALERTS{alertname=~"${escapeLabelValue(alternation)}",slo_id="${escapeLabelValue(slo.id)}",alertstate="firing"}`;
}

/** One firing episode of one alert series. */
export interface AlertFiring {
  alertname: string;
  sloId: string;
  severity?: string;
  tier?: string;
  from: number;
  /** The last point plus one step: the episode covers the step that point stands for. */
  to: number;
}

/** Firing episodes in a range query's series: consecutive points (gaps under 1.5 steps) are one episode. */
export function alertFirings(series: readonly Sample[], stepMs: number): AlertFiring[] {
  const out: AlertFiring[] = [];
  for (const s of series) {
    const base = {
      alertname: s.labels.alertname ?? 'alert',
      sloId: s.labels.slo_id ?? '',
      ...(s.labels.severity && { severity: s.labels.severity }),
      ...(s.labels.burnrate_tier && { tier: s.labels.burnrate_tier }),
    };
    let from: number | undefined;
    let last = 0;
    for (const [t, v] of s.points) {
      if (v !== 1) {
        continue;
      }
      if (from !== undefined && t - last > stepMs * 1.5) {
        out.push({ ...base, from, to: last + stepMs });
        from = undefined;
      }
      from ??= t;
      last = t;
    }
    if (from !== undefined) {
      out.push({ ...base, from, to: last + stepMs });
    }
  }
  return out.sort((a, b) => a.from - b.from || a.alertname.localeCompare(b.alertname));
}

/** The SLO alerts read for the timeline, or why some could not be read (already worded for the text). */
export interface AlertsResult {
  firings: AlertFiring[];
  gaps: string[];
}

interface TimelineLine {
  at: number;
  text: string;
}

/**
 * The prefilled Timeline section as Markdown lines, oldest first: every incident event (status updates included)
 * and every SLO alert firing. All text from people or Prometheus labels goes through inlineText, so it is inert.
 */
export function timelineLines(
  incident: Incident,
  alerts: AlertsResult,
  sloNames: ReadonlyMap<string, string>
): string[] {
  const lines: TimelineLine[] = incident.timeline.map((e) => ({
    at: e.at,
    text: `${inlineText(describeEvent(e))} (${inlineText(e.author)})`,
  }));
  for (const f of alerts.firings) {
    const detail = [f.severity, f.tier && `${f.tier} tier`].filter(Boolean).join(', ');
    const slo = sloNames.get(f.sloId) ?? f.sloId;
    lines.push({
      at: f.from,
      text:
        `SLO alert ${inlineText(f.alertname)}${detail ? ` (${inlineText(detail)})` : ''} fired for ` +
        `${inlineText(slo)}, until ${utcMinute(f.to)}`,
    });
  }
  // A stable sort keeps incident events before alerts of the same minute: the events are what people saw.
  lines.sort((a, b) => a.at - b.at);
  return [
    ...lines.map((l) => `- **${utcMinute(l.at)}**: ${l.text}`),
    ...alerts.gaps.map((g) => `- _${inlineText(g)}_`),
  ];
}

/** Joins timeline lines, keeping the first `keep` and saying how many were left out. */
export function timelineMarkdown(lines: readonly string[], keep = lines.length): string {
  const kept = lines.slice(0, keep);
  if (keep < lines.length) {
    kept.push(`- _${lines.length - keep} more entries are on the incident's page._`);
  }
  return kept.join('\n');
}

/** One linked SLO's budget line in the Impact section. */
export interface ImpactBudget {
  sloId: string;
  sloName?: string;
  budget?: IncidentBudget;
  share?: number;
}

const METRIC_LABELS: Record<MetricName, string> = {
  timeToDetect: 'Time to detect',
  timeToAcknowledge: 'Time to acknowledge',
  timeToMitigate: 'Time to mitigate',
  timeToResolve: 'Time to resolve',
};

function budgetLine(b: ImpactBudget): string {
  const name = inlineText(b.sloName ?? b.sloId);
  const consumed = b.budget?.consumed;
  if (consumed === undefined) {
    const why = b.budget === undefined ? 'the SLO no longer exists' : (b.budget.error ?? 'no data for the window');
    return `- ${name}: unknown (${inlineText(why)})`;
  }
  const window = b.budget?.window ? ` of its ${b.budget.window} error budget` : ' of its error budget';
  if (b.share !== undefined && crossesIncidentShare(consumed, b.share)) {
    const { consumedText, shareText } = sharePercents(consumed, b.share);
    return `- ${name}: ${consumedText}${window}, over the policy's ${shareText} line`;
  }
  return `- ${name}: ${Number((consumed * 100).toFixed(1))}%${window}`;
}

/** The prefilled Impact section: the window, the response durations, the services and the budget per SLO. */
export function impactMarkdown(incident: Incident, budgets: readonly ImpactBudget[], now: number): string {
  const end = incident.resolvedAt;
  const window =
    end === undefined
      ? `${utcMinute(incident.startedAt)} – ongoing (${humanDuration(now - incident.startedAt)} so far)`
      : `${utcMinute(incident.startedAt)} – ${utcMinute(end)} (${humanDuration(end - incident.startedAt)})`;
  const durations = incidentDurations(incident);
  const parts = [
    `**Impact window:** ${window}`,
    `**Services:** ${incident.services.map(inlineText).join(', ') || '–'}`,
    (Object.keys(METRIC_LABELS) as MetricName[])
      .map((m) => `- ${METRIC_LABELS[m]}: ${durations[m] === undefined ? '–' : humanDuration(durations[m]!)}`)
      .join('\n'),
  ];
  if (budgets.length > 0) {
    parts.push(`**Error budget consumed:**\n${budgets.map(budgetLine).join('\n')}`);
  }
  return parts.join('\n\n');
}

/** The frozen snapshot of the incident; fields without a value are left out (as parseEvent reads them back). */
export function buildPrefill(
  incident: Incident,
  budgets: readonly ImpactBudget[],
  exploreUrl: string | undefined
): PostmortemPrefill {
  const responders = respondersFromTimeline(incident);
  return {
    title: incident.title,
    severity: incident.severity,
    services: incident.services.filter((s) => s.trim() !== ''),
    ...(incident.sloIds.length > 0 && { sloIds: [...incident.sloIds] }),
    startedAt: incident.startedAt,
    detectedAt: incident.detectedAt,
    ...(incident.acknowledgedAt !== undefined && { acknowledgedAt: incident.acknowledgedAt }),
    ...(incident.mitigatedAt !== undefined && { mitigatedAt: incident.mitigatedAt }),
    ...(incident.resolvedAt !== undefined && { resolvedAt: incident.resolvedAt }),
    ...(responders.length > 0 && { responders }),
    ...(budgets.length > 0 && {
      budgets: budgets.map((b) => ({
        sloId: b.sloId,
        ...(b.sloName !== undefined && { sloName: b.sloName }),
        ...(b.budget?.consumed !== undefined && { consumed: b.budget.consumed }),
        ...(b.share !== undefined && { share: b.share }),
      })),
    }),
    ...(exploreUrl !== undefined && { exploreUrl }),
  };
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * The incident's logs in Explore (as incidents.ts links them), absolute when Grafana knows its root URL, so the
 * link still works in an exported Markdown file; undefined without a Loki data source.
 */
export function prefillExploreUrl(
  incident: Incident,
  settings: Required<AppSettings>,
  now: number
): string | undefined {
  if (!settings.lokiUid) {
    return undefined;
  }
  try {
    const expr = incident.logSelectors[0] ?? buildLogSelector(incident.services, settings.logServiceLabel);
    const range = incidentLogRange(incident.startedAt, incident.resolvedAt, now);
    const orgId = config.bootData?.user?.orgId ?? 1;
    const path = buildExploreUrl({ datasourceUid: settings.lokiUid, expr, ...range, orgId });
    const root = /^https?:\/\//i.test(config.appUrl ?? '') ? config.appUrl : (config.appSubUrl ?? '');
    return `${root.replace(/\/+$/, '')}${path}`;
  } catch {
    // No services and no selector: there is nothing to search for, so no link rather than a wrong one.
    return undefined;
  }
}

/** The SLO alerts that fired in the incident's log window, one /api/ds/query per data source. */
async function readSloAlerts(slos: readonly Slo[], defaultUid: string, range: { from: number; to: number }) {
  const result: AlertsResult = { firings: [], gaps: [] };
  const groups = new Map<string, Slo[]>();
  for (const slo of slos) {
    const uid = slo.datasource?.uid || defaultUid;
    if (!uid) {
      result.gaps.push(`SLO alerts of ${slo.name} were not read: ${NO_DATASOURCE}`);
      continue;
    }
    groups.set(uid, [...(groups.get(uid) ?? []), slo]);
  }
  const stepMs = pageStepMs(range);
  await Promise.all(
    [...groups].map(async ([uid, group]) => {
      const ref = group.find((s) => s.datasource?.uid === uid)?.datasource ?? uid;
      const queries = group.map((slo, i) => ({ refId: `alerts${i}`, expr: sloAlertsQuery(slo) }));
      try {
        const results = await queryPrometheus(ref, queries, { ...range, stepMs });
        group.forEach((slo, i) => {
          const r = results[`alerts${i}`];
          if (r?.error) {
            result.gaps.push(`SLO alerts of ${slo.name} could not be read: ${r.error}`);
          }
          result.firings.push(...alertFirings(r?.series ?? [], stepMs));
        });
      } catch (e) {
        group.forEach((slo) => result.gaps.push(`SLO alerts of ${slo.name} could not be read: ${message(e)}`));
      }
    })
  );
  result.firings.sort((a, b) => a.from - b.from);
  return result;
}

/** The budget each linked SLO lost to the incident; a failure leaves it unknown, it never throws. */
async function readBudgets(
  incident: Incident,
  linked: readonly Slo[],
  policies: readonly ErrorBudgetPolicy[],
  defaultUid: string,
  now: number
): Promise<ImpactBudget[]> {
  let budgets = new Map<string, IncidentBudget>();
  if (linked.length > 0) {
    try {
      const span = { startedAt: incident.startedAt, endedAt: incident.resolvedAt ?? now };
      budgets = await fetchIncidentBudgets([...linked], span, defaultUid || undefined);
    } catch {
      // fetchIncidentBudgets reports errors per SLO; this only guards the unexpected. Unknown is shown as such.
    }
  }
  return incident.sloIds.map((sloId) => {
    const slo = linked.find((s) => s.id === sloId);
    if (!slo) {
      return { sloId };
    }
    const found = policyFor(slo, policies);
    return {
      sloId,
      sloName: slo.name,
      budget: budgets.get(sloId) ?? { window: '', error: 'not read' },
      ...('policy' in found && { share: found.policy.incidentBudgetShare }),
    };
  });
}

/** Everything the `started` event carries besides the template: the prefill and the timeline's lines. */
export interface GatheredPrefill {
  prefill: PostmortemPrefill;
  timeline: string[];
  impact: string;
}

/** Reads what the prefill needs (settings, budgets, SLO alerts) and builds it; never throws on a failed read. */
export async function gatherPrefill(incident: Incident, now: number): Promise<GatheredPrefill> {
  let settings: Required<AppSettings> = DEFAULT_SETTINGS;
  let slos: Slo[] = [];
  let policies: ErrorBudgetPolicy[] = [];
  const gaps: string[] = [];
  try {
    const jsonData = (await getPluginSettings()).jsonData;
    settings = { ...DEFAULT_SETTINGS, ...jsonData?.settings };
    slos = readSlos(jsonData).items;
    policies = readPolicies(jsonData).items;
  } catch (e) {
    gaps.push(`The app settings could not be read, so SLO budgets and alerts are missing: ${message(e)}`);
  }
  const linked = slos.filter((s) => incident.sloIds.includes(s.id));
  const range = incidentLogRange(incident.startedAt, incident.resolvedAt, now);
  const [budgets, alerts] = await Promise.all([
    readBudgets(incident, linked, policies, settings.defaultPrometheusUid, now),
    readSloAlerts(linked, settings.defaultPrometheusUid, range),
  ]);
  alerts.gaps.unshift(...gaps);
  const names = new Map(linked.map((s) => [s.id, s.name]));
  return {
    prefill: buildPrefill(incident, budgets, prefillExploreUrl(incident, settings, now)),
    timeline: timelineLines(incident, alerts, names),
    impact: impactMarkdown(incident, budgets, now),
  };
}
