/**
 * The Toil page's state in the URL, so a view can be shared: `view`, `team`, `period`, `from`/`to` (UTC dates,
 * `to` inclusive), `derived=1` and `page`. Malformed values fall back to the defaults instead of breaking the page.
 */
import type { ToilPeriodKind } from '../../domain/toil';

export const TOIL_VIEWS = ['entries', 'reports', 'automation'] as const;
export type ToilView = (typeof TOIL_VIEWS)[number];

const DAY = 86_400_000;
/** Longer ranges read more than the entries cap (TOIL_LIMIT) in busy organisations and draw too many periods. */
export const MAX_RANGE_DAYS = 400;

export interface ToilParams {
  view: ToilView;
  /** `view=log` (a shared "log toil" link): the entries with the quick-log form open. */
  logOpen: boolean;
  /** '' for every team. */
  team: string;
  period: ToilPeriodKind;
  /** [from, to) in epoch ms, whole UTC days. */
  range: { from: number; to: number };
  /** The range as the URL gives it: YYYY-MM-DD, `to` inclusive. */
  fromDay: string;
  toDay: string;
  derived: boolean;
  page: string | null;
}

/** A UTC day as YYYY-MM-DD. */
export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function parseDay(text: string | null): number | undefined {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return undefined;
  }
  const ms = Date.parse(`${text}T00:00:00Z`);
  // Date.parse rolls 2026-02-31 over to March; only a day that reads back the same is that day.
  return Number.isFinite(ms) && dayOf(ms) === text ? ms : undefined;
}

/** The UTC calendar quarter holding `now`: [its first day, the next quarter's first day). */
export function quarterOf(now: number): { from: number; to: number } {
  const d = new Date(now);
  const q = Math.floor(d.getUTCMonth() / 3) * 3;
  return { from: Date.UTC(d.getUTCFullYear(), q, 1), to: Date.UTC(d.getUTCFullYear(), q + 3, 1) };
}

/** The UTC calendar month holding `now`. */
export function monthOf(now: number): { from: number; to: number } {
  const d = new Date(now);
  return {
    from: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1),
    to: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1),
  };
}

/** The quick ranges offered above the page: this month, the last three months, this quarter. */
export function rangePresets(
  now: number
): Array<{ value: string; label: string; range: { from: number; to: number } }> {
  const month = monthOf(now);
  const d = new Date(now);
  return [
    { value: 'month', label: 'This month', range: month },
    {
      value: '3m',
      label: 'Last 3 months',
      range: { from: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 2, 1), to: month.to },
    },
    { value: 'quarter', label: 'This quarter', range: quarterOf(now) },
  ];
}

/** The page state from the URL; `now` picks the default range (the current quarter). */
export function parseToilParams(params: URLSearchParams, now: number): ToilParams {
  const rawView = params.get('view');
  const view = (TOIL_VIEWS as readonly string[]).includes(rawView ?? '') ? (rawView as ToilView) : 'entries';
  const from = parseDay(params.get('from'));
  const toDay = parseDay(params.get('to'));
  const to = toDay === undefined ? undefined : toDay + DAY;
  const valid = from !== undefined && to !== undefined && from < to && to - from <= MAX_RANGE_DAYS * DAY;
  const range = valid ? { from, to } : quarterOf(now);
  return {
    view,
    logOpen: rawView === 'log',
    team: (params.get('team') ?? '').trim(),
    period: params.get('period') === 'month' ? 'month' : 'week',
    range,
    fromDay: dayOf(range.from),
    toDay: dayOf(range.to - DAY),
    derived: params.get('derived') === '1',
    page: params.get('page'),
  };
}

/** The URL parameters of a range: `from` and an inclusive `to`, as UTC days. */
export function rangeParams(range: { from: number; to: number }): { from: string; to: string } {
  return { from: dayOf(range.from), to: dayOf(range.to - DAY) };
}
