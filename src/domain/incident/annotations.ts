/**
 * Pure builders for the annotations the API layer writes (it adds dashboardUID/panelId if any, and sends).
 * One region annotation per incident, refreshed when its state changes, and one point annotation per event.
 * Grafana stores a tag "key:value" split at the first colon into two columns of at most 100 characters, and
 * renders `text` as HTML, hence the sanitising and escaping here. Checked in Grafana's source: the time series
 * panel's annotation tooltip (public/app/plugins/panel/timeseries/plugins/annotations2/AnnotationTooltipBody.tsx)
 * renders `text` with dangerouslySetInnerHTML after `textUtil.sanitize` from @grafana/data. Its sanitiser is a
 * second line of defence: we never rely on it, every piece of user text is escaped here first.
 */
import { prefixRoute, ROUTES } from '../../constants';
import type { IncidentEvent } from './events';
import { escapeHtml, isSafeHref } from './html';
import { isIncidentId } from './ids';
import { type Incident, ROLES, severityLabel } from './model';

export const INCIDENT_TAG = 'sre-incident';
export const INCIDENT_EVENT_TAG = 'sre-incident-event';
const ID_PREFIX = 'incident:';
const MAX_TAG_PART = 100;

/**
 * Makes a user string safe as a tag value: commas (the tag separator in Grafana's tag inputs) and control
 * characters become spaces, whitespace is collapsed and trimmed, and the result is cut to 100 characters.
 */
export function sanitizeTagValue(value: string): string {
  const cleaned = Array.from(value)
    .map((ch) => (ch === ',' || ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f ? ' ' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return Array.from(cleaned).slice(0, MAX_TAG_PART).join('').trim();
}

const prefixed = (key: string, values: readonly string[]): string[] =>
  values
    .map(sanitizeTagValue)
    .filter((v) => v !== '')
    .map((v) => `${key}:${v}`);

/** Tags of an incident's region annotation; dashboards filter on `sre-incident`, `service:<name>` etc. */
export function incidentTags(incident: Incident): string[] {
  const tags = [
    INCIDENT_TAG,
    `${ID_PREFIX}${incident.id}`,
    `sev:${incident.severity}`,
    `status:${incident.status}`,
    ...prefixed('service', incident.services),
    ...prefixed('slo', incident.sloIds),
  ];
  return Array.from(new Set(tags));
}

/** Tags of one event's point annotation: enough to list every event of an incident in one query. */
export function eventTags(incidentId: string): string[] {
  return [INCIDENT_EVENT_TAG, `${ID_PREFIX}${incidentId}`];
}

/** The incident id carried by a list of tags, or undefined when there is none or it is malformed. */
export function incidentIdFromTags(tags: readonly string[]): string | undefined {
  for (const tag of tags) {
    if (tag.startsWith(ID_PREFIX)) {
      const id = tag.slice(ID_PREFIX.length).trim();
      if (isIncidentId(id)) {
        return id;
      }
    }
  }
  return undefined;
}

export interface AnnotationLinks {
  /** Grafana's root: '' or a sub-path such as '/grafana', or an absolute 'https://grafana.example.com'. */
  appUrl: string;
  /** Explore link for the incident's logs (explore.ts); relative ones are put under appUrl. Omit without Loki. */
  exploreUrl?: string;
}

function underApp(appUrl: string, path: string): string {
  return /^https?:\/\//i.test(path) ? path : `${appUrl.replace(/\/+$/, '')}${path}`;
}

/** An anchor, or nothing when the target fails the allow list: a missing link beats a live `javascript:`. */
function link(href: string, label: string): string | undefined {
  return isSafeHref(href) ? `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>` : undefined;
}

/** The HTML text of an incident's region annotation; every user string in it is escaped. */
export function incidentAnnotationText(incident: Incident, links: AnnotationLinks): string {
  const page = underApp(links.appUrl, `${prefixRoute(ROUTES.Incidents)}/${encodeURIComponent(incident.id)}`);
  const anchors = [
    link(page, `Open incident ${incident.id}`),
    links.exploreUrl === undefined ? undefined : link(underApp(links.appUrl, links.exploreUrl), 'Logs in Explore'),
  ].filter((a): a is string => a !== undefined);
  const lines = [
    `<b>[${severityLabel(incident.severity)}] ${escapeHtml(incident.title)}</b>`,
    `Status: ${escapeHtml(incident.status)}`,
  ];
  if (incident.services.length > 0) {
    lines.push(`Services: ${incident.services.map(escapeHtml).join(', ')}`);
  }
  if (incident.summary.trim() !== '') {
    lines.push(escapeHtml(incident.summary));
  }
  if (anchors.length > 0) {
    lines.push(anchors.join(' · '));
  }
  return lines.join('<br>');
}

/** A one-line plain-text description of an event, for annotation text and timelines (not escaped). */
export function describeEvent(event: IncidentEvent): string {
  switch (event.type) {
    case 'declared':
      return `Declared ${severityLabel(event.severity)}: ${event.title}`;
    case 'severity_changed':
      return `Severity ${event.from ? `${severityLabel(event.from)} → ` : 'set to '}${severityLabel(event.to)}`;
    case 'status_changed':
      return `Status → ${event.to}${event.reason ? `: ${event.reason}` : ''}`;
    case 'role_assigned': {
      const role = ROLES[event.role].label;
      const who = (u: { login: string; name?: string }): string => u.name ?? u.login;
      if (event.to === null) {
        return `${role} unassigned${event.from ? ` (was ${who(event.from)})` : ''}`;
      }
      return `${role}: ${event.from ? `${who(event.from)} → ` : ''}${who(event.to)}`;
    }
    case 'note':
      return `Note (${event.kind}): ${event.text}`;
    case 'status_update':
      return `${event.audience === 'external' ? 'External' : 'Internal'} update: ${event.message}`;
    case 'slo_linked':
      return `Linked SLO ${event.sloId}`;
    case 'service_added':
      return `Added service ${event.service}`;
    case 'log_selector_added':
      return `Added log selector ${event.selector}`;
    case 'impact_ended':
      return 'User impact ended';
    case 'resolved':
      return `Resolved${event.summary ? `: ${event.summary}` : ''}`;
    case 'reopened':
      return `Reopened: ${event.reason}`;
    case 'summary_changed':
      return `Summary: ${event.summary}`;
  }
}

/** What the API layer POSTs to /api/annotations (it may add dashboardUID and panelId). */
export interface AnnotationBody {
  time: number;
  timeEnd?: number;
  tags: string[];
  text: string;
  data?: unknown;
}

/** The body of an incident's region annotation: from impact start to resolution, or to `now` while open. */
export function incidentAnnotation(incident: Incident, links: AnnotationLinks, now: number): AnnotationBody {
  return {
    time: incident.startedAt,
    timeEnd: incident.resolvedAt ?? Math.max(now, incident.startedAt),
    tags: incidentTags(incident),
    text: incidentAnnotationText(incident, links),
  };
}

/** The body of one event's point annotation; `data` holds the event itself, the source of truth. */
export function eventAnnotation(event: IncidentEvent): AnnotationBody {
  return {
    time: event.at,
    tags: eventTags(event.incidentId),
    text: `${escapeHtml(describeEvent(event))} <i>(${escapeHtml(event.author)}, ${escapeHtml(event.incidentId)})</i>`,
    data: event,
  };
}
