import {
  DEFAULT_TIERS,
  errorBudget,
  requiredWindows,
  resolveTiers,
  tierNotes,
  windowDuration,
  withDefaults,
} from './defaults';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseDuration } from './durations';
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

  it('scales the windows with the SLO window and keeps the factors (never ≤ 1×)', () => {
    const table = (duration: string) =>
      resolveTiers(slo({ window: { type: 'rolling', duration } })).map((t) =>
        [t.tier, t.longWindow, t.shortWindow, t.factor, t.for, t.enabled].join(' ')
      );
    // 28d (Pyrra's default) is 28/30 of the Workbook's windows, in whole 5 minutes, short windows at least 5m.
    expect(table('28d')).toEqual([
      'fast 55m 5m 14.4 2m true',
      'medium 5h35m 30m 6 14m true',
      'slow 22h25m 1h50m 3 55m true',
      'long 2d19h10m 5h35m 1 2h47m true',
    ]);
    expect(table('7d')).toEqual([
      'fast 15m 5m 14.4 1m true',
      'medium 1h25m 5m 6 2m true',
      'slow 5h35m 30m 3 14m true',
      'long 16h50m 1h25m 1 42m true',
    ]);
    expect(table('90d')).toEqual([
      'fast 3h 15m 14.4 6m true',
      'medium 18h 1h30m 6 45m true',
      'slow 3d 6h 3 3h true',
      'long 9d 18h 1 9h true',
    ]);
    // 1d: the 5m floor makes the fast window 5m; the tier then fires after 14.4 × 5m / 1d = 5% of the budget.
    expect(table('1d')).toEqual([
      'fast 5m 5m 14.4 1m true',
      'medium 10m 5m 6 1m true',
      'slow 50m 5m 3 2m true',
      'long 2h25m 10m 1 5m true',
    ]);
    for (const d of ['1h', '6h', '1d', '3d', '7d', '14d', '28d', '30d', '31d', '90d', '1y']) {
      for (const t of resolveTiers(slo({ window: { type: 'rolling', duration: d } })).filter((x) => x.enabled)) {
        expect(t.factor).toBeGreaterThanOrEqual(1);
        expect(t.budgetShare).toBeLessThanOrEqual(1);
        expect(parseDuration(t.shortWindow)).toBeLessThanOrEqual(parseDuration(t.longWindow));
        expect(parseDuration(t.for) * 2).toBeLessThanOrEqual(parseDuration(t.shortWindow));
        expect(parseDuration(t.longWindow) % 300000).toBe(0);
      }
    }
  });

  it('drops a tier whose threshold is beyond a 100% error ratio, and says why', () => {
    // 90%: budget 0.1, so the fast tier's 14.4× would need an error ratio of 144%.
    const tiers = resolveTiers(slo({ objective: { target: 0.9 } }));
    expect(tiers.map((t) => [t.tier, t.enabled])).toEqual([
      ['fast', false],
      ['medium', true],
      ['slow', true],
      ['long', true],
    ]);
    expect(tiers[0].dropped).toMatch(/error ratio of 144% at a 90% objective/);
    expect(tierNotes(slo({ objective: { target: 0.9 } }))).toEqual([
      expect.stringMatching(/^SLO "x": the fast tier's threshold .*; the fast tier is left out\.$/),
    ]);
    // 93.06% is the last objective whose fast tier is reachable (14.4 × 0.0694 < 1); 93.05% is not.
    expect(resolveTiers(slo({ objective: { target: 0.9306 } }))[0].enabled).toBe(true);
    expect(resolveTiers(slo({ objective: { target: 0.9305 } }))[0].enabled).toBe(false);
    expect(tierNotes(slo())).toEqual([]);
  });

  it('drops a tier that would fire only after the whole budget is gone (1h window)', () => {
    const tiers = resolveTiers(slo({ window: { type: 'rolling', duration: '1h' } }));
    expect(tiers[0]).toMatchObject({ tier: 'fast', enabled: false, longWindow: '5m' });
    expect(tiers[0].dropped).toMatch(/after 120% of the 1h error budget is gone/);
    expect(tiers.slice(1).every((t) => t.enabled)).toBe(true);
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

describe('the README tier table', () => {
  it('says what resolveTiers gives for 1d, 7d, 28d, 30d and 90d at 99.9%', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    const header = readme.split('\n').find((l) => l.startsWith('| tier (factor, severity) |'))!;
    const windows = header
      .split('|')
      .slice(2, -1)
      .map((c) => c.trim());
    expect(windows).toEqual(['1d', '7d', '28d', '30d', '90d']);
    const rows = readme.split('\n').filter((l) => /^\| (fast|medium|slow|long) \(/.test(l));
    expect(rows).toHaveLength(4);
    const cells = rows.map((r) =>
      r
        .split('|')
        .slice(2, -1)
        .map((c) => c.trim())
    );
    windows.forEach((duration, w) => {
      const tiers = resolveTiers(slo({ window: { type: 'rolling', duration } }));
      tiers.forEach((t, i) => {
        const share = Number((t.budgetShare * 100).toPrecision(3));
        expect(cells[i][w]).toBe(`${t.longWindow} / ${t.shortWindow}, for ${t.for} (${share}%)`);
        expect(rows[i]).toContain(`| ${t.tier} (${t.factor}×, ${t.severity}) |`);
      });
    });
  });
});
