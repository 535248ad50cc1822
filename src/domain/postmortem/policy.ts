/**
 * When a postmortem is required and when it is due, and when action items are due. Stored in plugin settings
 * (Admin page). Business days skip Saturday and Sunday in the organisation's IANA time zone; the offsets come from
 * the platform's time-zone database (Intl, via sla/period.ts), so a deadline across a daylight-saving change keeps
 * its wall-clock time.
 */
import { crossesIncidentShare, sharePercents } from '../incident/budgetRule';
import { isSeverity, type Severity, severityLabel } from '../incident/model';
import { offsetAt } from '../sla/period';
import {
  ACTION_ITEM_PRIORITIES,
  type ActionItemPriority,
  type PostmortemStatus,
  type SloBudgetConsumption,
} from './model';

export interface PostmortemPolicy {
  /** Incidents of these severities always need a postmortem. */
  requiredSeverities: Severity[];
  /**
   * An incident that consumed more than this share of a linked SLO's error budget needs a postmortem, and that
   * postmortem needs a P0 action item to be published. An SLO whose error-budget policy has its own share uses it.
   */
  budgetShare: number;
  /** Business days from resolution to the postmortem's due date. */
  dueBusinessDays: number;
  /** Per-severity overrides of `dueBusinessDays` (JSON keys "1".."4"). */
  dueBusinessDaysBySeverity: Partial<Record<Severity, number>>;
  /** Calendar days from an action item's creation to its default due date, by priority. */
  actionItemDueDays: Record<ActionItemPriority, number>;
  /** Optimistic-concurrency counter, incremented by every save from the app. */
  revision?: number;
}

/**
 * The defaults. Required for SEV1/SEV2 and above 20% of budget, with a P0 item over that line: the SRE Workbook's
 * example error budget policy (sre.google/workbook/error-budget-policy/). Due dates: PagerDuty's postmortem guide
 * (postmortems.pagerduty.com/how_to_write/writing/) asks for the review within 5 business days, and within 3
 * (calendar) days for a SEV1; we use 3 business days for SEV1. Action item due days by priority are our default:
 * a week for P0, then a month, a quarter and half a year.
 */
export const DEFAULT_POSTMORTEM_POLICY: PostmortemPolicy = {
  requiredSeverities: [1, 2],
  budgetShare: 0.2,
  dueBusinessDays: 5,
  dueBusinessDaysBySeverity: { 1: 3 },
  actionItemDueDays: { P0: 7, P1: 30, P2: 90, P3: 180 },
};

export interface PolicyProblem {
  field: string;
  message: string;
}

const wholeDays = (v: unknown, max: number): v is number =>
  Number.isInteger(v) && (v as number) >= 1 && (v as number) <= max;

/** Problems of a stored policy (unknown JSON from plugin settings), each naming its field. */
export function validatePostmortemPolicy(x: unknown): PolicyProblem[] {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) {
    return [{ field: 'postmortemPolicy', message: 'must be an object' }];
  }
  const p = x as Record<string, unknown>;
  const problems: PolicyProblem[] = [];
  const sev = p.requiredSeverities;
  if (!Array.isArray(sev) || !sev.every(isSeverity) || new Set(sev).size !== sev.length) {
    problems.push({ field: 'requiredSeverities', message: 'must be a list of distinct severities 1-4 (may be empty)' });
  }
  const share = p.budgetShare;
  if (typeof share !== 'number' || !Number.isFinite(share) || share < 0.01 || share > 1) {
    problems.push({ field: 'budgetShare', message: 'must be a share between 0.01 and 1, e.g. 0.2 for 20%' });
  }
  if (!wholeDays(p.dueBusinessDays, 60)) {
    problems.push({ field: 'dueBusinessDays', message: 'must be a whole number of business days from 1 to 60' });
  }
  const bySev = p.dueBusinessDaysBySeverity;
  if (typeof bySev !== 'object' || bySev === null || Array.isArray(bySev)) {
    problems.push({ field: 'dueBusinessDaysBySeverity', message: 'must be an object such as {"1": 3}' });
  } else {
    for (const [k, v] of Object.entries(bySev)) {
      if (!isSeverity(Number(k)) || String(Number(k)) !== k) {
        problems.push({ field: `dueBusinessDaysBySeverity.${k}`, message: 'is not a severity; use "1" to "4"' });
      } else if (!wholeDays(v, 60)) {
        problems.push({
          field: `dueBusinessDaysBySeverity.${k}`,
          message: 'must be a whole number of business days from 1 to 60',
        });
      }
    }
  }
  const due = p.actionItemDueDays;
  if (typeof due !== 'object' || due === null || Array.isArray(due)) {
    problems.push({ field: 'actionItemDueDays', message: 'must give days for each of P0, P1, P2, P3' });
  } else {
    for (const prio of ACTION_ITEM_PRIORITIES) {
      if (!wholeDays((due as Record<string, unknown>)[prio], 3650)) {
        problems.push({ field: `actionItemDueDays.${prio}`, message: 'must be a whole number of days from 1 to 3650' });
      }
    }
  }
  for (const key of Object.keys(p)) {
    if (![...Object.keys(DEFAULT_POSTMORTEM_POLICY), 'revision'].includes(key)) {
      problems.push({ field: key, message: 'is not a policy field' });
    }
  }
  return problems;
}

