/** How action item values read on screen. */
import type {
  ActionItemFieldName,
  ActionItemOwner,
  ActionItemPriority,
  ActionItemStatus,
  ActionItemType,
} from '../../../domain/postmortem';

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

/** The viewer's IANA time zone: due dates are days on their calendar. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** A due date as the viewer's calendar day, e.g. "12 Mar 2026". */
export const formatDay = (ms: number): string =>
  new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

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

/** YYYY-MM-DD of `ms` in the viewer's time zone, for a date input. */
export function dateInputValue(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The day a date input gives, at the wall-clock time of `keepTimeOf` (so a default due keeps its hour). */
export function fromDateInput(value: string, keepTimeOf: number): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) {
    return undefined;
  }
  const t = new Date(keepTimeOf);
  const ms = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), t.getHours(), t.getMinutes()).getTime();
  return dateInputValue(ms) === value ? ms : undefined;
}
