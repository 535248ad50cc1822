import React from 'react';
import { useLocation } from 'react-router-dom';
import { screen } from '@testing-library/react';
import { OrgRole } from '@grafana/data';
import { resetFakeApi, respondWith } from '../../../api/testing/fakeApi';
import { at, declared, ev, T0 } from '../../../domain/incident/__fixtures__/events';
import { eventAnnotation, incidentAnnotation } from '../../../domain/incident/annotations';
import type { IncidentEvent } from '../../../domain/incident/events';
import { foldIncident } from '../../../domain/incident/fold';
import { NOW, renderIncidentsPage, signInAs } from './renderIncidentsPage';

let annotationId = 1;
/** The region and event annotations Grafana would hold for one incident. */
export function stored(
  id: string,
  title: string,
  severity: 1 | 2 | 3 | 4,
  extra: IncidentEvent[] = [],
  startedAt = T0
) {
  const events = [declared({ title, severity, startedAt }), ...extra].map((e) => ({
    ...e,
    incidentId: id,
  })) as IncidentEvent[];
  const incident = foldIncident(events).incident!;
  return {
    region: { id: annotationId++, ...incidentAnnotation(incident, { appUrl: '' }, NOW) },
    events: events.map((e) => ({ id: annotationId++, ...eventAnnotation(e) })),
  };
}

/** Answers the list queries with `incidents` and every write with id 500. */
export function serve(incidents: Array<ReturnType<typeof stored>>) {
  respondWith((req) => {
    if (req.method !== 'GET') {
      return { data: { id: 500 } };
    }
    const tags = (req.params?.tags ?? []) as string[];
    return tags.includes('sre-incident')
      ? { data: incidents.map((i) => i.region) }
      : { data: incidents.flatMap((i) => i.events) };
  });
}

export const resolvedOne = stored('INC-OLD', 'Cart latency', 3, [
  ev('role_assigned', 15, { role: 'commander', to: { login: 'ann' } }),
  ev('resolved', 40, {}),
]);
export const openOne = stored('INC-NEW', 'Checkout errors', 1, [ev('status_changed', 20, { to: 'triage' })]);

/** `n` incidents titled "Incident <i>": every third one (i = 0, 3, …) open, the rest resolved; i started i min before T0. */
export function manyIncidents(n: number) {
  return Array.from({ length: n }, (_, i) =>
    stored(
      `INC-P${String(i).padStart(3, '0')}`,
      `Incident ${i}`,
      2,
      i % 3 === 0 ? [] : [ev('resolved', 40, {})],
      at(-i)
    )
  );
}

function Location() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

/** Renders the page at `path` with a probe that shows where the page navigated: see `location()`. */
export const renderAt = (path: string) => renderIncidentsPage(path, <Location />);

export const location = () => screen.getByTestId('location').textContent;

export const setRole = (orgRole: OrgRole) => signInAs(orgRole);

/** Registers the hooks every Incidents page test file needs: each test starts as an Editor, at NOW, with no incidents. */
export function setUpIncidentsPageTests() {
  beforeEach(() => {
    resetFakeApi(NOW);
    setRole(OrgRole.Editor);
    serve([]);
  });
  afterEach(() => jest.restoreAllMocks());
}
