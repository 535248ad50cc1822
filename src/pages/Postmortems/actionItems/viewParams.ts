/**
 * The Action items view's state in the URL, so a view can be shared: `days` (postmortems started in the last N days),
 * `owner` (a login; empty for unassigned), `service`, `priority` and `status` (comma-separated), `overdue=1`, `page`.
 * Unknown values are dropped rather than breaking the page.
 */
import {
  ACTION_ITEM_PRIORITIES,
  ACTION_ITEM_STATUSES,
  type ActionItemFilter,
  type ActionItemPriority,
  type ActionItemStatus,
} from '../../../domain/postmortem';

export const RANGE_DAYS = [30, 90, 180, 365] as const;
export const DEFAULT_DAYS = 90;
const DAY = 86_400_000;

export interface ViewParams {
  days: number;
  filter: ActionItemFilter;
  page: string | null;
}

const listOf = <T extends string>(raw: string | null, allowed: readonly T[]): T[] =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is T => (allowed as readonly string[]).includes(s));

export function parseViewParams(params: URLSearchParams): ViewParams {
  const days = Number(params.get('days'));
  const filter: ActionItemFilter = {};
  if (params.has('owner')) {
    filter.owner = params.get('owner')!.trim();
  }
  const service = params.get('service')?.trim();
  if (service) {
    filter.service = service;
  }
  const priorities = listOf<ActionItemPriority>(params.get('priority'), ACTION_ITEM_PRIORITIES);
  if (priorities.length) {
    filter.priorities = priorities;
  }
  const statuses = listOf<ActionItemStatus>(params.get('status'), ACTION_ITEM_STATUSES);
  if (statuses.length) {
    filter.statuses = statuses;
  }
  if (params.get('overdue') === '1') {
    filter.overdue = true;
  }
  return {
    days: (RANGE_DAYS as readonly number[]).includes(days) ? days : DEFAULT_DAYS,
    filter,
    page: params.get('page'),
  };
}

/** The URL parameters of a view; defaults are left out, and any change of filter goes back to page 1. */
export function viewToParams(view: Omit<ViewParams, 'page'>): URLSearchParams {
  const p = new URLSearchParams();
  if (view.days !== DEFAULT_DAYS) {
    p.set('days', String(view.days));
  }
  const f = view.filter;
  if (f.owner !== undefined) {
    p.set('owner', f.owner);
  }
  if (f.service) {
    p.set('service', f.service);
  }
  if (f.priorities?.length) {
    p.set('priority', f.priorities.join(','));
  }
  if (f.statuses?.length) {
    p.set('status', f.statuses.join(','));
  }
  if (f.overdue) {
    p.set('overdue', '1');
  }
  return p;
}

/** Postmortems started in the last `days` days up to `now`. */
export const rangeOf = (days: number, now: number) => ({ from: now - days * DAY, to: now });
