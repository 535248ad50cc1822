/**
 * The release gate's decision over the SLOs of a service: pure, so the CLI's output, its exit code and the tests
 * come from one place. Exit codes: 0 ship, 1 blocked, 3 no data (blocked for lack of data); 2 is the CLI's usage
 * error and never comes from here.
 */
import { describeDecision, type PolicyDecision } from './evaluate';
import type { ErrorBudgetPolicy } from './model';

export interface GateSloResult {
  sloId: string;
  sloName: string;
  service: string;
  policy: ErrorBudgetPolicy;
  remaining: number | null;
  burnRate: number | null;
  decision: PolicyDecision;
}

export interface GateOptions {
  /** What no data means for the release; default block (the gate cannot tell the budget is fine). */
  onNoData: 'ship' | 'block';
  /** Who signs off: approves a `ship_with_approval` state, and with `exception` lets a release through a freeze. */
  approver?: string;
  /** Why this release must go out during a freeze (a P0 or security fix, ...). Needs `approver`. */
  exception?: string;
}

export type SloVerdict = 'ship' | 'approved' | 'exception' | 'blocked' | 'no_data' | 'no_data_ship';

export interface GateVerdict {
  sloId: string;
  verdict: SloVerdict;
  /** The rule that decided, for the table and the JSON. */
  rule: string;
}

export interface GateDecision {
  outcome: 'ship' | 'blocked' | 'no_data';
  exitCode: 0 | 1 | 3;
  verdicts: GateVerdict[];
  /** True when the exception let at least one frozen SLO through: the release is recorded as an exception. */
  exceptionUsed: boolean;
}

/** May `login` approve for this policy? A policy without approvers accepts any named approver. */
export function mayApprove(policy: ErrorBudgetPolicy, login: string | undefined): boolean {
  if (!login) {
    return false;
  }
  const approvers = policy.approvers ?? [];
  return approvers.length === 0 || approvers.includes(login);
}

function verdictFor(r: GateSloResult, o: GateOptions): GateVerdict {
  const d = r.decision;
  const rule = describeDecision(d);
  if (d.kind === 'no_data') {
    return o.onNoData === 'ship'
      ? { sloId: r.sloId, verdict: 'no_data_ship', rule: `${rule} (--on-no-data ship)` }
      : { sloId: r.sloId, verdict: 'no_data', rule };
  }
  const allowed = mayApprove(r.policy, o.approver);
  const notApprover = o.approver && !allowed ? `; ${o.approver} is not an approver of policy "${r.policy.id}"` : '';
  switch (d.action) {
    case 'ship':
      return { sloId: r.sloId, verdict: 'ship', rule };
    case 'ship_with_approval':
      return allowed
        ? { sloId: r.sloId, verdict: 'approved', rule: `${rule}; approved by ${o.approver}` }
        : { sloId: r.sloId, verdict: 'blocked', rule: `${rule}; needs --approver${notApprover}` };
    case 'freeze':
      return o.exception && allowed
        ? { sloId: r.sloId, verdict: 'exception', rule: `${rule}; exception by ${o.approver}: ${o.exception}` }
        : {
            sloId: r.sloId,
            verdict: 'blocked',
            rule: `${rule}${o.exception ? notApprover : '; only an exception (--exception, --approver) lets a release through'}`,
          };
  }
}

/** Blocked if any SLO blocks; else no data if any SLO lacks data and no data blocks; else ship. */
export function decideGate(results: GateSloResult[], options: GateOptions): GateDecision {
  const verdicts = results.map((r) => verdictFor(r, options));
  const exceptionUsed = verdicts.some((v) => v.verdict === 'exception');
  if (verdicts.some((v) => v.verdict === 'blocked')) {
    return { outcome: 'blocked', exitCode: 1, verdicts, exceptionUsed };
  }
  if (verdicts.some((v) => v.verdict === 'no_data')) {
    return { outcome: 'no_data', exitCode: 3, verdicts, exceptionUsed };
  }
  return { outcome: 'ship', exitCode: 0, verdicts, exceptionUsed };
}
