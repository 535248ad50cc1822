import { byTimeThenId, indexRegions, parseEventAnnotations, type StoredAnnotation } from '../storedAnnotations';
import { parseToilEvent, parseToilRecord } from './annotations';
import { taskKey } from './key';
import type { ToilConflict, ToilEditedEvent, ToilEntry, ToilEstimateEvent, ToilFieldName, ToilFields } from './model';

export type { StoredAnnotation } from '../storedAnnotations';

export interface ToilProblem {
  entryId?: string;
  message: string;
}

/** The latest estimate per team and task key. */
export type ToilEstimates = Map<string, ToilEstimateEvent>;

/** The key of an estimate in ToilEstimates: team (case-insensitive) and task key. */
export const estimateKey = (team: string, key: string): string => `${team.trim().toLowerCase()}\u0000${key}`;

interface FieldChange {
  index: number;
  by: string;
  at: number;
  value: unknown;
}

/**
 * Folds entry regions and their events into entries, newest first, and the latest automation estimates.
 * Events apply in (time, id) order whatever order they were read in; a retried append (same event id) counts once.
 * Edits to different fields from the same revision are both kept. When two edits from the same revision change the
 * same field, the later one is shown and the entry carries a conflict naming both values, so nothing is lost
 * silently. A delete made from an older revision than the entry's current one (someone edited meanwhile) does not
 * delete: the entry stays, marked, until someone deletes the version they saw. Never throws.
 */
export function foldToil(
  regions: readonly StoredAnnotation[],
  events: readonly StoredAnnotation[]
): { entries: ToilEntry[]; estimates: ToilEstimates; problems: ToilProblem[] } {
  const problems: ToilProblem[] = [];
  const entries = new Map<string, ToilEntry>();
  const history = new Map<string, string[]>();
  const lastChange = new Map<string, Map<ToilFieldName, FieldChange>>();
  // An entry is one region; a second region with the same entry id (a retried write) is reported, the first kept.
  const indexed = indexRegions(regions, parseToilRecord, 'toil');
  problems.push(...indexed.problems.map((p) => ({ ...(p.id ? { entryId: p.id } : {}), message: p.message })));
  for (const { record, region } of indexed.records.values()) {
    entries.set(record.id, {
      ...record.fields,
      id: record.id,
      loggedBy: record.loggedBy,
      loggedAt: region.time ?? record.fields.at,
      updatedAt: region.time ?? record.fields.at,
      revision: record.id,
      taskKey: taskKey(record.fields.task),
      conflicts: [],
      annotationId: region.id,
    });
    history.set(record.id, [record.id]);
    lastChange.set(record.id, new Map());
  }
  const read = parseEventAnnotations(events, parseToilEvent, 'toil');
  problems.push(...read.problems.map((message) => ({ message })));
  const parsed = read.events;
  const estimates: ToilEstimates = new Map();
  const deleted = new Set<string>();
  const seen = new Set<string>();
  for (const event of parsed.sort(byTimeThenId)) {
    if (seen.has(event.id)) {
      continue;
    }
    seen.add(event.id);
    if (event.kind === 'toil_estimate') {
      estimates.set(estimateKey(event.team, event.taskKey), event);
      continue;
    }
    const entry = entries.get(event.entryId);
    if (!entry) {
      // Its region lies outside what was read (another period), or it was deleted: not an error in the data.
      if (deleted.has(event.entryId)) {
        problems.push({ entryId: event.entryId, message: `an edit of deleted entry ${event.entryId} is skipped` });
      }
      continue;
    }
    const revisions = history.get(entry.id)!;
    // An unknown base (its event was not read) is treated as the original record: conflicts are over-reported,
    // never missed.
    const baseIndex = Math.max(0, revisions.indexOf(event.basedOn));
    if (event.kind === 'toil_deleted') {
      if (baseIndex === revisions.length - 1) {
        entries.delete(entry.id);
        deleted.add(entry.id);
      } else {
        entries.set(entry.id, {
          ...entry,
          staleDelete: { by: event.by, at: event.at },
        });
        problems.push({
          entryId: entry.id,
          message: `${event.by} deleted entry ${entry.id} without seeing a later edit; it is kept`,
        });
      }
      continue;
    }
    entries.set(entry.id, applyEdit(entry, event, baseIndex, revisions.length, lastChange.get(entry.id)!));
    revisions.push(event.id);
  }
  const list = [...entries.values()].sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
  return { entries: list, estimates, problems };
}

function applyEdit(
  entry: ToilEntry,
  event: ToilEditedEvent,
  baseIndex: number,
  index: number,
  changed: Map<ToilFieldName, FieldChange>
): ToilEntry {
  const conflicts: ToilConflict[] = [...entry.conflicts];
  const next: ToilEntry = { ...entry, revision: event.id, updatedAt: event.at };
  for (const [field, value] of Object.entries(event.changes) as Array<[ToilFieldName, unknown]>) {
    const previous = changed.get(field);
    if (previous && previous.index > baseIndex && !sameValue(previous.value, value)) {
      conflicts.push({
        field,
        kept: { by: event.by, at: event.at, value },
        overwritten: { by: previous.by, at: previous.at, value: previous.value },
      });
    }
    changed.set(field, { index, by: event.by, at: event.at, value });
    (next as unknown as Record<string, unknown>)[field] = value;
  }
  if ('task' in event.changes) {
    next.taskKey = taskKey((event.changes as ToilFields).task);
  }
  next.conflicts = conflicts;
  return next;
}

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
