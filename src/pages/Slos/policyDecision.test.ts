import type { SloSnapshot } from '../../api/sloStatus';
import { WORKBOOK_POLICY, type ErrorBudgetPolicy } from '../../domain/policy/model';
import type { Slo } from '../../domain/slo/model';
import { RAW_5M_CAVEAT, decidePolicy } from './policyDecision';

const slo = (policy?: string): Slo => ({
  id: 'checkout',
  name: 'Checkout',
  service: 'checkout',
  sli: { kind: 'ratio', bad: 'errors_total', total: 'requests_total' },
  objective: { target: 0.99 },
  window: { type: 'rolling', duration: '30d' },
  ...(policy ? { policy } : {}),
});

const snap = (patch: Partial<SloSnapshot>): SloSnapshot => ({
  errorRatio: 0.001,
  sli: 0.999,
  remaining: 0.9,
  burnRate1h: 0.5,
  burnRate5m: 0.5,
  status: 'healthy',
  source: 'rules',
  ...patch,
});

const strict5m: ErrorBudgetPolicy = {
  ...WORKBOOK_POLICY,
  id: 'strict',
  name: 'Strict',
  atRiskBelow: 0.5,
  fastBurn: { rate: 10, window: '5m' },
  actions: { healthy: 'ship', at_risk: 'ship_with_approval', fast_burn: 'freeze', exhausted: 'freeze' },
};

describe('decidePolicy', () => {
  it('follows the built-in Workbook policy when the SLO names none, and a stored `workbook` when there is one', () => {
    expect(decidePolicy(slo(), snap({}), [])).toMatchObject({
      policy: WORKBOOK_POLICY,
      isDefault: true,
      decision: { action: 'ship' },
    });
    const custom = { ...WORKBOOK_POLICY, atRiskBelow: 0.95 };
    expect(decidePolicy(slo(), snap({}), [custom])).toMatchObject({
      policy: custom,
      isDefault: true,
      decision: { state: 'at_risk', reason: 'remaining budget 90% < 95%' },
    });
  });

  it('reads the burn rate of the policy’s window: 5m from the rules, 1h otherwise', () => {
    const fast5m = snap({ burnRate5m: 12, burnRate1h: 1 });
    expect(decidePolicy(slo('strict'), fast5m, [strict5m]).decision).toMatchObject({
      state: 'fast_burn',
      action: 'freeze',
      reason: 'burn rate (5m) 12× ≥ 10×',
    });
    // The Workbook's 1h window ignores the 5m spike.
    expect(decidePolicy(slo(), fast5m, []).decision).toMatchObject({ state: 'healthy' });
  });

  it('says a 5m window cannot be evaluated on the raw fallback instead of guessing, and decides on the budget', () => {
    const raw = snap({ source: 'raw', burnRate5m: undefined, burnRate1h: 50, remaining: 0.3 });
    const view = decidePolicy(slo('strict'), raw, [strict5m]);
    expect(view.caveat).toBe(RAW_5M_CAVEAT);
    expect(view.decision).toMatchObject({ state: 'at_risk', reason: 'remaining budget 30% < 50%' });
    expect(decidePolicy(slo(), raw, []).caveat).toBeUndefined();
  });

  it('gives no data, with the reason, for a missing policy, a data problem or a failed read', () => {
    expect(decidePolicy(slo('gone'), snap({}), []).decision).toEqual({
      kind: 'no_data',
      reason: 'policy "gone" does not exist: pick another in the SLO editor',
    });
    const bad = snap({
      remaining: null,
      status: 'bad_data',
      dataProblem: { message: 'error ratio 1.5 is above 1', queries: [] },
    });
    expect(decidePolicy(slo(), bad, []).decision).toEqual({
      kind: 'no_data',
      reason: 'impossible data: error ratio 1.5 is above 1',
    });
    const failed = snap({ remaining: null, status: 'no_data', source: 'none', error: 'Bad Gateway' });
    expect(decidePolicy(slo(), failed, []).decision).toEqual({ kind: 'no_data', reason: 'Bad Gateway' });
    expect(decidePolicy(slo(), snap({ remaining: null, source: 'raw' }), []).decision).toMatchObject({
      kind: 'no_data',
    });
  });

  it('freezes an exhausted budget under the default policy', () => {
    expect(decidePolicy(slo(), snap({ remaining: -0.2 }), []).decision).toEqual({
      kind: 'decided',
      state: 'exhausted',
      action: 'freeze',
      reason: 'remaining budget -20% ≤ 0%',
    });
  });
});
