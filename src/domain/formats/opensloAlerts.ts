import { type AlertSeverity, type BurnRateTierName, type BurnRateTierOverride } from '../slo/model';
import { compact, durationSeconds, isRecord, str } from './normalize';
import { type FieldSources, type ImportContext } from './types';

const TIERS: BurnRateTierName[] = ['fast', 'medium', 'slow', 'long'];
/** Default long windows of the tiers (defaults.ts), in seconds. */
const DEFAULT_LONG: Record<BurnRateTierName, number> = { fast: 3600, medium: 21600, slow: 86400, long: 259200 };

type Rec = Record<string, unknown>;

export interface AlertIndex {
  policies: Map<string, Rec>;
  conditions: Map<string, Rec>;
  used: Set<string>;
  /** Where each named policy and condition document sits in the file (`AlertPolicy/<name>` → internal path). */
  paths?: Map<string, string>;
}

function severity(raw: unknown): AlertSeverity {
  return /^(page|critical|high|p1|sev1)$/i.test(str(raw) ?? '') ? 'page' : 'ticket';
}

/**
 * Maps an SLO's `alertPolicies` to burn-rate tiers. A policy lists the complete set of alerts, so tiers it
 * does not define are disabled. Tier names come from a `-fast`/`-medium`/... condition-name suffix (what the
 * exporter writes), else by ascending lookback window.
 */
export function mapAlertPolicies(
  raw: unknown,
  path: string,
  index: AlertIndex,
  ctx: ImportContext,
  fields: FieldSources = {}
): BurnRateTierOverride[] | undefined {
  if (!Array.isArray(raw) || raw.length === 0) {
    return undefined;
  }
  const found: Array<{ name: string; cond: Rec; path: string; at: string; sev: AlertSeverity }> = [];
  raw.forEach((entry, i) => {
    const p = `${path}[${i}]`;
    const ref = isRecord(entry) ? str(entry.alertPolicyRef) : str(entry);
    const policy = ref ? index.policies.get(ref) : isRecord(entry) && entry.kind === 'AlertPolicy' ? entry : undefined;
    if (ref && !policy) {
      ctx.warn(p, `alertPolicyRef "${ref}" is not defined in this file; default burn-rate tiers are used`);
      return;
    }
    if (!policy || !isRecord(policy.spec)) {
      ctx.warn(p, 'alert policy entry is neither an alertPolicyRef nor an inline AlertPolicy');
      return;
    }
    if (ref) {
      index.used.add(`AlertPolicy/${ref}`);
    }
    if (Array.isArray(policy.spec.notificationTargets) && policy.spec.notificationTargets.length) {
      const label = ref ? `alert policy "${ref}"` : 'alert policy';
      ctx.warn(
        ref ? p : `${p}.spec.notificationTargets`,
        `${label}: notification targets are not mapped; route alerts with Grafana notification policies`
      );
    }
    const conditions = Array.isArray(policy.spec.conditions) ? policy.spec.conditions : [];
    const pp = (ref && index.paths?.get(`AlertPolicy/${ref}`)) || p;
    conditions.forEach((c, j) => {
      const cp = `${pp}.spec.conditions[${j}]`;
      const cref = isRecord(c) ? str(c.conditionRef) : undefined;
      const cond = cref ? index.conditions.get(cref) : isRecord(c) ? c : undefined;
      if (cref) {
        index.used.add(`AlertCondition/${cref}`);
      }
      if (!cond || !isRecord(cond.spec) || !isRecord(cond.spec.condition)) {
        ctx.warn(cp, cref ? `conditionRef "${cref}" is not defined in this file` : 'condition has no spec.condition');
        return;
      }
      const name = (isRecord(cond.metadata) && str(cond.metadata.name)) || '';
      // An inline condition's fields are in this document; a referenced one is pointed at by its reference.
      const refPath = cref ? index.paths?.get(`AlertCondition/${cref}`) : undefined;
      const at = cref ? (refPath ? `${refPath}.spec.condition` : cp) : `${cp}.spec.condition`;
      found.push({ name, cond: cond.spec.condition, path: cp, at, sev: severity(cond.spec.severity) });
    });
  });
  const mapped: Array<{ name: string; tier: Omit<BurnRateTierOverride, 'tier'>; seconds: number; at: string }> = [];
  for (const f of found) {
    const kind = str(f.cond.kind);
    const lookback = str(f.cond.lookbackWindow);
    const threshold = typeof f.cond.threshold === 'number' ? f.cond.threshold : Number(str(f.cond.threshold));
    if (kind !== 'burnrate') {
      ctx.warn(f.path, `alert condition kind "${kind}" is not supported (only burnrate); skipped`);
      continue;
    }
    const seconds = lookback ? durationSeconds(lookback) : undefined;
    if (seconds === undefined || !Number.isFinite(threshold) || threshold <= 0) {
      ctx.warn(f.path, 'burnrate condition needs lookbackWindow (a duration) and a positive threshold; skipped');
      continue;
    }
    const alertAfter = str(f.cond.alertAfter);
    mapped.push({
      name: f.name,
      at: f.at,
      seconds,
      tier: compact({ longWindow: lookback, factor: threshold, for: alertAfter, severity: f.sev }),
    });
  }
  if (mapped.length === 0) {
    return undefined;
  }
  if (mapped.length > TIERS.length) {
    ctx.warn(
      path,
      `${mapped.length} burn-rate conditions; only ${TIERS.length} tiers exist, the longest-window ones are dropped`
    );
  }
  const named = new Map<BurnRateTierName, (typeof mapped)[number]>();
  const rest: typeof mapped = [];
  for (const m of mapped) {
    const suffix = TIERS.find((t) => m.name.endsWith(`-${t}`));
    if (suffix && !named.has(suffix)) {
      named.set(suffix, m);
    } else {
      rest.push(m);
    }
  }
  // Unnamed conditions take the free tier whose default long window is nearest (on a log scale): a 1d lookback is
  // the slow tier even when it is the second condition.
  for (const m of rest.sort((a, b) => a.seconds - b.seconds)) {
    const free = TIERS.filter((t) => !named.has(t));
    const best = free.sort(
      (a, b) => Math.abs(Math.log(m.seconds / DEFAULT_LONG[a])) - Math.abs(Math.log(m.seconds / DEFAULT_LONG[b]))
    )[0];
    if (best) {
      named.set(best, m);
    }
  }
  const ordered = mapped.filter((m) => [...named.values()].includes(m));
  const out: BurnRateTierOverride[] = ordered.map((m, i) => {
    const t = `alerting.tiers[${i}]`;
    const refd = !m.at.endsWith('.spec.condition');
    Object.assign(fields, {
      [t]: m.at,
      [`${t}.factor`]: refd ? m.at : `${m.at}.threshold`,
      [`${t}.longWindow`]: refd ? m.at : `${m.at}.lookbackWindow`,
      [`${t}.for`]: refd ? m.at : `${m.at}.alertAfter`,
    });
    return { tier: [...named].find(([, v]) => v === m)![0], ...m.tier };
  });
  for (const t of TIERS) {
    if (!named.has(t)) {
      out.push({ tier: t, enabled: false });
    }
  }
  return out;
}
