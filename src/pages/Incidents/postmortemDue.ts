/**
 * "Postmortem due / overdue" as the incident list, the incident page and the Overview show it: the postmortem
 * policy (postmortemRequirement, postmortemDueState) applied to a loaded incident, the budget it consumed of each
 * linked SLO and the status of its postmortem. Deadlines are business days on the viewer's calendar.
 */
import type { IncidentBudget } from '../../api/incidentBudget';
import type { LoadedIncident } from '../../api/incidents';
import { policyFor } from '../../domain/policy/evaluate';
import type { ErrorBudgetPolicy } from '../../domain/policy/model';
import type { PostmortemStatus, SloBudgetConsumption } from '../../domain/postmortem/model';
import { type PostmortemPolicy, postmortemDueState, postmortemRequirement } from '../../domain/postmortem/policy';
import type { Slo } from '../../domain/slo/model';
import { viewerTimeZone, formatDay } from '../Postmortems/actionItems/format';

export interface PostmortemDue {
  state: 'due' | 'overdue';
  dueAt: number;
  /** postmortemRequirement's sentence: why this incident needs a postmortem. */
  reason: string;
}

export const POSTMORTEM_STATUS_LABELS: Record<PostmortemStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  published: 'Published',
};

/**
 * The budget the incident consumed of each linked SLO, as the postmortem policy reads it: the share is the SLO's
 * own error-budget policy's, as in the postmortem's prefill. Deleted SLOs and unread budgets count as unknown.
 */
export function budgetConsumption(
  sloIds: readonly string[],
  slos: readonly Slo[],
  budgets: ReadonlyMap<string, IncidentBudget> | undefined,
  policies: readonly ErrorBudgetPolicy[]
): SloBudgetConsumption[] {
  return sloIds.flatMap((sloId) => {
    const slo = slos.find((s) => s.id === sloId);
    if (!slo) {
      return [];
    }
    const found = policyFor(slo, policies);
    return [
      {
        sloId,
        sloName: slo.name,
        consumed: budgets?.get(sloId)?.consumed,
        ...('policy' in found && { share: found.policy.incidentBudgetShare }),
      },
    ];
  });
}

/**
 * The due / overdue mark of a resolved incident whose postmortem `policy` requires, or undefined: not resolved,
 * not required, or its postmortem is published. `status` is its postmortem's, undefined when none was started.
 */
export function postmortemDue(
  incident: Pick<LoadedIncident, 'status' | 'severity' | 'resolvedAt'>,
  consumption: readonly SloBudgetConsumption[],
  policy: PostmortemPolicy,
  status: PostmortemStatus | undefined,
  now: number,
  timeZone = viewerTimeZone()
): PostmortemDue | undefined {
  if (incident.status !== 'resolved' || incident.resolvedAt === undefined) {
    return undefined;
  }
  const requirement = postmortemRequirement(incident, consumption, policy, timeZone);
  if (!requirement.required || requirement.dueAt === undefined) {
    return undefined;
  }
  const state = postmortemDueState(now, requirement.dueAt, status);
  return state === 'none' ? undefined : { state, dueAt: requirement.dueAt, reason: requirement.reason };
}

/** "Postmortem due 12 Mar 2026" or "Postmortem overdue". */
export const dueText = (due: PostmortemDue): string =>
  due.state === 'overdue' ? 'Postmortem overdue' : `Postmortem due ${formatDay(due.dueAt)}`;

/** The mark's tooltip and accessible name: the deadline and the policy's reason. */
export const dueDetail = (due: PostmortemDue): string =>
  `${due.state === 'overdue' ? 'Was due' : 'Due'} ${formatDay(due.dueAt)}. ${due.reason}.`;
