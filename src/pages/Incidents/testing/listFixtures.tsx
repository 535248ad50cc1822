import React from 'react';
import { useLocation } from 'react-router-dom';
import { screen } from '@testing-library/react';
import { OrgRole } from '@grafana/data';
import { resetFakeApi, respondWith } from '../../../api/testing/fakeApi';
import { declared, ev } from '../../../domain/incident/__fixtures__/events';
import { eventAnnotation, incidentAnnotation } from '../../../domain/incident/annotations';
import type { IncidentEvent } from '../../../domain/incident/events';
import { foldIncident } from '../../../domain/incident/fold';
import { NOW, renderIncidentsPage, signInAs } from './renderIncidentsPage';

let annotationId = 1;
/** The region and event annotations Grafana would hold for one incident. */
export function stored(id: string, title: string, severity: 1 | 2 | 3 | 4, extra: IncidentEvent[] = []) {
  const events = [declared({ title, severity }), ...extra].map((e) => ({ ...e, incidentId: id })) as IncidentEvent[];
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
