import { OrgRole } from '@grafana/data';
import { backend, resetFakeApi, respondWith } from '../../../../api/testing/fakeApi';
import { at, declared } from '../../../../domain/incident/__fixtures__/events';
import { eventAnnotation } from '../../../../domain/incident/annotations';
import type { IncidentEvent } from '../../../../domain/incident/events';
import { BASE, NOW, renderIncidentsPage, signInAs } from '../../testing/renderIncidentsPage';

export const SCRIPT = '<script>alert(1)</script>';

let annotationId = 1;
let events: Array<{ id: number; time: number; tags: string[]; data?: unknown }> = [];
let settings: Record<string, unknown> = {};
let orgUsers: string[] | 'forbidden' = [];

/** The app's jsonData, as the plugin settings route returns it; each test starts with `{}`. */
export function setSettings(next: Record<string, unknown>) {
  settings = next;
}

/** The logins /api/org/users/lookup finds (those containing the query), or 'forbidden' for its 403; `[]` each test. */
export function setOrgUsers(next: string[] | 'forbidden') {
  orgUsers = next;
}

/** Serves incident INC-X made of `list`, its region (id 7) and the settings; stores what the page posts. */
export function serve(list: IncidentEvent[]) {
  events = list.map((e) => ({
    id: annotationId++,
    ...eventAnnotation({ ...e, incidentId: 'INC-X' } as IncidentEvent),
  }));
  respondWith((req) => {
    if (req.url.startsWith('/api/plugins/')) {
      return { data: { enabled: true, pinned: true, jsonData: settings } };
    }
    if (req.url === '/api/org/users/lookup') {
      return lookUpUsers(String(req.params?.query ?? ''));
    }
    if (req.method === 'POST' && req.url === '/api/annotations') {
      events.push({ id: annotationId++, ...(req.body as { time: number; tags: string[] }) });
      return { data: { id: annotationId } };
    }
    if (req.method !== 'GET') {
      return { data: { message: 'ok' } };
    }
    const tags = (req.params?.tags ?? []) as string[];
    return {
      data: tags.includes('sre-incident') ? [{ id: 7, time: at(0), tags: ['sre-incident', 'incident:INC-X'] }] : events,
    };
  });
}

function lookUpUsers(query: string) {
  if (orgUsers === 'forbidden') {
    return { status: 403, data: { message: 'You are not allowed to list users' } };
  }
  const found = orgUsers.filter((login) => login.includes(query));
  return {
    data: found.map((login, i) => ({ userId: i + 2, uid: `u-${login}`, login, avatarUrl: `/avatar/${login}` })),
  };
}

export const renderDetail = () => renderIncidentsPage(`${BASE}/INC-X`);

/** The events the page posted, in order. */
export const posted = () =>
  backend.requests
    .filter((r) => r.method === 'POST' && r.url === '/api/annotations')
    .map((r) => (r.body as { data: IncidentEvent }).data);

/** Signs in bob with `orgRole`; he is the author of what the page posts. */
export const setRole = (orgRole: OrgRole) => signInAs(orgRole, { login: 'bob', orgId: 1 });

/** Before each test: Editor bob, the clock at NOW, no settings and a declared incident. */
function resetDetailPage() {
  resetFakeApi(NOW);
  settings = {};
  orgUsers = [];
  setRole(OrgRole.Editor);
  serve([declared({ title: 'Checkout errors' })]);
}

/**
 * Registers the hooks every detail page test file needs; call it once at the top level of the file. What jsdom
 * lacks for Combobox and scenes comes from components/testing/jsdomPolyfills, imported first by each test file.
 */
export function setUpDetailPageTests() {
  beforeEach(resetDetailPage);
  afterEach(() => jest.restoreAllMocks());
}
