/**
 * Prometheus duration strings ("5m", "1h30m", "30d"). Units and their order follow Prometheus'
 * `model.ParseDuration`: y (365d), w (7d), d, h, m, s, ms; in a compound each unit appears at most once,
 * largest first. Prometheus rejects `1m1h`, so we do too: a string we accept is one Prometheus accepts.
 */

const UNIT_MS: Record<string, number> = {
  y: 365 * 24 * 3600 * 1000,
  w: 7 * 24 * 3600 * 1000,
  d: 24 * 3600 * 1000,
  h: 3600 * 1000,
  m: 60 * 1000,
  s: 1000,
  ms: 1,
};
const UNIT_ORDER = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];

/** Thrown (and reported by validation) when a duration string is not a valid Prometheus duration. */
export class DurationError extends Error {}

/** Parses a Prometheus duration into milliseconds; throws DurationError with a readable reason. */
export function parseDuration(input: string): number {
  if (typeof input !== 'string' || input.trim() === '') {
    throw new DurationError('duration is empty');
  }
  const s = input.trim();
  const part = /(\d+)([a-zA-Z]+)/y;
  let total = 0;
  let lastUnit = -1;
  let pos = 0;
  while (pos < s.length) {
    part.lastIndex = pos;
    const m = part.exec(s);
    if (!m) {
      throw new DurationError(
        `"${input}" is not a duration: expected <number><unit> at position ${pos}, e.g. 5m or 1h30m`
      );
    }
    const unit = m[2];
    const idx = UNIT_ORDER.indexOf(unit);
    if (idx < 0) {
      throw new DurationError(`"${input}": unknown unit "${unit}" (use one of ${UNIT_ORDER.join(', ')})`);
    }
    if (idx <= lastUnit) {
      throw new DurationError(`"${input}": units must appear once each, largest first (e.g. 1h30m, not 30m1h)`);
    }
    lastUnit = idx;
    total += Number(m[1]) * UNIT_MS[unit];
    pos = part.lastIndex;
  }
  if (total <= 0) {
    throw new DurationError(`"${input}": duration must be greater than zero`);
  }
  return total;
}

/** Returns true when `input` parses as a Prometheus duration. */
export function isDuration(input: string): boolean {
  try {
    parseDuration(input);
    return true;
  } catch {
    return false;
  }
}

/**
 * Formats milliseconds as a compound duration. Weeks and years are not used so that SLO windows read
 * as people write them ("30d", "90d", not "4w2d") and recorded rule names stay predictable.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0 || !Number.isInteger(ms)) {
    throw new DurationError(`cannot format ${ms} ms as a duration`);
  }
  let rest = ms;
  let out = '';
  for (const unit of ['d', 'h', 'm', 's', 'ms']) {
    const n = Math.floor(rest / UNIT_MS[unit]);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * UNIT_MS[unit];
    }
  }
  return out;
}

/** Normalises a duration string ("60m" → "1h", "1d0h" → "1d") so equal durations compare equal. */
export function normalizeDuration(input: string): string {
  return formatDuration(parseDuration(input));
}

/** Duration in seconds, for PromQL arithmetic. */
export function durationSeconds(input: string): number {
  return parseDuration(input) / 1000;
}
