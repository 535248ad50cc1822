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
  /**
   * Why a default tier was left out for this SLO (it could not be meaningful: it would fire only after more than
   * the whole budget is gone, or its threshold is an error ratio no service can reach). Set only when dropped.
   */
  dropped?: string;
  /** This tier's own alert labels (over alerting.labels; may set `severity`) and annotations, when overridden. */
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export type TierDefaults = Omit<ResolvedTier, 'dropped' | 'labels' | 'annotations'>;

/** The window the default tiers are defined for (the SRE Workbook's); other windows scale from it. */
export const BASE_WINDOW_MS = 30 * 24 * 3600 * 1000;
/**
 * The shortest window a tier uses. A rate needs several scrapes in its range (Prometheus' advice is four), and 5m
 * is the short window of the Workbook's fastest tier; shorter windows only add noise.
 */
export const MIN_ALERT_WINDOW_MS = 5 * 60 * 1000;
/** The shortest SLO window the rules support: below it even the shortest alert windows would not fit. */
export const MIN_SLO_WINDOW_MS = 3600 * 1000;

const MINUTE_MS = 60 * 1000;

/**
 * Multiwindow, multi-burn-rate tiers from the SRE Workbook ("Alerting on SLOs", table 5-8 extended with a 1d/2h
 * tier), for a 30-day SLO. The short window is 1/12 of the long one, so an alert resets soon after the burn stops.
 * For other SLO windows the windows and `for` scale with the SLO window and the factors stay (see resolveTiers).
 *
 * `for` damps one-evaluation blips without costing much budget: the budget burnt while pending is
 * factor × for / SLO window. For 30d that is 14.4 × 2m ≈ 0.07% (fast), 6 × 15m ≈ 0.2% (medium),
 * 3 × 1h ≈ 0.4% (slow) and 1 × 3h ≈ 0.4% (long), each small against the tier's 2–10% share.
 * Each `for` is also at most half the short window, so a real burn still fires while the short window agrees.
 */
export const DEFAULT_TIERS: readonly TierDefaults[] = Object.freeze([
  tierDefault('fast', '1h', '5m', 14.4, 0.02, 'page', '2m'),
  tierDefault('medium', '6h', '30m', 6, 0.05, 'page', '15m'),
  tierDefault('slow', '1d', '2h', 3, 0.1, 'ticket', '1h'),
  tierDefault('long', '3d', '6h', 1, 0.1, 'ticket', '3h'),
]);

function tierDefault(
  tier: BurnRateTierName,
  longWindow: string,
  shortWindow: string,
  factor: number,
  budgetShare: number,
  severity: AlertSeverity,
  forDuration: string
): TierDefaults {
  return { tier, enabled: true, longWindow, shortWindow, factor, budgetShare, severity, for: forDuration };
}

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

const round12 = (x: number): number => Number(x.toPrecision(12));
const roundTo = (ms: number, unit: number): number => Math.max(unit, Math.round(ms / unit) * unit);
const pct = (x: number): string => `${Number((x * 100).toPrecision(4))}%`;

/**
 * A default tier for an SLO window other than 30 days, as Pyrra scales its tiers from its 28-day base: the long
 * and short windows and `for` scale with the SLO window (windows in whole 5 minutes, so the 5m-step event count
 * of the `minEvents` guard tiles them exactly; short windows at least 5m, the long window at least the short one;
 * `for` in whole minutes and at most half the short window) and the factor stays, so a tier keeps its
 * meaning ("burning 14.4× faster than the budget allows") and never drops towards 1×. Keeping the 30-day windows
 * instead would scale the factors down: a 7-day SLO would ticket at 0.23× burn, while its budget lasts.
 */
export function scaledDefaultTier(def: TierDefaults, sloWindowMs: number): TierDefaults {
  const k = sloWindowMs / BASE_WINDOW_MS;
  const shortMs = roundTo(parseDuration(def.shortWindow) * k, MIN_ALERT_WINDOW_MS);
  const longMs = Math.max(shortMs, roundTo(parseDuration(def.longWindow) * k, MIN_ALERT_WINDOW_MS));
  const halfShort = Math.floor(shortMs / 2 / MINUTE_MS) * MINUTE_MS;
  const forMs = Math.min(roundTo(parseDuration(def.for) * k, MINUTE_MS), halfShort);
  return {
    ...def,
    longWindow: formatDuration(longMs),
    shortWindow: formatDuration(shortMs),
    for: formatDuration(forMs),
    budgetShare: round12((def.factor * longMs) / sloWindowMs),
  };
}

