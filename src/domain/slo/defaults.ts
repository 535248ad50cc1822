import { formatDuration, parseDuration } from './durations';
import type { AlertSeverity, BudgetingMethod, BurnRateTierName, Slo, SloAlerting } from './model';

/** A burn-rate tier with every field resolved for one SLO. */
export interface ResolvedTier {
  tier: BurnRateTierName;
  enabled: boolean;
  longWindow: string;
  shortWindow: string;
  /** Burn-rate multiple of the sustainable rate that alerts. */
  factor: number;
  budgetShare: number;
  severity: AlertSeverity;
  for: string;
}

export type TierDefaults = Omit<ResolvedTier, 'factor'>;

/**
 * Multiwindow, multi-burn-rate tiers from the SRE Workbook ("Alerting on SLOs", table 5-8 extended with a 3d tier).
 * The short window is 1/12 of the long one, so an alert resets soon after the burn stops.
 *
 * `for` damps one-evaluation blips without costing much budget: the budget burnt while pending is
 * factor × for / SLO window. For 30d that is 14.4 × 2m ≈ 0.07% (fast), 6 × 15m ≈ 0.2% (medium),
 * 3 × 1h ≈ 0.4% (slow) and 1 × 3h ≈ 0.4% (long), each small against the tier's 2–10% share.
 * Each `for` is also at most half the short window, so a real burn still fires while the short window agrees.
 */
export const DEFAULT_TIERS: readonly TierDefaults[] = Object.freeze([
  { tier: 'fast', enabled: true, longWindow: '1h', shortWindow: '5m', budgetShare: 0.02, severity: 'page', for: '2m' },
  {
    tier: 'medium',
    enabled: true,
    longWindow: '6h',
    shortWindow: '30m',
    budgetShare: 0.05,
    severity: 'page',
    for: '15m',
  },
  { tier: 'slow', enabled: true, longWindow: '1d', shortWindow: '2h', budgetShare: 0.1, severity: 'ticket', for: '1h' },
  { tier: 'long', enabled: true, longWindow: '3d', shortWindow: '6h', budgetShare: 0.1, severity: 'ticket', for: '3h' },
] as TierDefaults[]);

export const TIER_NAMES: readonly BurnRateTierName[] = ['fast', 'medium', 'slow', 'long'];
export const DEFAULT_ALERT_NAME = 'SLOErrorBudgetBurn';
export const ABSENT_ALERT_NAME = 'SLOMetricAbsent';

/**
 * SLO window length used for rules and burn-rate factors. Prometheus range selectors are relative to the
 * evaluation time and cannot start at a calendar boundary, so a calendar month is treated as 30d and a quarter as
 * 90d here. The app shows calendar-aligned values by querying with the calendar range itself instead.
 */
export function windowDuration(slo: Pick<Slo, 'window'>): string {
  const w = slo.window;
  if (w.type === 'rolling') {
    return formatDuration(parseDuration(w.duration));
  }
  return w.unit === 'quarter' ? '90d' : '30d';
}

/** Window length in milliseconds (see windowDuration for calendar windows). */
export function windowMs(slo: Pick<Slo, 'window'>): number {
  return parseDuration(windowDuration(slo));
}

/** Error budget 1 − target, rounded to 12 significant digits so 1 − 0.999 is 0.001 and not 0.0010000000000000009. */
export function errorBudget(target: number): number {
  return Number((1 - target).toPrecision(12));
}

/** Burn-rate factor that spends `budgetShare` of the budget of an SLO window within `longWindow`. */
export function tierFactor(budgetShare: number, sloWindowMs: number, longWindow: string): number {
  return Number(((budgetShare * sloWindowMs) / parseDuration(longWindow)).toPrecision(12));
}

/** Resolves the four tiers for one SLO: defaults, then the SLO's overrides; factor derived unless overridden. */
export function resolveTiers(slo: Pick<Slo, 'window' | 'alerting'>): ResolvedTier[] {
  const sloMs = windowMs(slo);
  const overrides = slo.alerting?.tiers ?? [];
  return DEFAULT_TIERS.map((def) => {
    const o = overrides.find((t) => t.tier === def.tier) ?? { tier: def.tier };
    const longWindow = o.longWindow ?? def.longWindow;
    const longMs = parseDuration(longWindow);
    let budgetShare = o.budgetShare ?? def.budgetShare;
    let factor: number;
    if (o.factor !== undefined) {
      factor = o.factor;
      // Keep the pair consistent so pages can show "this tier fires after x% of the budget".
      if (o.budgetShare === undefined) {
        budgetShare = Number(((factor * longMs) / sloMs).toPrecision(12));
      }
    } else {
      factor = tierFactor(budgetShare, sloMs, longWindow);
    }
    return {
      tier: def.tier,
      enabled: o.enabled ?? def.enabled,
      longWindow,
      shortWindow: o.shortWindow ?? def.shortWindow,
      factor,
      budgetShare,
      severity: o.severity ?? def.severity,
      for: o.for ?? def.for,
    };
  });
}

/** Fully resolved alerting settings. */
export type ResolvedAlerting = Required<Omit<SloAlerting, 'tiers' | 'minEvents' | 'runbookUrl'>> &
  Pick<SloAlerting, 'minEvents' | 'runbookUrl'> & { tiers: ResolvedTier[] };

/** An SLO with every optional field that has a default filled in. */
export type SloWithDefaults = Omit<Slo, 'labels' | 'budgeting' | 'alerting'> & {
  labels: Record<string, string>;
  budgeting: BudgetingMethod;
  alerting: ResolvedAlerting;
};

/** Fills documented defaults: no labels, occurrences budgeting, alerting enabled with the four default tiers. */
export function withDefaults(slo: Slo): SloWithDefaults {
  const a = slo.alerting ?? {};
  return {
    ...slo,
    labels: { ...(slo.labels ?? {}) },
    budgeting: slo.budgeting ?? { method: 'occurrences' },
    alerting: {
      enabled: a.enabled ?? true,
      name: a.name ?? DEFAULT_ALERT_NAME,
      tiers: resolveTiers(slo),
      minEvents: a.minEvents,
      labels: { ...(a.labels ?? {}) },
      annotations: { ...(a.annotations ?? {}) },
      runbookUrl: a.runbookUrl,
      absentAlert: a.absentAlert ?? false,
    },
  };
}

/** Window lengths the rules must record: 5m (the base series) and 1h (burn-rate display) plus enabled tiers' windows. */
export function requiredWindows(slo: Slo): string[] {
  const s = withDefaults(slo);
  const set = new Set<string>(['5m', '1h']);
  if (s.alerting.enabled) {
    for (const t of s.alerting.tiers.filter((x) => x.enabled)) {
      set.add(formatDuration(parseDuration(t.longWindow)));
      set.add(formatDuration(parseDuration(t.shortWindow)));
    }
  }
  return [...set].sort((x, y) => parseDuration(x) - parseDuration(y));
}
