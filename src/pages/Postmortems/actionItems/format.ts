/** How action item values read on screen. */
import { getTimeZone } from '@grafana/data';
import {
  fromWall,
  type ActionItemFieldName,
  type ActionItemOwner,
  type ActionItemPriority,
  type ActionItemStatus,
  type ActionItemType,
} from '../../../domain/postmortem';
import { offsetAt } from '../../../domain/sla/period';

export const TYPE_LABELS: Record<ActionItemType, string> = {
  investigate: 'Investigate',
  mitigate: 'Mitigate',
  repair: 'Repair',
  detect: 'Detect',
  prevent: 'Prevent',
  process: 'Process',
};

export const STATUS_LABELS: Record<ActionItemStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  wont_do: "Won't do",
};

export const PRIORITY_COLORS: Record<ActionItemPriority, 'red' | 'orange' | 'blue' | 'darkgrey'> = {
  P0: 'red',
  P1: 'orange',
  P2: 'blue',
  P3: 'darkgrey',
};

export const FIELD_LABELS: Record<ActionItemFieldName, string> = {
  title: 'Title',
  type: 'Type',
  priority: 'Priority',
  owner: 'Owner',
  due: 'Due date',
  trackerUrl: 'Tracker link',
  status: 'Status',
  wontDoReason: "Won't-do reason",
};

const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The viewer's IANA time zone, as Grafana's time pickers use it: the user's (or org's) time zone preference, where
 * "browser" (the default) is the browser's zone and "utc" is UTC. Due dates are days on this calendar.
 */
export function viewerTimeZone(): string {
  const zone = getTimeZone();
  if (!zone || zone === 'browser') {
    return browserTimeZone();
  }
  if (zone.toLowerCase() === 'utc') {
    return 'UTC';
  }
  return isIanaZone(zone) ? zone : browserTimeZone();
}

/** A due date as a calendar day in `timeZone` (the viewer's), e.g. "12 Mar 2026". */
export const formatDay = (ms: number, timeZone = viewerTimeZone()): string =>
  new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone });

export const ownerText = (owner: ActionItemOwner | undefined): string =>
  owner ? (owner.name ? `${owner.name} (${owner.login})` : owner.login) : 'Unassigned';

/** A field's value in a conflict message; any text is shown as text, never as markup. */
export function formatFieldValue(field: ActionItemFieldName, value: unknown): string {
  if (value === null || value === undefined || value === '') {
    return field === 'owner' ? 'Unassigned' : '(empty)';
  }
  switch (field) {
    case 'owner':
      return ownerText(value as ActionItemOwner);
    case 'due':
      return typeof value === 'number' ? formatDay(value) : String(value);
    case 'status':
      return STATUS_LABELS[value as ActionItemStatus] ?? String(value);
    case 'type':
      return TYPE_LABELS[value as ActionItemType] ?? String(value);
    default:
      return String(value);
  }
}

/** A duration in days, e.g. "3.5 days", or hours below a day. */
export function formatDays(ms: number): string {
  const hours = ms / 3_600_000;
  if (hours < 24) {
    const h = Math.round(hours * 10) / 10;
    return `${h} ${h === 1 ? 'hour' : 'hours'}`;
  }
  const d = Math.round((hours / 24) * 10) / 10;
  return `${d} ${d === 1 ? 'day' : 'days'}`;
}

/** YYYY-MM-DD of `ms` in `timeZone` (the viewer's), for a date input. */
export function dateInputValue(ms: number, timeZone = viewerTimeZone()): string {
  if (!Number.isFinite(ms)) {
    return '';
  }
  // The wall-clock time in the zone, read with the UTC getters.
  const d = new Date(ms + offsetAt(ms, timeZone));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * The day a date input gives, in `timeZone` (the viewer's), at the wall-clock time of `keepTimeOf` there (so a
 * default due keeps its hour); undefined for a value that is not a day.
 */
export function fromDateInput(value: string, keepTimeOf: number, timeZone = viewerTimeZone()): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) {
    return undefined;
  }
  const kept = Number.isFinite(keepTimeOf) ? new Date(keepTimeOf + offsetAt(keepTimeOf, timeZone)) : new Date(0);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), kept.getUTCHours(), kept.getUTCMinutes());
  const ms = fromWall(wall, timeZone);
  return dateInputValue(ms, timeZone) === value ? ms : undefined;
}
