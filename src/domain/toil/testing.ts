/** Builders for toil tests: stored annotations as Grafana returns them. */
import { toilEntryAnnotation, toilEventAnnotation } from './annotations';
import type { StoredAnnotation } from './fold';
import { NO_TRAITS, type ToilEvent, type ToilFields, type ToilRecord } from './model';

export const T0 = Date.UTC(2026, 10, 2, 9); // Monday 2 November 2026, 09:00 UTC

/** An entry's fields; every field can be overridden. */
export function toilFields(over: Partial<ToilFields> = {}): ToilFields {
  return {
    task: 'Restart payments pod',
    team: 'Payments',
    who: 'alice',
    at: T0,
    durationMinutes: 30,
    kind: 'manual_operation',
    traits: { ...NO_TRAITS, manual: true, repetitive: true, automatable: true },
    ...over,
  };
}

let nextId = 1;

/** An entry's region annotation as stored. */
export function storedEntry(id: string, fields: Partial<ToilFields> = {}, loggedBy = 'alice'): StoredAnnotation {
  const record: ToilRecord = { kind: 'toil_entry', id, loggedBy, fields: toilFields(fields) };
  const body = toilEntryAnnotation(record);
  return { id: nextId++, time: body.time, timeEnd: body.timeEnd, tags: body.tags, data: body.data };
}

/** An event's point annotation as stored. */
export function storedEvent(event: ToilEvent): StoredAnnotation {
  const body = toilEventAnnotation(event);
  return { id: nextId++, time: body.time, tags: body.tags, data: body.data };
}
