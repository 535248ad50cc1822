import { DEFAULT_TIERS, errorBudget, requiredWindows, resolveTiers, windowDuration, withDefaults } from './defaults';
import type { Slo } from './model';

const slo = (over: Partial<Slo> = {}): Slo => ({
  id: 'x',
  name: 'X',
  service: 's',
  sli: { kind: 'ratio', bad: 'e_total', total: 't_total' },
  objective: { target: 0.999 },
  window: { type: 'rolling', duration: '30d' },
  ...over,
});

describe('defaults', () => {
  it('derives the SRE Workbook factors 14.4 / 6 / 3 / 1 for a 30d window', () => {
    expect(resolveTiers(slo()).map((t) => [t.tier, t.factor, t.severity])).toEqual([
      ['fast', 14.4, 'page'],
      ['medium', 6, 'page'],
      ['slow', 3, 'ticket'],
      ['long', 1, 'ticket'],
    ]);
    expect(DEFAULT_TIERS.map((t) => t.budgetShare)).toEqual([0.02, 0.05, 0.1, 0.1]);
  });

  it('scales factors with the window: 28d gives 0.02 × 28 × 24 = 13.44 for fast', () => {
    expect(resolveTiers(slo({ window: { type: 'rolling', duration: '28d' } }))[0].factor).toBe(13.44);
  });

  it('maps calendar windows to 30d and 90d', () => {
    expect(windowDuration(slo({ window: { type: 'calendar', unit: 'month', timeZone: 'UTC' } }))).toBe('30d');
    expect(windowDuration(slo({ window: { type: 'calendar', unit: 'quarter', timeZone: 'UTC' } }))).toBe('90d');
  });

  it('merges overrides: explicit factor keeps budgetShare consistent; windows and enablement apply', () => {
    const tiers = resolveTiers(
      slo({
        alerting: {
          tiers: [
            { tier: 'fast', factor: 7.2 },
            { tier: 'long', enabled: false, longWindow: '2d', budgetShare: 0.2 },
          ],
        },
      })
    );
    expect(tiers[0]).toMatchObject({ factor: 7.2, budgetShare: 0.01, longWindow: '1h' }); // 7.2 × 1h / 720h
    expect(tiers[3]).toMatchObject({ enabled: false, longWindow: '2d', factor: 3 }); // 0.2 × 30 / 2
  });

  it('rounds the error budget so 1 − 0.999 is exactly 0.001', () => {
    expect(errorBudget(0.999)).toBe(0.001);
    expect(errorBudget(0.9995)).toBe(0.0005);
  });

  it('records 5m and 1h plus the windows of enabled tiers only', () => {
    expect(requiredWindows(slo())).toEqual(['5m', '30m', '1h', '2h', '6h', '1d', '3d']);
    const onlyFast = slo({
      alerting: { tiers: ['medium', 'slow', 'long'].map((t) => ({ tier: t as 'slow', enabled: false })) },
    });
    expect(requiredWindows(onlyFast)).toEqual(['5m', '1h']);
    expect(requiredWindows(slo({ alerting: { enabled: false } }))).toEqual(['5m', '1h']);
  });

  it('fills documented defaults', () => {
    const d = withDefaults(slo());
    expect(d.budgeting).toEqual({ method: 'occurrences' });
    expect(d.alerting).toMatchObject({ enabled: true, name: 'SLOErrorBudgetBurn', absentAlert: false, labels: {} });
    expect(d.labels).toEqual({});
  });
});
