/**
 * Toil against each team's budget: hours logged ÷ hours the team had, per week or per calendar month, in UTC
 * (ISO weeks start on Monday). A period in which a team logged nothing is "no entries", never 0% toil: nobody can
 * tell an idle team from one that did not log.
 */
import type { ToilEntry, ToilTeamSettings } from './model';

export type ToilPeriodKind = 'week' | 'month';

const DAY = 86_400_000;
const WEEK = 7 * DAY;

export interface ToilPeriod {
  start: number;
  end: number;
}

/** The UTC week (Monday 00:00) or calendar month holding `t`. */
export function periodAt(t: number, kind: ToilPeriodKind): ToilPeriod {
  const d = new Date(t);
  if (kind === 'month') {
    const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    return { start, end: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) };
  }
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  const start = midnight - sinceMonday * DAY;
  return { start, end: start + WEEK };
}

/** The periods overlapping [from, to), oldest first. */
export function periodsBetween(from: number, to: number, kind: ToilPeriodKind): ToilPeriod[] {
  const out: ToilPeriod[] = [];
  for (let p = periodAt(from, kind); p.start < to; p = periodAt(p.end, kind)) {
    out.push(p);
  }
  return out;
}

export type ToilBudgetStatus = 'no_entries' | 'no_capacity' | 'within' | 'over';

export interface ToilPeriodReport {
  team: string;
  start: number;
  end: number;
  /** The period has not ended yet, or the range cuts it: its capacity is the part inside the range. */
  partial: boolean;
  hours: number;
  entries: number;
  /** The team's hours in the period (weekly capacity × days / 7); undefined when the team has no capacity set. */
  capacityHours?: number;
  /** hours ÷ capacityHours; undefined with no entries or no capacity. */
  share?: number;
  budget?: number;
  status: ToilBudgetStatus;
}

/** The settings of `team` (names compare case-insensitively, as Grafana's team names do). */
export function teamSettings(teams: readonly ToilTeamSettings[], team: string): ToilTeamSettings | undefined {
  const key = team.trim().toLowerCase();
  return teams.find((t) => t.team.trim().toLowerCase() === key);
}

function statusOf(hours: number, entries: number, capacity: number | undefined, budget: number | undefined) {
  if (entries === 0) {
    return { status: 'no_entries' as const };
  }
  if (capacity === undefined || budget === undefined) {
    return { status: 'no_capacity' as const };
  }
  const share = hours / capacity;
  return { share, status: share > budget ? ('over' as const) : ('within' as const) };
}

/**
 * One report per team and period overlapping [from, to): every team with settings or entries, every period (empty
 * periods included, as "no entries"). Entries count in the period their work started in.
 */
export function toilByPeriod(
  entries: readonly ToilEntry[],
  teams: readonly ToilTeamSettings[],
  range: { from: number; to: number },
  kind: ToilPeriodKind,
  now: number
): ToilPeriodReport[] {
  const periods = periodsBetween(range.from, range.to, kind);
  const names = new Map<string, string>();
  for (const t of teams) {
    names.set(t.team.trim().toLowerCase(), t.team.trim());
  }
  const sums = new Map<string, { hours: number; entries: number }>();
  for (const e of entries) {
    if (e.at < range.from || e.at >= range.to) {
      continue;
    }
    const team = e.team.trim().toLowerCase();
    if (!names.has(team)) {
      names.set(team, e.team.trim());
    }
    const key = `${team}\u0000${periodAt(e.at, kind).start}`;
    const sum = sums.get(key) ?? { hours: 0, entries: 0 };
    sum.hours += e.durationMinutes / 60;
    sum.entries += 1;
    sums.set(key, sum);
  }
  const out: ToilPeriodReport[] = [];
  for (const [lower, team] of [...names.entries()].sort((a, b) => a[1].localeCompare(b[1]))) {
    const settings = teamSettings(teams, lower);
    for (const p of periods) {
      const sum = sums.get(`${lower}\u0000${p.start}`) ?? { hours: 0, entries: 0 };
      // A period the range cuts counts only the capacity of the part inside the range, so its share is comparable.
      const inRange = Math.min(p.end, range.to) - Math.max(p.start, range.from);
      const capacityHours = settings ? (settings.capacityHoursPerWeek * inRange) / WEEK : undefined;
      out.push({
        team,
        start: p.start,
        end: p.end,
        partial: p.start < range.from || p.end > Math.min(now, range.to),
        hours: sum.hours,
        entries: sum.entries,
        capacityHours,
        budget: settings?.budget,
        ...statusOf(sum.hours, sum.entries, capacityHours, settings?.budget),
      });
    }
  }
  return out;
}

export interface ToilTeamSummary {
  team: string;
  hours: number;
  entries: number;
  capacityHours?: number;
  share?: number;
  budget?: number;
  status: ToilBudgetStatus;
  /** Periods over budget, of the periods with entries. */
  periodsOver: number;
}

/**
 * Each team's toil over the whole range: hours ÷ (weekly capacity × weeks in the range), and how many of its
 * periods went over budget. Sorted over-budget first, then by share.
 */
export function toilByTeam(
  entries: readonly ToilEntry[],
  teams: readonly ToilTeamSettings[],
  range: { from: number; to: number },
  kind: ToilPeriodKind,
  now: number
): ToilTeamSummary[] {
  const periods = toilByPeriod(entries, teams, range, kind, now);
  const byTeam = new Map<string, ToilPeriodReport[]>();
  for (const p of periods) {
    byTeam.set(p.team, [...(byTeam.get(p.team) ?? []), p]);
  }
  const end = Math.min(range.to, Math.max(now, range.from));
  const out: ToilTeamSummary[] = [];
  for (const [team, rows] of byTeam) {
    const settings = teamSettings(teams, team);
    const hours = rows.reduce((s, r) => s + r.hours, 0);
    const count = rows.reduce((s, r) => s + r.entries, 0);
    const capacityHours = settings ? (settings.capacityHoursPerWeek * (end - range.from)) / WEEK : undefined;
    const usable = capacityHours !== undefined && capacityHours > 0 ? capacityHours : undefined;
    out.push({
      team,
      hours,
      entries: count,
      capacityHours,
      budget: settings?.budget,
      periodsOver: rows.filter((r) => r.status === 'over').length,
      ...statusOf(hours, count, usable, settings?.budget),
    });
  }
  const rank = (s: ToilTeamSummary) => (s.status === 'over' ? 0 : s.status === 'within' ? 1 : 2);
  return out.sort((a, b) => rank(a) - rank(b) || (b.share ?? 0) - (a.share ?? 0) || a.team.localeCompare(b.team));
}
