/**
 * What the region-plus-events folds (freezes, maintenance windows, toil entries) share: the stored annotation they
 * read, the order events apply in, and reading records out of annotation `data` without ever throwing.
 */

/** The fields of a stored annotation the folds read (the API layer's AnnotationDto fits). */
export interface StoredAnnotation {
  id: number;
  time?: number;
  timeEnd?: number;
  tags?: string[];
  data?: unknown;
}

/** The order events apply in: time, then id, so the order the API returns them in does not matter. */
export const byTimeThenId = (a: { at: number; id: string }, b: { at: number; id: string }): number =>
  a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The events parsed from the annotations' `data`, in read order; each one that does not parse is a problem
 * "<noun> event annotation <id> is skipped: <reason>".
 */
export function parseEventAnnotations<E>(
  annotations: readonly StoredAnnotation[],
  parse: (data: unknown) => E | string,
  noun: string
): { events: E[]; problems: string[] } {
  const events: E[] = [];
  const problems: string[] = [];
  for (const a of annotations) {
    const event = parse(a.data);
    if (typeof event === 'string') {
      problems.push(`${noun} event annotation ${a.id} is skipped: ${event}`);
    } else {
      events.push(event);
    }
  }
  return { events, problems };
}

/**
 * The record of each region by record id, the first region kept. A region whose `data` does not parse is a problem
 * "<noun> annotation <id> is skipped: <reason>"; a second region of a record is a problem naming the one kept.
 */
export function indexRegions<R extends { id: string }>(
  regions: readonly StoredAnnotation[],
  parse: (data: unknown) => R | string,
  noun: string
): {
  records: Map<string, { record: R; region: StoredAnnotation }>;
  problems: Array<{ id?: string; message: string }>;
} {
  const records = new Map<string, { record: R; region: StoredAnnotation }>();
  const problems: Array<{ id?: string; message: string }> = [];
  for (const region of regions) {
    const record = parse(region.data);
    if (typeof record === 'string') {
      problems.push({ message: `${noun} annotation ${region.id} is skipped: ${record}` });
      continue;
    }
    const kept = records.get(record.id);
    if (kept) {
      problems.push({
        id: record.id,
        message: `${noun} ${record.id} has two regions; kept annotation ${kept.region.id}`,
      });
      continue;
    }
    records.set(record.id, { record, region });
  }
  return { records, problems };
}
