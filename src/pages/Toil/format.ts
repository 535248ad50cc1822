/** How toil values read on the page: hours, shares, times and the values of a conflicting field. */
import {
  TOIL_KIND_LABELS,
  TOIL_TRAITS,
  TOIL_TRAIT_LABELS,
  type ToilFieldName,
  type ToilKind,
  type ToilTraits,
  formatToilMinutes,
} from '../../domain/toil';

/** "12.5 h": one decimal below 100 hours, none above. */
export function formatHours(hours: number): string {
  const rounded = hours >= 100 ? Math.round(hours) : Math.round(hours * 10) / 10;
  return `${rounded} h`;
}

/** "42%" of capacity. */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** When work started, in the viewer's locale: "Dec 3, 2026, 09:30". */
export function formatWhen(ms: number): string {
  return new Date(ms).toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** A UTC period start as a short day, "Nov 30" (periods are UTC weeks and months). */
export function formatPeriod(start: number, kind: 'week' | 'month'): string {
  const d = new Date(start);
  return kind === 'month'
    ? d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', timeZone: 'UTC' })
    : `Week of ${d.toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' })}`;
}

/** One field's value as text, for conflicts: both versions of a field shown side by side. */
export function formatToilValue(field: ToilFieldName, value: unknown): string {
  if (value === undefined || value === null || value === '') {
    return '(empty)';
  }
  switch (field) {
    case 'at':
      return typeof value === 'number' ? formatWhen(value) : String(value);
    case 'durationMinutes':
      return typeof value === 'number' ? formatToilMinutes(value) : String(value);
    case 'kind':
      return TOIL_KIND_LABELS[value as ToilKind] ?? String(value);
    case 'traits': {
      const traits = value as Partial<ToilTraits>;
      const on = TOIL_TRAITS.filter((t) => traits[t]).map((t) => TOIL_TRAIT_LABELS[t]);
      return on.length ? on.join(', ') : 'none';
    }
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

/** The field's name as the form labels it. */
export const FIELD_LABELS: Record<ToilFieldName, string> = {
  task: 'Task',
  team: 'Team',
  who: 'Who',
  at: 'When',
  durationMinutes: 'Duration',
  kind: 'Kind',
  traits: 'Traits',
  link: 'Link',
  note: 'Note',
};
