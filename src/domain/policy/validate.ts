/** Validation of error-budget policies: every problem names the field and the reason; never throws. */
import type { Problem } from '../slo/model';
import { Collector, isObj, show, type Obj } from '../slo/validateUtil';
import { FAST_BURN_WINDOWS, POLICY_ACTIONS, POLICY_STATES } from './model';

const SLUG_RE = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const MAX_ID = 63;
const KEYS = [
  'id',
  'name',
  'description',
  'exhaustedAtOrBelow',
  'atRiskBelow',
  'fastBurn',
  'actions',
  'exemptions',
  'approvers',
  'incidentBudgetShare',
  'revision',
] as const;

function fraction(c: Collector, o: Obj, key: string, path: string, min: number, max: number): number | undefined {
  const v = o[key];
  if (v === undefined) {
    c.add(`${path}.${key}`, 'is required');
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    c.add(`${path}.${key}`, `must be a number from ${min} to ${max} (a fraction of the budget), got ${show(v)}`);
    return undefined;
  }
  return v;
}

function stringList(c: Collector, v: unknown, path: string): void {
  if (v === undefined) {
    return;
  }
  if (!Array.isArray(v)) {
    c.add(path, `must be a list of strings, got ${show(v)}`);
    return;
  }
  v.forEach((x, i) => {
    if (typeof x !== 'string' || x.trim() === '') {
      c.add(`${path}[${i}]`, `must be a non-empty string, got ${show(x)}`);
    }
  });
}

function validateInto(c: Collector, p: unknown, path: string): void {
  if (!isObj(p)) {
    c.add(path, `must be an object, got ${show(p)}`);
    return;
  }
  c.unknownKeys(p, KEYS, path);
  const id = c.str(p, 'id', path);
  if (id !== undefined && (!SLUG_RE.test(id) || id.length > MAX_ID)) {
    c.add(`${path}.id`, `must be a slug of at most ${MAX_ID} lower-case letters, digits and dashes, got ${show(id)}`);
  }
  c.str(p, 'name', path);
  if (p.description !== undefined && typeof p.description !== 'string') {
    c.add(`${path}.description`, `must be a string, got ${show(p.description)}`);
  }
  const exhausted = fraction(c, p, 'exhaustedAtOrBelow', path, -1, 1);
  const atRisk = fraction(c, p, 'atRiskBelow', path, 0, 1);
  if (exhausted !== undefined && atRisk !== undefined && atRisk <= exhausted) {
    c.add(
      `${path}.atRiskBelow`,
      `must be above exhaustedAtOrBelow (${exhausted}), or no budget is ever at risk before it is exhausted; got ${atRisk}`
    );
  }
  fraction(c, p, 'incidentBudgetShare', path, 0.01, 1);
  const fb = p.fastBurn;
  if (!isObj(fb)) {
    c.add(`${path}.fastBurn`, fb === undefined ? 'is required' : `must be {rate, window}, got ${show(fb)}`);
  } else {
    c.unknownKeys(fb, ['rate', 'window'], `${path}.fastBurn`);
    if (typeof fb.rate !== 'number' || !Number.isFinite(fb.rate) || fb.rate <= 1) {
      c.add(
        `${path}.fastBurn.rate`,
        `must be a number above 1 (at 1× the budget lasts exactly the window: that is not a fast burn), got ${show(fb.rate)}`
      );
    }
    if (!(FAST_BURN_WINDOWS as readonly unknown[]).includes(fb.window)) {
      c.add(
        `${path}.fastBurn.window`,
        `must be one of ${FAST_BURN_WINDOWS.join(', ')} (the windows recorded for every SLO), got ${show(fb.window)}`
      );
    }
  }
  const actions = p.actions;
  if (!isObj(actions)) {
    c.add(
      `${path}.actions`,
      actions === undefined ? 'is required' : `must be a map of state to action, got ${show(actions)}`
    );
  } else {
    c.unknownKeys(actions, POLICY_STATES, `${path}.actions`);
    for (const state of POLICY_STATES) {
      const a = actions[state];
      if (!(POLICY_ACTIONS as readonly unknown[]).includes(a)) {
        c.add(
          `${path}.actions.${state}`,
          a === undefined
            ? `is required (one of ${POLICY_ACTIONS.join(', ')})`
            : `must be one of ${POLICY_ACTIONS.join(', ')}, got ${show(a)}`
        );
      }
    }
  }
  stringList(c, p.exemptions, `${path}.exemptions`);
  stringList(c, p.approvers, `${path}.approvers`);
  const rev = p.revision;
  if (rev !== undefined && (typeof rev !== 'number' || !Number.isInteger(rev) || rev < 0)) {
    c.add(`${path}.revision`, `must be a whole number >= 0, got ${show(rev)}`);
  }
}

/** Every problem in one policy; `path` prefixes the locations (e.g. `policies[1]`). */
export function validatePolicy(policy: unknown, path: string): Problem[] {
  const c = new Collector();
  validateInto(c, policy, path);
  return c.problems;
}

/**
 * SLOs that name a policy that is not there: `slos[i].policy` problems. `known` holds the ids of the policies
 * available (the built-in Workbook policy is always available).
 */
export function policyReferenceProblems(
  slos: ReadonlyArray<{ policy?: unknown }>,
  known: ReadonlySet<string>,
  basePath = 'slos'
): Problem[] {
  const problems: Problem[] = [];
  slos.forEach((slo, i) => {
    const ref = slo.policy;
    if (ref !== undefined && (typeof ref !== 'string' || !known.has(ref))) {
      problems.push({
        path: `${basePath}[${i}].policy`,
        message: `no policy ${show(ref)} (known: ${[...known].sort().join(', ')})`,
      });
    }
  });
  return problems;
}
