/**
 * The SRE Workbook's incident rule: a single incident that consumed more than a policy's share of an SLO's error
 * budget (20% in the Workbook, `incidentBudgetShare`) needs a postmortem with at least one P0 action item.
 * Pure: the incident page and list decide and word the mark with these functions.
 */
import { type ErrorBudgetPolicy, policyFor } from '../policy';

/** What the rule says for one SLO an incident is linked to. */
export type IncidentShareVerdict =
  | {
      kind: 'crossed';
      sloId: string;
      sloName: string;
      policyName: string;
      /** The consumed share and the policy's share, formatted so that the first reads larger than the second. */
      consumedText: string;
      shareText: string;
    }
  | { kind: 'within'; sloId: string }
  /** No budget number (no traffic, no series, a failed query): the rule cannot say, so nothing is marked. */
  | { kind: 'unknown'; sloId: string }
  /** The SLO names a policy that is not stored (or is broken): the rule is not guessed from another policy. */
  | { kind: 'missing_policy'; sloId: string; policyId: string };

const known = (x: number | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** True only when a known consumed share is strictly above the policy's share: exactly 20% does not cross 20%. */
export function crossesIncidentShare(consumed: number | undefined, share: number): boolean {
  return known(consumed) && consumed > share;
}

const trim = (fixed: string): string => String(Number(fixed));

/**
 * `consumed` and `share` as percentages: the consumed one with the precision the incident page uses for budgets
 * (one decimal, none from 100%), and more decimals only when it would otherwise not read larger than the share
 * (20.004% against 20%, never "20% … more than 20%"); assumes consumed > share.
 */
export function sharePercents(consumed: number, share: number): { consumedText: string; shareText: string } {
  const shareText = `${trim((share * 100).toFixed(2))}%`;
  // 0.07 * 100 is 7.000000000000001: compare against the share as it is shown.
  const shareShown = Number((share * 100).toFixed(6));
  const pct = consumed * 100;
  for (let digits = pct >= 100 ? 0 : 1; digits <= 4; digits++) {
    const shown = trim(pct.toFixed(digits));
    if (Number(shown) > shareShown) {
      return { consumedText: `${shown}%`, shareText };
    }
  }
  return { consumedText: `more than ${shareText}`, shareText };
}

/** The rule's verdict for one SLO (with its `policy` reference) and the share of its budget the incident consumed. */
export function incidentShareVerdict(
  slo: { id: string; name: string; policy?: string },
  consumed: number | undefined,
  policies: readonly ErrorBudgetPolicy[]
): IncidentShareVerdict {
  const found = policyFor(slo, policies);
  if ('missing' in found) {
    return { kind: 'missing_policy', sloId: slo.id, policyId: found.missing };
  }
  if (!known(consumed)) {
    return { kind: 'unknown', sloId: slo.id };
  }
  const { policy } = found;
  if (!crossesIncidentShare(consumed, policy.incidentBudgetShare)) {
    return { kind: 'within', sloId: slo.id };
  }
  return {
    kind: 'crossed',
    sloId: slo.id,
    sloName: slo.name,
    policyName: policy.name,
    ...sharePercents(consumed, policy.incidentBudgetShare),
  };
}

/** The callout for a crossed SLO, in the Workbook's words. */
export function postmortemCallout(v: Extract<IncidentShareVerdict, { kind: 'crossed' }>): string {
  return (
    `This incident consumed ${v.consumedText} of ${v.sloName}'s error budget ` +
    `(policy ${v.policyName}: more than ${v.shareText} needs a postmortem with a P0 action item)`
  );
}

/** The SLOs of one incident that crossed their policy's share, in the order given. */
export function crossedSlos(
  verdicts: readonly IncidentShareVerdict[]
): Array<Extract<IncidentShareVerdict, { kind: 'crossed' }>> {
  return verdicts.filter((v): v is Extract<IncidentShareVerdict, { kind: 'crossed' }> => v.kind === 'crossed');
}
