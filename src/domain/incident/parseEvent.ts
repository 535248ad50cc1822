/**
 * Validation of events read back from annotation `data`. Anyone with annotation write access can store
 * anything there, and older or newer app versions may write shapes we do not know, so nothing is trusted:
 * a bad event becomes a Problem, never an exception, and the fold carries on without it.
 */
import { EVENT_TYPES, type IncidentEvent, type IncidentEventType, NOTE_KINDS, UPDATE_AUDIENCES } from './events';
import { type GrafanaUser, isIncidentStatus, isRoleName, isSeverity, type Problem } from './model';

export type ParseEventResult = { ok: true; event: IncidentEvent } | { ok: false; problem: Problem };

type Obj = Record<string, unknown>;

/** Internal only: lets the field readers below stay one-liners. Always caught in parseEvent. */
class Invalid extends Error {}

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(o: Obj, key: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '') {
    throw new Invalid(`"${key}" must be a non-empty string`);
  }
  return v;
}

function optText(o: Obj, key: string): string | undefined {
  return o[key] === undefined ? undefined : text(o, key);
}

function time(o: Obj, key: string): number {
  const v = o[key];
  // 8.64e15 ms is the largest time a JS Date can hold.
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 8.64e15) {
    throw new Invalid(`"${key}" must be a time in epoch milliseconds`);
  }
  return v;
}

function optTime(o: Obj, key: string): number | undefined {
  return o[key] === undefined ? undefined : time(o, key);
}

function oneOf<T extends string | number>(o: Obj, key: string, ok: (v: unknown) => v is T, what: string): T {
  const v = o[key];
  if (!ok(v)) {
    throw new Invalid(`"${key}" must be ${what}, got ${JSON.stringify(v) ?? 'nothing'}`);
  }
  return v;
}

function member<T extends string>(values: readonly T[]): (v: unknown) => v is T {
  return (v: unknown): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);
}

function strings(o: Obj, key: string): string[] {
  const v = o[key];
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s.trim() === '')) {
    throw new Invalid(`"${key}" must be a list of non-empty strings`);
  }
  return [...v];
}

function optStrings(o: Obj, key: string): string[] | undefined {
  return o[key] === undefined ? undefined : strings(o, key);
}

function user(v: unknown, key: string): GrafanaUser {
  if (!isObject(v) || typeof v.login !== 'string' || v.login.trim() === '') {
    throw new Invalid(`"${key}" must be a user with a login`);
  }
  const out: GrafanaUser = { login: v.login };
  if (typeof v.name === 'string') {
    out.name = v.name;
  }
  if (typeof v.id === 'number' && Number.isInteger(v.id)) {
    out.id = v.id;
  }
  return out;
}

function userOrNull(o: Obj, key: string): GrafanaUser | null {
  return o[key] === null ? null : user(o[key], key);
}

/** Drops `undefined` optional fields so a parsed event equals the event that was written. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

type Base = Pick<IncidentEvent, 'id' | 'incidentId' | 'at' | 'author'>;

const PAYLOADS: Record<IncidentEventType, (o: Obj, b: Base) => IncidentEvent> = {
  declared: (o, b) => ({
    ...b,
    type: 'declared',
    title: text(o, 'title'),
    severity: oneOf(o, 'severity', isSeverity, 'a severity 1-4'),
    services: strings(o, 'services'),
    startedAt: optTime(o, 'startedAt'),
    detectedAt: optTime(o, 'detectedAt'),
    summary: optText(o, 'summary'),
    sloIds: optStrings(o, 'sloIds'),
    logSelectors: optStrings(o, 'logSelectors'),
  }),
  severity_changed: (o, b) => ({
    ...b,
    type: 'severity_changed',
    from: o.from === undefined ? undefined : oneOf(o, 'from', isSeverity, 'a severity 1-4'),
    to: oneOf(o, 'to', isSeverity, 'a severity 1-4'),
  }),
  status_changed: (o, b) => ({
    ...b,
    type: 'status_changed',
    to: oneOf(o, 'to', isIncidentStatus, 'an incident status'),
    reason: optText(o, 'reason'),
  }),
  role_assigned: (o, b) => ({
    ...b,
    type: 'role_assigned',
    role: oneOf(o, 'role', isRoleName, 'a role name'),
    to: userOrNull(o, 'to'),
    from: o.from === undefined ? undefined : userOrNull(o, 'from'),
  }),
  note: (o, b) => ({
    ...b,
    type: 'note',
    kind: oneOf(o, 'kind', member(NOTE_KINDS), NOTE_KINDS.join(' | ')),
    text: text(o, 'text'),
  }),
  status_update: (o, b) => ({
    ...b,
    type: 'status_update',
    audience: oneOf(o, 'audience', member(UPDATE_AUDIENCES), UPDATE_AUDIENCES.join(' | ')),
    message: text(o, 'message'),
  }),
  slo_linked: (o, b) => ({ ...b, type: 'slo_linked', sloId: text(o, 'sloId') }),
  service_added: (o, b) => ({ ...b, type: 'service_added', service: text(o, 'service') }),
  log_selector_added: (o, b) => ({ ...b, type: 'log_selector_added', selector: text(o, 'selector') }),
  impact_ended: (o, b) => ({ ...b, type: 'impact_ended', endedAt: optTime(o, 'endedAt') }),
  resolved: (o, b) => ({ ...b, type: 'resolved', summary: optText(o, 'summary') }),
  reopened: (o, b) => ({
    ...b,
    type: 'reopened',
    // An empty reason is kept so that the fold, not the parser, reports the domain rule.
    reason: typeof o.reason === 'string' ? o.reason : text(o, 'reason'),
    to:
      o.to === undefined ? undefined : oneOf(o, 'to', member(['triage', 'mitigating'] as const), 'triage | mitigating'),
  }),
  summary_changed: (o, b) => ({ ...b, type: 'summary_changed', summary: text(o, 'summary') }),
};

/** Validates an event read back from an annotation's `data`; returns the event or the problem with it. */
export function parseEvent(data: unknown): ParseEventResult {
  if (!isObject(data)) {
    return { ok: false, problem: { message: 'event data is not an object' } };
  }
  const eventId = typeof data.id === 'string' && data.id.trim() !== '' ? data.id : undefined;
  try {
    if (eventId === undefined) {
      throw new Invalid('"id" must be a non-empty string');
    }
    const type = data.type;
    if (!member(EVENT_TYPES)(type)) {
      throw new Invalid(`unknown event type ${JSON.stringify(type) ?? '(none)'}`);
    }
    const base: Base = {
      id: eventId,
      incidentId: text(data, 'incidentId'),
      at: time(data, 'at'),
      author: text(data, 'author'),
    };
    return { ok: true, event: compact(PAYLOADS[type](data, base)) };
  } catch (e) {
    if (!(e instanceof Invalid)) {
      throw e;
    }
    const where = eventId === undefined ? 'event' : `event ${eventId}`;
    return { ok: false, problem: { eventId, message: `invalid ${where}: ${e.message}` } };
  }
}
