import { budgetPolicy } from './policy';

describe('budgetPolicy', () => {
  it.each([
    ['healthy', 'healthy', 'success', /Ship as usual/],
    ['at_risk', 'at_risk', 'warning', /Prioritise reliability work.*Review recent changes/],
    ['burning_fast', 'at_risk', 'warning', /Prioritise reliability work/],
    ['exhausted', 'exhausted', 'error', /Freeze risky releases.*postmortem/],
    ['no_data', 'unknown', 'info', /recording rules/],
  ] as const)('%s → %s', (status, state, severity, actions) => {
    const p = budgetPolicy(status);
    expect(p.state).toBe(state);
    expect(p.severity).toBe(severity);
    expect(p.actions.join(' ')).toMatch(actions);
  });
});
