import { isSafeHref } from '../incident/html';
import { isIncidentId } from '../incident/ids';
import { sanitizeTagValue } from '../incident/annotations';
import { type ToilFields, TOIL_KINDS, TOIL_TRAITS, toilTeamId } from './model';

export const MAX_TASK = 200;
export const MAX_NOTE = 2000;
export const MAX_LINK = 2000;
/** One entry is one sitting of work; longer work is several entries (a day of toil is still visible as such). */
export const MAX_ENTRY_MINUTES = 24 * 60;
/** Clocks differ between browsers; an entry a few minutes in the future is a clock, not a typo. */
const FUTURE_SLACK_MS = 5 * 60_000;

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Minutes in a duration as people type it: "45" (minutes), "90m", "1.5h", "1h30m", "1h 30m", "1:30" (h:mm).
 * Returns undefined for anything else, so the form can say what it accepts.
 */
export function parseToilDuration(text: string): number | undefined {
  const s = text.trim().toLowerCase();
  if (s === '') {
    return undefined;
  }
  if (/^\d+(\.\d+)?$/.test(s)) {
    return Number(s);
  }
  const clock = /^(\d+):([0-5]\d)$/.exec(s);
  if (clock) {
    return Number(clock[1]) * 60 + Number(clock[2]);
  }
  const units = /^(?:(\d+(?:\.\d+)?)\s*h)?\s*(?:(\d+(?:\.\d+)?)\s*m(?:in)?)?$/.exec(s);
  if (units && (units[1] !== undefined || units[2] !== undefined)) {
    return Number(units[1] ?? 0) * 60 + Number(units[2] ?? 0);
  }
  return undefined;
}

/** "1h 30m", "45m", "2h": minutes as people read them. */
export function formatToilMinutes(minutes: number): string {
  const total = Math.round(minutes);
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) {
    return `${m}m`;
  }
  return m === 0 ? `${h}h` : `${h}h ${m}m`;
}

/** True when a link is an incident id of this app or an http(s) URL; nothing else is stored (no javascript:). */
export function isToilLink(link: string): boolean {
  return isIncidentId(link) || (isSafeHref(link) && /^https?:\/\//i.test(link));
}

/** Field-named problems of an entry's fields; `now` bounds how far in the future `at` may be. */
export function validateToilFields(fields: ToilFields, now: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const task = fields.task.trim();
  if (task === '') {
    problems.push({ field: 'task', message: 'Say what the work was' });
  } else if (task.length > MAX_TASK) {
    problems.push({ field: 'task', message: `must be at most ${MAX_TASK} characters` });
  }
  if (sanitizeTagValue(fields.team) === '') {
    problems.push({ field: 'team', message: 'Pick or type the team' });
  } else if (fields.team.trim().length > 100) {
    problems.push({ field: 'team', message: 'must be at most 100 characters' });
  }
  if (fields.who.trim() === '') {
    problems.push({ field: 'who', message: 'Say who did the work' });
  }
  if (!Number.isFinite(fields.at) || fields.at <= 0) {
    problems.push({ field: 'at', message: 'must be a date and time' });
  } else if (fields.at > now + FUTURE_SLACK_MS) {
    problems.push({ field: 'at', message: 'is in the future; log toil once it is done' });
  }
  if (!Number.isFinite(fields.durationMinutes) || fields.durationMinutes <= 0) {
    problems.push({ field: 'durationMinutes', message: 'must be more than 0 minutes' });
  } else if (fields.durationMinutes > MAX_ENTRY_MINUTES) {
    problems.push({
      field: 'durationMinutes',
      message: 'must be at most 24 hours; log longer work as several entries',
    });
  }
  if (!(TOIL_KINDS as readonly string[]).includes(fields.kind)) {
    problems.push({ field: 'kind', message: `must be one of ${TOIL_KINDS.join(', ')}` });
  }
  for (const trait of TOIL_TRAITS) {
    if (typeof fields.traits?.[trait] !== 'boolean') {
      problems.push({ field: `traits.${trait}`, message: 'must be true or false' });
    }
  }
  const link = fields.link?.trim() ?? '';
  if (link !== '' && (link.length > MAX_LINK || !isToilLink(link))) {
    problems.push({ field: 'link', message: 'must be an incident id or an http(s) URL' });
  }
  if ((fields.note?.length ?? 0) > MAX_NOTE) {
    problems.push({ field: 'note', message: `must be at most ${MAX_NOTE} characters` });
  }
  return problems;
}

/** Problems of one team's toil settings as stored (plugin settings), each with its path. */
export function validateToilTeam(x: unknown, path: string): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  if (typeof x !== 'object' || x === null || Array.isArray(x)) {
    return [{ path, message: 'must be {team, capacityHoursPerWeek, budget}' }];
  }
  const t = x as Record<string, unknown>;
  const name = typeof t.team === 'string' ? t.team.trim() : '';
  if (name === '' || sanitizeTagValue(name) === '') {
    problems.push({ path: `${path}.team`, message: 'must name the team' });
  } else if (name.length > 100) {
    problems.push({ path: `${path}.team`, message: 'must be at most 100 characters' });
  } else if (t.id !== toilTeamId(name)) {
    problems.push({ path: `${path}.id`, message: `must be "${toilTeamId(name)}", the team name in lower case` });
  }
  const cap = t.capacityHoursPerWeek;
  if (typeof cap !== 'number' || !Number.isFinite(cap) || cap <= 0 || cap > 100_000) {
    problems.push({ path: `${path}.capacityHoursPerWeek`, message: 'must be a number of hours above 0' });
  }
  const budget = t.budget;
  if (typeof budget !== 'number' || !Number.isFinite(budget) || budget <= 0 || budget > 1) {
    problems.push({ path: `${path}.budget`, message: 'must be a share in (0, 1], e.g. 0.5 for 50%' });
  }
  for (const key of Object.keys(t)) {
    if (!['id', 'team', 'capacityHoursPerWeek', 'budget', 'revision'].includes(key)) {
      problems.push({ path: `${path}.${key}`, message: 'unknown field (allowed: team, capacityHoursPerWeek, budget)' });
    }
  }
  return problems;
}
