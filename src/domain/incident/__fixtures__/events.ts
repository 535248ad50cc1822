/** Test-only builders for incident events. Times are whole minutes after T0 so expectations are easy to derive. */
import type { IncidentEvent } from '../events';

/** 2026-11-28T10:00:00Z */
export const T0 = Date.UTC(2026, 10, 28, 10, 0, 0);
export const MIN = 60_000;

/** T0 plus `minutes`. */
export const at = (minutes: number): number => T0 + minutes * MIN;

type Type = IncidentEvent['type'];
type Payload<T extends Type> = Omit<
  Extract<IncidentEvent, { type: T }>,
  'type' | 'id' | 'incidentId' | 'at' | 'author'
>;

interface Opts {
  id?: string;
  author?: string;
  incidentId?: string;
}

let counter = 0;

/** An event of incident INC-1 by alice; the id defaults to a fresh `e<n>`, pass one when order ties matter. */
export function ev<T extends Type>(
  type: T,
  minutes: number,
  payload: Payload<T>,
  opts: Opts = {}
): Extract<IncidentEvent, { type: T }> {
  counter += 1;
  return {
    id: opts.id ?? `e${String(counter).padStart(4, '0')}`,
    incidentId: opts.incidentId ?? 'INC-1',
    at: at(minutes),
    author: opts.author ?? 'alice',
    type,
    ...payload,
  } as Extract<IncidentEvent, { type: T }>;
}

/** The usual opening: declared at T0+10 after detection at T0+5, impact from T0. */
export function declared(overrides: Partial<Payload<'declared'>> = {}, opts: Opts = {}) {
  return ev(
    'declared',
    10,
    { title: 'Checkout errors', severity: 2, services: ['checkout'], startedAt: T0, detectedAt: at(5), ...overrides },
    opts
  );
}
