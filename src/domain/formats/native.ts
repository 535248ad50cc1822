import { validatePolicy } from '../policy/validate';
import type { ErrorBudgetPolicy } from '../policy/model';
import type { Sla } from '../sla/model';
import { validateSla } from '../sla/validate';
import { SLO_SPEC_API_VERSION, type Slo } from '../slo/model';
import { isRecord, readTarget, warnUnknownKeys } from './normalize';
import { type ImportContext } from './types';

const LIST_KEYS = ['apiVersion', 'kind', 'slos', 'policies', 'slas'];

/**
 * Our own format: an `SLOList` document. SLOs are taken as they are; validateSlos reports what is wrong with them.
 * (A bare array of stored SLOs, what `convert --to json` prints, is read element by element by importDocuments.)
 */
export function importNative(doc: Record<string, unknown>, path: string, ctx: ImportContext): void {
  if (doc.kind !== 'SLOList') {
    ctx.refuse(path, `${SLO_SPEC_API_VERSION} kind "${String(doc.kind)}" is not supported (expected SLOList)`);
    return;
  }
  warnUnknownKeys(doc, LIST_KEYS, path, ctx);
  importPolicies(doc.policies, `${path}.policies`, ctx);
  importSlas(doc.slas, `${path}.slas`, ctx);
  const listPath = `${path}.slos`;
  if (!Array.isArray(doc.slos)) {
    ctx.problem(listPath, 'slos must be a list');
    return;
  }
  doc.slos.forEach((slo, i) => importNativeSlo(slo, `${listPath}[${i}]`, ctx));
}

/**
 * The error-budget policies of an SLOList, beside its SLOs. Each is validated where it stands in the file; an
 * invalid one or a second policy with the same id in the document is a problem and is not imported (duplicates
 * across files are the caller's to find).
 */
function importPolicies(list: unknown, path: string, ctx: ImportContext): void {
  if (list === undefined) {
    return;
  }
  if (!Array.isArray(list)) {
    ctx.problem(path, 'policies must be a list');
    return;
  }
  const seen = new Map<string, number>();
  list.forEach((policy: unknown, i) => {
    const at = `${path}[${i}]`;
    const problems = validatePolicy(policy, at);
    problems.forEach((p) => ctx.problem(p.path, p.message));
    if (problems.length) {
      return;
    }
    const p = JSON.parse(JSON.stringify(policy)) as ErrorBudgetPolicy;
    const first = seen.get(p.id);
    if (first !== undefined) {
      ctx.problem(`${at}.id`, `duplicate policy id "${p.id}" (also policies[${first}])`);
      return;
    }
    seen.set(p.id, i);
    ctx.addPolicy(p, { path: at });
  });
}

/**
 * The SLAs of an SLOList, beside its SLOs. Each is validated where it stands; an invalid one or a second SLA with the
 * same id in the document is a problem and is not imported. Whether its indicator names an SLO is checked by
 * importDocuments once every document of the file is read.
 */
function importSlas(list: unknown, path: string, ctx: ImportContext): void {
  if (list === undefined) {
    return;
  }
  if (!Array.isArray(list)) {
    ctx.problem(path, 'slas must be a list');
    return;
  }
  const seen = new Map<string, number>();
  list.forEach((sla: unknown, i) => {
    const at = `${path}[${i}]`;
    const problems = validateSla(sla, at);
    problems.forEach((p) => ctx.problem(p.path, p.message));
    if (problems.length) {
      return;
    }
    const s = JSON.parse(JSON.stringify(sla)) as Sla;
    const first = seen.get(s.id);
    if (first !== undefined) {
      ctx.problem(`${at}.id`, `duplicate SLA id "${s.id}" (also slas[${first}])`);
      return;
    }
    seen.set(s.id, i);
    ctx.addSla(s, { path: at });
  });
}

/** One stored SLO. Its objective has one form only, a fraction: a percentage is refused with the fraction to write. */
export function importNativeSlo(slo: unknown, path: string, ctx: ImportContext): void {
  const objective = isRecord(slo) && isRecord(slo.objective) ? slo.objective : undefined;
  if (objective && objective.target !== undefined) {
    const t = objective.target;
    const at = `${path}.objective.target`;
    const asFraction = readTarget(t, at, 'fraction');
    const asPercent = readTarget(t, at, 'percent');
    if (asPercent.ok && Number(t) > 1) {
      ctx.problem(
        at,
        `target is a fraction in this format: write ${asPercent.value} for ${String(t).trim()}%, got ${JSON.stringify(t)}`
      );
    } else if (!asFraction.ok) {
      ctx.problem(at, asFraction.problem.message);
    } else if (typeof t !== 'number') {
      ctx.problem(at, `target must be a number, not a string: write ${asFraction.value}, got ${JSON.stringify(t)}`);
    }
  }
  // Cloned so that callers mutating the result never alter the parsed document.
  ctx.addSlo(JSON.parse(JSON.stringify(slo ?? null)) as Slo, { path, format: 'native' });
}
