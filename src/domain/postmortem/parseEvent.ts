/**
 * Validation of postmortem events read back from annotation `data`. Anyone with annotation write access can
 * store anything there, and other app versions may write kinds we do not know, so nothing is trusted: a bad
 * event becomes a reason, never an exception, and only fields we know are copied (no prototype tricks).
 */
import { isSeverity } from '../incident/model';
import { POSTMORTEM_EVENT_TYPES, POSTMORTEM_SCHEMA, type PostmortemEvent, type PostmortemEventType } from './events';
import {
  ACTION_ITEM_FIELD_NAMES,
  ACTION_ITEM_PRIORITIES,
  ACTION_ITEM_STATUSES,
  ACTION_ITEM_TYPES,
  type ActionItemFields,
  type ActionItemOwner,
  type PostmortemPrefill,
  POSTMORTEM_STATUSES,
  type ResponderSnapshot,
  SECTION_KEY_PATTERN,
  type SectionTemplate,
  type SloBudgetConsumption,
} from './model';

export type ParsePostmortemEventResult =
  | { ok: true; event: PostmortemEvent }
  /** `ignored`: a well-formed event of a kind this version does not know (a newer writer); not an error. */
  | { ok: false; reason: string; eventId?: string; ignored?: boolean };

/** Internal only: lets the readers below stay one-liners. Always caught in parsePostmortemEvent. */
class Invalid extends Error {}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Reads typed fields of one untrusted object; every failure names the field's path. */
class Reader {
  constructor(
    private readonly o: Obj,
    private readonly path: string
  ) {}

  private fail(key: string, what: string): never {
    throw new Invalid(`${this.path}${key} must be ${what}`);
  }

  missing(key: string): never {
    throw new Invalid(`${this.path}${key} is missing`);
  }

  has(key: string): boolean {
    return this.o[key] !== undefined;
  }

  text(key: string): string {
    const v = this.o[key];
    return typeof v === 'string' && v.trim() !== '' ? v : this.fail(key, 'a non-empty string');
  }

  /** Any string, empty allowed (a section may be cleared). */
  str(key: string): string {
    const v = this.o[key];
    return typeof v === 'string' ? v : this.fail(key, 'a string');
  }

  optText(key: string): string | undefined {
    return this.has(key) ? this.text(key) : undefined;
  }

  time(key: string): number {
    const v = this.o[key];
    // 8.64e15 ms is the largest time a JS Date can hold.
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 8.64e15
      ? v
      : this.fail(key, 'a time in epoch milliseconds');
  }

  optTime(key: string): number | undefined {
    return this.has(key) ? this.time(key) : undefined;
  }

  count(key: string): number {
    const v = this.o[key];
    return Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : this.fail(key, 'a whole number >= 0');
  }

  member<T extends string>(key: string, values: readonly T[]): T {
    const v = this.o[key];
    return typeof v === 'string' && (values as readonly string[]).includes(v)
      ? (v as T)
      : this.fail(key, `one of ${values.join(', ')}`);
  }

  sectionKey(key: string): string {
    const v = this.text(key);
    return SECTION_KEY_PATTERN.test(v) ? v : this.fail(key, 'a section key');
  }

  strings(key: string): string[] {
    const v = this.o[key];
    return Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '')
      ? [...(v as string[])]
      : this.fail(key, 'a list of non-empty strings');
  }

  list<T>(key: string, item: (r: Reader) => T): T[] {
    const v = this.o[key];
    if (!Array.isArray(v)) {
      this.fail(key, 'a list');
    }
    return v.map((x, i) => {
      if (!isObj(x)) {
        this.fail(`${key}[${i}]`, 'an object');
      }
      return item(new Reader(x, `${this.path}${key}[${i}].`));
    });
  }

  optList<T>(key: string, item: (r: Reader) => T): T[] | undefined {
    return this.has(key) ? this.list(key, item) : undefined;
  }

  obj(key: string): Reader {
    const v = this.o[key];
    return isObj(v) ? new Reader(v, `${this.path}${key}.`) : this.fail(key, 'an object');
  }

  number(key: string, ok: (n: number) => boolean, what: string): number {
    const v = this.o[key];
    return typeof v === 'number' && Number.isFinite(v) && ok(v) ? v : this.fail(key, what);
  }
}

/** Drops `undefined` fields so a parsed event equals the event that was written. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const owner = (r: Reader): ActionItemOwner => compact({ login: r.text('login'), name: r.optText('name') });

function prefill(r: Reader): PostmortemPrefill {
  const severity = r.number('severity', isSeverity, 'a severity 1-4') as PostmortemPrefill['severity'];
  const responder = (x: Reader): ResponderSnapshot =>
    compact({ role: x.text('role'), user: owner(x.obj('user')), from: x.optTime('from'), to: x.optTime('to') });
  const budget = (x: Reader): SloBudgetConsumption =>
    compact({
      sloId: x.text('sloId'),
      sloName: x.optText('sloName'),
      consumed: x.has('consumed') ? x.number('consumed', (n) => n >= 0, 'a share >= 0') : undefined,
      share: x.has('share') ? x.number('share', (n) => n > 0 && n <= 1, 'a share in (0, 1]') : undefined,
    });
  return compact({
    title: r.text('title'),
    severity,
    services: r.strings('services'),
    sloIds: r.has('sloIds') ? r.strings('sloIds') : undefined,
    startedAt: r.time('startedAt'),
    detectedAt: r.optTime('detectedAt'),
    acknowledgedAt: r.optTime('acknowledgedAt'),
    mitigatedAt: r.optTime('mitigatedAt'),
    resolvedAt: r.optTime('resolvedAt'),
    responders: r.optList('responders', responder),
    budgets: r.optList('budgets', budget),
    exploreUrl: r.optText('exploreUrl'),
  });
}

const template = (r: Reader): SectionTemplate => ({
  key: r.sectionKey('key'),
  title: r.text('title'),
  order: r.number('order', () => true, 'a number'),
});

/**
 * Reads the action item fields present (all required ones when `complete`). `null` (clear) is allowed only for
 * the optional fields and only in a patch.
 */
