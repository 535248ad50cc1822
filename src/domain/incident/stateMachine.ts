/**
 * The incident lifecycle and the rules every event must pass. The UI calls `validateCommand` before it
 * appends an event; the fold calls the same function for every stored event, so an event the UI would
 * refuse is also ignored (and reported) when someone writes it by other means.
 *
 * Lifecycle: detected → triage → mitigating → resolved. Forward skips are allowed (an obvious cause can go
 * straight to mitigating); going back is not, because a status records how far the response got. Resolving
 * needs the `resolved` event, and only `reopened` (with a reason) leaves `resolved`, to triage or mitigating.
 */
import type { IncidentEvent } from './events';
import { isIncidentId } from './ids';
import { type Incident, INCIDENT_STATUSES, type IncidentStatus, type Problem, ROLES, severityLabel } from './model';

const rank = (s: IncidentStatus): number => INCIDENT_STATUSES.indexOf(s);

/** Whether the lifecycle allows moving from one status to another (by any event). */
export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  if (from === to) {
    return false;
  }
  if (from === 'resolved') {
    return to === 'triage' || to === 'mitigating';
  }
  return rank(to) > rank(from);
}

const ACTION: Record<IncidentEvent['type'], string> = {
  declared: 'declare',
  severity_changed: 'change the severity of',
  status_changed: 'change the status of',
  role_assigned: 'assign a role in',
  note: 'add a note to',
  status_update: 'post a status update for',
  slo_linked: 'link an SLO to',
  service_added: 'add a service to',
  log_selector_added: 'add a log selector to',
  impact_ended: 'record the end of impact of',
  resolved: 'resolve',
  reopened: 'reopen',
  summary_changed: 'change the summary of',
};

// toISOString throws outside ±8.64e15 ms; a message must never be the thing that breaks the fold.
const iso = (ms: number): string => (Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : `${ms} ms`);

/** Whether `event` may be appended to the incident whose current state is `state`; null when it may. */
export function validateCommand(state: Incident | undefined, event: IncidentEvent): Problem | null {
  const problem = (message: string): Problem => ({ eventId: event.id, message });
  const cannot = (why: string): Problem => problem(`cannot ${ACTION[event.type]} incident ${event.incidentId}: ${why}`);

  if (state === undefined) {
    return event.type === 'declared' ? validateDeclared(event, cannot) : cannot('it was never declared');
  }
  if (event.incidentId !== state.id) {
    return problem(`event ${event.id} belongs to incident ${event.incidentId}, not ${state.id}`);
  }
  if (event.type === 'declared') {
    return problem(`incident ${state.id} is already declared`);
  }
  if (event.at < state.declaredAt) {
    return cannot(`the event is timed ${iso(event.at)}, before the declaration at ${iso(state.declaredAt)}`);
  }
  switch (event.type) {
    case 'severity_changed':
      return event.to === state.severity ? cannot(`it is already ${severityLabel(state.severity)}`) : null;
    case 'status_changed':
      return validateStatusChange(state, event.to, cannot);
    case 'role_assigned': {
      const holder = state.roles[event.role];
      if (event.to === null) {
        return holder === undefined ? cannot(`nobody is its ${ROLES[event.role].label}`) : null;
      }
      return holder?.login === event.to.login
        ? cannot(`${holder.login} is already its ${ROLES[event.role].label}`)
        : null;
    }
    case 'slo_linked':
      return state.sloIds.includes(event.sloId) ? cannot(`SLO ${event.sloId} is already linked`) : null;
    case 'service_added':
      return state.services.includes(event.service) ? cannot(`service ${event.service} is already listed`) : null;
    case 'log_selector_added':
      return state.logSelectors.includes(event.selector) ? cannot(`that log selector is already listed`) : null;
    case 'impact_ended':
      return validateImpactEnded(state, event.endedAt ?? event.at, event.at, cannot);
    case 'resolved':
      return state.status === 'resolved' ? cannot('it is already resolved') : null;
    case 'reopened':
      if (state.status !== 'resolved') {
        return cannot(`it is not resolved (status: ${state.status})`);
      }
      return event.reason.trim() === '' ? cannot('reopening a resolved incident needs a reason') : null;
    default:
      // note, status_update and summary_changed are always welcome once declared, even after resolution.
      return null;
  }
}

function validateDeclared(
  event: Extract<IncidentEvent, { type: 'declared' }>,
  cannot: (why: string) => Problem
): Problem | null {
  const detectedAt = event.detectedAt ?? event.at;
  const startedAt = event.startedAt ?? detectedAt;
  if (!isIncidentId(event.incidentId)) {
    return cannot('an incident id may only hold letters, digits, ".", "_" and "-" (at most 64)');
  }
  if (event.title.trim() === '') {
    return cannot('it needs a title');
  }
  if (startedAt > detectedAt) {
    return cannot(`impact cannot start (${iso(startedAt)}) after it was detected (${iso(detectedAt)})`);
  }
  if (detectedAt > event.at) {
    return cannot(`it cannot be detected (${iso(detectedAt)}) after it is declared (${iso(event.at)})`);
  }
  return null;
}

function validateStatusChange(state: Incident, to: IncidentStatus, cannot: (why: string) => Problem): Problem | null {
  if (to === 'resolved') {
    return cannot('use a "resolved" event to resolve it');
  }
  if (state.status === 'resolved') {
    return cannot('it is resolved; reopen it with a reason first');
  }
  if (to === state.status) {
    return cannot(`it is already in ${to}`);
  }
  return canTransition(state.status, to) ? null : cannot(`it cannot go back from ${state.status} to ${to}`);
}

function validateImpactEnded(
  state: Incident,
  endedAt: number,
  at: number,
  cannot: (why: string) => Problem
): Problem | null {
  if (state.mitigatedAt !== undefined) {
    return cannot(`the end of impact is already recorded (${iso(state.mitigatedAt)})`);
  }
  if (endedAt < state.startedAt) {
    return cannot(`impact cannot end (${iso(endedAt)}) before it started (${iso(state.startedAt)})`);
  }
  return endedAt > at ? cannot(`the end of impact (${iso(endedAt)}) is in the future of the event`) : null;
}
