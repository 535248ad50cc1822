import type { BurnRateTierOverride, Problem } from '../../../domain/slo/model';

/** The editor's fields that can show a validation message, and the wizard step each is on. */
export const FIELD_STEP = {
  datasource: 0,
  'sli.kind': 0,
  'sli.events': 1,
  'sli.total': 1,
  'sli.metric': 1,
  'sli.threshold': 1,
  'sli.matchers': 1,
  'sli.errorRatio': 1,
  'objective.target': 2,
  window: 2,
  policy: 2,
  'alerting.tiers.fast': 3,
  'alerting.tiers.medium': 3,
  'alerting.tiers.slow': 3,
  'alerting.tiers.long': 3,
  'alerting.minEvents': 3,
  'alerting.runbookUrl': 3,
  name: 4,
  id: 4,
  service: 4,
  description: 4,
  labels: 4,
} as const;

export type FieldKey = keyof typeof FIELD_STEP;

export interface PlacedProblems {
  /** Messages per field, joined for display next to the field. */
  byField: Partial<Record<FieldKey, string>>;
  /** Problems no field shows (budgeting, alert labels...): listed on the review step. */
  unplaced: Problem[];
  /** Number of problems per wizard step (index), so the step list can flag them. */
  perStep: number[];
}

/** The field a validation path (e.g. `slo.sli.matchers[0].value`) belongs to, if the form shows one. */
export function fieldForPath(path: string, tiers: BurnRateTierOverride[]): FieldKey | undefined {
  const p = path.replace(/^slo\.?/, '');
  if (p === 'sli' || p === 'sli.good' || p === 'sli.bad') {
    return 'sli.events';
  }
  const tier = /^alerting\.tiers\[(\d+)\]/.exec(p);
  if (tier) {
    const name = tiers[Number(tier[1])]?.tier;
    return name && `alerting.tiers.${name}` in FIELD_STEP ? (`alerting.tiers.${name}` as FieldKey) : undefined;
  }
  const keys = Object.keys(FIELD_STEP) as FieldKey[];
  return keys.find((k) => p === k || p.startsWith(`${k}.`) || p.startsWith(`${k}[`));
}

/** Sorts problems onto the fields that show them. */
export function placeProblems(problems: Problem[], tiers: BurnRateTierOverride[]): PlacedProblems {
  const byField: Partial<Record<FieldKey, string>> = {};
  const unplaced: Problem[] = [];
  const perStep = [0, 0, 0, 0, 0, 0];
  for (const problem of problems) {
    const field = fieldForPath(problem.path, tiers);
    if (!field) {
      unplaced.push(problem);
      perStep[5]++;
      continue;
    }
    const sub = problem.path.replace(/^slo\.?/, '');
    // Say which matcher or label is wrong when the field holds several.
    const where = sub.startsWith(`${field}[`) || sub.startsWith(`${field}.`) ? `${sub.slice(field.length)}: ` : '';
    const text = field === 'labels' || field.endsWith('matchers') ? `${where}${problem.message}` : problem.message;
    byField[field] = byField[field] ? `${byField[field]}; ${text}` : text;
    perStep[FIELD_STEP[field]]++;
  }
  return { byField, unplaced, perStep };
}
