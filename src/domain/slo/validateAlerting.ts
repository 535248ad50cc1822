/** Validation of the `alerting` block: tiers, labels, annotations and runbook URL. */
import { TIER_NAMES } from './defaults';
import { isValidLabelName, isValidMetricName } from './promql';
import { type Collector, RESERVED_ALERT_LABELS, isObj, show } from './validateUtil';

const TIER_KEYS = ['tier', 'enabled', 'longWindow', 'shortWindow', 'factor', 'budgetShare', 'severity', 'for'];
const ALERTING_KEYS = ['enabled', 'name', 'tiers', 'minEvents', 'labels', 'annotations', 'runbookUrl', 'absentAlert'];
const DEFAULT_WINDOWS: Record<string, [string, string]> = {
  fast: ['1h', '5m'],
  medium: ['6h', '30m'],
  slow: ['1d', '2h'],
  long: ['3d', '6h'],
};

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
  const defaults = typeof name === 'string' ? DEFAULT_WINDOWS[name] : undefined;
  const longMs = t.longWindow !== undefined ? c.duration(t.longWindow, `${path}.longWindow`) : undefined;
  const shortMs = t.shortWindow !== undefined ? c.duration(t.shortWindow, `${path}.shortWindow`) : undefined;
  if (defaults && (longMs !== undefined || shortMs !== undefined)) {
    const l = longMs ?? c.duration(defaults[0], 'internal');
    const s = shortMs ?? c.duration(defaults[1], 'internal');
    if (l !== undefined && s !== undefined && s >= l) {
      const lw = (t.longWindow as string) ?? defaults[0];
      const sw = (t.shortWindow as string) ?? defaults[1];
      c.add(`${path}.shortWindow`, `must be shorter than the long window (${sw} >= ${lw})`);
    }
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
}

/** Validates an optional `alerting` value at `path`. */
export function validateAlerting(c: Collector, a: unknown, path: string): void {
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
      a.tiers.forEach((t: unknown, i) => validateTier(c, t, `${path}.tiers[${i}]`, seen));
    }
  }
  const min = a.minEvents;
  if (min !== undefined && (typeof min !== 'number' || !Number.isFinite(min) || min < 0)) {
    c.add(`${path}.minEvents`, `must be a number >= 0, got ${show(min)}`);
  }
  c.labelMap(a.labels, `${path}.labels`, RESERVED_ALERT_LABELS);
  if (a.annotations !== undefined) {
    if (!isObj(a.annotations)) {
      c.add(`${path}.annotations`, `must be a map of names to strings, got ${show(a.annotations)}`);
    } else {
      for (const [k, v] of Object.entries(a.annotations)) {
        if (!isValidLabelName(k)) {
          c.add(`${path}.annotations.${k}`, `invalid annotation name ${show(k)}: use [a-zA-Z_][a-zA-Z0-9_]*`);
        }
        if (typeof v !== 'string') {
          c.add(`${path}.annotations.${k}`, `must be a string, got ${show(v)}`);
        }
      }
    }
  }
  if (a.runbookUrl !== undefined && (typeof a.runbookUrl !== 'string' || !isHttpUrl(a.runbookUrl))) {
    c.add(`${path}.runbookUrl`, `must be an http(s) URL, got ${show(a.runbookUrl)}`);
  }
}
