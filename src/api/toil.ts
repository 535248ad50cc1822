/**
 * Toil entries as annotations (domain/toil): one region per entry and append-only events for edits, deletes and
 * automation estimates, folded on read. Reading a range is three requests whatever the number of entries; writes
 * never rewrite what someone else wrote (the only PATCH moves the entry's region when its time, duration or team
 * changed, leaving its `data`, the record, alone).
 */
import {
  type StoredAnnotation,
  type ToilConflict,
  type ToilEntry,
  type ToilEstimates,
  type ToilEvent,
  type ToilFieldName,
  type ToilFields,
  type ToilProblem,
  type ToilRecord,
  TOIL_ESTIMATE_TAG,
  TOIL_EVENT_TAG,
  TOIL_TAG,
  foldToil,
  newToilEventId,
  newToilId,
  toilEntryAnnotation,
  toilEventAnnotation,
  toilTags,
  toilText,
  validateToilFields,
} from '../domain/toil';
import { getAnnotations, patchAnnotation, postAnnotation } from './annotations';
import { currentLogin } from './permissions';

/**
 * Entries read per range. Grafana returns at most `limit` annotations (a plain int64 with no maximum in its API
 * spec; 100 when absent), so a quarter of a busy organisation's toil (10,000 entries) fits in one response.
 */
export const TOIL_LIMIT = 20_000;
/** Edits and deletes of those entries: entries are rarely edited, so as many events as entries is ample. */
export const TOIL_EVENT_LIMIT = TOIL_LIMIT;
/** Automation estimates (one per team and task, re-estimated now and then); not bound to the range. */
export const TOIL_ESTIMATE_LIMIT = 5_000;
/** Edits follow the work; an entry logged a day late is still edited after its start, so events are read from a day earlier. */
const EVENT_SLACK_MS = 86_400_000;
const WIDE = { from: 0, to: 8_640_000_000_000_000 };
const ONE_ENTRY_EVENTS = 5_000;

/** The input is invalid; nothing was sent. Each problem names the form field it belongs to. */
export class ToilValidationError extends Error {
  constructor(readonly problems: Array<{ field: string; message: string }>) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('\n'));
    this.name = 'ToilValidationError';
  }
}

/** Someone changed the same fields of the entry, or deleted it, since it was loaded; nothing was sent. */
export class ToilConflictError extends Error {
  constructor(
    readonly conflicts: ToilConflict[],
    readonly deleted = false,
    /** The entry as it is now, for a form that offers to re-apply the change on top of it. */
    readonly current?: ToilEntry
  ) {
    super(
      deleted
        ? 'This entry was deleted by someone else since you opened it.'
        : `Someone else changed ${conflicts.map((c) => c.field).join(', ')} since you opened this entry.`
    );
    this.name = 'ToilConflictError';
  }
}

/**
 * The entries whose work started in [from, to), newest first, with the automation estimates and what was skipped.
 * Three GETs: the regions overlapping the range (Grafana matches a region when it overlaps [from, to]), the events
 * from a day before the range on, and every estimate.
 */
export async function listToil(range: {
  from: number;
  to: number;
}): Promise<{ entries: ToilEntry[]; estimates: ToilEstimates; problems: ToilProblem[] }> {
  // One more than each cap, so exactly `limit` items are not reported as cut short.
  const [regions, events, estimates] = await Promise.all([
    getAnnotations({ tags: [TOIL_TAG], from: range.from, to: range.to, limit: TOIL_LIMIT + 1 }),
    getAnnotations({
      tags: [TOIL_EVENT_TAG],
      from: range.from - EVENT_SLACK_MS,
      to: WIDE.to,
      limit: TOIL_EVENT_LIMIT + 1,
    }),
    getAnnotations({ tags: [TOIL_ESTIMATE_TAG], ...WIDE, limit: TOIL_ESTIMATE_LIMIT + 1 }),
  ]);
  const folded = foldToil(regions.slice(0, TOIL_LIMIT), [
    ...events.slice(0, TOIL_EVENT_LIMIT),
    ...estimates.slice(0, TOIL_ESTIMATE_LIMIT),
  ]);
  const problems = folded.problems;
  if (regions.length > TOIL_LIMIT) {
    problems.push({ message: `only ${TOIL_LIMIT} toil entries of this range are read; narrow the range` });
  }
  if (events.length > TOIL_EVENT_LIMIT) {
    problems.push({ message: `more than ${TOIL_EVENT_LIMIT} toil edits; some edits may be missing` });
  }
  if (estimates.length > TOIL_ESTIMATE_LIMIT) {
    problems.push({ message: `more than ${TOIL_ESTIMATE_LIMIT} automation estimates; some may be missing` });
  }
  // An edit may have moved an entry's start out of the range; the folded time decides.
  const entries = folded.entries.filter((e) => e.at >= range.from && e.at < range.to);
  return { entries, estimates: folded.estimates, problems };
}

