import {
  POLICY_STATES,
  type ErrorBudgetPolicy,
  type FastBurnWindow,
  type PolicyAction,
  type PolicyState,
} from '../../domain/policy/model';
import { validatePolicy } from '../../domain/policy/validate';
import type { Problem } from '../../domain/slo/model';
import { patchIdFollowingName } from '../idFollowsName';

/** The policy form: thresholds as percentages of the budget (storage keeps fractions), numbers as typed text. */
export interface PolicyForm {
  id: string;
  /** For a new policy the id follows the name until the user edits it. */
  idTouched: boolean;
  name: string;
  description: string;
  exhaustedPercent: string;
  atRiskPercent: string;
  fastBurnRate: string;
  fastBurnWindow: FastBurnWindow;
  actions: Record<PolicyState, PolicyAction>;
  exemptions: string[];
  approvers: string[];
  incidentSharePercent: string;
}

export type PolicyField =
  | 'id'
  | 'name'
  | 'description'
  | 'exhaustedPercent'
  | 'atRiskPercent'
  | 'fastBurnRate'
  | 'fastBurnWindow'
  | `actions.${PolicyState}`
  | 'exemptions'
  | 'approvers'
  | 'incidentSharePercent'
  | 'form';

export type FormErrors = Partial<Record<PolicyField, string>>;

const percentText = (fraction: number): string => String(Number((fraction * 100).toPrecision(12)));
const fromPercent = (text: string): number => Number((Number(text.trim()) / 100).toPrecision(12));
const isNumberText = (text: string): boolean => text.trim() !== '' && Number.isFinite(Number(text.trim()));

/** The form for a stored (or the built-in) policy. */
export function formFromPolicy(p: ErrorBudgetPolicy): PolicyForm {
  return {
    id: p.id,
    idTouched: true,
    name: p.name,
    description: p.description ?? '',
    exhaustedPercent: percentText(p.exhaustedAtOrBelow),
    atRiskPercent: percentText(p.atRiskBelow),
    fastBurnRate: String(p.fastBurn.rate),
    fastBurnWindow: p.fastBurn.window,
    actions: { ...p.actions },
    exemptions: [...(p.exemptions ?? [])],
    approvers: [...(p.approvers ?? [])],
    incidentSharePercent: percentText(p.incidentBudgetShare),
  };
}

/** A new policy starts as a copy of the Workbook's numbers under a blank name. */
export function newPolicyForm(template: ErrorBudgetPolicy): PolicyForm {
  return { ...formFromPolicy(template), id: '', idTouched: false, name: '', description: '' };
}

/** Applies a patch; for a new policy whose id the user has not touched, the id follows the name. */
export function updatePolicyForm(f: PolicyForm, patch: Partial<PolicyForm>): PolicyForm {
  return patchIdFollowingName(f, patch);
}

/** The policy the form describes, in storage units (fractions). It may be invalid: see formErrors. */
export function policyFromForm(f: PolicyForm, revision?: number): ErrorBudgetPolicy {
  return {
    id: f.id.trim(),
    name: f.name.trim(),
    ...(f.description.trim() ? { description: f.description.trim() } : {}),
    exhaustedAtOrBelow: fromPercent(f.exhaustedPercent),
    atRiskBelow: fromPercent(f.atRiskPercent),
    fastBurn: { rate: Number(f.fastBurnRate.trim() || NaN), window: f.fastBurnWindow },
    actions: { ...f.actions },
    ...(f.exemptions.length ? { exemptions: f.exemptions } : {}),
    ...(f.approvers.length ? { approvers: f.approvers } : {}),
    incidentBudgetShare: fromPercent(f.incidentSharePercent),
    ...(revision !== undefined ? { revision } : {}),
  };
}

const PERCENT_FIELDS = {
  exhaustedAtOrBelow: 'exhaustedPercent',
  atRiskBelow: 'atRiskPercent',
  incidentBudgetShare: 'incidentSharePercent',
} as const;

/** The form field a validation path (`policy.fastBurn.rate`, `policy.approvers[0]`) belongs to. */
export function fieldForPath(path: string): PolicyField {
  const p = path.replace(/^policy\.?/, '');
  if (p in PERCENT_FIELDS) {
    return PERCENT_FIELDS[p as keyof typeof PERCENT_FIELDS];
  }
  if (p === 'fastBurn.rate' || p === 'fastBurn') {
    return 'fastBurnRate';
  }
  if (p === 'fastBurn.window') {
    return 'fastBurnWindow';
  }
  const action = /^actions\.(\w+)$/.exec(p);
  if (action && (POLICY_STATES as readonly string[]).includes(action[1])) {
    return `actions.${action[1] as PolicyState}`;
  }
  for (const key of ['id', 'name', 'description', 'exemptions', 'approvers'] as const) {
    if (p === key || p.startsWith(`${key}[`)) {
      return key;
    }
  }
  return 'form';
}

/** Sorts problems onto the fields that show them, joining several on one field. */
export function placeProblems(problems: Problem[]): FormErrors {
  const out: FormErrors = {};
  for (const { path, message } of problems) {
    const field = fieldForPath(path);
    const text =
      field === 'exemptions' || field === 'approvers' || field === 'form'
        ? `${path.replace(/^policy\.?/, '')}: ${message}`
        : message;
    out[field] = out[field] ? `${out[field]}; ${text}` : text;
  }
  return out;
}

function percentProblems(f: PolicyForm): FormErrors {
  const out: FormErrors = {};
  const check = (field: 'exhaustedPercent' | 'atRiskPercent' | 'incidentSharePercent', min: number, max: number) => {
    const text = f[field];
    if (!isNumberText(text)) {
      out[field] = text.trim() === '' ? 'is required' : `must be a percentage, got "${text}"`;
    } else if (Number(text) < min || Number(text) > max) {
      out[field] = `must be from ${min}% to ${max}% of the error budget, got ${Number(text)}%`;
    }
  };
  check('exhaustedPercent', -100, 100);
  check('atRiskPercent', 0, 100);
  check('incidentSharePercent', 1, 100);
  if (!out.exhaustedPercent && !out.atRiskPercent && Number(f.atRiskPercent) <= Number(f.exhaustedPercent)) {
    out.atRiskPercent = `must be above the exhausted threshold (${Number(f.exhaustedPercent)}%), or no budget is ever at risk before it is exhausted`;
  }
  if (!isNumberText(f.fastBurnRate)) {
    out.fastBurnRate = f.fastBurnRate.trim() === '' ? 'is required' : `must be a number, got "${f.fastBurnRate}"`;
  }
  return out;
}

/**
 * Every problem with the form, by field: percentages are checked here in the units the form shows, everything else
 * by the same validatePolicy the save and the CLI run.
 */
export function formErrors(f: PolicyForm): FormErrors {
  const own = percentProblems(f);
  const domain = validatePolicy(policyFromForm(f), 'policy').filter((p) => {
    const field = fieldForPath(p.path);
    // Percentages (and a rate that is not a number) already have a message in the form's own units.
    return !(field in own) && !Object.values(PERCENT_FIELDS).includes(field as never);
  });
  return { ...placeProblems(domain), ...own };
}
