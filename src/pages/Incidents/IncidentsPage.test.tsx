// Combobox (the service filter) needs canvas text measuring and IntersectionObserver, which jsdom lacks.
import '../../components/testing/jsdomPolyfills';
import React from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OrgRole } from '@grafana/data';
import { config } from '@grafana/runtime';
import { createFakeBackend, type RecordedRequest } from '../../api/testing/fakeBackend';
import { testIds } from '../../components/testIds';
import { at, declared, ev } from '../../domain/incident/__fixtures__/events';
import { eventAnnotation, incidentAnnotation } from '../../domain/incident/annotations';
import type { IncidentEvent } from '../../domain/incident/events';
import { foldIncident } from '../../domain/incident/fold';
import IncidentsPage from './IncidentsPage';

let responder: (req: RecordedRequest) => { status?: number; data: unknown };
const backend = createFakeBackend((req) => responder(req));

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  // Grafana draws the page title from pageNav; the stand-in does the same, so the title can be checked.
  PluginPage: jest.requireActual('../../components/testing/TestPluginPage').TestPluginPage,
  getBackendSrv: () => backend.srv,
}));

// EmptyState's illustration is a 95 KB inline SVG that takes jsdom about 4 s to parse; it is decoration only.
jest.mock('react-inlinesvg', () => ({ __esModule: true, default: () => null }));

const NOW = at(120);
const BASE = '/a/sre-reliability-app/incidents';
const IMG = '<img src=x onerror=alert(1)>';

let annotationId = 1;
/** The region and event annotations Grafana would hold for one incident. */
function stored(id: string, title: string, severity: 1 | 2 | 3 | 4, extra: IncidentEvent[] = []) {
  const events = [declared({ title, severity }), ...extra].map((e) => ({ ...e, incidentId: id })) as IncidentEvent[];
  const incident = foldIncident(events).incident!;
  return {
    region: { id: annotationId++, ...incidentAnnotation(incident, { appUrl: '' }, NOW) },
    events: events.map((e) => ({ id: annotationId++, ...eventAnnotation(e) })),
  };
}

function serve(incidents: Array<ReturnType<typeof stored>>) {
  responder = (req) => {
    if (req.method !== 'GET') {
      return { data: { id: 500 } };
    }
    const tags = (req.params?.tags ?? []) as string[];
    return tags.includes('sre-incident')
      ? { data: incidents.map((i) => i.region) }
      : { data: incidents.flatMap((i) => i.events) };
  };
}

const resolvedOne = stored('INC-OLD', 'Cart latency', 3, [
  ev('role_assigned', 15, { role: 'commander', to: { login: 'ann' } }),
  ev('resolved', 40, {}),
]);
const openOne = stored('INC-NEW', 'Checkout errors', 1, [ev('status_changed', 20, { to: 'triage' })]);

function Location() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path={`${BASE}/*`} element={<IncidentsPage />} />
      </Routes>
      <Location />
    </MemoryRouter>
  );
}

const location = () => screen.getByTestId('location').textContent;

function setRole(orgRole: OrgRole) {
  config.bootData.user = { ...config.bootData.user, orgRole, isGrafanaAdmin: false, permissions: undefined };
}

