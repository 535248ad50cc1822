import { WORKBOOK_POLICY, type ErrorBudgetPolicy } from '../policy';
import {
  crossedSlos,
  crossesIncidentShare,
  incidentShareVerdict,
  postmortemCallout,
  sharePercents,
} from './budgetRule';

const slo = (policy?: string) => ({ id: 'checkout', name: 'Checkout availability', ...(policy ? { policy } : {}) });
const strict: ErrorBudgetPolicy = { ...WORKBOOK_POLICY, id: 'strict', name: 'Strict', incidentBudgetShare: 0.05 };

describe('crossesIncidentShare', () => {
  it('is strictly above the share: exactly 20% is not marked, just above is', () => {
    expect(crossesIncidentShare(0.2, 0.2)).toBe(false);
    expect(crossesIncidentShare(0.2 + 1e-9, 0.2)).toBe(true);
    expect(crossesIncidentShare(0.1999, 0.2)).toBe(false);
  });

  it('never marks an unknown or impossible budget', () => {
    expect(crossesIncidentShare(undefined, 0.2)).toBe(false);
    expect(crossesIncidentShare(Number.NaN, 0.2)).toBe(false);
    expect(crossesIncidentShare(Number.POSITIVE_INFINITY, 0.2)).toBe(false);
  });
});

describe('incidentShareVerdict', () => {
  it('judges an SLO without a policy by the Workbook: 20% is within, 34% crossed', () => {
    expect(incidentShareVerdict(slo(), 0.2, [])).toEqual({ kind: 'within', sloId: 'checkout' });
    const crossed = incidentShareVerdict(slo(), 0.34, []);
    expect(crossed).toEqual({
      kind: 'crossed',
      sloId: 'checkout',
      sloName: 'Checkout availability',
      policyName: 'SRE Workbook',
      consumedText: '34%',
      shareText: '20%',
    });
    expect(postmortemCallout(crossed as Extract<typeof crossed, { kind: 'crossed' }>)).toBe(
      "This incident consumed 34% of Checkout availability's error budget " +
        '(policy SRE Workbook: more than 20% needs a postmortem with a P0 action item)'
    );
  });

  it("uses the share of the SLO's own policy", () => {
    expect(incidentShareVerdict(slo('strict'), 0.06, [strict])).toMatchObject({
      kind: 'crossed',
      policyName: 'Strict',
      consumedText: '6%',
      shareText: '5%',
    });
    expect(incidentShareVerdict(slo('strict'), 0.05, [strict]).kind).toBe('within');
    // The same 6% is within the Workbook's 20%.
    expect(incidentShareVerdict(slo(), 0.06, [strict]).kind).toBe('within');
  });

  it('is unknown, never "0%", without a budget number', () => {
    expect(incidentShareVerdict(slo(), undefined, [])).toEqual({ kind: 'unknown', sloId: 'checkout' });
    expect(incidentShareVerdict(slo(), Number.NaN, []).kind).toBe('unknown');
  });

  it('does not guess a rule for a policy that is not stored', () => {
    expect(incidentShareVerdict(slo('gone'), 0.9, [strict])).toEqual({
      kind: 'missing_policy',
      sloId: 'checkout',
      policyId: 'gone',
    });
  });

  it('keeps the crossed SLOs of an incident in order', () => {
    const verdicts = [
      incidentShareVerdict({ id: 'a', name: 'A' }, 0.5, []),
      incidentShareVerdict({ id: 'b', name: 'B' }, 0.1, []),
      incidentShareVerdict({ id: 'c', name: 'C' }, undefined, []),
      incidentShareVerdict({ id: 'd', name: 'D' }, 2.5, []),
    ];
    expect(crossedSlos(verdicts).map((v) => [v.sloId, v.consumedText])).toEqual([
      ['a', '50%'],
      ['d', '250%'],
    ]);
  });
});

describe('sharePercents', () => {
  it('adds decimals until the consumed share reads larger than the policy share', () => {
    expect(sharePercents(0.2004, 0.2).consumedText).toBe('20.04%');
    expect(sharePercents(0.20004, 0.2).consumedText).toBe('20.004%');
    expect(sharePercents(0.2 + 1e-12, 0.2).consumedText).toBe('more than 20%');
    expect(sharePercents(0.0701, 0.07)).toEqual({ consumedText: '7.01%', shareText: '7%' });
  });

  it('rounds as the incident page does: one decimal below 100%, none above', () => {
    expect(sharePercents(0.3449, 0.2).consumedText).toBe('34.5%');
    expect(sharePercents(1.2345, 0.2).consumedText).toBe('123%');
    expect(sharePercents(0.3, 0.125).shareText).toBe('12.5%');
  });
});
