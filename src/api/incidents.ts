/**
 * Incidents stored as annotations: one point annotation per event (the source of truth, `data` = the event)
 * and one region annotation per incident (a derived view for dashboards, refreshed after each append).
 * Only events are ever folded into state; the region only tells us which incidents exist in a time range.
 */
import { config } from '@grafana/runtime';
import {
  type AnnotationLinks,
  eventAnnotation,
  eventTags,
  INCIDENT_EVENT_TAG,
  INCIDENT_TAG,
  incidentAnnotation,
  incidentIdFromTags,
} from '../domain/incident/annotations';
import type { DeclaredEvent, IncidentEvent } from '../domain/incident/events';
import { applyEvent, foldAnnotationData } from '../domain/incident/fold';
import { isIncidentId, newEventId, newIncidentId, nextEventAt } from '../domain/incident/ids';
import { type Incident, isSeverity, type Severity } from '../domain/incident/model';
import { validateCommand } from '../domain/incident/stateMachine';
import { buildExploreUrl, incidentLogRange } from '../domain/logs/explore';
import { buildLogSelector } from '../domain/logs/logql';
import { type AnnotationDto, getAnnotations, patchAnnotation, postAnnotation } from './annotations';
import { currentLogin } from './permissions';
import { getPluginSettings } from './pluginSettings';
import { DEFAULT_SETTINGS } from './types';

/**
 * Grafana returns at most `limit` annotations (a plain int64 query parameter with no maximum in its API spec; it
 * uses 100 when the parameter is absent), so the list asks for enough to show hundreds of incidents in full.
 */
export const LIST_INCIDENT_LIMIT = 500;
/**
 * Events outnumber incidents, so their query asks for more: 50 per incident is several times a busy incident's
 * timeline (declared, roles, status changes, notes, updates, resolved: typically 5-20). The cap, 500 × 50 = 25,000,
 * bounds one response: at roughly 0.5-1 kB of JSON per event annotation that is at most ~15-25 MB, reached only when
 * the range really holds that many events; 500 incidents of ~8 events each return ~4,000.
 */
const EVENTS_PER_INCIDENT = 50;
export const MAX_LIST_EVENTS = LIST_INCIDENT_LIMIT * EVENTS_PER_INCIDENT;
/** One incident's events (getIncident, appendEvent): far more than any single timeline. */
const MAX_INCIDENT_EVENTS = 5000;
/** "No time limit" for one incident's events: from the epoch to the largest time a JS Date can hold. */
const WIDE = { from: 0, to: 8_640_000_000_000_000 };
export const MAX_TITLE_LENGTH = 200;

/** An incident's folded state plus the id of its region annotation, which appends refresh. */
export interface LoadedIncident extends Incident {
  regionAnnotationId?: number;
}

/** Something that was skipped while reading incidents; shown to the user, never thrown. */
export interface IncidentProblem {
  incidentId?: string;
  eventId?: string;
  message: string;
}

/** The input is invalid; nothing was sent. Each problem names the form field it belongs to. */
export class IncidentValidationError extends Error {
  constructor(readonly problems: Array<{ field: string; message: string }>) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('\n'));
    this.name = 'IncidentValidationError';
  }
}

/** The incident was declared, but linking its SLOs failed part-way; the incident exists. */
export class SloLinkError extends Error {
  constructor(
    readonly incidentId: string,
    message: string
  ) {
    super(`Incident ${incidentId} was declared, but linking its SLOs failed: ${message}`);
    this.name = 'SloLinkError';
  }
}

/** The lifecycle refuses the event (validateCommand); nothing was sent. */
export class CommandRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandRefusedError';
  }
}

function incidentTag(id: string): string {
  return eventTags(id)[1];
}

/** Folds the events of one incident, attaching the incident id to every problem. */
function fold(id: string, events: AnnotationDto[], regionId: number | undefined) {
  const { incident, problems } = foldAnnotationData(events.map((e) => e.data));
  const tagged: IncidentProblem[] = problems.map((p) => ({ incidentId: id, ...p }));
  if (!incident) {
    tagged.push({ incidentId: id, message: `incident ${id} has no valid "declared" event; it is not shown` });
    return { incident: undefined, problems: tagged };
  }
  if (incident.id !== id) {
    tagged.push({ incidentId: id, message: `incident ${id}: its events describe ${incident.id}; it is not shown` });
    return { incident: undefined, problems: tagged };
  }
  const loaded: LoadedIncident = { ...incident, regionAnnotationId: regionId };
  return { incident: loaded, problems: tagged };
}

