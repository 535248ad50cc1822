/**
 * Error-budget maths for the pages. Every function takes plain numbers; a missing or NaN input yields `null`
 * (or `no_data`), never a made-up 0% or 100%, because "no traffic" and "perfect" must look different.
 */
import { errorBudget } from './defaults';

export { errorBudget };

export type SloStatus = 'healthy' | 'at_risk' | 'burning_fast' | 'exhausted' | 'no_data';

type MaybeNumber = number | null | undefined;

function known(x: MaybeNumber): x is number {
  return typeof x === 'number' && !Number.isNaN(x);
}

/** Fraction of the budget left after an error ratio over the SLO window: 1 − ratio / budget; negative when overspent. */
export function remainingBudget(errorRatio: MaybeNumber, target: number): number | null {
  return known(errorRatio) ? 1 - errorRatio / errorBudget(target) : null;
}

/** Burn rate: how many times faster than sustainable the budget is spent (1 = exactly used up by the window's end). */
export function burnRate(errorRatio: MaybeNumber, target: number): number | null {
  return known(errorRatio) ? errorRatio / errorBudget(target) : null;
}

/**
 * Time (ms) until the remaining budget is gone at a constant burn rate. Burning at rate r spends r / window of the
 * whole budget per unit of time, so the time is remaining × window / r. Infinity when nothing is burning; 0 when
 * the budget is already gone.
 */
export function timeToExhaustion(rate: MaybeNumber, remaining: MaybeNumber, windowMs: number): number | null {
  if (!known(rate) || !known(remaining)) {
    return null;
  }
  if (remaining <= 0) {
    return 0;
  }
  return rate <= 0 ? Infinity : (remaining * windowMs) / rate;
}

/** Allowed bad time (ms) in a window at a 100% error ratio: budget × window (43.2 min for 99.9% over 30d). */
export function allowedDowntime(target: number, windowMs: number): number {
  return errorBudget(target) * windowMs;
}

/**
 * Theoretical time (ms) from the start of a constant error ratio to a burn-rate alert firing: the long window's
 * ratio crosses factor × budget after longWindow × factor × budget / errorRatio (the shorter window crosses
 * earlier), then the alert waits `for`. So the result is never below `for`. Infinity when the error ratio
 * never exceeds the threshold.
 */
export function detectionTime(
  longWindowMs: number,
  factor: number,
  budget: number,
  errorRatio: number,
  forMs = 0
): number {
  const threshold = factor * budget;
  if (!(errorRatio > threshold)) {
    return Infinity;
  }
  return (longWindowMs * threshold) / errorRatio + forMs;
}

/** Burn rate at or above which an SLO is `burning_fast`: the medium page tier (budget gone in window / 6). */
export const BURNING_FAST_RATE = 6;
/** Remaining budget below which an SLO is `at_risk`. */
export const AT_RISK_REMAINING = 0.25;

/**
 * Status for badges, first match wins:
 * - no_data: the remaining budget is unknown (null/NaN: no traffic or no series);
 * - exhausted: remaining <= 0;
 * - burning_fast: the current burn rate >= BURNING_FAST_RATE (a page-level burn);
 * - at_risk: remaining < AT_RISK_REMAINING, or burn rate > 1 (the budget would run out before the window ends);
 * - healthy otherwise. An unknown burn rate alone does not make the status no_data.
 */
export function classifyStatus(remaining: MaybeNumber, currentBurnRate?: MaybeNumber): SloStatus {
  if (!known(remaining)) {
    return 'no_data';
  }
  if (remaining <= 0) {
    return 'exhausted';
  }
  if (known(currentBurnRate) && currentBurnRate >= BURNING_FAST_RATE) {
    return 'burning_fast';
  }
  if (remaining < AT_RISK_REMAINING || (known(currentBurnRate) && currentBurnRate > 1)) {
    return 'at_risk';
  }
  return 'healthy';
}
