/**
 * Random ids for append-only records (incident events, freezes, toil entries, maintenance windows): the clock and the random source
 * are arguments so ids are deterministic in tests; callers pass `Date.now()` and `Math.random`.
 */

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** `length` random characters of [0-9a-z]. */
export function randomChars(random: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    // Clamp: a source returning exactly 1 (outside Math.random's contract) must not index past the alphabet.
    const index = Math.min(ALPHABET.length - 1, Math.max(0, Math.floor(random() * ALPHABET.length)));
    out += ALPHABET[index];
  }
  return out;
}

/**
 * `<prefix>-<time in base 36>-<random>`: uniqueness comes from the random part (two clients may write in the same
 * millisecond); the time part keeps one client's ids roughly ordered.
 */
export function timeRandomId(prefix: string, now: number, random: () => number, length: number): string {
  return `${prefix}-${Math.max(0, Math.floor(now)).toString(36)}-${randomChars(random, length)}`;
}
