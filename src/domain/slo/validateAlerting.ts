/** Validation of the `alerting` block: tiers, labels, annotations and runbook URL. */
import { TIER_NAMES, resolveTiers } from './defaults';
import { formatDuration, parseDuration } from './durations';
import type { BurnRateTierOverride } from './model';
import { isValidLabelName, isValidMetricName } from './promql';
import { type Collector, RESERVED_ALERT_LABELS, isObj, show } from './validateUtil';

const TIER_KEYS = [
  'tier',
  'enabled',
  'longWindow',
  'shortWindow',
  'factor',
  'budgetShare',
  'severity',
  'for',
  'labels',
  'annotations',
];
const ALERTING_KEYS = ['enabled', 'name', 'tiers', 'minEvents', 'labels', 'annotations', 'runbookUrl', 'absentAlert'];

/** True for an absolute http(s) URL. */
export function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.host !== '';
  } catch {
    return false;
  }
}

function validateTier(c: Collector, t: unknown, path: string, seen: Set<string>): void {
  if (!isObj(t)) {
    c.add(path, `must be an object, got ${show(t)}`);
    return;
  }
  c.unknownKeys(t, TIER_KEYS, path);
  const name = t.tier;
  if (typeof name !== 'string' || !TIER_NAMES.includes(name as never)) {
    c.add(`${path}.tier`, `must be one of ${TIER_NAMES.join(', ')}, got ${show(name)}`);
  } else if (seen.has(name)) {
    c.add(`${path}.tier`, `tier "${name}" is overridden twice`);
  } else {
    seen.add(name);
  }
  c.bool(t, 'enabled', path);
  if (t.longWindow !== undefined) {
    c.duration(t.longWindow, `${path}.longWindow`);
  }
  if (t.shortWindow !== undefined) {
    c.duration(t.shortWindow, `${path}.shortWindow`);
  }
  if (t.factor !== undefined && (typeof t.factor !== 'number' || !Number.isFinite(t.factor) || t.factor <= 0)) {
    c.add(`${path}.factor`, `must be a number greater than 0, got ${show(t.factor)}`);
  }
  const share = t.budgetShare;
  if (share !== undefined && (typeof share !== 'number' || !(share > 0 && share <= 1))) {
    c.add(`${path}.budgetShare`, `must be a number in (0, 1], got ${show(share)}`);
  }
  if (t.severity !== undefined && t.severity !== 'page' && t.severity !== 'ticket') {
    c.add(`${path}.severity`, `must be "page" or "ticket", got ${show(t.severity)}`);
  }
  if (t.for !== undefined) {
    c.duration(t.for, `${path}.for`, true);
  }
  // A tier's own labels may set severity (Sloth's page_alert labels do); the other generated labels stay reserved.
  c.labelMap(
    t.labels,
    `${path}.labels`,
    RESERVED_ALERT_LABELS.filter((l) => l !== 'severity')
  );
  validateAnnotations(c, t.annotations, `${path}.annotations`);
}

function validateAnnotations(c: Collector, a: unknown, path: string): void {
  if (a === undefined) {
    return;
  }
  if (!isObj(a)) {
    c.add(path, `must be a map of names to strings, got ${show(a)}`);
    return;
  }
  for (const [k, v] of Object.entries(a)) {
    if (!isValidLabelName(k)) {
      c.add(`${path}.${k}`, `invalid annotation name ${show(k)}: use [a-zA-Z_][a-zA-Z0-9_]*`);
    }
    if (typeof v !== 'string') {
      c.add(`${path}.${k}`, `must be a string, got ${show(v)}`);
    }
  }
}

/** Validates an optional `alerting` value at `path`. */
export function validateAlerting(
  c: Collector,
  a: unknown,
  path: string,
  slo: { windowMs?: number; target?: number } = {}
): void {
  if (a === undefined) {
    return;
  }
  if (!isObj(a)) {
    c.add(path, `must be an object, got ${show(a)}`);
    return;
  }
  c.unknownKeys(a, ALERTING_KEYS, path);
  c.bool(a, 'enabled', path);
  c.bool(a, 'absentAlert', path);
  if (a.name !== undefined && (typeof a.name !== 'string' || !isValidMetricName(a.name))) {
    c.add(`${path}.name`, `invalid alert name ${show(a.name)}: use [a-zA-Z_:][a-zA-Z0-9_:]*`);
  }
  if (a.tiers !== undefined) {
    if (!Array.isArray(a.tiers)) {
      c.add(`${path}.tiers`, `must be a list of tier overrides, got ${show(a.tiers)}`);
    } else {
      const seen = new Set<string>();
      const valid: Array<{ o: BurnRateTierOverride; i: number }> = [];
      a.tiers.forEach((t: unknown, i) => {
        const before = c.problems.length;
        validateTier(c, t, `${path}.tiers[${i}]`, seen);
        if (c.problems.length === before) {
          valid.push({ o: t as BurnRateTierOverride, i });
        }
      });
      if (slo.windowMs !== undefined) {
        validateResolvedTiers(c, valid, `${path}.tiers`, slo.windowMs, slo.target);
      }
    }
  }
  const min = a.minEvents;
  if (min !== undefined && (typeof min !== 'number' || !Number.isFinite(min) || min < 0)) {
    c.add(`${path}.minEvents`, `must be a number >= 0, got ${show(min)}`);
  }
  c.labelMap(a.labels, `${path}.labels`, RESERVED_ALERT_LABELS);
  validateAnnotations(c, a.annotations, `${path}.annotations`);
  if (a.runbookUrl !== undefined && (typeof a.runbookUrl !== 'string' || !isHttpUrl(a.runbookUrl))) {
    c.add(`${path}.runbookUrl`, `must be an http(s) URL, got ${show(a.runbookUrl)}`);
  }
}

/**
 * Checks each overridden tier as it will be generated (defaults scaled to the SLO window, then the override):
 * the short window must be shorter than the long one, and an explicit factor, budget share or long window must
 * leave a tier that can be meaningful (above 1×, reachable at this objective, before the whole budget is gone).
 */
function validateResolvedTiers(
  c: Collector,
  overrides: Array<{ o: BurnRateTierOverride; i: number }>,
  path: string,
  windowMs: number,
  target: number | undefined
): void {
  const window = { type: 'rolling' as const, duration: formatDuration(windowMs) };
  const valid = typeof target === 'number' && target > 0 && target < 1 ? { target } : undefined;
  const tiers = overrides.map((x) => x.o);
  const resolved = resolveTiers({ window, alerting: { tiers }, objective: valid });
  const unchecked = resolveTiers({ window, alerting: { tiers: tiers.map((t) => ({ ...t, enabled: false })) } });
  overrides.forEach(({ o, i }) => {
    const r = resolved.find((t) => t.tier === o.tier);
    const plain = unchecked.find((t) => t.tier === o.tier);
    if (!r || !plain) {
      return;
    }
    if (o.longWindow !== undefined || o.shortWindow !== undefined) {
      if (parseDuration(plain.shortWindow) >= parseDuration(plain.longWindow)) {
        c.add(
          `${path}[${i}].shortWindow`,
          `must be shorter than the long window (${plain.shortWindow} >= ${plain.longWindow})`
        );
        return;
      }
    }
    const field =
      o.factor !== undefined
        ? 'factor'
        : o.budgetShare !== undefined
          ? 'budgetShare'
          : o.longWindow !== undefined
            ? 'longWindow'
            : undefined;
    if (field && r.dropped) {
      c.add(`${path}[${i}].${field}`, `${r.dropped}; change it or switch the tier off`);
    }
  });
}
