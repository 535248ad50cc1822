/**
 * Status update templates: plain text filled from the incident, for the communication lead to edit before
 * posting. Internal updates name the incident id, severity and roles; external ones speak to customers and
 * never expose internal names.
 */
import type { UpdateAudience } from '../../../domain/incident/events';
import { type Incident, ROLES, severityLabel } from '../../../domain/incident/model';

/** "14:30 UTC": stable whatever the viewer's locale, as posted updates are read in many time zones. */
export function formatUtcTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 16)} UTC`;
}

const EXTERNAL_STATUS: Record<Incident['status'], string> = {
  detected: 'We are investigating reports of a problem',
  triage: 'We are investigating a problem',
  mitigating: 'We have identified the cause and are working on a fix for a problem',
  resolved: 'The problem has been resolved',
};

const services = (incident: Incident): string => incident.services.join(', ') || 'our services';

/** An internal update: id, severity, status, services, who holds which role, and the next update time. */
export function internalTemplate(incident: Incident, nextUpdateAt: number | undefined): string {
  const roles = Object.entries(incident.roles)
    .map(([role, user]) => `${ROLES[role as keyof typeof ROLES].label}: ${user.name ?? user.login}`)
    .join('; ');
  return [
    `[${severityLabel(incident.severity)}] ${incident.title} (${incident.id})`,
    `Status: ${incident.status}`,
    `Services: ${incident.services.join(', ') || 'none listed'}`,
    `Roles: ${roles || 'none assigned yet'}`,
    'Current state: ',
    incident.status === 'resolved' || nextUpdateAt === undefined
      ? 'No further updates planned.'
      : `Next update by ${formatUtcTime(nextUpdateAt)}.`,
  ].join('\n');
}

/** An external update for customers: what is affected and what we are doing, without internal details. */
export function externalTemplate(incident: Incident, nextUpdateAt: number | undefined): string {
  const first = `${EXTERNAL_STATUS[incident.status]} affecting ${services(incident)}.`;
  const impact =
    incident.status === 'resolved'
      ? 'Everything is working normally again. Thank you for your patience.'
      : 'Some requests may fail or be slow. We apologise for the disruption.';
  const next =
    incident.status === 'resolved' || nextUpdateAt === undefined
      ? ''
      : `\nWe will post another update by ${formatUtcTime(nextUpdateAt)}.`;
  return `${first}\n${impact}${next}`;
}

/** The template for an audience. */
export function statusUpdateTemplate(audience: UpdateAudience, incident: Incident, nextUpdateAt?: number): string {
  return audience === 'internal' ? internalTemplate(incident, nextUpdateAt) : externalTemplate(incident, nextUpdateAt);
}
