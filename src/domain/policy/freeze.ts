/**
 * Release freezes stored as annotations, the way incidents are: one region annotation per freeze (`data` = the
 * `freeze` record, written once by whoever started it) and one point annotation per later event (an exception, the
 * end), all append-only. A freeze's state is the fold of its region and its events, so two Editors writing at once
 * both keep what they wrote, and every reader computes the same state. Pure: the API layer reads and sends.
 */
import { byTimeThenId, indexRegions, parseEventAnnotations, type StoredAnnotation } from '../storedAnnotations';
import { timeRandomId } from '../ids';
import { sanitizeTagValue } from '../incident/annotations';
import { escapeHtml } from '../incident/html';

export const FREEZE_TAG = 'sre-freeze';
export const FREEZE_EVENT_TAG = 'sre-freeze-event';
const FREEZE_ID_PREFIX = 'freeze:';
const FREEZE_ID_RE = /^frz-[a-z0-9]+-[a-z0-9]+$/;
export const MAX_FREEZE_TEXT = 500;

/** The region's `data`: who started the freeze, for which SLO, and why. */
export interface FreezeRecord {
  kind: 'freeze';
  id: string;
  sloId: string;
  reason: string;
  startedBy: string;
  services: string[];
}

/** One release let through the freeze, with who approved it. */
export interface FreezeExceptionEvent {
  kind: 'freeze_exception';
  id: string;
  freezeId: string;
  at: number;
  by: string;
  reason: string;
  approver: string;
}

export interface FreezeEndedEvent {
  kind: 'freeze_ended';
  id: string;
  freezeId: string;
  at: number;
  by: string;
}

export type FreezeEvent = FreezeExceptionEvent | FreezeEndedEvent;

/** A freeze as the page shows it. */
export interface Freeze {
  id: string;
  sloId: string;
  services: string[];
  reason: string;
  startedBy: string;
  startedAt: number;
  status: 'active' | 'ended';
  endedAt?: number;
  endedBy?: string;
  exceptions: FreezeExceptionEvent[];
  /** The region annotation; ending the freeze sets its end. */
  regionAnnotationId: number;
}

export type { StoredAnnotation } from '../storedAnnotations';

export interface FreezeProblem {
  freezeId?: string;
  message: string;
}

/** A new freeze id such as `frz-mi3k2a1b-x7p2q9`: time in base 36 plus random characters, unique enough. */
export function newFreezeId(now: number, random: () => number): string {
  return timeRandomId('frz', now, random, 8);
}

/** A new freeze event id, unique among concurrent writers. */
export function newFreezeEventId(now: number, random: () => number): string {
  return timeRandomId('fev', now, random, 10);
}

const sloTag = (sloId: string) => `slo:${sanitizeTagValue(sloId)}`;

/** Tags that select every freeze region of one SLO. */
export function freezeRegionQueryTags(sloId: string): string[] {
  return [FREEZE_TAG, sloTag(sloId)];
}

/** Tags that select every freeze event of one SLO (one request for all its freezes). */
export function freezeEventQueryTags(sloId: string): string[] {
  return [FREEZE_EVENT_TAG, sloTag(sloId)];
}

/**
 * Tags of a freeze's region: `sre-freeze` and `service:<name>` per service, which is what dashboards filter on, plus
 * the SLO and the freeze id for the app's own reads.
 */
export function freezeTags(record: FreezeRecord): string[] {
  const services = record.services.map(sanitizeTagValue).filter((s) => s !== '');
  return Array.from(
    new Set([
      FREEZE_TAG,
      ...services.map((s) => `service:${s}`),
      sloTag(record.sloId),
      `${FREEZE_ID_PREFIX}${record.id}`,
    ])
  );
}

/** What the API layer POSTs to /api/annotations. */
export interface FreezeAnnotationBody {
  time: number;
  timeEnd?: number;
  tags: string[];
  text: string;
  data: FreezeRecord | FreezeEvent;
}

/**
 * The region of a new freeze. It starts as a point (time = timeEnd): Grafana finds a region by its stored end, and
 * an end in the future would be a guess; ending the freeze sets the real end.
 */
export function freezeRegionAnnotation(record: FreezeRecord, startedAt: number): FreezeAnnotationBody {
  return {
    time: startedAt,
    timeEnd: startedAt,
    tags: freezeTags(record),
    text: `<b>Release freeze</b> (${escapeHtml(record.services.join(', '))}): ${escapeHtml(record.reason)} <i>(${escapeHtml(record.startedBy)})</i>`,
    data: record,
  };
}

