/**
 * What a policy says for one SLO's current numbers, and why. Pure: the app, the CLI gate and the tests share it.
 */
import { errorRatioProblem } from '../slo/budget';
import {
  ACTION_LABELS,
  WORKBOOK_POLICY,
  WORKBOOK_POLICY_ID,
  type ErrorBudgetPolicy,
  type PolicyAction,
  type PolicyState,
} from './model';

/** The numbers a decision needs; null = unknown (no series, no traffic). */
export interface PolicyInput {
  /** Remaining error budget over the SLO window, 1 = untouched, ≤ 0 = spent. */
  remaining: number | null;
  /** Burn rate over the policy's fast-burn window. */
  burnRate: number | null;
  /** The error ratio is impossible (outside [0, 1]): a data problem, never a budget state. */
  dataProblem?: string;
}

export type PolicyDecision =
  | {
      kind: 'decided';
      state: PolicyState;
      action: PolicyAction;
      /** Which threshold decided, in words: `remaining budget -3.0% ≤ 0%`. */
      reason: string;
    }
  | { kind: 'no_data'; reason: string };

const known = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** A fraction as a percentage for reasons: 0.25 → "25%", 0.0123 → "1.23%". */
export function percent(x: number): string {
  const p = x * 100;
  return `${Number(p.toFixed(Math.abs(p) >= 10 || Number.isInteger(p) ? 1 : 2)).toString()}%`;
}

const rate = (x: number) => `${Number(x.toFixed(2))}×`;

/**
 * First match wins: unknown remaining budget or impossible data → no data; remaining ≤ exhaustedAtOrBelow →
 * exhausted; burn rate over the window ≥ fastBurn.rate → fast burn; remaining < atRiskBelow → at risk; else healthy.
 * An unknown burn rate alone never decides: the budget still does.
 */
export function evaluatePolicy(policy: ErrorBudgetPolicy, input: PolicyInput): PolicyDecision {
  if (input.dataProblem) {
    return { kind: 'no_data', reason: `impossible data: ${input.dataProblem}` };
  }
  const { remaining, burnRate } = input;
  if (!known(remaining)) {
    return { kind: 'no_data', reason: 'no data for the remaining error budget' };
  }
  const decided = (state: PolicyState, reason: string): PolicyDecision => ({
    kind: 'decided',
    state,
    action: policy.actions[state],
    reason,
  });
  if (remaining <= policy.exhaustedAtOrBelow) {
    return decided('exhausted', `remaining budget ${percent(remaining)} ≤ ${percent(policy.exhaustedAtOrBelow)}`);
  }
  if (known(burnRate) && burnRate >= policy.fastBurn.rate) {
    return decided(
      'fast_burn',
      `burn rate (${policy.fastBurn.window}) ${rate(burnRate)} ≥ ${rate(policy.fastBurn.rate)}`
    );
  }
  if (remaining < policy.atRiskBelow) {
    return decided('at_risk', `remaining budget ${percent(remaining)} < ${percent(policy.atRiskBelow)}`);
  }
  return decided('healthy', `remaining budget ${percent(remaining)} ≥ ${percent(policy.atRiskBelow)}`);
}

/** The error ratio read for a window as a burn rate, or a data problem when the ratio is impossible. */
export function burnInput(
  errorRatio: number | null,
  budget: number
): { burnRate: number | null; dataProblem?: string } {
  const problem = errorRatioProblem(errorRatio);
  if (problem) {
    return { burnRate: null, dataProblem: problem };
  }
  return { burnRate: known(errorRatio) ? errorRatio / budget : null };
}

/** The policy an SLO follows: the one it names among `policies`, WORKBOOK_POLICY when it names none. */
export function policyFor(
  slo: { policy?: string },
  policies: readonly ErrorBudgetPolicy[]
): { policy: ErrorBudgetPolicy } | { missing: string } {
  const id = slo.policy;
  if (id === undefined || id === WORKBOOK_POLICY_ID) {
    return { policy: policies.find((p) => p.id === WORKBOOK_POLICY_ID) ?? WORKBOOK_POLICY };
  }
  const found = policies.find((p) => p.id === id);
  return found ? { policy: found } : { missing: id };
}

/** A short sentence for a decision: "Freeze: remaining budget -3% ≤ 0%". */
export function describeDecision(d: PolicyDecision): string {
  return d.kind === 'no_data' ? `No data: ${d.reason}` : `${ACTION_LABELS[d.action]}: ${d.reason}`;
}
