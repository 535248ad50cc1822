import React from 'react';
import { Badge, Card, Stack } from '@grafana/ui';
import type { LoadedIncident } from '../../api/incidents';
import { ROUTES } from '../../constants';
import { appHref } from '../../components/links';
import { formatDuration, formatTime } from './format';
import { SeverityBadge } from './SeverityBadge';

/** One incident in the list: title (as text), id, severity, status, services, start and duration. */
export function IncidentCard({ incident, now }: { incident: LoadedIncident; now: number }) {
  const open = incident.status !== 'resolved';
  const duration = (incident.resolvedAt ?? Math.max(now, incident.startedAt)) - incident.startedAt;
  return (
    <Card href={appHref(`${ROUTES.Incidents}/${encodeURIComponent(incident.id)}`)}>
      <Card.Heading>{incident.title}</Card.Heading>
      <Card.Meta>
        {[
          incident.id,
          `Status: ${incident.status}`,
          incident.services.join(', '),
          `Started ${formatTime(incident.startedAt)}`,
          `${open ? 'Open for' : 'Lasted'} ${formatDuration(duration)}`,
        ].map((item, i) => (
          <span key={i}>{item}</span>
        ))}
      </Card.Meta>
      <Card.Tags>
        <Stack gap={1}>
          <SeverityBadge severity={incident.severity} />
          <Badge color={open ? 'red' : 'green'} text={open ? 'Open' : 'Resolved'} />
        </Stack>
      </Card.Tags>
    </Card>
  );
}
