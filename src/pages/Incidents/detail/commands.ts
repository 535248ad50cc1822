/**
 * The actions the detail page offers, as pure functions of the incident: which ones are legal right now
 * (asked of the domain state machine, never re-implemented here) and the events they append.
 */
import type { IncidentEvent } from '../../../domain/incident/events';
import { INCIDENT_STATUSES, type Incident, type IncidentStatus } from '../../../domain/incident/model';
import { validateCommand } from '../../../domain/incident/stateMachine';

type DistributiveOmit<T, K extends keyof any> = T extends unknown ? Omit<T, K> : never;
/** An event without its envelope (id, incident, time, author), which `stamp` adds. */
export type EventPayload = DistributiveOmit<IncidentEvent, 'id' | 'incidentId' | 'at' | 'author'>;

export interface Stamp {
  id: string;
  at: number;
  author: string;
}

/** A complete event for `incident` from a payload and its envelope. */
export function stamp(incident: Pick<Incident, 'id'>, payload: EventPayload, envelope: Stamp): IncidentEvent {
  return { ...envelope, incidentId: incident.id, ...payload } as IncidentEvent;
}

/** Whether the state machine would accept the payload now (time = now, so ordering rules apply too). */
export function isAllowed(incident: Incident, payload: EventPayload, now: number): boolean {
  return validateCommand(incident, stamp(incident, payload, { id: 'probe', at: now, author: '' })) === null;
}

/** The statuses a `status_changed` may move to now: forward only, never `resolved` (that has its own event). */
export function nextStatuses(incident: Incident, now: number): IncidentStatus[] {
  return INCIDENT_STATUSES.filter((to) => isAllowed(incident, { type: 'status_changed', to }, now));
}

/** The lifecycle actions the header shows for the current state. */
export function availableActions(incident: Incident, now: number) {
  return {
    statuses: nextStatuses(incident, now),
    resolve: isAllowed(incident, { type: 'resolved' }, now),
    reopen: incident.status === 'resolved',
    impactEnded: isAllowed(incident, { type: 'impact_ended' }, now),
  };
}

/** Why a reopen is refused before anything is sent; undefined when the reason is acceptable. */
export function reopenProblem(reason: string): string | undefined {
  return reason.trim() === '' ? 'Reopening a resolved incident needs a reason: say what happened.' : undefined;
}

/** Status labels for buttons: "Triage", "Mitigating". */
export function statusLabel(status: IncidentStatus): string {
  return status[0].toUpperCase() + status.slice(1);
}
