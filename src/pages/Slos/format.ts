import type { Slo } from '../../domain/slo/model';

const MINUS = '\u2212';

/** Significant digits that keep the nines visible: 99.95% stays 99.95%, 99.9% stays 99.9%. */
function trimNumber(value: number, maxDecimals: number): string {
  return value.toFixed(maxDecimals).replace(/\.?0+$/, '');
}

/** An objective target (0.999) as "99.9%". */
export function formatTarget(target: number): string {
  return `${trimNumber(target * 100, 4)}%`;
}

/** The window as users say it: "30d", "calendar month", "calendar quarter". */
export function formatWindow(window: Slo['window']): string {
  return window.type === 'rolling' ? window.duration : `calendar ${window.unit}`;
}

/** "99.9% / 30d". */
export function formatObjective(slo: Pick<Slo, 'objective' | 'window'>): string {
  return `${formatTarget(slo.objective.target)} / ${formatWindow(slo.window)}`;
}

/**
 * An SLI fraction as a percentage. Near 100% a fixed number of decimals would print 100% for 99.9996%, so the
 * precision grows with the nines (at least 2, at most 4 decimals) and the value is truncated, never rounded up to 100%.
 */
export function formatSli(sli: number | null | undefined): string {
  if (sli === null || sli === undefined || Number.isNaN(sli)) {
    return 'No data';
  }
  const pct = sli * 100;
  if (pct >= 100) {
    return '100%';
  }
  const nines = pct > 0 ? Math.max(0, Math.floor(-Math.log10(1 - sli))) : 0;
  const decimals = Math.min(4, Math.max(2, nines));
  const factor = 10 ** decimals;
  return `${trimNumber(Math.floor(pct * factor + 1e-6) / factor, decimals)}%`;
}

/** Remaining error budget as "42%", or "−50%" when overspent. */
export function formatBudget(remaining: number | null | undefined): string {
  if (remaining === null || remaining === undefined || Number.isNaN(remaining)) {
    return 'No data';
  }
  const pct = Math.round(remaining * 100);
  return pct < 0 ? `${MINUS}${-pct}%` : `${pct}%`;
}

/** Width of the budget bar, 0–1: an overspent budget is an empty (red) bar, never a negative one. */
export function budgetBarFraction(remaining: number | null | undefined): number {
  if (remaining === null || remaining === undefined || Number.isNaN(remaining)) {
    return 0;
  }
  return Math.min(1, Math.max(0, remaining));
}

/** A burn rate as "2.3×"; below 10 one decimal, above it whole numbers. */
export function formatBurnRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) {
    return 'No data';
  }
  return `${rate >= 10 ? Math.round(rate) : trimNumber(rate, rate < 0.1 && rate > 0 ? 2 : 1)}×`;
}
