import type { DataFrame } from '@grafana/data';

/** The last non-null number of the first value field among the frames of `refId`; null when there is none. */
export function lastValueOf(frames: DataFrame[] | undefined, refId: string): number | null {
  for (const frame of frames ?? []) {
    if (frame.refId !== refId) {
      continue;
    }
    const field = frame.fields.find((f) => f.type === 'number');
    const values = (field?.values ?? []) as Array<number | null | undefined>;
    for (let i = values.length - 1; i >= 0; i--) {
      const v = values[i];
      if (typeof v === 'number' && Number.isFinite(v)) {
        return v;
      }
    }
  }
  return null;
}
