/**
 * Toil stored as annotations, the way incidents and freezes are: one region annotation per entry (`data` = the
 * record, written once, from when the work started to when it ended, tagged `sre-toil` and `team:<name>` so a
 * dashboard can show it) and append-only point annotations for later edits, deletions and automation estimates.
 * An entry is the fold of its record and its events, so two people editing at once both keep what they wrote.
 * Pure: the API layer reads and sends.
 */
import { timeRandomId } from '../ids';
import { sanitizeTagValue } from '../incident/annotations';
import { escapeHtml } from '../incident/html';
import {
  type ToilEvent,
  type ToilFields,
  type ToilRecord,
  TOIL_FIELD_NAMES,
  TOIL_KINDS,
  TOIL_TRAITS,
  type ToilTraits,
} from './model';
import { formatToilMinutes } from './validate';

export const TOIL_TAG = 'sre-toil';
export const TOIL_EVENT_TAG = 'sre-toil-event';
export const TOIL_ESTIMATE_TAG = 'sre-toil-estimate';
const ENTRY_ID_RE = /^toil-[a-z0-9]+-[a-z0-9]+$/;

/** A new entry id such as `toil-mi3k2a1b-x7p2q9ab`: time in base 36 plus random characters. */
export function newToilId(now: number, random: () => number): string {
  return timeRandomId('toil', now, random, 8);
}

/** A new event id, unique among concurrent writers. */
export function newToilEventId(now: number, random: () => number): string {
  return timeRandomId('tev', now, random, 10);
}

/** Tags of an entry's region: `sre-toil` and `team:<name>` (what dashboards filter on) and its id. */
export function toilTags(id: string, team: string): string[] {
  const t = sanitizeTagValue(team);
  return [TOIL_TAG, ...(t ? [`team:${t}`] : []), `toil:${id}`];
}

/** What the API layer POSTs to /api/annotations. */
export interface ToilAnnotationBody {
  time: number;
  timeEnd?: number;
  tags: string[];
  text: string;
  data: ToilRecord | ToilEvent;
}

/** The annotation's text: escaped, since Grafana renders annotation text as HTML. */
export function toilText(fields: Pick<ToilFields, 'task' | 'durationMinutes' | 'who' | 'team'>): string {
  return `<b>Toil</b> (${escapeHtml(fields.team)}): ${escapeHtml(fields.task)}, ${formatToilMinutes(fields.durationMinutes)} <i>(${escapeHtml(fields.who)})</i>`;
}

/** The region of a new entry, from when the work started to when it ended. */
export function toilEntryAnnotation(record: ToilRecord): ToilAnnotationBody {
  const f = record.fields;
  return {
    time: f.at,
    timeEnd: f.at + Math.round(f.durationMinutes * 60_000),
    tags: toilTags(record.id, f.team),
    text: toilText(f),
    data: record,
  };
}