function groupByIncident(events: AnnotationDto[]): Map<string, AnnotationDto[]> {
  const groups = new Map<string, AnnotationDto[]>();
  for (const e of events) {
    const id = incidentIdFromTags(e.tags ?? []);
    if (id === undefined) {
      continue;
    }
    const group = groups.get(id);
    if (group) {
      group.push(e);
    } else {
      groups.set(id, [e]);
    }
  }
  return groups;
}

/**
 * The incidents whose region overlaps [from, to], folded from their events. Exactly two requests whatever the
 * number of incidents: the regions of the range (by tag, at most `limit`), then every event of the span those
 * regions cover (at most 50 per incident, MAX_LIST_EVENTS in all). Hitting either cap is reported as a problem.
 */
export async function listIncidents({
  from,
  to,
  limit = LIST_INCIDENT_LIMIT,
}: {
  from: number;
  to: number;
  limit?: number;
}): Promise<{ incidents: LoadedIncident[]; problems: IncidentProblem[] }> {
  // One more than the cap, so a range with exactly `limit` incidents is not reported as cut short.
  const regions = await getAnnotations({ tags: [INCIDENT_TAG], from, to, limit: limit + 1 });
  const problems: IncidentProblem[] = [];
  if (regions.length > limit) {
    problems.push({ message: `only the first ${limit} incidents of this range are shown; narrow the range` });
  }
  const byId = new Map<string, AnnotationDto>();
  for (const r of regions.slice(0, limit)) {
    const id = incidentIdFromTags(r.tags ?? []);
    if (id !== undefined && !byId.has(id)) {
      byId.set(id, r);
    }
  }
  if (byId.size === 0) {
    return { incidents: [], problems };
  }
  // Events happen between an incident's start and now (notes may follow the resolution), never before its start.
  const times = [...byId.values()].flatMap((r) => [r.time ?? from, r.timeEnd ?? r.time ?? to]);
  const eventLimit = Math.min(MAX_LIST_EVENTS, byId.size * EVENTS_PER_INCIDENT);
  const events = await getAnnotations({
    tags: [INCIDENT_EVENT_TAG],
    from: Math.min(from, ...times),
    to: Math.max(to, Date.now(), ...times),
    limit: eventLimit + 1,
  });
  if (events.length > eventLimit) {
    problems.push({
      message: `more than ${eventLimit} incident events in this range; some timelines may be incomplete`,
    });
  }
  const grouped = groupByIncident(events);
  const incidents: LoadedIncident[] = [];
  for (const [id, region] of byId) {
    const folded = fold(id, grouped.get(id) ?? [], region.id);
    problems.push(...folded.problems);
    if (folded.incident) {
      incidents.push(folded.incident);
    }
  }
  return { incidents, problems };
}

function getIncidentEvents(id: string): Promise<AnnotationDto[]> {
  return getAnnotations({ tags: eventTags(id), ...WIDE, limit: MAX_INCIDENT_EVENTS });
}

/** One incident folded from all its events, or undefined when it does not exist. */
export async function getIncident(
  id: string
): Promise<{ incident: LoadedIncident | undefined; problems: IncidentProblem[] }> {
  if (!isIncidentId(id)) {
    return { incident: undefined, problems: [{ message: `"${id}" is not a valid incident id` }] };
  }
  const [events, regions] = await Promise.all([
    getIncidentEvents(id),
    getAnnotations({ tags: [INCIDENT_TAG, incidentTag(id)], ...WIDE, limit: 10 }),
  ]);
  if (events.length === 0) {
    return { incident: undefined, problems: [] };
  }
  return fold(id, events, regions[0]?.id);
}

/** Links in the region text: the incident page, and its logs in Explore when a Loki data source is set. */
async function annotationLinks(incident: Incident, now: number): Promise<AnnotationLinks> {
  const appUrl = config.appSubUrl ?? '';
  try {
    const settings = { ...DEFAULT_SETTINGS, ...(await getPluginSettings()).jsonData?.settings };
    if (!settings.lokiUid) {
      return { appUrl };
    }
    const expr = incident.logSelectors[0] ?? buildLogSelector(incident.services, settings.logServiceLabel);
    const range = incidentLogRange(incident.startedAt, incident.resolvedAt, now);
    const orgId = config.bootData?.user?.orgId ?? 1;
    return { appUrl, exploreUrl: buildExploreUrl({ datasourceUid: settings.lokiUid, expr, ...range, orgId }) };
  } catch {
    // A missing log link must never block recording an incident.
    return { appUrl };
  }
}

