import type { AlertSeverity, BurnRateTierName, BurnRateTierOverride } from '../../../domain/slo/model';

type TierPatch = Pick<BurnRateTierOverride, 'enabled' | 'factor' | 'severity'>;

/**
 * Changes one tier's override. A value equal to the default (`undefined` passed) removes the key, so an
 * untouched tier stays out of the stored SLO.
 */
export function setTier(
  tiers: BurnRateTierOverride[],
  tier: BurnRateTierName,
  patch: TierPatch,
  defaults: { enabled: boolean; severity: AlertSeverity }
): BurnRateTierOverride[] {
  const current = tiers.find((t) => t.tier === tier) ?? { tier };
  const next: BurnRateTierOverride = { ...current, ...patch };
  if (next.enabled === defaults.enabled) {
    delete next.enabled;
  }
  if (next.severity === defaults.severity) {
    delete next.severity;
  }
  for (const key of Object.keys(next) as Array<keyof BurnRateTierOverride>) {
    if (next[key] === undefined) {
      delete next[key];
    }
  }
  const exists = tiers.some((t) => t.tier === tier);
  return exists ? tiers.map((t) => (t.tier === tier ? next : t)) : [...tiers, next];
}