const DAY = 86_400_000;

/** The instant whose wall-clock time in `timeZone` is `wall` (a wall time written as if it were UTC). */
export function fromWall(wall: number, timeZone: string): number {
  let t = wall - offsetAt(wall, timeZone);
  t = wall - offsetAt(t, timeZone);
  return t;
}

/**
 * `t` moved by `days` days at the same wall-clock time in `timeZone`; with `businessDays`, only Monday-Friday count
 * (starting on a weekend, the first counted day is Monday).
 */
export function addLocalDays(t: number, days: number, timeZone: string, businessDays: boolean): number {
  let wall = t + offsetAt(t, timeZone);
  let left = days;
  while (left > 0) {
    wall += DAY;
    const weekday = new Date(wall).getUTCDay();
    if (!businessDays || (weekday !== 0 && weekday !== 6)) {
      left--;
    }
  }
  return fromWall(wall, timeZone);
}

export interface IncidentForPolicy {
  severity: Severity;
  resolvedAt?: number;
}

export interface PostmortemRequirement {
  required: boolean;
  /** Why it is (or is not) required, as a sentence for the incident page. */
  reason: string;
  /** Set once the incident is resolved and a postmortem is required. */
  dueAt?: number;
  /** The linked SLOs over the line: their postmortem needs a P0 action item. */
  needsP0: boolean;
}

/** Whether an incident needs a postmortem under `policy`, why, and by when (business days in `timeZone`). */
export function postmortemRequirement(
  incident: IncidentForPolicy,
  budgetConsumed: readonly SloBudgetConsumption[],
  policy: PostmortemPolicy,
  timeZone: string
): PostmortemRequirement {
  const reasons: string[] = [];
  const sev = severityLabel(incident.severity);
  if (policy.requiredSeverities.includes(incident.severity)) {
    reasons.push(`${sev} incidents need a postmortem`);
  }
  const over = budgetConsumed.filter((b) => crossesIncidentShare(b.consumed, b.share ?? policy.budgetShare));
  for (const b of over) {
    const { consumedText, shareText } = sharePercents(b.consumed!, b.share ?? policy.budgetShare);
    reasons.push(`it consumed ${consumedText} of ${b.sloName ?? b.sloId}'s error budget (more than ${shareText})`);
  }
  if (reasons.length === 0) {
    return {
      required: false,
      needsP0: false,
      reason: `Not required: ${sev}, and no linked SLO lost more than ${sharePercents(1, policy.budgetShare).shareText} of its error budget`,
    };
  }
  const days = policy.dueBusinessDaysBySeverity[incident.severity] ?? policy.dueBusinessDays;
  const text = reasons.join('; ');
  return {
    required: true,
    needsP0: over.length > 0,
    reason: `Required: ${text.charAt(0).toUpperCase()}${text.slice(1)}`,
    ...(incident.resolvedAt !== undefined && { dueAt: addLocalDays(incident.resolvedAt, days, timeZone, true) }),
  };
}

export type PostmortemDueState = 'none' | 'due' | 'overdue';

/**
 * The mark the incident list and page show: nothing once published or when nothing is due, else due until
 * `dueAt` and overdue after. `status` is undefined when no postmortem was started yet.
 */
export function postmortemDueState(
  now: number,
  dueAt: number | undefined,
  status: PostmortemStatus | undefined
): PostmortemDueState {
  if (dueAt === undefined || status === 'published') {
    return 'none';
  }
  return now > dueAt ? 'overdue' : 'due';
}

/** The default due date of a new action item: `actionItemDueDays[priority]` calendar days after `createdAt`. */
export function defaultActionItemDue(
  priority: ActionItemPriority,
  createdAt: number,
  policy: PostmortemPolicy,
  timeZone: string
): number {
  return addLocalDays(createdAt, policy.actionItemDueDays[priority], timeZone, false);
}
