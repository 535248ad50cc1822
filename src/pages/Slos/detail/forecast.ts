import { timeToExhaustion } from '../../../domain/slo/budget';

export interface ForecastInput {
  remaining: number | null;
  burnRate1h: number | null;
  burnRate6h: number | null;
}

export interface ForecastItem {
  label: string;
  /** Milliseconds until the budget is gone; null unknown, Infinity never, 0 already gone. */
  ms: number | null;
  text: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3d 4h", "5h 12m", "8m"; the two largest units, because a forecast is not precise. */
export function humanizeMs(ms: number): string {
  const d = Math.floor(ms / DAY);
  const h = Math.floor((ms % DAY) / HOUR);
  const m = Math.floor((ms % HOUR) / MINUTE);
  if (d > 0) {
    return h > 0 ? `${d}d ${h}h` : `${d}d`;
  }
  if (h > 0) {
    return m > 0 ? `${h}h ${m}m` : `${h}h`;
  }
  return m > 0 ? `${m}m` : '< 1m';
}

function describe(ms: number | null): string {
  if (ms === null) {
    return 'Unknown (no data)';
  }
  if (ms === 0) {
    return 'Already exhausted';
  }
  return Number.isFinite(ms) ? `Runs out in ${humanizeMs(ms)}` : 'Never at this rate';
}

/** When the remaining budget runs out if the current 1h and 6h burn rates hold. */
export function budgetForecast(input: ForecastInput, windowMs: number): ForecastItem[] {
  return [
    ['At the 1h burn rate', input.burnRate1h],
    ['At the 6h burn rate', input.burnRate6h],
  ].map(([label, rate]) => {
    const ms = timeToExhaustion(rate as number | null, input.remaining, windowMs);
    return { label: label as string, ms, text: describe(ms) };
  });
}
