/**
 * Scheduled maintenance stored as annotations, the way release freezes are (domain/policy/freeze.ts): one region
 * annotation per window (`data` = the record, written once by whoever planned it) and append-only point events
 * (today only a cancellation), folded on read. Dashboards draw the region because it is tagged `sre-maintenance`
 * and `service:<name>`; SLAs whose services intersect the window's exclude it (exclusions.ts). Pure.
 */
import { byTimeThenId, indexRegions, parseEventAnnotations, type StoredAnnotation } from '../storedAnnotations';
import { timeRandomId } from '../ids';
import { sanitizeTagValue } from '../incident/annotations';
import { escapeHtml } from '../incident/html';
import type { Interval } from './exclusions';
import type { Sla } from './model';

export const MAINTENANCE_TAG = 'sre-maintenance';
export const MAINTENANCE_EVENT_TAG = 'sre-maintenance-event';
const ID_TAG_PREFIX = 'maintenance:';
const ID_RE = /^mnt-[a-z0-9]+-[a-z0-9]+$/;
export const MAX_MAINTENANCE_TITLE = 200;
/**
 * The longest window that may be planned. Excluded time raises the achieved figure and so lowers credits: a
 * mistyped end (next month instead of next day) would quietly exclude a whole period. Public maintenance policies
 * announce windows of hours (Azure's planned maintenance, GCE's host events); a week covers a data-centre move.
 */
export const MAX_MAINTENANCE_MS = 7 * 24 * 3_600_000;
/** A window may start this much before "now": the form's default start is the current minute. */
export const PLAN_SLACK_MS = 5 * 60_000;

/** The region's `data`: what is maintained, when, and who planned it. */
export interface MaintenanceRecord {
  kind: 'maintenance';
  id: string;
  title: string;
  services: string[];
  start: number;
  end: number;
  by: string;
}

/** Cancelling a window: an event, so the planner's record is never rewritten. */
export interface MaintenanceCancelled {
  kind: 'maintenance_cancelled';
  id: string;
  maintenanceId: string;
  /** When it was cancelled. A window cancelled while running ends then; one cancelled before it starts excludes nothing. */
  at: number;
  by: string;
}

/** A maintenance window as pages and the compliance maths use it (src/api/maintenance.ts's contract). */
export interface MaintenanceWindow {
  id: string;
  title: string;
  services: string[];
  start: number;
  /** The effective end: the planned end, or the cancellation time if that came first. */
  end: number;
  by: string;
  annotationId: number;
  cancelled?: boolean;
  /** The planned end, when a cancellation cut the window short. */
  plannedEnd?: number;
  cancelledBy?: string;
}

export type { StoredAnnotation } from '../storedAnnotations';

/** A new window id such as `mnt-mi3k2a1b-x7p2q9ab`: time in base 36 plus random characters. */
export function newMaintenanceId(now: number, random: () => number): string {
  return timeRandomId('mnt', now, random, 8);
}

/** A new maintenance event id, unique among concurrent writers. */
export function newMaintenanceEventId(now: number, random: () => number): string {
  return timeRandomId('mev', now, random, 10);
}

/** Tags of a window's region: what dashboards filter on (`sre-maintenance`, `service:<name>`) plus its id. */
export function maintenanceTags(record: MaintenanceRecord): string[] {
  const services = record.services.map(sanitizeTagValue).filter((s) => s !== '');
  return Array.from(new Set([MAINTENANCE_TAG, ...services.map((s) => `service:${s}`), `${ID_TAG_PREFIX}${record.id}`]));
}

/** What the API layer POSTs to /api/annotations. */
export interface MaintenanceAnnotationBody {
  time: number;
  timeEnd?: number;
  tags: string[];
  text: string;
  data: MaintenanceRecord | MaintenanceCancelled;
}

