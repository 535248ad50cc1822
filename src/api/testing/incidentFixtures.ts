import { checkRequest } from '../../../tests/contract/openapi';
import { at, declared } from '../../domain/incident/__fixtures__/events';
import { incidentAnnotation } from '../../domain/incident/annotations';
import type { IncidentEvent } from '../../domain/incident/events';
import { foldIncident } from '../../domain/incident/fold';
import { type RecordedRequest } from './fakeBackend';

/** The frozen clock of the incidents API tests. */
export const NOW = at(60);

/** Stored annotations as Grafana would return them: id, time, tags and the posted data. */
let nextId = 1;
export const stored = (body: { time: number; timeEnd?: number; tags: string[]; data?: unknown }) => ({
  id: nextId++,
  ...body,
});

/** Incident `id`: its declared event plus `extra`, the folded incident, and its stored region annotation. */
export function incidentOf(id: string, extra: IncidentEvent[] = []) {
  const d = declared({ title: `Incident ${id}` });
  const events = [{ ...d, incidentId: id }, ...extra.map((e) => ({ ...e, incidentId: id }))] as IncidentEvent[];
  const incident = foldIncident(events).incident!;
  return { events, incident, region: stored(incidentAnnotation(incident, { appUrl: '' }, NOW)) };
}

export const paramsOf = (r: RecordedRequest) => r.params as Record<string, unknown>;

/** Every annotation request must match Grafana's spec; the settings route is pinned in contract.test.ts. */
export function expectConforms(reqs: RecordedRequest[]) {
  for (const r of reqs.filter((q) => !q.url.startsWith('/api/plugins/'))) {
    expect(checkRequest(r)).toEqual([]);
  }
}
