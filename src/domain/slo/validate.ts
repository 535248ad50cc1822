/**
 * SLO validation. Returns every problem at once (never stops at the first) with a JSONPath-like location and a
 * plain message, so a CI run or the editor can show them all: `slos[2].objective.target: must be ...`.
 */
import { MIN_SLO_WINDOW_MS } from './defaults';
import type { Problem } from './model';
import { validateAlerting } from './validateAlerting';
import { validateSli } from './validateSli';
import { Collector, RESERVED_ALERT_LABELS, isObj, show } from './validateUtil';

const SLO_KEYS = [
  'id',
  'name',
  'description',
  'service',
  'labels',
  'datasource',
  'policy',
  'sli',
  'objective',
  'window',
  'budgeting',
  'alerting',
  'logs',
  'revision',
];
const SLUG_RE = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const MAX_ID = 63;

/** True when `tz` is an IANA time zone this runtime knows. */
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function validateWindow(c: Collector, w: unknown, path: string): number | undefined {
  if (!isObj(w)) {
    c.add(path, w === undefined ? 'is required' : `must be an object, got ${show(w)}`);
    return undefined;
  }
  if (w.type === 'rolling') {
    c.unknownKeys(w, ['type', 'duration'], path);
    const ms = c.duration(w.duration, `${path}.duration`);
    if (ms !== undefined && ms < MIN_SLO_WINDOW_MS) {
      c.add(`${path}.duration`, `must be at least 1h: alert windows are at least 5m, got ${show(w.duration)}`);
      return undefined;
    }
    return ms;
  }
  if (w.type === 'calendar') {
    c.unknownKeys(w, ['type', 'unit', 'timeZone'], path);
    if (w.unit !== 'month' && w.unit !== 'quarter') {
      c.add(`${path}.unit`, `must be "month" or "quarter", got ${show(w.unit)}`);
    }
    if (typeof w.timeZone !== 'string' || !isValidTimeZone(w.timeZone)) {
      c.add(`${path}.timeZone`, `must be an IANA time zone such as "UTC" or "Europe/Paris", got ${show(w.timeZone)}`);
    }
    return (w.unit === 'quarter' ? 90 : 30) * 86400000;
  }
  c.add(`${path}.type`, `must be "rolling" or "calendar", got ${show(w.type)}`);
  return undefined;
}

function validateBudgeting(c: Collector, b: unknown, path: string, windowMs: number | undefined): void {
  if (b === undefined) {
    return;
  }
  if (!isObj(b)) {
    c.add(path, `must be an object, got ${show(b)}`);
  } else if (b.method === 'occurrences') {
    c.unknownKeys(b, ['method'], path);
  } else if (b.method === 'timeslices') {
    c.unknownKeys(b, ['method', 'sliceDuration', 'sliceTarget'], path);
    const ms = c.duration(b.sliceDuration, `${path}.sliceDuration`);
    if (ms !== undefined && ms < 60000) {
      c.add(
        `${path}.sliceDuration`,
        `must be at least 1m so each slice holds several scrapes, got ${show(b.sliceDuration)}`
      );
    } else if (ms !== undefined && windowMs !== undefined && ms > windowMs) {
      c.add(`${path}.sliceDuration`, `must not be longer than the SLO window, got ${show(b.sliceDuration)}`);
    }
    const t = b.sliceTarget;
    if (typeof t !== 'number' || !(t > 0 && t <= 1)) {
      c.add(`${path}.sliceTarget`, `must be a number in (0, 1], got ${show(t)}`);
    }
  } else {
    c.add(`${path}.method`, `must be "occurrences" or "timeslices", got ${show(b.method)}`);
  }
}

