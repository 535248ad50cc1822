/** Where toil comes from, and which automation would pay back most. */
import { estimateKey, type ToilEstimates } from './fold';
import type { ToilEntry } from './model';

/** A quarter as the SRE book's toil surveys count it: a quarter of a 365.25-day year. */
export const QUARTER_MS = (365.25 / 4) * 86_400_000;

export interface ToilSource {
  taskKey: string;
  /** The most used wording of the task (ties: the earliest logged), for display. */
  label: string;
  hours: number;
  entries: number;
  teams: string[];
  /** Share of its entries marked automatable. */
  automatableShare: number;
}

function labelOf(entries: readonly ToilEntry[]): string {
  const counts = new Map<string, { n: number; first: number }>();
  for (const e of entries) {
    const text = e.task.trim();
    const c = counts.get(text) ?? { n: 0, first: e.at };
    counts.set(text, { n: c.n + 1, first: Math.min(c.first, e.at) });
  }
  return [...counts.entries()].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)[0][0];
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) {
      list.push(item);
    } else {
      out.set(k, [item]);
    }
  }
  return out;
}

const hoursOf = (entries: readonly ToilEntry[]) => entries.reduce((s, e) => s + e.durationMinutes / 60, 0);

/** Toil grouped by task key, most hours first (ties: more entries, then the key). */
export function topSources(entries: readonly ToilEntry[]): ToilSource[] {
  return [...groupBy(entries, (e) => e.taskKey).entries()]
    .map(([key, list]) => ({
      taskKey: key,
      label: labelOf(list),
      hours: hoursOf(list),
      entries: list.length,
      teams: [...new Set(list.map((e) => e.team.trim()))].sort(),
      automatableShare: list.filter((e) => e.traits.automatable).length / list.length,
    }))
    .sort((a, b) => b.hours - a.hours || b.entries - a.entries || a.taskKey.localeCompare(b.taskKey));
}

export interface AutomationCandidate {
  team: string;
  taskKey: string;
  label: string;
  entries: number;
  hours: number;
  /** Hours in the range scaled to a quarter: what automating it would save each quarter. */
  hoursPerQuarter: number;
  /** The team's estimate of the effort to automate it, when entered. */
  effortHours?: number;
  /** hoursPerQuarter ÷ effortHours: above 1, automation pays for itself within a quarter. */
  paybackPerQuarter?: number;
  /** effortHours ÷ hoursPerQuarter × 13 weeks: weeks until the effort is paid back. */
  paybackWeeks?: number;
}

/**
 * Automation candidates per team and task: groups where at least half the entries are marked automatable, ranked
 * by hours per quarter (the range's hours × quarter ÷ range length), with the payback of the team's estimate.
 */
export function automationCandidates(
  entries: readonly ToilEntry[],
  estimates: ToilEstimates,
  range: { from: number; to: number }
): AutomationCandidate[] {
  const span = Math.max(range.to - range.from, 86_400_000);
  const groups = groupBy(entries, (e) => estimateKey(e.team, e.taskKey));
  const out: AutomationCandidate[] = [];
  for (const [key, list] of groups) {
    if (list.filter((e) => e.traits.automatable).length * 2 < list.length) {
      continue;
    }
    const hours = hoursOf(list);
    const hoursPerQuarter = (hours * QUARTER_MS) / span;
    const estimate = estimates.get(key);
    const effortHours = estimate?.effortHours;
    out.push({
      team: list[0].team.trim(),
      taskKey: list[0].taskKey,
      label: labelOf(list),
      entries: list.length,
      hours,
      hoursPerQuarter,
      effortHours,
      paybackPerQuarter: effortHours ? hoursPerQuarter / effortHours : undefined,
      paybackWeeks: effortHours && hoursPerQuarter > 0 ? (effortHours / hoursPerQuarter) * 13 : undefined,
    });
  }
  return out.sort(
    (a, b) =>
      b.hoursPerQuarter - a.hoursPerQuarter || a.team.localeCompare(b.team) || a.taskKey.localeCompare(b.taskKey)
  );
}