export interface DeclareInput {
  title: string;
  severity: number;
  services: string[];
  /** When impact began; defaults to now. */
  startedAt?: number;
  /** SLOs to link right after declaring, each as its own `slo_linked` event (appendEvent). */
  sloIds?: string[];
}

/** Field-named problems of a declaration; empty when it may be sent. */
export function validateDeclaration(input: DeclareInput, now: number): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  const title = input.title.trim();
  if (title === '') {
    problems.push({ field: 'title', message: 'A title is required' });
  } else if (title.length > MAX_TITLE_LENGTH) {
    problems.push({ field: 'title', message: `The title must be at most ${MAX_TITLE_LENGTH} characters` });
  }
  if (!isSeverity(input.severity)) {
    problems.push({ field: 'severity', message: 'Choose a severity from SEV1 to SEV4' });
  }
  if (cleanServices(input.services).length === 0) {
    problems.push({ field: 'services', message: 'Name at least one affected service' });
  }
  if (input.startedAt !== undefined && !(Number.isInteger(input.startedAt) && input.startedAt <= now)) {
    problems.push({ field: 'startedAt', message: 'Impact cannot start in the future' });
  }
  return problems;
}

function cleanServices(services: string[]): string[] {
  return Array.from(new Set(services.map((s) => s.trim()).filter((s) => s !== '')));
}

/**
 * Declares an incident: the `declared` event, then its region annotation from `startedAt` to now.
 * Throws IncidentValidationError (sending nothing) on invalid input. Returns the new incident's id.
 */
export async function declareIncident(input: DeclareInput): Promise<string> {
  const now = Date.now();
  const problems = validateDeclaration(input, now);
  if (problems.length > 0) {
    throw new IncidentValidationError(problems);
  }
  const event: DeclaredEvent = {
    id: newEventId(now, Math.random),
    incidentId: newIncidentId(now, Math.random),
    at: now,
    author: currentLogin(),
    type: 'declared',
    title: input.title.trim(),
    severity: input.severity as Severity,
    services: cleanServices(input.services),
    ...(input.startedAt !== undefined && { startedAt: input.startedAt }),
  };
  const refused = validateCommand(undefined, event);
  if (refused) {
    throw new CommandRefusedError(refused.message);
  }
  const incident = applyEvent(undefined, event);
  await postAnnotation(eventAnnotation(event));
  const region = await postAnnotation(incidentAnnotation(incident, await annotationLinks(incident, now), now));
  const sloIds = Array.from(new Set((input.sloIds ?? []).map((s) => s.trim()).filter((s) => s !== '')));
  let current: LoadedIncident = { ...incident, regionAnnotationId: region?.id };
  try {
    for (const sloId of sloIds) {
      const at = nextEventAt(current, Date.now());
      const linked: IncidentEvent = {
        id: newEventId(at, Math.random),
        incidentId: incident.id,
        at,
        author: event.author,
        type: 'slo_linked',
        sloId,
      };
      current = await appendEvent(current, linked);
    }
  } catch (e) {
    throw new SloLinkError(event.incidentId, e instanceof Error ? e.message : String(e));
  }
  return event.incidentId;
}

/**
 * Appends one event: refused (nothing sent) when the lifecycle forbids it, else POSTs it and refreshes the
 * region annotation from a fresh fold, so the region reflects concurrent appends too. Earlier events are never
 * rewritten, so two responders appending at once both keep their events.
 */
export async function appendEvent(incident: LoadedIncident, event: IncidentEvent): Promise<LoadedIncident> {
  const refused = validateCommand(incident, event);
  if (refused) {
    throw new CommandRefusedError(refused.message);
  }
  await postAnnotation(eventAnnotation(event));
  const refolded = fold(incident.id, await getIncidentEvents(incident.id), incident.regionAnnotationId).incident;
  // A read that lags the write must not lose our event in the view we return.
  const next: LoadedIncident = refolded?.timeline.some((e) => e.id === event.id)
    ? refolded
    : { ...applyEvent(incident, event), regionAnnotationId: incident.regionAnnotationId };
  const now = Date.now();
  const body = incidentAnnotation(next, await annotationLinks(next, now), now);
  if (incident.regionAnnotationId === undefined) {
    const created = await postAnnotation(body);
    return { ...next, regionAnnotationId: created.id };
  }
  await patchAnnotation(incident.regionAnnotationId, body);
  return next;
}