function trimmed(fields: ToilFields): ToilFields {
  const out: ToilFields = { ...fields, task: fields.task.trim(), team: fields.team.trim(), who: fields.who.trim() };
  const link = fields.link?.trim();
  const note = fields.note?.trim();
  delete out.link;
  delete out.note;
  return { ...out, ...(link ? { link } : {}), ...(note ? { note } : {}) };
}

/** Logs one entry: validated first (ToilValidationError, nothing sent), then one POST. Returns its id. */
export async function logToil(fields: ToilFields): Promise<string> {
  const problems = validateToilFields(fields, Date.now());
  if (problems.length > 0) {
    throw new ToilValidationError(problems);
  }
  const record: ToilRecord = {
    kind: 'toil_entry',
    id: newToilId(Date.now(), Math.random),
    loggedBy: currentLogin(),
    fields: trimmed(fields),
  };
  await postAnnotation(toilEntryAnnotation(record));
  return record.id;
}

/**
 * Logs many entries (CSV import) one request at a time, so a large file never bursts Grafana's API; each row is
 * validated on its own and a failed row does not stop the others.
 */
export async function logToilBatch(
  rows: ToilFields[],
  onProgress?: (done: number) => void
): Promise<{ logged: number; failed: Array<{ index: number; message: string }> }> {
  let logged = 0;
  const failed: Array<{ index: number; message: string }> = [];
  for (let i = 0; i < rows.length; i++) {
    try {
      await logToil(rows[i]);
      logged++;
    } catch (e) {
      failed.push({ index: i, message: e instanceof Error ? e.message : String(e) });
    }
    onProgress?.(i + 1);
  }
  return { logged, failed };
}

/** The entry as stored now: its region and every event of it, folded (two GETs). */
async function currentEntry(entry: ToilEntry): Promise<ToilEntry | undefined> {
  const [regions, events] = await Promise.all([
    getAnnotations({ tags: [TOIL_TAG, `toil:${entry.id}`], ...WIDE, limit: 2 }),
    getAnnotations({ tags: [TOIL_EVENT_TAG, `toil:${entry.id}`], ...WIDE, limit: ONE_ENTRY_EVENTS }),
  ]);
  return foldToil(regions as StoredAnnotation[], events).entries.find((e) => e.id === entry.id);
}

/**
 * The fields someone else changed since `base` that the caller also changes, with both values. Compares values,
 * so re-applying the same value is not a conflict.
 */
function overlapping(base: ToilEntry, current: ToilEntry, changes: Partial<ToilFields>, by: string): ToilConflict[] {
  const out: ToilConflict[] = [];
  for (const [field, mine] of Object.entries(changes) as Array<[ToilFieldName, unknown]>) {
    const before = JSON.stringify(base[field]);
    const theirs = current[field];
    if (JSON.stringify(theirs) !== before && JSON.stringify(theirs) !== JSON.stringify(mine)) {
      out.push({
        field,
        kept: { by: 'someone else', at: Date.now(), value: theirs },
        overwritten: { by, at: Date.now(), value: mine },
      });
    }
  }
  return out;
}

/**
 * Changes some fields of an entry. Re-reads it first: when someone else changed one of the same fields since
 * `entry` was loaded, or deleted it, throws ToilConflictError and sends nothing; changes to other fields are kept
 * by the fold. Validates the result (ToilValidationError). Derived entries cannot be edited.
 */