function validateInto(c: Collector, slo: unknown, path: string): void {
  if (!isObj(slo)) {
    c.add(path, `must be an object, got ${show(slo)}`);
    return;
  }
  c.unknownKeys(slo, SLO_KEYS, path);
  const id = c.str(slo, 'id', path);
  if (id !== undefined && (!SLUG_RE.test(id) || id.length > MAX_ID)) {
    c.add(
      `${path}.id`,
      `must be a slug of at most ${MAX_ID} lower-case letters, digits and dashes (e.g. "checkout-availability"), got ${show(id)}`
    );
  }
  c.str(slo, 'name', path);
  const service = c.str(slo, 'service', path);
  if (service !== undefined) {
    c.labelValue(service, `${path}.service`);
  }
  if (slo.description !== undefined && typeof slo.description !== 'string') {
    c.add(`${path}.description`, `must be a string, got ${show(slo.description)}`);
  }
  c.labelMap(slo.labels, `${path}.labels`, RESERVED_ALERT_LABELS);
  if (
    slo.datasource !== undefined &&
    (!isObj(slo.datasource) || typeof slo.datasource.uid !== 'string' || slo.datasource.uid === '')
  ) {
    c.add(`${path}.datasource`, `must be {uid: string, type?: string}, got ${show(slo.datasource)}`);
  }
  if (slo.policy !== undefined && (typeof slo.policy !== 'string' || !SLUG_RE.test(slo.policy))) {
    c.add(`${path}.policy`, `must be the id of an error-budget policy (a slug), got ${show(slo.policy)}`);
  }
  validateSli(c, slo.sli, `${path}.sli`);
  const objective = slo.objective;
  if (!isObj(objective)) {
    c.add(`${path}.objective`, objective === undefined ? 'is required' : `must be an object, got ${show(objective)}`);
  } else {
    const t = objective.target;
    if (typeof t !== 'number' || !(t > 0 && t < 1)) {
      c.add(`${path}.objective.target`, `must be between 0 and 1 (exclusive), got ${show(t)}`);
    }
  }
  const windowMs = validateWindow(c, slo.window, `${path}.window`);
  validateBudgeting(c, slo.budgeting, `${path}.budgeting`, windowMs);
  const target = isObj(slo.objective) ? slo.objective.target : undefined;
  validateAlerting(c, slo.alerting, `${path}.alerting`, {
    windowMs,
    target: typeof target === 'number' ? target : undefined,
  });
  if (
    slo.logs !== undefined &&
    (!isObj(slo.logs) || (slo.logs.selector !== undefined && typeof slo.logs.selector !== 'string'))
  ) {
    c.add(`${path}.logs`, `must be {selector?: string}, got ${show(slo.logs)}`);
  }
  const rev = slo.revision;
  if (rev !== undefined && (typeof rev !== 'number' || !Number.isInteger(rev) || rev < 0)) {
    c.add(`${path}.revision`, `must be a whole number >= 0, got ${show(rev)}`);
  }
}

/** Every problem in one SLO; `path` prefixes the locations (e.g. `slos[2]`). */
export function validateSlo(slo: unknown, path: string): Problem[] {
  const c = new Collector();
  validateInto(c, slo, path);
  return c.problems;
}

/** Every problem in a list of SLOs, including duplicate ids. */
export function validateSlos(slos: unknown, basePath = 'slos'): Problem[] {
  if (!Array.isArray(slos)) {
    return [{ path: basePath, message: `must be a list of SLOs, got ${show(slos)}` }];
  }
  const problems: Problem[] = [];
  const firstUse = new Map<string, number>();
  slos.forEach((slo: unknown, i) => {
    problems.push(...validateSlo(slo, `${basePath}[${i}]`));
    const id = isObj(slo) && typeof slo.id === 'string' ? slo.id : undefined;
    if (id === undefined) {
      return;
    }
    const first = firstUse.get(id);
    if (first !== undefined) {
      problems.push({
        path: `${basePath}[${i}].id`,
        message: `duplicate id "${id}" (also used by ${basePath}[${first}])`,
      });
    } else {
      firstUse.set(id, i);
    }
  });
  return problems;
}