/** The point annotation of one event; `data` holds the event, the source of truth. */
export function toilEventAnnotation(event: ToilEvent): ToilAnnotationBody {
  if (event.kind === 'toil_estimate') {
    return {
      time: event.at,
      tags: [TOIL_ESTIMATE_TAG],
      text: `Toil automation estimate (${escapeHtml(event.team)}): ${escapeHtml(event.taskKey)}, ${event.effortHours}h <i>(${escapeHtml(event.by)})</i>`,
      data: event,
    };
  }
  const what = event.kind === 'toil_edited' ? `edited (${Object.keys(event.changes).join(', ')})` : 'deleted';
  return {
    time: event.at,
    tags: [TOIL_EVENT_TAG, `toil:${event.entryId}`],
    text: `Toil entry ${what} <i>(${escapeHtml(event.by)})</i>`,
    data: event,
  };
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isText = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '';
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

function parseTraits(x: unknown): ToilTraits | string {
  if (!isObj(x)) {
    return 'traits must be an object';
  }
  const traits = {} as ToilTraits;
  for (const t of TOIL_TRAITS) {
    // A trait missing from older data reads as unchecked rather than refusing the entry.
    if (x[t] !== undefined && typeof x[t] !== 'boolean') {
      return `traits.${t} must be true or false`;
    }
    traits[t] = x[t] === true;
  }
  return traits;
}

/** Checks the fields present in `x` (all of them when `complete`), returning the typed fields or why not. */
function parseFields(x: unknown, complete: boolean): Partial<ToilFields> | string {
  if (!isObj(x)) {
    return 'fields must be an object';
  }
  const out: Partial<ToilFields> = {};
  for (const key of TOIL_FIELD_NAMES) {
    const v = x[key];
    if (v === undefined) {
      if (complete && key !== 'link' && key !== 'note') {
        return `${key} is missing`;
      }
      continue;
    }
    switch (key) {
      case 'task':
      case 'team':
      case 'who':
        if (!isText(v)) {
          return `${key} must be a non-empty string`;
        }
        out[key] = v;
        break;
      case 'link':
      case 'note':
        if (typeof v !== 'string') {
          return `${key} must be a string`;
        }
        out[key] = v;
        break;
      case 'at':
        if (!isTime(v)) {
          return 'at must be a time in epoch milliseconds';
        }
        out.at = v;
        break;
      case 'durationMinutes':
        if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
          return 'durationMinutes must be a number above 0';
        }
        out.durationMinutes = v;
        break;
      case 'kind':
        if (!(TOIL_KINDS as readonly unknown[]).includes(v)) {
          return `kind must be one of ${TOIL_KINDS.join(', ')}`;
        }
        out.kind = v as ToilFields['kind'];
        break;
      case 'traits': {
        const traits = parseTraits(v);
        if (typeof traits === 'string') {
          return traits;
        }
        out.traits = traits;
        break;
      }
    }
  }
  return out;
}

/** A region's `data` as an entry record, or why it is not one. */
export function parseToilRecord(data: unknown): ToilRecord | string {
  if (!isObj(data) || data.kind !== 'toil_entry') {
    return 'data.kind is not "toil_entry"';
  }
  if (!isText(data.id) || !ENTRY_ID_RE.test(data.id)) {
    return 'data.id is not a toil entry id';
  }
  if (!isText(data.loggedBy)) {
    return 'data.loggedBy must be a non-empty string';
  }
  const fields = parseFields(data.fields, true);
  if (typeof fields === 'string') {
    return `data.fields.${fields}`;
  }
  return { kind: 'toil_entry', id: data.id, loggedBy: data.loggedBy, fields: fields as ToilFields };
}

/** An event annotation's `data` as a toil event, or why it is not one. */
export function parseToilEvent(data: unknown): ToilEvent | string {
  if (!isObj(data) || !['toil_edited', 'toil_deleted', 'toil_estimate'].includes(data.kind as string)) {
    return 'data.kind is not a toil event';
  }
  if (!isText(data.id) || !isText(data.by) || !isTime(data.at)) {
    return 'data.id, data.by and data.at are required';
  }
  const base = { id: data.id, by: data.by, at: data.at };
  if (data.kind === 'toil_estimate') {
    const effort = data.effortHours;
    if (!isText(data.team) || !isText(data.taskKey)) {
      return 'an estimate needs data.team and data.taskKey';
    }
    if (typeof effort !== 'number' || !Number.isFinite(effort) || effort <= 0) {
      return 'data.effortHours must be a number above 0';
    }
    return { kind: 'toil_estimate', ...base, team: data.team, taskKey: data.taskKey, effortHours: effort };
  }
  if (!isText(data.entryId) || !isText(data.basedOn)) {
    return 'data.entryId and data.basedOn are required';
  }
  if (data.kind === 'toil_deleted') {
    return { kind: 'toil_deleted', ...base, entryId: data.entryId, basedOn: data.basedOn };
  }
  const changes = parseFields(data.changes, false);
  if (typeof changes === 'string') {
    return `data.changes.${changes}`;
  }
  if (Object.keys(changes).length === 0) {
    return 'data.changes is empty';
  }
  return { kind: 'toil_edited', ...base, entryId: data.entryId, basedOn: data.basedOn, changes };
}
