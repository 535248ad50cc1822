/** The Admin page's postmortem settings as a form: strings while typing, checked and converted on save. */
import {
  ACTION_ITEM_PRIORITIES,
  type ActionItemPriority,
  MAX_SECTIONS,
  type PostmortemPolicy,
  type SectionTemplate,
  validatePostmortemPolicy,
  validateSectionTemplate,
} from '../../domain/postmortem';
import type { Severity } from '../../domain/incident/model';

export interface SectionRow {
  key: string;
  title: string;
}

export interface PostmortemSettingsForm {
  /** In the order they will appear. */
  sections: SectionRow[];
  requiredSeverities: Severity[];
  /** Percent, e.g. "20". */
  budgetPercent: string;
  dueBusinessDays: string;
  /** SEV1's own due days; empty for none (SEV1 then uses `dueBusinessDays`). */
  sev1DueBusinessDays: string;
  actionItemDueDays: Record<ActionItemPriority, string>;
}

/** Errors keyed by form field: `budgetPercent`, `actionItemDueDays.P1`, `sections.2` … */
export type FormErrors = Record<string, string>;

export function toForm(sections: readonly SectionTemplate[], policy: PostmortemPolicy): PostmortemSettingsForm {
  return {
    sections: sections.map(({ key, title }) => ({ key, title })),
    requiredSeverities: [...policy.requiredSeverities].sort(),
    budgetPercent: String(Math.round(policy.budgetShare * 10_000) / 100),
    dueBusinessDays: String(policy.dueBusinessDays),
    sev1DueBusinessDays:
      policy.dueBusinessDaysBySeverity[1] === undefined ? '' : String(policy.dueBusinessDaysBySeverity[1]),
    actionItemDueDays: Object.fromEntries(
      ACTION_ITEM_PRIORITIES.map((p) => [p, String(policy.actionItemDueDays[p])])
    ) as Record<ActionItemPriority, string>,
  };
}

/** A section key from a title (`What we learned` → `what_we_learned`), unique among `taken`. */
export function sectionKeyFrom(title: string, taken: readonly string[]): string {
  let base = title
    .toLowerCase()
    // Accents come apart under NFKD; dropping the marks keeps `café` as `cafe`, not `cafe_`.
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!/^[a-z]/.test(base)) {
    base = `section_${base}`.replace(/_+$/, '');
  }
  base = base.slice(0, 36);
  let key = base;
  for (let n = 2; taken.includes(key); n++) {
    key = `${base}_${n}`;
  }
  return key;
}

/** The list with the row at `index` moved by `by` (-1 up, +1 down); unchanged at either end. */
export function moveRow<T>(rows: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= rows.length) {
    return [...rows];
  }
  const next = [...rows];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

export const canAddSection = (form: PostmortemSettingsForm) => form.sections.length < MAX_SECTIONS;

const num = (s: string): number => (s.trim() === '' ? NaN : Number(s));

/** The template and policy the form describes, or the errors that stop it, each naming its field. */
export function fromForm(
  form: PostmortemSettingsForm
): { sections: SectionTemplate[]; policy: PostmortemPolicy; errors?: undefined } | { errors: FormErrors } {
  const errors: FormErrors = {};
  // Orders are rewritten 10, 20, …: the list's order is what the admin sees, and gaps leave room for provisioning.
  const sections = form.sections.map((s, i) => ({ key: s.key, title: s.title.trim(), order: (i + 1) * 10 }));
  for (const p of validateSectionTemplate(sections)) {
    const row = /^sections\[(\d+)\]\.(\w+)/.exec(p.field);
    if (row) {
      errors[`sections.${row[1]}`] ??= `Section ${Number(row[1]) + 1} ${row[2]}: ${p.message}`;
    } else {
      errors.sections ??= `Sections: ${p.message}`;
    }
  }
  const percent = num(form.budgetPercent);
  if (!Number.isFinite(percent) || percent < 1 || percent > 100) {
    errors.budgetPercent = 'Budget threshold must be a percentage from 1 to 100, e.g. 20';
  }
  const sev1 = form.sev1DueBusinessDays.trim();
  const policy: PostmortemPolicy = {
    requiredSeverities: [...form.requiredSeverities].sort(),
    budgetShare: percent / 100,
    dueBusinessDays: num(form.dueBusinessDays),
    dueBusinessDaysBySeverity: sev1 === '' ? {} : { 1: num(sev1) },
    actionItemDueDays: Object.fromEntries(
      ACTION_ITEM_PRIORITIES.map((p) => [p, num(form.actionItemDueDays[p])])
    ) as Record<ActionItemPriority, number>,
  };
  for (const p of validatePostmortemPolicy(policy)) {
    if (p.field === 'dueBusinessDays') {
      errors.dueBusinessDays = `Postmortem due: ${p.message}`;
    } else if (p.field === 'dueBusinessDaysBySeverity.1') {
      errors.sev1DueBusinessDays = `SEV1 postmortem due: ${p.message}`;
    } else if (p.field.startsWith('actionItemDueDays.')) {
      const prio = p.field.split('.')[1];
      errors[p.field] = `${prio} action items due: ${p.message}`;
    } else if (p.field !== 'budgetShare') {
      errors[p.field] = `${p.field}: ${p.message}`;
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { sections, policy };
}
