import { burnInput, describeDecision, evaluatePolicy, percent, policyFor } from './evaluate';
import { WORKBOOK_POLICY, type ErrorBudgetPolicy } from './model';

const strict: ErrorBudgetPolicy = {
  ...WORKBOOK_POLICY,
  id: 'strict',
  name: 'Strict',
  exhaustedAtOrBelow: 0.1,
  atRiskBelow: 0.5,
  fastBurn: { rate: 2, window: '5m' },
  actions: { healthy: 'ship', at_risk: 'ship_with_approval', fast_burn: 'freeze', exhausted: 'freeze' },
};

describe('evaluatePolicy', () => {
  it.each([
    // remaining, burn, state, action
    [0.9, 0.5, 'healthy', 'ship'],
    [0.25, 0.5, 'healthy', 'ship'], // at the at-risk threshold is not below it
    [0.2499, 0.5, 'at_risk', 'ship'],
    [0.9, 6, 'fast_burn', 'ship_with_approval'], // at the fast-burn rate counts
    [0.9, 5.99, 'healthy', 'ship'],
    [0, 0, 'exhausted', 'freeze'], // exactly spent is exhausted
    [-0.3, 20, 'exhausted', 'freeze'], // exhausted wins over a fast burn
    [0.0001, null, 'at_risk', 'ship'], // an unknown burn rate alone never decides
  ])('Workbook: remaining %p, burn %p → %s, %s', (remaining, burnRate, state, action) => {
    const d = evaluatePolicy(WORKBOOK_POLICY, { remaining, burnRate });
    expect(d).toMatchObject({ kind: 'decided', state, action });
  });

  it('says which threshold decided, in the policy’s own numbers', () => {
    expect(evaluatePolicy(strict, { remaining: 0.05, burnRate: 1 })).toEqual({
      kind: 'decided',
      state: 'exhausted',
      action: 'freeze',
      reason: 'remaining budget 5% ≤ 10%',
    });
    expect(evaluatePolicy(strict, { remaining: 0.8, burnRate: 2.5 })).toMatchObject({
      state: 'fast_burn',
      reason: 'burn rate (5m) 2.5× ≥ 2×',
    });
    expect(evaluatePolicy(strict, { remaining: 0.4, burnRate: 1 })).toMatchObject({
      state: 'at_risk',
      action: 'ship_with_approval',
      reason: 'remaining budget 40% < 50%',
    });
    expect(evaluatePolicy(strict, { remaining: 0.5, burnRate: 1 }).kind).toBe('decided');
  });

  it('never decides on unknown or impossible data', () => {
    expect(evaluatePolicy(WORKBOOK_POLICY, { remaining: null, burnRate: 1 })).toEqual({
      kind: 'no_data',
      reason: 'no data for the remaining error budget',
    });
    expect(evaluatePolicy(WORKBOOK_POLICY, { remaining: NaN, burnRate: 1 }).kind).toBe('no_data');
    const bad = evaluatePolicy(WORKBOOK_POLICY, { remaining: 0.9, burnRate: null, dataProblem: 'bad exceeds total' });
    expect(bad).toEqual({ kind: 'no_data', reason: 'impossible data: bad exceeds total' });
  });

  it('describes a decision in one line', () => {
    expect(describeDecision(evaluatePolicy(WORKBOOK_POLICY, { remaining: -0.03, burnRate: 0 }))).toBe(
      'Freeze: remaining budget -3% ≤ 0%'
    );
    expect(describeDecision(evaluatePolicy(WORKBOOK_POLICY, { remaining: null, burnRate: 0 }))).toBe(
      'No data: no data for the remaining error budget'
    );
  });
});

describe('burnInput', () => {
  it('turns an error ratio into a burn rate over the budget', () => {
    expect(burnInput(0.006, 0.001).burnRate).toBeCloseTo(6, 12);
    expect(burnInput(null, 0.001)).toEqual({ burnRate: null });
  });
  it('reports an impossible ratio instead of a burn rate', () => {
    expect(burnInput(1.5, 0.001)).toEqual({ burnRate: null, dataProblem: 'bad exceeds total: check the queries' });
  });
});

describe('policyFor', () => {
  it('uses the Workbook policy for SLOs that name none, or a stored override of it', () => {
    expect(policyFor({}, [strict])).toEqual({ policy: WORKBOOK_POLICY });
    const custom = { ...WORKBOOK_POLICY, atRiskBelow: 0.4 };
    expect(policyFor({}, [custom])).toEqual({ policy: custom });
    expect(policyFor({ policy: 'workbook' }, [])).toEqual({ policy: WORKBOOK_POLICY });
  });
  it('finds a named policy, or says which is missing', () => {
    expect(policyFor({ policy: 'strict' }, [strict])).toEqual({ policy: strict });
    expect(policyFor({ policy: 'gone' }, [strict])).toEqual({ missing: 'gone' });
  });
});

describe('percent', () => {
  it('keeps small shares readable', () => {
    expect([percent(0.25), percent(0.0123), percent(0), percent(-0.5), percent(0.999)]).toEqual([
      '25%',
      '1.23%',
      '0%',
      '-50%',
      '99.9%',
    ]);
  });
});
