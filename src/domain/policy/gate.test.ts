import { evaluatePolicy } from './evaluate';
import { decideGate, mayApprove, type GateSloResult } from './gate';
import { WORKBOOK_POLICY, type ErrorBudgetPolicy } from './model';

const guarded: ErrorBudgetPolicy = { ...WORKBOOK_POLICY, id: 'guarded', approvers: ['alice'] };

function slo(id: string, remaining: number | null, burnRate: number | null, policy = WORKBOOK_POLICY): GateSloResult {
  return {
    sloId: id,
    sloName: id,
    service: 'checkout',
    policy,
    remaining,
    burnRate,
    decision: evaluatePolicy(policy, { remaining, burnRate }),
  };
}

const healthy = slo('healthy', 0.8, 0.5);
const exhausted = slo('exhausted', -0.1, 0.5);
const fast = slo('fast', 0.8, 10);
const noData = slo('nodata', null, null);

describe('decideGate', () => {
  it('ships when every SLO may ship', () => {
    const d = decideGate([healthy, slo('at-risk', 0.1, 0.5)], { onNoData: 'block' });
    expect(d).toMatchObject({ outcome: 'ship', exitCode: 0, exceptionUsed: false });
    expect(d.verdicts.map((v) => v.verdict)).toEqual(['ship', 'ship']);
  });

  it('blocks on a freeze and says what would let the release through', () => {
    const d = decideGate([healthy, exhausted], { onNoData: 'block' });
    expect(d).toMatchObject({ outcome: 'blocked', exitCode: 1 });
    expect(d.verdicts[1]).toEqual({
      sloId: 'exhausted',
      verdict: 'blocked',
      rule: 'Freeze: remaining budget -10% ≤ 0%; only an exception (--exception, --approver) lets a release through',
    });
  });

  it('lets one release through a freeze with an exception and an approver, and records that it did', () => {
    const d = decideGate([exhausted], { onNoData: 'block', exception: 'CVE fix', approver: 'bob' });
    expect(d).toMatchObject({ outcome: 'ship', exitCode: 0, exceptionUsed: true });
    expect(d.verdicts[0].rule).toBe('Freeze: remaining budget -10% ≤ 0%; exception by bob: CVE fix');
  });

  it('refuses an exception from someone who is not one of the policy’s approvers', () => {
    const d = decideGate([slo('x', -0.1, 0, guarded)], { onNoData: 'block', exception: 'fix', approver: 'bob' });
    expect(d).toMatchObject({ outcome: 'blocked', exitCode: 1, exceptionUsed: false });
    expect(d.verdicts[0].rule).toMatch(/bob is not an approver of policy "guarded"$/);
  });

  it('needs an approver during a fast burn; an approver alone does not lift a freeze', () => {
    expect(decideGate([fast], { onNoData: 'block' }).exitCode).toBe(1);
    expect(decideGate([fast], { onNoData: 'block' }).verdicts[0].rule).toMatch(/needs --approver$/);
    const approved = decideGate([fast], { onNoData: 'block', approver: 'carol' });
    expect(approved).toMatchObject({ outcome: 'ship', exitCode: 0 });
    expect(approved.verdicts[0]).toMatchObject({
      verdict: 'approved',
      rule: expect.stringMatching(/approved by carol$/),
    });
    expect(decideGate([exhausted], { onNoData: 'block', approver: 'carol' }).exitCode).toBe(1);
  });

  it('treats no data as its own outcome unless told to ship, and a block beats no data', () => {
    expect(decideGate([healthy, noData], { onNoData: 'block' })).toMatchObject({ outcome: 'no_data', exitCode: 3 });
    const shipped = decideGate([healthy, noData], { onNoData: 'ship' });
    expect(shipped).toMatchObject({ outcome: 'ship', exitCode: 0 });
    expect(shipped.verdicts[1].rule).toMatch(/--on-no-data ship/);
    expect(decideGate([exhausted, noData], { onNoData: 'block' })).toMatchObject({ outcome: 'blocked', exitCode: 1 });
  });
});

describe('mayApprove', () => {
  it('accepts any named approver when the policy names none, else only the named ones', () => {
    expect(mayApprove(WORKBOOK_POLICY, 'anyone')).toBe(true);
    expect(mayApprove(WORKBOOK_POLICY, undefined)).toBe(false);
    expect(mayApprove(guarded, 'alice')).toBe(true);
    expect(mayApprove(guarded, 'bob')).toBe(false);
  });
});
