import { WORKBOOK_POLICY } from '../../../domain/policy/model';
import { policyCard } from './policy';

const workbook = { policy: WORKBOOK_POLICY, isDefault: true };

describe('policyCard', () => {
  it.each([
    ['healthy', 'ship', 'success', 'Healthy: Ship', /Ship as usual/],
    ['fast_burn', 'ship_with_approval', 'warning', 'Burning fast: Ship with approval', /sign-off/],
    ['exhausted', 'freeze', 'error', 'Exhausted: Freeze', /Freeze releases/],
  ] as const)('%s → %s', (state, action, severity, title, advice) => {
    const card = policyCard({ ...workbook, decision: { kind: 'decided', state, action, reason: 'r' } });
    expect(card).toMatchObject({ severity, title, reason: 'r', policyName: 'SRE Workbook (default)' });
    expect(card.advice).toMatch(advice);
    expect(card.exemptions).toEqual(['P0 issues', 'Security fixes']);
  });

  it('asks to check the queries for impossible data, never to freeze', () => {
    const card = policyCard({
      ...workbook,
      decision: { kind: 'no_data', reason: 'impossible data: bad exceeds total' },
    });
    expect(card).toMatchObject({ severity: 'warning', title: 'Check the queries' });
  });

  it('says when the SLO names a policy that does not exist', () => {
    const card = policyCard({ isDefault: false, decision: { kind: 'no_data', reason: 'policy "x" does not exist' } });
    expect(card).toMatchObject({ policyName: 'not found', title: 'No data', approvers: [], exemptions: [] });
    expect(card.advice).toMatch(/names a policy that does not exist/);
  });
});
