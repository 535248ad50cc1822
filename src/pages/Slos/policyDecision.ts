import type { SloSnapshot } from '../../api/sloStatus';
import { evaluatePolicy, policyFor, type PolicyDecision } from '../../domain/policy/evaluate';
import { WORKBOOK_POLICY_ID, type ErrorBudgetPolicy } from '../../domain/policy/model';
import type { Slo } from '../../domain/slo/model';

/** What the list and the SLO page show for an SLO's policy. */
export interface PolicyView {
  /** The policy followed; undefined when the SLO names one that is not stored. */
  policy?: ErrorBudgetPolicy;
  /** Whether it is the default (the built-in Workbook policy or a stored `workbook` customisation of it). */
  isDefault: boolean;
  decision: PolicyDecision;
  /** What could not be evaluated, said rather than guessed (the raw fallback has no 5m series). */
  caveat?: string;
}

export const RAW_5M_CAVEAT =
  'The recording rules are not installed, so only the 1h burn rate is known: the 5m fast-burn threshold is not evaluated.';

/**
 * The policy an SLO follows and what it says for the SLO's snapshot. The fast-burn window picks the burn rate:
 * 1h is always read; 5m only with the recording rules (the raw fallback reads 1h only, so a 5m policy is decided
 * on the budget alone there, with a caveat).
 */
export function decidePolicy(slo: Slo, snapshot: SloSnapshot, policies: readonly ErrorBudgetPolicy[]): PolicyView {
  const found = policyFor(slo, policies);
  if ('missing' in found) {
    return {
      isDefault: false,
      decision: { kind: 'no_data', reason: `policy "${found.missing}" does not exist: pick another in the SLO editor` },
    };
  }
  const { policy } = found;
  const isDefault = policy.id === WORKBOOK_POLICY_ID;
  if (snapshot.dataProblem) {
    return {
      policy,
      isDefault,
      decision: evaluatePolicy(policy, { remaining: null, burnRate: null, dataProblem: snapshot.dataProblem.message }),
    };
  }
  if (snapshot.remaining === null && snapshot.error) {
    return { policy, isDefault, decision: { kind: 'no_data', reason: snapshot.error } };
  }
  const fiveMinutes = policy.fastBurn.window === '5m';
  const burnRate = fiveMinutes ? (snapshot.burnRate5m ?? null) : snapshot.burnRate1h;
  const caveat = fiveMinutes && snapshot.source !== 'rules' ? RAW_5M_CAVEAT : undefined;
  return {
    policy,
    isDefault,
    decision: evaluatePolicy(policy, { remaining: snapshot.remaining, burnRate }),
    ...(caveat ? { caveat } : {}),
  };
}
