/**
 * Error-budget maths for the pages. Every function takes plain numbers; a missing or NaN input yields `null`
 * (or `no_data`), never a made-up 0% or 100%, because "no traffic" and "perfect" must look different.
 */
import { errorBudget } from './defaults';

export { errorBudget };

/** `bad_data`: the queries give an impossible error ratio (outside [0, 1]); a data problem, not a budget state. */
export type SloStatus = 'healthy' | 'at_risk' | 'burning_fast' | 'exhausted' | 'bad_data' | 'no_data';

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

/** Rounding in PromQL (rate extrapolation, float division) can push a true 0 or 1 a hair past the bound. */
const RATIO_SLACK = 1e-9;

/**
 * Why an error ratio cannot be true, or null when it can. Above 1 means more bad events than events (a `bad`
 * selector broader than `total`, mismatched labels); below 0 means more good events than events.
 */
export function errorRatioProblem(errorRatio: MaybeNumber): string | null {
  if (!known(errorRatio)) {
    return null;
  }
  if (errorRatio > 1 + RATIO_SLACK) {
    return 'bad exceeds total: check the queries';
  }
  if (errorRatio < -RATIO_SLACK) {
    return 'good exceeds total: check the queries';
  }
  return null;
}

/** An SLO's numbers and status from its window error ratio and 1h burn rate; impossible inputs give no numbers. */
export interface SloAssessment {
  sli: number | null;
  remaining: number | null;
  burnRate1h: number | null;
  status: SloStatus;
  /** Set when the data is impossible; the numbers are then null, because showing them would present them as facts. */
  problem?: string;
}

/**
 * Assesses an SLO: an error ratio outside [0, 1] over the window, or a 1h burn rate whose error ratio is outside
 * it, is `bad_data` with the reason, never `exhausted`; otherwise the numbers and classifyStatus.
 */
export function assessSlo(errorRatio: MaybeNumber, burnRate1h: MaybeNumber, target: number): SloAssessment {
  const problem =
    errorRatioProblem(errorRatio) ?? errorRatioProblem(known(burnRate1h) ? burnRate1h * errorBudget(target) : null);
  if (problem) {
    return { sli: null, remaining: null, burnRate1h: null, status: 'bad_data', problem };
  }
  const remaining = remainingBudget(errorRatio, target);
  const rate = known(burnRate1h) ? burnRate1h : null;
  return {
    sli: known(errorRatio) ? 1 - errorRatio : null,
    remaining,
    burnRate1h: rate,
    status: classifyStatus(remaining, rate),
  };
}
