import type { SloStatus } from '../../../domain/slo/budget';

export type PolicyState = 'healthy' | 'at_risk' | 'exhausted' | 'bad_data' | 'unknown';

export interface BudgetPolicy {
  state: PolicyState;
  title: string;
  /** Alert severity for @grafana/ui's Alert. */
  severity: 'success' | 'warning' | 'error' | 'info';
  actions: string[];
}

const POLICIES: Record<PolicyState, Omit<BudgetPolicy, 'state'>> = {
  healthy: { title: 'Healthy', severity: 'success', actions: ['Ship as usual.'] },
  at_risk: {
    title: 'At risk',
    severity: 'warning',
    actions: ['Prioritise reliability work over new features.', 'Review recent changes and deployments.'],
  },
  exhausted: {
    title: 'Exhausted',
    severity: 'error',
    actions: [
      'Freeze risky releases until the budget recovers.',
      'Write a postmortem for every incident that spent a large share of the budget.',
    ],
  },
  bad_data: {
    title: 'Check the queries',
    severity: 'warning',
    actions: [
      'The error ratio is outside 0–100%: bad exceeds total. Check that the bad (or good) and total queries select the same series.',
    ],
  },
  unknown: {
    title: 'Unknown',
    severity: 'info',
    actions: ['No data: check that the recording rules are installed and the SLI series exist.'],
  },
};

/** The error-budget policy for a status: burning fast counts as at risk, no data as unknown. */
export function budgetPolicy(status: SloStatus): BudgetPolicy {
  const state: PolicyState = status === 'burning_fast' ? 'at_risk' : status === 'no_data' ? 'unknown' : status;
  return { state, ...POLICIES[state] };
}
