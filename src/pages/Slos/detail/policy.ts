import { ACTION_LABELS, STATE_LABELS, type PolicyAction } from '../../../domain/policy/model';
import type { PolicyView } from '../policyDecision';

/** What the SLO page's policy card shows. */
export interface PolicyCardModel {
  /** Alert severity for @grafana/ui's Alert. */
  severity: 'success' | 'warning' | 'error' | 'info';
  /** "SRE Workbook (default)", or the id of a policy that does not exist. */
  policyName: string;
  /** "Healthy: Ship", "Exhausted: Freeze", "No data". */
  title: string;
  /** What the action means for the team now. */
  advice: string;
  /** Which threshold decided (or why nothing could be decided). */
  reason: string;
  caveat?: string;
  exemptions: string[];
  approvers: string[];
}

const SEVERITY: Record<PolicyAction, PolicyCardModel['severity']> = {
  ship: 'success',
  ship_with_approval: 'warning',
  freeze: 'error',
};

const ADVICE: Record<PolicyAction, string> = {
  ship: 'Ship as usual.',
  ship_with_approval: 'Releases need an approver’s sign-off.',
  freeze: 'Freeze releases: only the exemptions below ship, each as a recorded exception.',
};

/** The card for an SLO's policy decision: a data problem asks to check the queries, never to freeze. */
export function policyCard(view: PolicyView): PolicyCardModel {
  const { policy, decision } = view;
  const base = {
    policyName: policy ? `${policy.name}${view.isDefault ? ' (default)' : ''}` : 'not found',
    reason: decision.reason,
    ...(view.caveat ? { caveat: view.caveat } : {}),
    exemptions: policy?.exemptions ?? [],
    approvers: policy?.approvers ?? [],
  };
  if (decision.kind === 'no_data') {
    const dataProblem = decision.reason.startsWith('impossible data');
    return {
      ...base,
      severity: dataProblem || !policy ? 'warning' : 'info',
      title: dataProblem ? 'Check the queries' : 'No data',
      advice: !policy
        ? 'The SLO names a policy that does not exist; until it is fixed nothing is decided.'
        : dataProblem
          ? 'The error ratio is impossible, so the policy decides nothing until the queries are fixed.'
          : 'Nothing is decided without data: check that the recording rules are installed and the SLI series exist.',
    };
  }
  return {
    ...base,
    severity: SEVERITY[decision.action],
    title: `${STATE_LABELS[decision.state]}: ${ACTION_LABELS[decision.action]}`,
    advice: ADVICE[decision.action],
  };
}
