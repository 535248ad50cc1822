/**
 * Incident state = the fold of its events. Events are sorted by (`at`, `id`) first, so every client that
 * reads the same set of annotations, in whatever order the API returns them, computes the same state.
 * Events that break a rule (stateMachine.ts) are skipped and reported; the fold never throws.
 */
import type { IncidentEvent } from './events';
import type { Incident, Problem, StatusTransition } from './model';
import { parseEvent } from './parseEvent';
import { validateCommand } from './stateMachine';

export interface FoldResult {
  /** Undefined until a valid `declared` event is seen. */
  incident?: Incident;
  problems: Problem[];
}

/**
 * The total order events are folded in: time, then id, then content (only equal ids reach the last).
 * Typed structurally so other event-sourced streams (postmortems) fold in the same order.
 */
export function compareEvents(a: { at: number; id: string }, b: { at: number; id: string }): number {
  if (a.at !== b.at) {
    return a.at - b.at;
  }
  if (a.id !== b.id) {
    return a.id < b.id ? -1 : 1;
  }
  const ja = JSON.stringify(a);
  const jb = JSON.stringify(b);
  return ja < jb ? -1 : ja > jb ? 1 : 0;
}

/** Folds an incident's events into its state, reporting every event it had to skip. */
export function foldIncident(events: readonly IncidentEvent[]): FoldResult {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  let incident: Incident | undefined;
  for (const event of [...events].sort(compareEvents)) {
    const json = JSON.stringify(event);
    const previous = seen.get(event.id);
    if (previous !== undefined) {
      // The same event stored twice is a retried append: harmless. Two different events sharing an id is not.
      if (previous !== json) {
        problems.push({
          eventId: event.id,
          message: `event id ${event.id} is used by two different events; kept the first`,
        });
      }
      continue;
    }
    seen.set(event.id, json);
    const problem = validateCommand(incident, event);
    if (problem) {
      problems.push(problem);
    } else {
      incident = applyEvent(incident, event);
    }
  }
  return { incident, problems };
}

/** Parses raw annotation `data` payloads and folds the valid ones; parse failures join the problems. */
export function foldAnnotationData(data: readonly unknown[]): FoldResult {
  const events: IncidentEvent[] = [];
  const parseProblems: Problem[] = [];
  for (const d of data) {
    const parsed = parseEvent(d);
    if (parsed.ok) {
      events.push(parsed.event);
    } else {
      parseProblems.push(parsed.problem);
    }
  }
  const folded = foldIncident(events);
  return { incident: folded.incident, problems: [...parseProblems, ...folded.problems] };
}

const addUnique = (list: string[], value: string): string[] => (list.includes(value) ? list : [...list, value]);
const unique = (list: readonly string[]): string[] => list.reduce<string[]>(addUnique, []);

/**
 * Applies one event that `validateCommand` accepted. Returns a new object (the UI may keep the old one).
 * Exported so the UI can show an appended event optimistically before the annotation round trip.
 */
export function applyEvent(state: Incident | undefined, event: IncidentEvent): Incident {
  if (event.type === 'declared') {
    const detectedAt = event.detectedAt ?? event.at;
    return {
      id: event.incidentId,
      title: event.title,
      summary: event.summary ?? '',
      severity: event.severity,
      status: 'detected',
      roles: {},
      services: unique(event.services),
      sloIds: unique(event.sloIds ?? []),
      logSelectors: unique(event.logSelectors ?? []),
      startedAt: event.startedAt ?? detectedAt,
      detectedAt,
      declaredAt: event.at,
      statusHistory: [{ to: 'detected', at: event.at, author: event.author }],
      timeline: [event],
      statusUpdates: [],
      notes: [],
    };
  }
  if (state === undefined) {
    // validateCommand refuses this; reaching it is a programming error in the caller, not bad data.
    throw new Error(`applyEvent: ${event.type} before declared`);
  }
  const next: Incident = { ...state, timeline: [...state.timeline, event] };
  const transition = (to: StatusTransition['to'], reason?: string): StatusTransition[] => [
    ...state.statusHistory,
    { from: state.status, to, at: event.at, author: event.author, ...(reason !== undefined && { reason }) },
  ];
  switch (event.type) {
    case 'severity_changed':
      return { ...next, severity: event.to };
    case 'status_changed':
      return { ...next, status: event.to, statusHistory: transition(event.to, event.reason) };
    case 'role_assigned': {
      const roles = { ...state.roles };
      if (event.to === null) {
        delete roles[event.role];
        return { ...next, roles };
      }
      roles[event.role] = event.to;
      return { ...next, roles, acknowledgedAt: state.acknowledgedAt ?? event.at };
    }
    case 'note':
      return { ...next, notes: [...state.notes, event] };
    case 'status_update':
      return { ...next, statusUpdates: [...state.statusUpdates, event] };
    case 'slo_linked':
      return { ...next, sloIds: addUnique(state.sloIds, event.sloId) };
    case 'service_added':
      return { ...next, services: addUnique(state.services, event.service) };
    case 'log_selector_added':
      return { ...next, logSelectors: addUnique(state.logSelectors, event.selector) };
    case 'impact_ended':
      return { ...next, mitigatedAt: event.endedAt ?? event.at };
    case 'resolved':
      return {
        ...next,
        status: 'resolved',
        resolvedAt: event.at,
        // Resolution implies impact is over; an earlier explicit end of impact wins.
        mitigatedAt: state.mitigatedAt ?? event.at,
        summary: event.summary ?? state.summary,
        statusHistory: transition('resolved'),
      };
    case 'reopened': {
      const to = event.to ?? 'triage';
      // Impact is back, so both ends are open again; metrics then measure to the final ones.
      return {
        ...next,
        status: to,
        resolvedAt: undefined,
        mitigatedAt: undefined,
        statusHistory: transition(to, event.reason),
      };
    }
    case 'summary_changed':
      return { ...next, summary: event.summary };
  }
}
