/**
 * Incident events: the only thing stored. Each is one point annotation (tags `sre-incident-event`,
 * `incident:<id>`) whose `data` is the event. Events are never edited or deleted, so concurrent writers
 * cannot overwrite each other; the state is their fold (fold.ts).
 *
 * Every event carries its `incidentId` as well as the tag, so an event is self-describing when read back
 * and the fold can refuse an event that was tagged onto the wrong incident.
 */
import type { GrafanaUser, IncidentStatus, RoleName, Severity } from './model';

interface EventBase {
  /** Unique, chosen by the writer (ids.ts) so a retried append can be recognised as the same event. */
  id: string;
  incidentId: string;
  at: number;
  /** Grafana login of the person who wrote the event. */
  author: string;
}

export interface DeclaredEvent extends EventBase {
  type: 'declared';
  title: string;
  severity: Severity;
  services: string[];
  /** Defaults to `detectedAt`. */
  startedAt?: number;
  /** Defaults to the event's `at`. */
  detectedAt?: number;
  summary?: string;
  sloIds?: string[];
  logSelectors?: string[];
}

export interface SeverityChangedEvent extends EventBase {
  type: 'severity_changed';
  /** What the writer saw; informational, the fold trusts `to`. */
  from?: Severity;
  to: Severity;
}

export interface StatusChangedEvent extends EventBase {
  type: 'status_changed';
  /** Never `resolved`: resolving has its own event. */
  to: IncidentStatus;
  reason?: string;
}

export interface RoleAssignedEvent extends EventBase {
  type: 'role_assigned';
  role: RoleName;
  /** `null` leaves the role empty. */
  to: GrafanaUser | null;
  /** The previous holder, so a handover records both people. */
  from?: GrafanaUser | null;
}

export type NoteKind = 'debugging' | 'mitigation' | 'observation';
export const NOTE_KINDS: readonly NoteKind[] = ['debugging', 'mitigation', 'observation'];

export interface NoteEvent extends EventBase {
  type: 'note';
  kind: NoteKind;
  text: string;
}

export type UpdateAudience = 'internal' | 'external';
export const UPDATE_AUDIENCES: readonly UpdateAudience[] = ['internal', 'external'];

export interface StatusUpdateEvent extends EventBase {
  type: 'status_update';
  audience: UpdateAudience;
  message: string;
}

export interface SloLinkedEvent extends EventBase {
  type: 'slo_linked';
  sloId: string;
}

export interface ServiceAddedEvent extends EventBase {
  type: 'service_added';
  service: string;
}

export interface LogSelectorAddedEvent extends EventBase {
  type: 'log_selector_added';
  selector: string;
}

/**
 * User impact has ended (the mitigation holds), though the incident may stay open for the real fix.
 * This is the moment time-to-mitigate measures; see metrics.ts.
 */
export interface ImpactEndedEvent extends EventBase {
  type: 'impact_ended';
  /** Back-dates the end of impact; defaults to the event's `at`. */
  endedAt?: number;
}

export interface ResolvedEvent extends EventBase {
  type: 'resolved';
  summary?: string;
}

export interface ReopenedEvent extends EventBase {
  type: 'reopened';
  reason: string;
  /** Status after reopening; defaults to `triage`. */
  to?: 'triage' | 'mitigating';
}

export interface SummaryChangedEvent extends EventBase {
  type: 'summary_changed';
  summary: string;
}

export type IncidentEvent =
  | DeclaredEvent
  | SeverityChangedEvent
  | StatusChangedEvent
  | RoleAssignedEvent
  | NoteEvent
  | StatusUpdateEvent
  | SloLinkedEvent
  | ServiceAddedEvent
  | LogSelectorAddedEvent
  | ImpactEndedEvent
  | ResolvedEvent
  | ReopenedEvent
  | SummaryChangedEvent;

export type IncidentEventType = IncidentEvent['type'];

export const EVENT_TYPES: readonly IncidentEventType[] = [
  'declared',
  'severity_changed',
  'status_changed',
  'role_assigned',
  'note',
  'status_update',
  'slo_linked',
  'service_added',
  'log_selector_added',
  'impact_ended',
  'resolved',
  'reopened',
  'summary_changed',
];
