import { WORKBOOK_POLICY } from './model';
import { policyReferenceProblems, validatePolicy } from './validate';

describe('validatePolicy', () => {
  it('accepts the Workbook policy and a minimal one', () => {
    expect(validatePolicy(WORKBOOK_POLICY, 'p')).toEqual([]);
    const { exemptions, approvers, description, ...minimal } = WORKBOOK_POLICY;
    expect(validatePolicy(minimal, 'p')).toEqual([]);
  });

  it('names the field and the reason for each problem', () => {
    const problems = validatePolicy(
      {
        ...WORKBOOK_POLICY,
        id: 'Not A Slug',
        exhaustedAtOrBelow: 0.5,
        atRiskBelow: 0.25,
        fastBurn: { rate: 1, window: '6h' },
        actions: { healthy: 'ship', at_risk: 'go', fast_burn: 'freeze' },
        approvers: ['alice', ''],
        incidentBudgetShare: 20,
        colour: 'red',
      },
      'policies[0]'
    );
    expect(problems.map((p) => p.path)).toEqual([
      'policies[0].colour',
      'policies[0].id',
      'policies[0].atRiskBelow',
      'policies[0].incidentBudgetShare',
      'policies[0].fastBurn.rate',
      'policies[0].fastBurn.window',
      'policies[0].actions.exhausted',
      'policies[0].actions.at_risk',
      'policies[0].approvers[1]',
    ]);
    const by = (path: string) => problems.find((p) => p.path === path)!.message;
    expect(by('policies[0].atRiskBelow')).toMatch(/must be above exhaustedAtOrBelow \(0\.5\)/);
    expect(by('policies[0].incidentBudgetShare')).toMatch(/from 0\.01 to 1 .*got 20/);
    expect(by('policies[0].fastBurn.rate')).toMatch(/above 1/);
    expect(by('policies[0].fastBurn.window')).toMatch(/one of 5m, 1h .*got "6h"/);
    expect(by('policies[0].actions.at_risk')).toMatch(/one of ship, ship_with_approval, freeze, got "go"/);
    expect(by('policies[0].actions.exhausted')).toMatch(/is required/);
  });

  it('refuses what is not an object', () => {
    expect(validatePolicy('workbook', 'p')).toEqual([{ path: 'p', message: 'must be an object, got "workbook"' }]);
  });
});

describe('policyReferenceProblems', () => {
  it('reports SLOs that name a policy that does not exist', () => {
    const known = new Set(['workbook', 'strict']);
    expect(policyReferenceProblems([{}, { policy: 'strict' }, { policy: 'gone' }], known)).toEqual([
      { path: 'slos[2].policy', message: 'no policy "gone" (known: strict, workbook)' },
    ]);
  });
});
