/**
 * Action items across postmortems: the rows of the Action items view, their filters (kept in the URL by the
 * page), and the two numbers that say whether a team follows up: completion rate and median time to close.
 * Pure functions over folded postmortems.
 */
import { isSafeHref } from '../incident/html';
import {
  ACTION_ITEM_PRIORITIES,
  ACTION_ITEM_STATUSES,
  ACTION_ITEM_TYPES,
  type ActionItem,
  type ActionItemFields,
  type ActionItemPriority,
  type ActionItemStatus,
  isClosedStatus,
  type Postmortem,
} from './model';

/** An action item with the postmortem it came from, for lists across postmortems. */
export interface TrackedActionItem extends ActionItem {
  incidentId: string;
  incidentTitle: string;
  services: readonly string[];
}

/** Every action item of these postmortems, with where it came from. */
export function trackedItems(postmortems: readonly Postmortem[]): TrackedActionItem[] {
  return postmortems.flatMap((pm) =>
    pm.actionItems.map((item) => ({
      ...item,
      incidentId: pm.incidentId,
      incidentTitle: pm.prefill.title,
      services: pm.prefill.services,
    }))
  );
}

/** Open or in progress, and past its due date at `now`. */
export const isOverdue = (item: ActionItem, now: number): boolean => !isClosedStatus(item.status) && now > item.due;

export interface ActionItemFilter {
  /** Grafana login; the empty string selects unassigned items. */
  owner?: string;
  /** Matches any of the item's services, case-insensitively. */
  service?: string;
  priorities?: readonly ActionItemPriority[];
  statuses?: readonly ActionItemStatus[];
  /** Only items overdue at `now`. */
  overdue?: boolean;
}

/** The items matching every given criterion (an absent or empty criterion matches all). */
export function filterActionItems<T extends TrackedActionItem>(
  items: readonly T[],
  filter: ActionItemFilter,
  now: number
): T[] {
  const service = filter.service?.trim().toLowerCase();
  return items.filter(
    (i) =>
      (filter.owner === undefined || (i.owner?.login ?? '') === filter.owner) &&
      (!service || i.services.some((s) => s.toLowerCase() === service)) &&
      (!filter.priorities?.length || filter.priorities.includes(i.priority)) &&
      (!filter.statuses?.length || filter.statuses.includes(i.status)) &&
      (!filter.overdue || isOverdue(i, now))
  );
}

/**
 * The share of items that are done, among those that count: won't-do items are decisions, not follow-through,
 * so they are left out of both sides. Undefined when nothing counts.
 */
export function completionRate(items: readonly ActionItem[]): number | undefined {
  const counted = items.filter((i) => i.status !== 'wont_do');
  if (counted.length === 0) {
    return undefined;
  }
  return counted.filter((i) => i.status === 'done').length / counted.length;
}

/** The median time from creation to done, in ms, over done items; undefined when none is done. */
export function medianTimeToClose(items: readonly ActionItem[]): number | undefined {
  const times = items
    .filter((i) => i.status === 'done' && i.closedAt !== undefined)
    .map((i) => Math.max(0, i.closedAt! - i.createdAt))
    .sort((a, b) => a - b);
  if (times.length === 0) {
    return undefined;
  }
  const mid = Math.floor(times.length / 2);
  return times.length % 2 === 1 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
}

export const MAX_ACTION_ITEM_TITLE = 200;
export const MAX_TRACKER_URL = 2000;

export interface ActionItemFieldProblem {
  field: keyof ActionItemFields;
  message: string;
}

/** Field-named problems of an action item a person is about to save. */
export function validateActionItemFields(f: ActionItemFields): ActionItemFieldProblem[] {
  const problems: ActionItemFieldProblem[] = [];
  const title = f.title.trim();
  if (title === '') {
    problems.push({ field: 'title', message: 'Say what will be done' });
  } else if (title.length > MAX_ACTION_ITEM_TITLE) {
    problems.push({ field: 'title', message: `must be at most ${MAX_ACTION_ITEM_TITLE} characters` });
  }
  if (!(ACTION_ITEM_TYPES as readonly string[]).includes(f.type)) {
    problems.push({ field: 'type', message: `must be one of ${ACTION_ITEM_TYPES.join(', ')}` });
  }
  if (!(ACTION_ITEM_PRIORITIES as readonly string[]).includes(f.priority)) {
    problems.push({ field: 'priority', message: `must be one of ${ACTION_ITEM_PRIORITIES.join(', ')}` });
  }
  if (!(ACTION_ITEM_STATUSES as readonly string[]).includes(f.status)) {
    problems.push({ field: 'status', message: `must be one of ${ACTION_ITEM_STATUSES.join(', ')}` });
  }
  if (!Number.isFinite(f.due) || f.due <= 0) {
    problems.push({ field: 'due', message: 'must be a date' });
  }
  if (f.owner !== undefined && f.owner.login.trim() === '') {
    problems.push({ field: 'owner', message: 'must be a Grafana user' });
  }
  const url = f.trackerUrl?.trim() ?? '';
  if (url !== '' && (url.length > MAX_TRACKER_URL || !isSafeHref(url) || !/^https?:\/\//i.test(url))) {
    problems.push({ field: 'trackerUrl', message: 'must be an http(s) URL' });
  }
  if (f.status === 'wont_do' && (f.wontDoReason ?? '').trim() === '') {
    problems.push({ field: 'wontDoReason', message: "Say why it won't be done" });
  }
  return problems;
}