/**
 * Why a tier cannot be meaningful for this SLO, or undefined when it can. A tier must fire above 1× only (at 1×
 * the budget lasts the window), below an error ratio of 100% (its threshold factor × budget must be reachable),
 * and before the whole budget is gone (factor × long window within the SLO window).
 */
export function tierProblem(
  tier: Pick<ResolvedTier, 'tier' | 'factor' | 'longWindow'>,
  sloWindowMs: number,
  target: number | undefined
): string | undefined {
  const f = Number(tier.factor.toPrecision(6));
  if (!(tier.factor >= 1)) {
    return `the ${tier.tier} tier's factor ${f}× is below 1×: at or below 1× the budget lasts the SLO window, so it must not alert`;
  }
  if (target !== undefined && target > 0 && target < 1) {
    const threshold = round12(tier.factor * errorBudget(target));
    if (threshold >= 1) {
      return (
        `the ${tier.tier} tier's threshold ${f}× × ${pct(errorBudget(target))} budget is an error ratio of ` +
        `${pct(threshold)} at a ${pct(target)} objective, which no service can exceed, so it could never fire`
      );
    }
  }
  const share = (tier.factor * parseDuration(tier.longWindow)) / sloWindowMs;
  if (share > 1 + 1e-12) {
    return (
      `the ${tier.tier} tier (${f}× over ${tier.longWindow}) would fire only after ${pct(share)} of the ` +
      `${formatDuration(sloWindowMs)} error budget is gone`
    );
  }
  return undefined;
}

/**
 * Resolves the four tiers for one SLO: the defaults scaled to its window (scaledDefaultTier), then the SLO's
 * overrides; the factor is derived from an overridden budget share. A tier that cannot be meaningful for this
 * SLO (tierProblem) is disabled with the reason in `dropped`; validation refuses such explicit overrides, so only
 * defaults are dropped in practice (for example the fast tier of a 90% SLO, whose 14.4× would need 144% errors).
 */
export function resolveTiers(slo: Pick<Slo, 'window' | 'alerting'> & Partial<Pick<Slo, 'objective'>>): ResolvedTier[] {
  const sloMs = windowMs(slo);
  const overrides = slo.alerting?.tiers ?? [];
  return DEFAULT_TIERS.map((base) => {
    const def = scaledDefaultTier(base, sloMs);
    const o = overrides.find((t) => t.tier === def.tier) ?? { tier: def.tier };
    const longWindow = o.longWindow ?? def.longWindow;
    const longMs = parseDuration(longWindow);
    let factor = def.factor;
    let budgetShare = round12((factor * longMs) / sloMs);
    if (o.factor !== undefined) {
      factor = o.factor;
      budgetShare = o.budgetShare ?? round12((factor * longMs) / sloMs);
    } else if (o.budgetShare !== undefined) {
      budgetShare = o.budgetShare;
      factor = tierFactor(budgetShare, sloMs, longWindow);
    }
    const tier: ResolvedTier = {
      tier: def.tier,
      enabled: o.enabled ?? def.enabled,
      longWindow,
      shortWindow: o.shortWindow ?? def.shortWindow,
      factor,
      budgetShare,
      severity: o.severity ?? def.severity,
      for: o.for ?? def.for,
      ...(o.labels ? { labels: { ...o.labels } } : {}),
      ...(o.annotations ? { annotations: { ...o.annotations } } : {}),
    };
    const problem = tier.enabled ? tierProblem(tier, sloMs, slo.objective?.target) : undefined;
    return problem ? { ...tier, enabled: false, dropped: problem } : tier;
  });
}

/** One line per tier left out for this SLO, saying why; empty when every enabled tier is generated. */
export function tierNotes(slo: Slo): string[] {
  return resolveTiers(slo)
    .filter((t) => t.dropped)
    .map((t) => `SLO "${slo.id}": ${t.dropped}; the ${t.tier} tier is left out.`);
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
