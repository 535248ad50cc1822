import React from 'react';
import { useParams } from 'react-router-dom';
import { Alert, EmptyState, LoadingPlaceholder, Stack, Text } from '@grafana/ui';
import { getIncident } from '../../api/incidents';
import { testIds } from '../../components/testIds';
import { describeEvent } from '../../domain/incident/annotations';
import { formatTime } from './format';
import { SeverityBadge } from './SeverityBadge';
import { useLoad } from './useLoad';

/** A read-only first version of the incident page: title, status and timeline folded from the events. */
export function IncidentDetail() {
  const { id = '' } = useParams();
  const state = useLoad(`incident:${id}`, () => getIncident(id));

  if (state.loading) {
    return <LoadingPlaceholder text="Loading incident…" />;
  }
  if (state.error !== undefined) {
    return (
      <Alert severity="error" title="Could not load the incident">
        {state.error}
      </Alert>
    );
  }
  const { incident } = state.value;
  if (!incident) {
    return <EmptyState variant="not-found" message={`Incident ${id} was not found`} />;
  }
  return (
    <div data-testid={testIds.incidents.detail}>
      <Stack direction="column" gap={2}>
        <Stack gap={1} alignItems="center">
          <SeverityBadge severity={incident.severity} />
          <Text element="h2" variant="h3">
            {incident.title}
          </Text>
        </Stack>
        <Text color="secondary">{`${incident.id} · Status: ${incident.status} · ${incident.services.join(', ')}`}</Text>
        <ol>
          {incident.timeline.map((event) => (
            <li key={event.id}>
              <Text>{`${formatTime(event.at)} · ${describeEvent(event)} (${event.author})`}</Text>
            </li>
          ))}
        </ol>
      </Stack>
    </div>
  );
}
