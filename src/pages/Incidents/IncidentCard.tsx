import React from 'react';
import { Badge, Card, Stack } from '@grafana/ui';
import type { LoadedIncident } from '../../api/incidents';
import { ROUTES } from '../../constants';
import { appHref } from '../../components/links';
import { testIds } from '../../components/testIds';
import { postmortemCallout } from '../../domain/incident/budgetRule';
import { formatDuration, formatTime } from './format';
import { SeverityBadge } from './SeverityBadge';
import type { CrossedSlo } from './usePostmortemMarks';

interface Props {
  incident: LoadedIncident;
  now: number;
  /** The linked SLOs whose budget this incident consumed more of than their policy allows (the 20% rule). */
  crossed?: CrossedSlo[];
}

/**
 * One incident in the list: title (as text), id, severity, status, services, start and duration, and a
 * "Needs postmortem (P0)" badge when it crossed an SLO's incident budget share.
 */
export function IncidentCard({ incident, now, crossed = [] }: Props) {
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
          {crossed.length > 0 && (
            <Badge
              color="orange"
              icon="exclamation-triangle"
              text="Needs postmortem (P0)"
              tooltip={crossed.map(postmortemCallout).join('\n')}
              aria-label={crossed.map(postmortemCallout).join('. ')}
              data-testid={testIds.incidents.postmortemBadge}
            />
          )}
        </Stack>
      </Card.Tags>
    </Card>
  );
}
