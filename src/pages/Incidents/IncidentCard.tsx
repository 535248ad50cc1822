import React from 'react';
import { Badge, Card, Stack } from '@grafana/ui';
import type { LoadedIncident } from '../../api/incidents';
import { ROUTES } from '../../constants';
import { appHref } from '../../components/links';
import { testIds } from '../../components/testIds';
import { postmortemCallout } from '../../domain/incident/budgetRule';
import type { PostmortemStatus } from '../../domain/postmortem/model';
import { formatDuration, formatTime } from './format';
import { PostmortemDueBadge } from './PostmortemDueBadge';
import { POSTMORTEM_STATUS_LABELS, type PostmortemDue } from './postmortemDue';
import { SeverityBadge } from './SeverityBadge';
import type { CrossedSlo } from './usePostmortemMarks';

interface Props {
  incident: LoadedIncident;
  now: number;
  /** The linked SLOs whose budget this incident consumed more of than their policy allows (the 20% rule). */
  crossed?: CrossedSlo[];
  /** Set when the postmortem policy requires one and it is not published yet. */
  due?: PostmortemDue;
  /** The status of the incident's postmortem, when one was started. */
  postmortemStatus?: PostmortemStatus;
}

/**
 * One incident in the list: title (as text), id, severity, status, services, start and duration, and a
 * "Needs postmortem (P0)" badge when it crossed an SLO's incident budget share, "Postmortem due / overdue" when the
 * policy requires one that is not published, and the status of its postmortem.
 */
export function IncidentCard({ incident, now, crossed = [], due, postmortemStatus }: Props) {
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
          {due && <PostmortemDueBadge due={due} />}
          {postmortemStatus && (
            <Badge
              color={postmortemStatus === 'published' ? 'green' : 'blue'}
              icon="file-alt"
              text={`Postmortem: ${POSTMORTEM_STATUS_LABELS[postmortemStatus]}`}
              data-testid={testIds.incidents.postmortemStatus}
            />
          )}
        </Stack>
      </Card.Tags>
    </Card>
  );
}
