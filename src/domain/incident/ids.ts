/**
 * Identifiers. Both take the clock and the random source as arguments so they are deterministic in tests;
 * callers pass `Date.now()` and `Math.random` (or a crypto-backed source).
 */
import { randomChars, timeRandomId } from '../ids';

/**
 * A new incident id such as `INC-20261128-ab12`: the UTC day, readable on a call, plus 4 random characters
 * (36^4 ≈ 1.7 million per day, ample for incidents).
 */
export function newIncidentId(now: number, random: () => number): string {
  const day = new Date(now).toISOString().slice(0, 10).replace(/-/g, '');
  return `INC-${day}-${randomChars(random, 4)}`;
}

/**
 * A new event id: the time in base 36 plus 10 random characters. Uniqueness is what matters (two clients
 * may write at the same millisecond); the time prefix only keeps ids of one client roughly ordered.
 */
export function newEventId(now: number, random: () => number): string {
  return timeRandomId('evt', now, random, 10);
}

/**
 * Ids we accept from URLs and tags: letters, digits, `.`, `_`, `-`, at most 64 characters. Our own ids fit;
 * the limit keeps hand-made ids out of trouble in URLs, tags and HTML.
 */
export const INCIDENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Whether a string is an acceptable incident id (see INCIDENT_ID_PATTERN). */
export function isIncidentId(value: string): boolean {
  return INCIDENT_ID_PATTERN.test(value);
}

/**
 * The time to stamp on a new event appended to `incident`: now, but never at or before an event this client
 * has already seen. The fold orders events by (`at`, `id`) and ids are random, so two events in the same
 * millisecond (a fast script, or a responder whose clock is behind another's) could otherwise fold in the
 * wrong order, e.g. an SLO link before the declaration, and be dropped as illegal.
 */
export function nextEventAt(incident: { timeline: ReadonlyArray<{ at: number }> } | undefined, now: number): number {
  const latest = incident?.timeline.reduce((max, e) => Math.max(max, e.at), -Infinity) ?? -Infinity;
  return Math.max(Math.floor(now), latest + 1);
}