/** The point annotation of one freeze event; `data` holds the event, the source of truth. */
export function freezeEventAnnotation(event: FreezeEvent, sloId: string): FreezeAnnotationBody {
  const text =
    event.kind === 'freeze_exception'
      ? `Freeze exception: ${escapeHtml(event.reason)} (approved by ${escapeHtml(event.approver)})`
      : 'Freeze ended';
  return {
    time: event.at,
    tags: [FREEZE_EVENT_TAG, sloTag(sloId), `${FREEZE_ID_PREFIX}${event.freezeId}`],
    text: `${text} <i>(${escapeHtml(event.by)})</i>`,
    data: event,
  };
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isText = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '';
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

/** A region's `data` as a freeze record, or why it is not one. */
export function parseFreezeRecord(data: unknown): FreezeRecord | string {
  if (!isObj(data) || data.kind !== 'freeze') {
    return 'data.kind is not "freeze"';
  }
  for (const key of ['id', 'sloId', 'reason', 'startedBy'] as const) {
    if (!isText(data[key])) {
      return `data.${key} must be a non-empty string`;
    }
  }
  const id = data.id as string;
  if (!FREEZE_ID_RE.test(id)) {
    return `data.id "${id}" is not a freeze id`;
  }
  const services = Array.isArray(data.services) ? data.services.filter(isText) : [];
  return {
    kind: 'freeze',
    id,
    sloId: data.sloId as string,
    reason: data.reason as string,
    startedBy: data.startedBy as string,
    services,
  };
}

/** An event annotation's `data` as a freeze event, or why it is not one. */
export function parseFreezeEvent(data: unknown): FreezeEvent | string {
  if (!isObj(data) || (data.kind !== 'freeze_exception' && data.kind !== 'freeze_ended')) {
    return 'data.kind is not "freeze_exception" or "freeze_ended"';
  }
  for (const key of ['id', 'freezeId', 'by'] as const) {
    if (!isText(data[key])) {
      return `data.${key} must be a non-empty string`;
    }
  }
  if (!isTime(data.at)) {
    return 'data.at must be a time in epoch milliseconds';
  }
  const base = { id: data.id as string, freezeId: data.freezeId as string, at: data.at, by: data.by as string };
  if (data.kind === 'freeze_ended') {
    return { kind: 'freeze_ended', ...base };
  }
  if (!isText(data.reason) || !isText(data.approver)) {
    return 'an exception needs data.reason and data.approver';
  }
  return { kind: 'freeze_exception', ...base, reason: data.reason, approver: data.approver };
}

/**
 * Folds freeze regions and their events into freezes, newest first. Events are applied in (time, id) order, so the
 * order the API returns them in does not matter; the first `freeze_ended` ends a freeze and later events of it are
 * skipped and reported; a retried append (same event id) counts once. Never throws.
 */
export function foldFreezes(
  regions: readonly StoredAnnotation[],
  events: readonly StoredAnnotation[]
): { freezes: Freeze[]; problems: FreezeProblem[] } {
  const indexed = indexRegions(regions, parseFreezeRecord, 'freeze');
  const read = parseEventAnnotations(events, parseFreezeEvent, 'freeze');
  const problems: FreezeProblem[] = [
    ...indexed.problems.map(({ id, message }) => (id === undefined ? { message } : { freezeId: id, message })),
    ...read.problems.map((message) => ({ message })),
  ];
  const freezes = new Map<string, Freeze>();
  for (const { record, region } of indexed.records.values()) {
    freezes.set(record.id, {
      id: record.id,
      sloId: record.sloId,
      services: record.services,
      reason: record.reason,
      startedBy: record.startedBy,
      startedAt: region.time ?? 0,
      status: 'active',
      exceptions: [],
      regionAnnotationId: region.id,
    });
  }
  const seen = new Set<string>();
  for (const event of read.events.sort(byTimeThenId)) {
    if (seen.has(event.id)) {
      continue;
    }
    seen.add(event.id);
    const freeze = freezes.get(event.freezeId);
    if (!freeze) {
      // Its region may lie outside what was read (an old freeze); not an error in the data.
      continue;
    }
    if (freeze.status === 'ended') {
      problems.push({
        freezeId: freeze.id,
        message: `freeze ${freeze.id}: an event after its end is skipped (${event.id})`,
      });
      continue;
    }
    if (event.kind === 'freeze_ended') {
      freezes.set(freeze.id, { ...freeze, status: 'ended', endedAt: event.at, endedBy: event.by });
    } else {
      freezes.set(freeze.id, { ...freeze, exceptions: [...freeze.exceptions, event] });
    }
  }
  const list = [...freezes.values()].sort((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? -1 : 1));
  return { freezes: list, problems };
}

/** Field-named problems of a freeze's start: a reason is required. */
export function validateFreezeStart(input: { reason: string }): Array<{ field: string; message: string }> {
  return textProblems('reason', input.reason, 'Say why releases are frozen');
}

/**
 * Field-named problems of an exception: a reason and an approver are required, and when the policy names approvers
 * the approver must be one of them (a policy without approvers accepts any named approver, as the gate does).
 */
export function validateFreezeException(
  input: { reason: string; approver: string },
  approvers: readonly string[]
): Array<{ field: string; message: string }> {
  const problems = textProblems('reason', input.reason, 'Say why this release may go out during the freeze');
  const approver = input.approver.trim();
  if (approver === '') {
    problems.push({ field: 'approver', message: 'Name the approver (a Grafana login)' });
  } else if (approvers.length > 0 && !approvers.includes(approver)) {
    problems.push({
      field: 'approver',
      message: `${approver} is not an approver of this policy (${approvers.join(', ')})`,
    });
  }
  return problems;
}

function textProblems(field: string, value: string, required: string): Array<{ field: string; message: string }> {
  const text = value.trim();
  if (text === '') {
    return [{ field, message: required }];
  }
  if (text.length > MAX_FREEZE_TEXT) {
    return [{ field, message: `must be at most ${MAX_FREEZE_TEXT} characters` }];
  }
  return [];
}