export async function editToil(entry: ToilEntry, changes: Partial<ToilFields>): Promise<void> {
  if (entry.derived) {
    throw new ToilValidationError([
      { field: 'entry', message: 'derived entries are computed, not stored: edit their source' },
    ]);
  }
  const changed = Object.fromEntries(
    Object.entries(changes).filter(([k, v]) => JSON.stringify(entry[k as ToilFieldName]) !== JSON.stringify(v))
  ) as Partial<ToilFields>;
  if (Object.keys(changed).length === 0) {
    return;
  }
  const current = await currentEntry(entry);
  if (!current) {
    throw new ToilConflictError([], true);
  }
  const by = currentLogin();
  const conflicts = overlapping(entry, current, changed, by);
  if (conflicts.length > 0) {
    throw new ToilConflictError(conflicts, false, current);
  }
  const next = trimmed({ ...current, ...changed });
  const problems = validateToilFields(next, Math.max(Date.now(), current.at, entry.at));
  if (problems.length > 0) {
    throw new ToilValidationError(problems);
  }
  // After the last change it saw, so the fold, which orders by time, applies this one after it.
  const now = Math.max(Date.now(), current.updatedAt + 1);
  const event: ToilEvent = {
    kind: 'toil_edited',
    id: newToilEventId(now, Math.random),
    entryId: entry.id,
    at: now,
    by,
    basedOn: current.revision,
    changes: Object.fromEntries(Object.keys(changed).map((k) => [k, next[k as ToilFieldName]])),
  };
  await postAnnotation(toilEventAnnotation(event));
  if (
    current.annotationId !== undefined &&
    ('at' in changed || 'durationMinutes' in changed || 'team' in changed || 'task' in changed || 'who' in changed)
  ) {
    // Dashboards draw the region and its text; the record in `data` cannot change, the fold stays the truth.
    await patchAnnotation(current.annotationId, {
      time: next.at,
      timeEnd: next.at + Math.round(next.durationMinutes * 60_000),
      tags: toilTags(entry.id, next.team),
      text: toilText(next),
    });
  }
}

/**
 * Deletes an entry (an append-only event; the fold hides it). Refused with ToilConflictError when someone changed
 * it since it was loaded, so nobody deletes a version they have not seen.
 */
export async function deleteToil(entry: ToilEntry): Promise<void> {
  if (entry.derived) {
    throw new ToilValidationError([{ field: 'entry', message: 'derived entries are computed, not stored' }]);
  }
  const current = await currentEntry(entry);
  if (!current) {
    return;
  }
  if (current.revision !== entry.revision) {
    const changed = (Object.keys(current) as ToilFieldName[]).filter(
      (k) => JSON.stringify(current[k]) !== JSON.stringify(entry[k])
    );
    const by = currentLogin();
    throw new ToilConflictError(
      changed.map((field) => ({
        field,
        kept: { by: 'someone else', at: Date.now(), value: current[field] },
        overwritten: { by, at: Date.now(), value: entry[field] },
      })),
      false,
      current
    );
  }
  // After the last change it saw, so the fold, which orders by time, applies this one after it.
  const now = Math.max(Date.now(), current.updatedAt + 1);
  await postAnnotation(
    toilEventAnnotation({
      kind: 'toil_deleted',
      id: newToilEventId(now, Math.random),
      entryId: entry.id,
      at: now,
      by: currentLogin(),
      basedOn: current.revision,
    })
  );
}

/** Records a team's estimate of the hours it would take to automate a task away; the latest estimate counts. */
export async function setAutomationEstimate(team: string, taskKey: string, effortHours: number): Promise<void> {
  if (!Number.isFinite(effortHours) || effortHours <= 0 || effortHours > 100_000) {
    throw new ToilValidationError([{ field: 'effortHours', message: 'must be a number of hours above 0' }]);
  }
  if (team.trim() === '' || taskKey.trim() === '') {
    throw new ToilValidationError([{ field: 'task', message: 'needs a team and a task' }]);
  }
  const now = Date.now();
  await postAnnotation(
    toilEventAnnotation({
      kind: 'toil_estimate',
      id: newToilEventId(now, Math.random),
      team: team.trim(),
      taskKey,
      effortHours,
      at: now,
      by: currentLogin(),
    })
  );
}
