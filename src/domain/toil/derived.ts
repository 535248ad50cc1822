/**
 * Derived toil, computed on read and never stored, always marked `derived`: responder time on incidents (from the
 * incident's role events) and pages (firing episodes of page-severity alerts). Teams opt in on the Toil page.
 */
import type { Incident, RoleName } from '../incident/model';
import { taskKey } from './key';
import { NO_TRAITS, type ToilEntry } from './model';

const DERIVED_TRAITS = { ...NO_TRAITS, manual: true, tactical: true, noEnduringValue: true };
/** A role never handed back is counted until the incident resolves, and no longer than a day for one holder. */
const MAX_MINUTES = 24 * 60;

/** The team derived entries count under: the incident's first service (a team of that name budgets it). */
export function derivedTeam(services: readonly string[]): string {
  return services[0]?.trim() || 'unassigned';
}

/**
 * One entry per role holding in the range: from the assignment to the next assignment of that role (a handover),
 * the resolution, or `now`, clipped to [from, to) and to a day, oldest first. Kind: interrupt (incident response).
 */
export function incidentResponderToil(
  incident: Incident,
  range: { from: number; to: number },
  now: number
): ToilEntry[] {
  const end = incident.resolvedAt ?? now;
  const holdings: Array<{ role: RoleName; login: string; start: number; end: number }> = [];
  const open = new Map<RoleName, { login: string; start: number }>();
  for (const e of incident.timeline) {
    if (e.type !== 'role_assigned') {
      continue;
    }
    const prev = open.get(e.role);
    if (prev) {
      holdings.push({ role: e.role, login: prev.login, start: prev.start, end: e.at });
      open.delete(e.role);
    }
    if (e.to) {
      open.set(e.role, { login: e.to.login, start: e.at });
    }
  }
  for (const [role, h] of open) {
    holdings.push({ role, login: h.login, start: h.start, end });
  }
  const task = `Incident response: ${incident.title}`;
  const out: ToilEntry[] = [];
  for (const h of holdings) {
    const start = Math.max(h.start, range.from);
    const stop = Math.min(h.end, range.to, now);
    const minutes = Math.min((stop - start) / 60_000, MAX_MINUTES);
    if (minutes < 1) {
      continue;
    }
    out.push({
      id: `derived-incident-${incident.id}-${h.role}-${h.start}`,
      task,
      taskKey: taskKey('Incident response'),
      team: derivedTeam(incident.services),
      who: h.login,
      at: start,
      durationMinutes: Math.round(minutes),
      kind: 'interrupt',
      traits: DERIVED_TRAITS,
      link: incident.id,
      loggedBy: 'derived',
      loggedAt: start,
      updatedAt: start,
      revision: 'derived',
      conflicts: [],
      derived: 'incident',
    });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** One firing series of ALERTS as [time, value] points at a fixed step. */
export interface AlertSeries {
  labels: Record<string, string>;
  points: Array<[number, number]>;
}

/**
 * One entry per firing episode of a page-severity alert: consecutive points (no gap longer than 1.5 steps) make
 * one episode, from its first point to its last point plus a step. Kind: on-call page.
 */
export function pageToil(series: readonly AlertSeries[], stepMs: number): ToilEntry[] {
  const out: ToilEntry[] = [];
  for (const s of series) {
    const name = s.labels.alertname ?? 'alert';
    const subject = s.labels.slo_id ?? s.labels.service ?? s.labels.slo_service ?? '';
    const task = subject ? `Page: ${name} (${subject})` : `Page: ${name}`;
    const team = derivedTeam([s.labels.slo_service ?? s.labels.service ?? '']);
    let start: number | undefined;
    let last = 0;
    const flush = () => {
      if (start === undefined) {
        return;
      }
      const minutes = Math.min((last + stepMs - start) / 60_000, MAX_MINUTES);
      out.push({
        id: `derived-page-${name}-${subject}-${start}`,
        task,
        taskKey: taskKey(task),
        team,
        who: 'on-call',
        at: start,
        durationMinutes: Math.max(1, Math.round(minutes)),
        kind: 'oncall_page',
        traits: DERIVED_TRAITS,
        loggedBy: 'derived',
        loggedAt: start,
        updatedAt: start,
        revision: 'derived',
        conflicts: [],
        derived: 'page',
      });
      start = undefined;
    };
    for (const [t, v] of s.points) {
      if (v !== 1) {
        continue;
      }
      if (start !== undefined && t - last > stepMs * 1.5) {
        flush();
      }
      if (start === undefined) {
        start = t;
      }
      last = t;
    }
    flush();
  }
  return out.sort((a, b) => b.at - a.at);
}
