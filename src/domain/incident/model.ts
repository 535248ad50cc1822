/**
 * The incident model: the state a client gets by folding an incident's append-only event list (see fold.ts).
 * It is never stored; only the events are. Pure data, JSON-serialisable. Times are epoch milliseconds.
 */
import type { IncidentEvent, NoteEvent, StatusUpdateEvent } from './events';

export type Severity = 1 | 2 | 3 | 4;

export interface SeverityInfo {
  value: Severity;
  label: string;
  definition: string;
}

/** Ordered most to least severe, so a select list can use it as is. */
export const SEVERITIES: readonly SeverityInfo[] = [
  { value: 1, label: 'SEV1', definition: 'Critical: customer-facing outage or data loss; all hands' },
  { value: 2, label: 'SEV2', definition: 'Major: significant degradation for many users' },
  { value: 3, label: 'SEV3', definition: 'Minor: limited impact or a workaround exists' },
  { value: 4, label: 'SEV4', definition: 'Low: no user impact yet; cosmetic or a near miss' },
];

/** Whether an unknown value is a severity (data read back from annotations is untrusted). */
export function isSeverity(value: unknown): value is Severity {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** The display label of a severity, e.g. `SEV2`. */
export function severityLabel(severity: Severity): string {
  return `SEV${severity}`;
}

export type IncidentStatus = 'detected' | 'triage' | 'mitigating' | 'resolved';

/** In lifecycle order; the state machine relies on this order. */
export const INCIDENT_STATUSES: readonly IncidentStatus[] = ['detected', 'triage', 'mitigating', 'resolved'];

/** Whether an unknown value is an incident status. */
export function isIncidentStatus(value: unknown): value is IncidentStatus {
  return typeof value === 'string' && (INCIDENT_STATUSES as readonly string[]).includes(value);
}

export type RoleName = 'commander' | 'techLead' | 'commsLead' | 'supportLead';

export interface RoleInfo {
  label: string;
  duty: string;
}

export const ROLES: Readonly<Record<RoleName, RoleInfo>> = {
  commander: {
    label: 'Incident commander',
    duty: 'Owns the incident: coordinates responders, makes decisions and delegates every other role.',
  },
  techLead: {
    label: 'Technical lead',
    duty: 'Leads the investigation and the mitigation; decides what changes are made to the system.',
  },
  commsLead: {
    label: 'Communication lead',
    duty: 'Writes internal and external status updates at a steady cadence and answers stakeholders.',
  },
  supportLead: {
    label: 'Support lead',
    duty: 'Links customer reports to the incident and keeps support teams informed of workarounds.',
  },
};

export const ROLE_NAMES: readonly RoleName[] = ['commander', 'techLead', 'commsLead', 'supportLead'];

/** Whether an unknown value is a role name. */
export function isRoleName(value: unknown): value is RoleName {
  return typeof value === 'string' && (ROLE_NAMES as readonly string[]).includes(value);
}

/** A Grafana user; `login` is the identity, `name` and `id` are for display and links. */
export interface GrafanaUser {
  login: string;
  name?: string;
  id?: number;
}

/** Why an event was not applied, or why a command is refused. Never thrown; always returned. */
export interface Problem {
  eventId?: string;
  message: string;
}

export interface StatusTransition {
  /** Absent for the first entry, written by `declared`. */
  from?: IncidentStatus;
  to: IncidentStatus;
  at: number;
  author: string;
  reason?: string;
}

export interface Incident {
  id: string;
  title: string;
  summary: string;
  severity: Severity;
  status: IncidentStatus;
  roles: Partial<Record<RoleName, GrafanaUser>>;
  services: string[];
  sloIds: string[];
  /** Loki stream selectors to open in Explore, in the order they were added. */
  logSelectors: string[];
  /** When impact began; may be back-dated by the declarer. */
  startedAt: number;
  /** When someone or something (an alert) noticed the impact. */
  detectedAt: number;
  /** When the incident was declared in this app: the `declared` event's time. */
  declaredAt: number;
  /** First time a role was given to someone after declaration: our "acknowledged" moment. */
  acknowledgedAt?: number;
  /** When user impact ended (see metrics.ts for why this is not the move to `mitigating`). */
  mitigatedAt?: number;
  resolvedAt?: number;
  statusHistory: StatusTransition[];
  /** Every applied event, in fold order. Rejected events are in the fold's problems instead. */
  timeline: IncidentEvent[];
  statusUpdates: StatusUpdateEvent[];
  notes: NoteEvent[];
}
