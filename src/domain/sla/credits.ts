import type { CreditTier } from './model';

/**
 * The credit owed for an achieved figure: the largest credit of the tiers whose threshold the figure is strictly
 * below (AWS and Azure word it "less than 99.9%": exactly 99.9% owes nothing). Undefined achieved (no data) owes
 * nothing here; the report says "no data" instead.
 */
export function creditFor(achieved: number | undefined, tiers: readonly CreditTier[]): number {
  if (achieved === undefined || !Number.isFinite(achieved)) {
    return 0;
  }
  let credit = 0;
  for (const tier of tiers) {
    if (achieved < tier.below && tier.creditPercent > credit) {
      credit = tier.creditPercent;
    }
  }
  return credit;
}