function itemFields(r: Reader, raw: Obj, complete: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ACTION_ITEM_FIELD_NAMES) {
    const optional = key === 'owner' || key === 'trackerUrl' || key === 'wontDoReason';
    if (raw[key] === undefined) {
      if (complete && !optional && key !== 'status') {
        r.missing(key);
      }
      continue;
    }
    if (raw[key] === null && optional && !complete) {
      out[key] = null;
      continue;
    }
    switch (key) {
      case 'title':
      case 'trackerUrl':
      case 'wontDoReason':
        out[key] = r.text(key);
        break;
      case 'type':
        out.type = r.member('type', ACTION_ITEM_TYPES);
        break;
      case 'priority':
        out.priority = r.member('priority', ACTION_ITEM_PRIORITIES);
        break;
      case 'status':
        out.status = r.member('status', ACTION_ITEM_STATUSES);
        break;
      case 'due':
        out.due = r.time('due');
        break;
      case 'owner':
        out.owner = owner(r.obj('owner'));
        break;
    }
  }
  return out;
}

type Base = Pick<PostmortemEvent, 'schema' | 'id' | 'incidentId' | 'at' | 'author'>;

const PAYLOADS: Record<PostmortemEventType, (r: Reader, o: Obj, b: Base) => PostmortemEvent> = {
  started: (r, _o, b) => ({
    ...b,
    type: 'started',
    prefill: prefill(r.obj('prefill')),
    template: r.optList('template', template),
    sections: r.optList('sections', (x) => ({ key: x.sectionKey('key'), markdown: x.str('markdown') })),
  }),
  section_edited: (r, _o, b) => ({
    ...b,
    type: 'section_edited',
    section: r.sectionKey('section'),
    markdown: r.str('markdown'),
    baseRevision: r.count('baseRevision'),
    resolves: r.has('resolves') ? r.strings('resolves') : undefined,
  }),
  status_changed: (r, _o, b) => ({
    ...b,
    type: 'status_changed',
    to: r.member('to', POSTMORTEM_STATUSES),
    from: r.has('from') ? r.member('from', POSTMORTEM_STATUSES) : undefined,
    noActionReason: r.optText('noActionReason'),
  }),
  reviewer_added: (r, _o, b) => ({ ...b, type: 'reviewer_added', reviewer: owner(r.obj('reviewer')) }),
  approved: (_r, _o, b) => ({ ...b, type: 'approved' }),
  amended: (r, _o, b) => ({ ...b, type: 'amended', section: r.sectionKey('section'), text: r.text('text') }),
  action_item_added: (r, o, b) => {
    const item = r.obj('item');
    // An item written without a status (older writers) starts open.
    const fields = { status: 'open', ...itemFields(item, o.item as Obj, true) } as ActionItemFields;
    return { ...b, type: 'action_item_added', itemId: r.text('itemId'), item: fields };
  },
  action_item_updated: (r, o, b) => {
    const changes = itemFields(r.obj('changes'), o.changes as Obj, false);
    if (Object.keys(changes).length === 0) {
      throw new Invalid('changes must change at least one known field');
    }
    return {
      ...b,
      type: 'action_item_updated',
      itemId: r.text('itemId'),
      baseRevision: r.text('baseRevision'),
      changes,
    };
  },
  action_item_closed: (r, _o, b) => {
    const status = r.member('status', ['done', 'wont_do'] as const);
    const reason = status === 'wont_do' ? r.text('reason') : r.optText('reason');
    return { ...b, type: 'action_item_closed', itemId: r.text('itemId'), status, reason };
  },
  flags_acknowledged: (r, _o, b) => ({
    ...b,
    type: 'flags_acknowledged',
    flags: r.list('flags', (x) => ({ section: x.sectionKey('section'), message: x.text('message') })),
  }),
};

/** Validates one annotation's `data` as a postmortem event: the event, or the reason it is refused or ignored. */
export function parsePostmortemEvent(data: unknown): ParsePostmortemEventResult {
  if (!isObj(data)) {
    return { ok: false, reason: 'event data is not an object' };
  }
  if (data.schema !== POSTMORTEM_SCHEMA) {
    return { ok: false, reason: `not a postmortem event (schema is ${JSON.stringify(data.schema) ?? 'missing'})` };
  }
  const eventId = typeof data.id === 'string' && data.id.trim() !== '' ? data.id : undefined;
  const where = eventId === undefined ? 'event' : `event ${eventId}`;
  const type = data.type;
  if (typeof type === 'string' && !(POSTMORTEM_EVENT_TYPES as readonly string[]).includes(type)) {
    return {
      ok: false,
      eventId,
      ignored: true,
      reason: `${where} has kind "${type}", unknown to this version; ignored`,
    };
  }
  try {
    const r = new Reader(data, '');
    const base: Base = {
      schema: POSTMORTEM_SCHEMA,
      id: r.text('id'),
      incidentId: r.text('incidentId'),
      at: r.time('at'),
      author: r.text('author'),
    };
    const kind = r.member('type', POSTMORTEM_EVENT_TYPES);
    return { ok: true, event: compact(PAYLOADS[kind](r, data, base)) };
  } catch (e) {
    if (!(e instanceof Invalid)) {
      throw e;
    }
    return { ok: false, eventId, reason: `invalid ${where}: ${e.message}` };
  }
}