/** The region of a planned window; its text is escaped because Grafana renders annotation text as HTML. */
export function maintenanceRegionAnnotation(record: MaintenanceRecord): MaintenanceAnnotationBody {
  return {
    time: record.start,
    timeEnd: record.end,
    tags: maintenanceTags(record),
    text: `<b>Maintenance</b> (${escapeHtml(record.services.join(', '))}): ${escapeHtml(record.title)} <i>(${escapeHtml(record.by)})</i>`,
    data: record,
  };
}

/**
 * The cancellation event. It is stored at the window's start, not at the time of cancelling, so the same time range
 * that finds the region finds its events (a window may be cancelled weeks before it starts); `data.at` keeps when.
 */
export function maintenanceCancelAnnotation(
  event: MaintenanceCancelled,
  windowStart: number
): MaintenanceAnnotationBody {
  return {
    time: windowStart,
    tags: [MAINTENANCE_EVENT_TAG, `${ID_TAG_PREFIX}${event.maintenanceId}`],
    text: `Maintenance cancelled <i>(${escapeHtml(event.by)})</i>`,
    data: event,
  };
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isText = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '';
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

/** A region's `data` as a maintenance record, or why it is not one. */
export function parseMaintenanceRecord(data: unknown): MaintenanceRecord | string {
  if (!isObj(data) || data.kind !== 'maintenance') {
    return 'data.kind is not "maintenance"';
  }
  for (const key of ['id', 'title', 'by'] as const) {
    if (!isText(data[key])) {
      return `data.${key} must be a non-empty string`;
    }
  }
  if (!ID_RE.test(data.id as string)) {
    return `data.id "${String(data.id)}" is not a maintenance id`;
  }
  if (!isTime(data.start) || !isTime(data.end) || data.end <= data.start) {
    return 'data.start and data.end must be times in epoch milliseconds, end after start';
  }
  const services = Array.isArray(data.services) ? data.services.filter(isText) : [];
  if (services.length === 0) {
    return 'data.services must name at least one service';
  }
  return {
    kind: 'maintenance',
    id: data.id as string,
    title: data.title as string,
    services,
    start: data.start,
    end: data.end,
    by: data.by as string,
  };
}

/** An event annotation's `data` as a cancellation, or why it is not one. */
export function parseMaintenanceEvent(data: unknown): MaintenanceCancelled | string {
  if (!isObj(data) || data.kind !== 'maintenance_cancelled') {
    return 'data.kind is not "maintenance_cancelled"';
  }
  for (const key of ['id', 'maintenanceId', 'by'] as const) {
    if (!isText(data[key])) {
      return `data.${key} must be a non-empty string`;
    }
  }
  if (!isTime(data.at)) {
    return 'data.at must be a time in epoch milliseconds';
  }
  return {
    kind: 'maintenance_cancelled',
    id: data.id as string,
    maintenanceId: data.maintenanceId as string,
    at: data.at,
    by: data.by as string,
  };
}

export interface MaintenanceProblem {
  maintenanceId?: string;
  message: string;
}

/**
 * Folds regions and cancellation events into windows, by start (newest first). The earliest cancellation of a
 * window wins, whatever order the API returns events in; a window cancelled before it started keeps start = end, so
 * it excludes nothing but stays listed. The record's times are the source of truth, not the region's (which a
 * dashboard user may drag). Never throws.
 */
export function foldMaintenance(
  regions: readonly StoredAnnotation[],
  events: readonly StoredAnnotation[]
): { windows: MaintenanceWindow[]; problems: MaintenanceProblem[] } {
  const indexed = indexRegions(regions, parseMaintenanceRecord, 'maintenance');
  const parsed = parseEventAnnotations(events, parseMaintenanceEvent, 'maintenance');
  const problems: MaintenanceProblem[] = [
    ...indexed.problems.map(({ id, message }) => (id === undefined ? { message } : { maintenanceId: id, message })),
    ...parsed.problems.map((message) => ({ message })),
  ];
  const windows = new Map<string, MaintenanceWindow>();
  for (const [id, { record, region }] of indexed.records) {
    const { kind: _kind, ...rest } = record;
    windows.set(id, { ...rest, annotationId: region.id });
  }
  for (const c of parsed.events.sort(byTimeThenId)) {
    const w = windows.get(c.maintenanceId);
    if (!w || w.cancelled) {
      continue;
    }
    w.cancelled = true;
    w.cancelledBy = c.by;
    if (c.at < w.end) {
      w.plannedEnd = w.end;
      w.end = Math.max(w.start, c.at);
    }
  }
  const list = [...windows.values()].sort((a, b) => b.start - a.start || (a.id < b.id ? -1 : 1));
  return { windows: list, problems };
}

/** The form's input to plan a window; times in epoch ms. */
export interface MaintenanceInput {
  title: string;
  services: string[];
  start: number;
  end: number;
}

/** Problems of a planned window, each naming its form field; `now` bounds how far in the past it may start. */
export function validateMaintenanceInput(
  input: MaintenanceInput,
  now: number
): Array<{ field: 'title' | 'services' | 'start' | 'end'; message: string }> {
  const problems: Array<{ field: 'title' | 'services' | 'start' | 'end'; message: string }> = [];
  const title = input.title.trim();
  if (title === '') {
    problems.push({ field: 'title', message: 'Say what the maintenance is (shown on every dashboard)' });
  } else if (title.length > MAX_MAINTENANCE_TITLE) {
    problems.push({ field: 'title', message: `must be at most ${MAX_MAINTENANCE_TITLE} characters` });
  }
  if (input.services.map((s) => sanitizeTagValue(s)).filter((s) => s !== '').length === 0) {
    problems.push({ field: 'services', message: 'Name at least one service' });
  }
  const validStart = Number.isFinite(input.start);
  if (!validStart) {
    problems.push({ field: 'start', message: 'must be a date and time' });
  } else if (input.start < now - PLAN_SLACK_MS) {
    // Maintenance is announced before it happens: excluding past time after the fact would rewrite the figure.
    problems.push({ field: 'start', message: 'must not be in the past: maintenance is planned ahead' });
  }
  if (!Number.isFinite(input.end)) {
    problems.push({ field: 'end', message: 'must be a date and time' });
  } else if (validStart && input.end <= input.start) {
    problems.push({ field: 'end', message: 'must be after the start' });
  } else if (validStart && input.end - input.start > MAX_MAINTENANCE_MS) {
    problems.push({ field: 'end', message: 'must be at most 7 days after the start' });
  }
  return problems;
}

/** Whether a window excludes time from this SLA: their services intersect (service names compared as tagged). */
export function appliesTo(window: Pick<MaintenanceWindow, 'services'>, sla: Pick<Sla, 'services'>): boolean {
  const mine = new Set(sla.services.map(sanitizeTagValue));
  return window.services.some((s) => mine.has(sanitizeTagValue(s)));
}

/** The windows that exclude time from `sla`, as titled intervals (cancelled ones only for the part that ran). */
export function exclusionsFor(
  sla: Pick<Sla, 'services'>,
  windows: readonly MaintenanceWindow[]
): Array<Interval & { title: string; id: string }> {
  return windows
    .filter((w) => w.end > w.start && appliesTo(w, sla))
    .map((w) => ({ start: w.start, end: w.end, title: w.title, id: w.id }));
}

/**
 * The windows as compliance is computed from them: only time that was (or will be) excluded. A window cancelled
 * while running keeps the part that ran, so it is passed on as an uncancelled window ending at the cancellation;
 * one cancelled before it started is dropped.
 */
export function excludingWindows(windows: readonly MaintenanceWindow[]): MaintenanceWindow[] {
  return windows.filter((w) => w.end > w.start).map((w) => ({ ...w, cancelled: false }));
}
