/**
 * Error-budget policies: the written rules that say what a team does with its releases in each budget state, as the
 * SRE Workbook's error budget policy does (https://sre.google/workbook/error-budget-policy/). Stored in plugin
 * settings (`jsonData.policies`) and in spec files (`policies:` beside `slos:`); an SLO names one by `policy`, and
 * an SLO that names none follows WORKBOOK_POLICY. Pure data, JSON-serialisable.
 */

/** What a release may do: go, go with an approver's sign-off, or wait (only P0 and security fixes, by exception). */
export type PolicyAction = 'ship' | 'ship_with_approval' | 'freeze';

/** The states a policy tells apart, first match wins in this order: see evaluatePolicy. */
export type PolicyState = 'exhausted' | 'fast_burn' | 'at_risk' | 'healthy';

export interface ErrorBudgetPolicy {
  /** Slug, unique among policies; SLOs reference it. */
  id: string;
  name: string;
  description?: string;
  /** Exhausted when the remaining budget (fraction of the whole budget, 1 = untouched) is at or below this. */
  exhaustedAtOrBelow: number;
  /** At risk when the remaining budget is below this (and it is not exhausted). */
  atRiskBelow: number;
  /** Fast burn when the burn rate over `window` is at or above `rate`. */
  fastBurn: { rate: number; window: FastBurnWindow };
  /** The action in each state. */
  actions: Record<PolicyState, PolicyAction>;
  /** Free text: what the freeze does not stop (P0 fixes, security fixes, ...). */
  exemptions?: string[];
  /** Grafana logins that may approve an exception or a release that needs approval; empty: anyone may. */
  approvers?: string[];
  /** An incident that consumed more than this share of an SLO's budget needs a postmortem with a P0 action. */
  incidentBudgetShare: number;
  /** Optimistic-concurrency counter, incremented by every save from the app. */
  revision?: number;
}

/**
 * Burn-rate windows a policy may use: the ones recorded for every SLO (`slo:sli_error:ratio_rate5m` and
 * `ratio_rate1h`), so that the app and the gate read a recorded series whatever the SLO's alert tiers are.
 */
export const FAST_BURN_WINDOWS = ['5m', '1h'] as const;
export type FastBurnWindow = (typeof FAST_BURN_WINDOWS)[number];

export const POLICY_ACTIONS: readonly PolicyAction[] = ['ship', 'ship_with_approval', 'freeze'];
export const POLICY_STATES: readonly PolicyState[] = ['exhausted', 'fast_burn', 'at_risk', 'healthy'];

export const WORKBOOK_POLICY_ID = 'workbook';

/**
 * The default, after the SRE Workbook's example policy: when the budget is spent, halt all changes and releases
 * other than P0 issues and security fixes until the service is back within its SLO; a single incident that
 * consumes more than 20% of the budget over four weeks needs a postmortem with at least one P0 action. The at-risk
 * (25% left) and fast-burn (1h burn ≥ 6, a page-level burn) thresholds are the app's status thresholds; the
 * Workbook asks for no approval there, we ask for one during a fast burn because a release then is most risky.
 */
export const WORKBOOK_POLICY: ErrorBudgetPolicy = {
  id: WORKBOOK_POLICY_ID,
  name: 'SRE Workbook',
  description:
    'Halt all changes and releases other than P0 issues or security fixes while the error budget is exhausted.',
  exhaustedAtOrBelow: 0,
  atRiskBelow: 0.25,
  fastBurn: { rate: 6, window: '1h' },
  actions: { healthy: 'ship', at_risk: 'ship', fast_burn: 'ship_with_approval', exhausted: 'freeze' },
  exemptions: ['P0 issues', 'Security fixes'],
  approvers: [],
  incidentBudgetShare: 0.2,
};

export const ACTION_LABELS: Record<PolicyAction, string> = {
  ship: 'Ship',
  ship_with_approval: 'Ship with approval',
  freeze: 'Freeze',
};

export const STATE_LABELS: Record<PolicyState, string> = {
  healthy: 'Healthy',
  at_risk: 'At risk',
  fast_burn: 'Burning fast',
  exhausted: 'Exhausted',
};
