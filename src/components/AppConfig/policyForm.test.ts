import { WORKBOOK_POLICY } from '../../domain/policy/model';
import {
  formErrors,
  formFromPolicy,
  newPolicyForm,
  placeProblems,
  policyFromForm,
  updatePolicyForm,
} from './policyForm';

describe('policy form', () => {
  it('shows fractions as percentages and stores them back as the same fractions', () => {
    const form = formFromPolicy({ ...WORKBOOK_POLICY, atRiskBelow: 0.333, exhaustedAtOrBelow: -0.1 });
    expect(form).toMatchObject({
      atRiskPercent: '33.3',
      exhaustedPercent: '-10',
      incidentSharePercent: '20',
      fastBurnRate: '6',
    });
    // An empty approvers list is left out rather than stored (toEqual treats `undefined` as absent).
    expect(policyFromForm(form)).toEqual({
      ...WORKBOOK_POLICY,
      approvers: undefined,
      atRiskBelow: 0.333,
      exhaustedAtOrBelow: -0.1,
    });
    expect(formErrors(form)).toEqual({});
  });

  it('derives a new policy’s id from its name until the id is edited', () => {
    let form = updatePolicyForm(newPolicyForm(WORKBOOK_POLICY), { name: 'Checkout Strict!' });
    expect(form.id).toBe('checkout-strict');
    form = updatePolicyForm(form, { id: 'mine' });
    form = updatePolicyForm(form, { name: 'Other' });
    expect(form.id).toBe('mine');
  });

  it('names each bad field in the form’s own units', () => {
    const form = {
      ...newPolicyForm(WORKBOOK_POLICY),
      exhaustedPercent: '30',
      atRiskPercent: '20',
      incidentSharePercent: '150',
      fastBurnRate: 'fast',
    };
    expect(formErrors(form)).toEqual({
      name: 'must be a non-empty string, got ""',
      id: 'must be a non-empty string, got ""',
      atRiskPercent: 'must be above the exhausted threshold (30%), or no budget is ever at risk before it is exhausted',
      incidentSharePercent: 'must be from 1% to 100% of the error budget, got 150%',
      fastBurnRate: 'must be a number, got "fast"',
    });
    expect(formErrors({ ...formFromPolicy(WORKBOOK_POLICY), fastBurnRate: '1' }).fastBurnRate).toMatch(
      /must be a number above 1/
    );
    expect(formErrors({ ...formFromPolicy(WORKBOOK_POLICY), exhaustedPercent: '' }).exhaustedPercent).toBe(
      'is required'
    );
  });

  it('places server-side problems on their fields', () => {
    expect(
      placeProblems([
        { path: 'policy.actions.exhausted', message: 'must be one of ship, ship_with_approval, freeze' },
        { path: 'policy.approvers[1]', message: 'must be a non-empty string' },
        { path: 'policy.fastBurn.window', message: 'must be one of 5m, 1h' },
      ])
    ).toEqual({
      'actions.exhausted': 'must be one of ship, ship_with_approval, freeze',
      approvers: 'approvers[1]: must be a non-empty string',
      fastBurnWindow: 'must be one of 5m, 1h',
    });
  });
});
