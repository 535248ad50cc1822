/** Excluded time (scheduled maintenance) as half-open intervals, clipped to a period and merged. */

export interface Interval {
  start: number;
  end: number;
}

/** The intervals clipped to [period.start, period.end), overlaps and touching intervals merged, sorted. */
export function mergeWithin(intervals: readonly Interval[], period: Interval): Interval[] {
  const clipped = intervals
    .map((i) => ({ start: Math.max(i.start, period.start), end: Math.min(i.end, period.end) }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const i of clipped) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) {
      last.end = Math.max(last.end, i.end);
    } else {
      out.push({ ...i });
    }
  }
  return out;
}

/** The parts of the period not excluded, in order: what every method measures. */
export function includedSegments(period: Interval, exclusions: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let cursor = period.start;
  for (const x of mergeWithin(exclusions, period)) {
    if (x.start > cursor) {
      out.push({ start: cursor, end: x.start });
    }
    cursor = Math.max(cursor, x.end);
  }
  if (cursor < period.end) {
    out.push({ start: cursor, end: period.end });
  }
  return out;
}

/** Milliseconds of the period that are excluded. */
export function excludedMs(period: Interval, exclusions: readonly Interval[]): number {
  return mergeWithin(exclusions, period).reduce((s, i) => s + (i.end - i.start), 0);
}
