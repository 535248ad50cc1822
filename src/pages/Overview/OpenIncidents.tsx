import React, { useState } from 'react';
import { Alert, LinkButton, LoadingPlaceholder, Stack, Text } from '@grafana/ui';
import { testIds } from '../../components/testIds';
import { ROUTES } from '../../constants';
import { appHref } from '../../components/links';
import { IncidentCard } from '../Incidents/IncidentCard';
import { useIncidents } from '../Incidents/useIncidents';

const LOOKBACK_MS = 30 * 86_400_000;

/** Incidents that are not resolved yet, most severe first, from the last 30 days of incident annotations. */
export function OpenIncidents() {
  // One fixed range per mount: the hook reloads whenever its range changes.
  const [to] = useState(() => Date.now());
  const from = to - LOOKBACK_MS;
  const state = useIncidents(from, to);

  let body: React.ReactNode;
  if (state.loading) {
    body = <LoadingPlaceholder text="Loading incidents…" />;
  } else if (state.error !== undefined) {
    body = (
      <Alert severity="error" title="Could not load incidents">
        {state.error}
      </Alert>
    );
  } else {
    const open = state.value.incidents
      .filter((i) => i.status !== 'resolved')
      .sort((a, b) => a.severity - b.severity || b.startedAt - a.startedAt);
    body =
      open.length === 0 ? (
        <Text color="secondary">No open incidents.</Text>
      ) : (
        open.map((incident) => <IncidentCard key={incident.id} incident={incident} now={to} />)
      );
  }
  return (
    <section data-testid={testIds.overview.openIncidents}>
      <Stack direction="column" gap={1}>
        <Stack justifyContent="space-between" alignItems="center">
          <Text element="h3">Open incidents</Text>
          <LinkButton size="sm" variant="secondary" href={appHref(ROUTES.Incidents)}>
            All incidents
          </LinkButton>
        </Stack>
        {body}
      </Stack>
    </section>
  );
}