beforeEach(() => {
  backend.requests.length = 0;
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  setRole(OrgRole.Editor);
  serve([]);
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('incident list', () => {
  it('shows loading, then open incidents first with severity, status, services, duration and medians', async () => {
    serve([resolvedOne, openOne]);
    renderAt(BASE);
    expect(screen.getByTestId(testIds.pages.incidents)).toBeInTheDocument();
    expect(screen.getByText('Loading incidents…')).toBeInTheDocument();

    const rows = await screen.findAllByTestId(testIds.incidents.row);
    expect(rows.map((r) => within(r).getByRole('heading').textContent)).toEqual(['Checkout errors', 'Cart latency']);
    expect(within(rows[0]).getByText('SEV1')).toBeInTheDocument();
    expect(within(rows[0]).getByText('INC-NEW')).toBeInTheDocument();
    expect(within(rows[0]).getByText('Status: triage')).toBeInTheDocument();
    // Impact from T0 to now (T0+120 min) while open; T0 to T0+40 once resolved.
    expect(within(rows[0]).getByText('Open for 2h')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Lasted 40m')).toBeInTheDocument();
    expect(within(rows[1]).getByText('checkout')).toBeInTheDocument();

    const metrics = screen.getByTestId(testIds.incidents.metrics);
    // Both detected 5 min after impact; only the resolved one has MTTA (10 min), MTTM and MTTR (40 min).
    expect(within(metrics).getAllByText('5m')).toHaveLength(1);
    expect(within(metrics).getByText('10m')).toBeInTheDocument();
    expect(within(metrics).getAllByText('40m')).toHaveLength(2);
    expect(backend.requests).toHaveLength(2);
  });

  it('shows the empty state with a Declare button that opens the form', async () => {
    renderAt(BASE);
    expect(await screen.findByText('No incidents in this range')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId(testIds.incidents.declareButton));
    expect(location()).toBe(`${BASE}/new`);
    expect(screen.getByTestId(testIds.incidents.form)).toBeInTheDocument();
  });

  it('shows the API error', async () => {
    responder = () => ({ status: 500, data: { message: 'database is locked' } });
    renderAt(BASE);
    expect(await screen.findByText('Could not load incidents')).toBeInTheDocument();
    expect(screen.getByText(/database is locked/)).toBeInTheDocument();
  });

  it('is read-only for users who cannot write annotations: a note and no Declare button', async () => {
    setRole(OrgRole.Viewer);
    serve([openOne]);
    renderAt(BASE);
    expect(await screen.findAllByTestId(testIds.incidents.row)).toHaveLength(1);
    expect(screen.getByText(/needs permission to write annotations/)).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.incidents.declareButton)).not.toBeInTheDocument();
  });

  it('keeps the status and severity filters in the URL', async () => {
    serve([resolvedOne, openOne]);
    renderAt(BASE);
    await screen.findAllByTestId(testIds.incidents.row);

    await userEvent.click(within(screen.getByTestId(testIds.incidents.statusFilter)).getByLabelText('Resolved'));
    expect(location()).toBe(`${BASE}?status=resolved`);
    expect(screen.getAllByTestId(testIds.incidents.row).map((r) => within(r).getByRole('heading').textContent)).toEqual(
      ['Cart latency']
    );

    await userEvent.click(within(screen.getByTestId(testIds.incidents.statusFilter)).getByLabelText('All'));
    await userEvent.click(within(screen.getByTestId(testIds.incidents.severityFilter)).getByLabelText('SEV1'));
    expect(location()).toBe(`${BASE}?sev=1`);
    expect(screen.getAllByTestId(testIds.incidents.row)).toHaveLength(1);
  });

  it('keeps the time range in the URL and reloads the incidents of that range', async () => {
    renderAt(BASE);
    await screen.findByText('No incidents in this range');
    expect(backend.requests[0].params).toMatchObject({ from: NOW - 30 * 86_400_000, to: NOW });
    await userEvent.click(within(screen.getByTestId(testIds.incidents.rangeFilter)).getByLabelText('Last 7 days'));
    expect(location()).toBe(`${BASE}?range=7d`);
    await waitFor(() => expect(backend.requests).toHaveLength(2));
    expect(backend.requests[1].params).toMatchObject({ from: NOW - 7 * 86_400_000, to: NOW });
  });

  it('filters by service from the URL and keeps it when another filter changes', async () => {
    const search = stored('INC-SEARCH', 'Search slow', 3, [
      ev('service_added', 12, { service: 'search' }),
    ]);
    serve([resolvedOne, openOne, search]);
    renderAt(`${BASE}?service=search`);
    await screen.findAllByTestId(testIds.incidents.row);
    expect(screen.getAllByTestId(testIds.incidents.row).map((r) => within(r).getByRole('heading').textContent)).toEqual([
      'Search slow',
    ]);
    expect(within(screen.getByTestId(testIds.incidents.serviceFilter)).getByRole('combobox')).toHaveValue('search');
    // Other filters keep the service in the URL.
    await userEvent.click(within(screen.getByTestId(testIds.incidents.statusFilter)).getByLabelText('Open'));
    expect(location()).toBe(`${BASE}?service=search&status=open`);
  });

  it('applies filters from the URL on load and says when nothing matches', async () => {
    serve([resolvedOne, openOne]);
    renderAt(`${BASE}?status=open&sev=4`);
    expect(await screen.findByText('No incidents match these filters')).toBeInTheDocument();
  });

  it('renders a hostile title as text, never as HTML', async () => {
    serve([stored('INC-X', IMG, 2)]);
    const { container } = renderAt(BASE);
    expect(await screen.findByText(IMG)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('declare form', () => {
  it('shows inline errors for a missing title and services and sends nothing', async () => {
    renderAt(`${BASE}/new`);
    await userEvent.click(screen.getByTestId(testIds.incidents.submit));
    expect(screen.getByText('A title is required')).toBeInTheDocument();
    expect(screen.getByText('Name at least one affected service')).toBeInTheDocument();
    expect(backend.requests).toEqual([]);
    expect(location()).toBe(`${BASE}/new`);
  });

  it('declares: posts the declared event and the region annotation, then opens the incident', async () => {
    responder = (req) => (req.method === 'POST' ? { data: { id: 9, message: 'Annotation added' } } : { data: [] });
    renderAt(`${BASE}/new`);
    await userEvent.type(screen.getByTestId(testIds.incidents.title), 'Checkout errors');
    await userEvent.click(screen.getByRole('radio', { name: /SEV1/ }));
    await userEvent.type(screen.getByTestId(testIds.incidents.services), 'checkout, cart');
    await userEvent.click(screen.getByTestId(testIds.incidents.submit));

    await waitFor(() => expect(location()).toMatch(new RegExp(`^${BASE}/INC-20261128-[0-9a-z]{4}$`)));
    const id = location()!.split('/').pop();
    const posts = backend.requests.filter((r) => r.method === 'POST');
    expect(posts.map((p) => p.url)).toEqual(['/api/annotations', '/api/annotations']);
    expect(posts[0].body).toMatchObject({
      tags: ['sre-incident-event', `incident:${id}`],
      data: { type: 'declared', title: 'Checkout errors', severity: 1, services: ['checkout', 'cart'] },
    });
    expect(posts[1].body).toMatchObject({
      time: NOW,
      timeEnd: NOW,
      tags: ['sre-incident', `incident:${id}`, 'sev:1', 'status:detected', 'service:checkout', 'service:cart'],
    });
  });

  it('keeps the form and shows the error when the API fails', async () => {
    responder = (req) => (req.method === 'POST' ? { status: 403, data: { message: 'access denied' } } : { data: {} });
    renderAt(`${BASE}/new`);
    await userEvent.type(screen.getByTestId(testIds.incidents.title), 'Checkout errors');
    await userEvent.type(screen.getByTestId(testIds.incidents.services), 'checkout');
    await userEvent.click(screen.getByTestId(testIds.incidents.submit));
    expect(await screen.findByText('The incident was not declared')).toBeInTheDocument();
    expect(screen.getByText(/access denied/)).toBeInTheDocument();
    expect(screen.getByTestId(testIds.incidents.title)).toHaveValue('Checkout errors');
    expect(location()).toBe(`${BASE}/new`);
  });

  it('prefills from URL parameters: title, services, impact start and SLOs linked right after declaring', async () => {
    const posts: Array<{ tags: string[]; data?: { type: string; sloId?: string; startedAt?: number } }> = [];
    responder = (req) => {
      if (req.method === 'POST') {
        posts.push(req.body as (typeof posts)[number]);
        return { data: { id: posts.length } };
      }
      if (req.method === 'PATCH') {
        return { data: {} };
      }
      return { data: req.url.includes('/plugins/') ? { jsonData: {} } : posts.filter((p) => p.data) };
    };
    const from = at(30);
    renderAt(
      `${BASE}/new?title=${encodeURIComponent(IMG)}&service=checkout&service=cart&slo=errors&from=${from}&to=${NOW}`
    );
    expect(screen.getByTestId(testIds.incidents.title)).toHaveValue(IMG);
    expect(screen.getByTestId(testIds.incidents.services)).toHaveValue('checkout, cart');
    expect(screen.getByTestId(testIds.incidents.sloIds)).toHaveTextContent('errors');
    expect(screen.getByTestId(testIds.incidents.startedAt)).toBeInTheDocument();
    await userEvent.click(screen.getByTestId(testIds.incidents.submit));

    await waitFor(() => expect(location()).toMatch(new RegExp(`^${BASE}/INC-`)));
    const events = posts.filter((p) => p.tags.includes('sre-incident-event')).map((p) => p.data!);
    expect(events.map((e) => e.type)).toEqual(['declared', 'slo_linked']);
    expect(events[0]).toMatchObject({ title: IMG, services: ['checkout', 'cart'], startedAt: from });
    expect(events[1]).toMatchObject({ sloId: 'errors' });
  });

  it('declares from now when the prefilled start is dropped, and ignores a start in the future', async () => {
    responder = (req) => (req.method === 'POST' ? { data: { id: 1 } } : { data: [] });
    renderAt(`${BASE}/new?title=x&service=a&from=${NOW + 1}`);
    expect(screen.queryByTestId(testIds.incidents.startedAt)).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId(testIds.incidents.submit));
    await waitFor(() => expect(location()).toMatch(new RegExp(`^${BASE}/INC-`)));
    const declaredEvent = (backend.requests[0].body as { data: Record<string, unknown> }).data;
    expect(declaredEvent.startedAt).toBeUndefined();
  });

  it('offers no form to read-only users', () => {
    setRole(OrgRole.Viewer);
    renderAt(`${BASE}/new`);
    expect(screen.queryByTestId(testIds.incidents.form)).not.toBeInTheDocument();
    expect(screen.getByText(/Declaring an incident needs permission/)).toBeInTheDocument();
  });
});

describe('incident detail route', () => {
  it('folds the events and shows title, status and timeline as text', async () => {
    serve([stored('INC-X', IMG, 2, [ev('status_changed', 20, { to: 'triage' })])]);
    const { container } = renderAt(`${BASE}/INC-X`);
    expect(screen.getByTestId(testIds.incidents.detail)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: IMG })).toBeInTheDocument();
    expect(screen.getByText(/Status: triage/)).toBeInTheDocument();
    expect(screen.getByText(/Status → triage/)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('says when the incident does not exist', async () => {
    renderAt(`${BASE}/INC-NOPE`);
    expect(await screen.findByText('Incident INC-NOPE was not found')).toBeInTheDocument();
  });
});
