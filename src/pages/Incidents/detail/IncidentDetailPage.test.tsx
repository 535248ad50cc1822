import React from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OrgRole } from '@grafana/data';
import { config } from '@grafana/runtime';
import { createFakeBackend, type RecordedRequest } from '../../../api/testing/fakeBackend';
import { testIds } from '../../../components/testIds';
import { at, declared, ev } from '../../../domain/incident/__fixtures__/events';
import { eventAnnotation } from '../../../domain/incident/annotations';
import type { IncidentEvent } from '../../../domain/incident/events';
import { checkRequest } from '../../../../tests/contract/openapi';
import IncidentsPage from '../IncidentsPage';

let responder: (req: RecordedRequest) => { status?: number; data: unknown };
const backend = createFakeBackend((req) => responder(req));

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
  // Grafana draws the page title from pageNav; the stand-in does the same, so the title can be checked.
  PluginPage: jest.requireActual('../../../components/testing/TestPluginPage').TestPluginPage,
}));
jest.mock('react-inlinesvg', () => ({ __esModule: true, default: () => null }));
// The logs panel needs Grafana's panel plugins, which jest does not have; logsScene.test.ts checks the scene.
jest.mock('./IncidentLogsScene', () => ({
  __esModule: true,
  default: (props: { exprs: string[] }) => <div data-testid="logs-scene">{props.exprs.join(' | ')}</div>,
}));

const NOW = at(120);
const BASE = '/a/sre-reliability-app/incidents';
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';

let annotationId = 1;
let events: Array<{ id: number; time: number; tags: string[]; data?: unknown }> = [];
let settings: Record<string, unknown> = {};

function serve(list: IncidentEvent[]) {
  events = list.map((e) => ({
    id: annotationId++,
    ...eventAnnotation({ ...e, incidentId: 'INC-X' } as IncidentEvent),
  }));
  responder = (req) => {
    if (req.url.startsWith('/api/plugins/')) {
      return { data: { enabled: true, pinned: true, jsonData: settings } };
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
  };
}

const renderDetail = () =>
  render(
    <MemoryRouter initialEntries={[`${BASE}/INC-X`]}>
      <Routes>
        <Route path={`${BASE}/*`} element={<IncidentsPage />} />
      </Routes>
    </MemoryRouter>
  );

const posted = () =>
  backend.requests
    .filter((r) => r.method === 'POST' && r.url === '/api/annotations')
    .map((r) => (r.body as { data: IncidentEvent }).data);

function setRole(orgRole: OrgRole) {
  config.bootData.user = {
    ...config.bootData.user,
    orgRole,
    login: 'bob',
    orgId: 1,
    isGrafanaAdmin: false,
    permissions: undefined,
  };
}

beforeEach(() => {
  backend.requests.length = 0;
  settings = {};
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  setRole(OrgRole.Editor);
  serve([declared({ title: 'Checkout errors' })]);
  jest
    .spyOn(HTMLCanvasElement.prototype, 'getContext')
    .mockImplementation(
      () => ({ measureText: (t: string) => ({ width: t.length * 7 }), font: '' }) as unknown as CanvasRenderingContext2D
    );
});
afterEach(() => jest.restoreAllMocks());

// Combobox sizes its menu with canvas text metrics and watches scrolling; jsdom has neither.
beforeAll(() => {
  global.IntersectionObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof IntersectionObserver;
});

describe('incident detail: lifecycle', () => {
  it('offers only the legal next statuses and sends status_changed for the one clicked', async () => {
    serve([declared(), ev('status_changed', 20, { to: 'triage' })]);
    renderDetail();
    const transitions = await screen.findByTestId(testIds.incidentDetail.transitions);
    expect(
      within(transitions)
        .getAllByRole('button')
        .map((b) => b.textContent)
    ).toEqual(['Move to Mitigating']);
    await userEvent.click(within(transitions).getByRole('button', { name: 'Move to Mitigating' }));
    await waitFor(() => expect(posted()).toHaveLength(1));
    expect(posted()[0]).toMatchObject({
      type: 'status_changed',
      to: 'mitigating',
      incidentId: 'INC-X',
      author: 'bob',
      at: NOW,
    });
    expect(await screen.findByText('Status: mitigating')).toBeInTheDocument();
    for (const r of backend.requests.filter((q) => !q.url.startsWith('/api/plugins/'))) {
      expect(checkRequest(r)).toEqual([]);
    }
  });

  it('changes severity, records the end of impact and resolves with a summary', async () => {
    renderDetail();
    await userEvent.click(within(await screen.findByTestId(testIds.incidentDetail.severity)).getByLabelText('SEV1'));
    await waitFor(() => expect(posted()).toHaveLength(1));
    await userEvent.click(screen.getByTestId(testIds.incidentDetail.impactEnded));
    await waitFor(() => expect(posted()).toHaveLength(2));
    expect(screen.queryByTestId(testIds.incidentDetail.impactEnded)).not.toBeInTheDocument();
    await userEvent.type(screen.getByTestId(testIds.incidentDetail.resolveSummary), 'Rolled back');
    await userEvent.click(screen.getByTestId(testIds.incidentDetail.resolve));
    await waitFor(() => expect(posted()).toHaveLength(3));
    expect(posted().map((e) => e.type)).toEqual(['severity_changed', 'impact_ended', 'resolved']);
    expect(posted()[0]).toMatchObject({ from: 2, to: 1 });
    expect(posted()[2]).toMatchObject({ summary: 'Rolled back' });
    expect(await screen.findByTestId(testIds.incidentDetail.reopen)).toBeInTheDocument();
    expect(within(screen.getByTestId(testIds.incidentDetail.transitions)).queryAllByRole('button')).toEqual([]);
  });

  it('refuses to reopen without a reason, then reopens with one', async () => {
    serve([declared(), ev('resolved', 30, {})]);
    renderDetail();
    await userEvent.click(await screen.findByTestId(testIds.incidentDetail.reopen));
    expect(screen.getByText(/Reopening a resolved incident needs a reason/)).toBeInTheDocument();
    expect(posted()).toEqual([]);
    await userEvent.type(screen.getByTestId(testIds.incidentDetail.reopenReason), 'Errors are back');
    await userEvent.click(screen.getByTestId(testIds.incidentDetail.reopen));
    await waitFor(() => expect(posted()).toHaveLength(1));
    expect(posted()[0]).toMatchObject({ type: 'reopened', reason: 'Errors are back' });
  });

  it('shows the API error when a change is not recorded', async () => {
    renderDetail();
    await screen.findByTestId(testIds.incidentDetail.transitions);
    const original = responder;
    responder = (req) => (req.method === 'POST' ? { status: 403, data: { message: 'access denied' } } : original(req));
    await userEvent.click(screen.getByRole('button', { name: 'Move to Triage' }));
    expect(await screen.findByTestId(testIds.incidentDetail.actionError)).toHaveTextContent(/access denied/);
  });
});

describe('incident detail: roles, notes and timeline', () => {
  it('records a handover with the previous and the new holder', async () => {
    serve([declared(), ev('role_assigned', 15, { role: 'commander', to: { login: 'ann' } })]);
    renderDetail();
    const commander = (await screen.findAllByTestId(testIds.incidentDetail.role))[0];
    expect(within(commander).getByText('Held by ann')).toBeInTheDocument();
    expect(within(commander).getByText(/Owns the incident/)).toBeInTheDocument();
    await userEvent.type(within(commander).getByLabelText('Grafana login for Incident commander'), 'carl');
    await userEvent.click(within(commander).getByRole('button', { name: 'Hand over' }));
    await waitFor(() => expect(posted()).toHaveLength(1));
    expect(posted()[0]).toMatchObject({
      type: 'role_assigned',
      role: 'commander',
      from: { login: 'ann' },
      to: { login: 'carl' },
    });
    expect(await within(commander).findByText('Held by carl')).toBeInTheDocument();
    expect(screen.getByText('Incident commander: ann → carl')).toBeInTheDocument();
  });

  it('adds a note of the chosen kind and orders the timeline both ways', async () => {
    renderDetail();
    await userEvent.click(
      within(await screen.findByTestId(testIds.incidentDetail.noteKind)).getByLabelText('Mitigation')
    );
    await userEvent.type(screen.getByTestId(testIds.incidentDetail.noteText), 'Scaled the pool');
    await userEvent.click(screen.getByTestId(testIds.incidentDetail.addNote));
    await waitFor(() => expect(posted()).toHaveLength(1));
    expect(posted()[0]).toMatchObject({ type: 'note', kind: 'mitigation', text: 'Scaled the pool' });
    const texts = () => screen.getAllByTestId(testIds.incidentDetail.timelineEntry).map((e) => e.textContent);
    await waitFor(() => expect(texts()[0]).toMatch(/bob.*Note \(mitigation\): Scaled the pool/));
    await userEvent.click(
      within(screen.getByTestId(testIds.incidentDetail.timelineOrder)).getByLabelText('Oldest first')
    );
    expect(texts()[0]).toMatch(/alice.*Declared SEV2/);
  });

  it('renders hostile notes and titles as text, never as HTML', async () => {
    serve([
      declared({ title: IMG }),
      ev('note', 20, { kind: 'debugging', text: SCRIPT }),
      ev('note', 21, { kind: 'observation', text: IMG }),
      ev('status_update', 22, { audience: 'internal', message: IMG }),
    ]);
    const { container } = renderDetail();
    expect(await screen.findByText(`Note (debugging): ${SCRIPT}`)).toBeInTheDocument();
    expect(screen.getByText(`Note (observation): ${IMG}`)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: IMG })).toBeInTheDocument();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('incident detail: status updates', () => {
  it('fills the external template, posts it as a status_update and lists it with a Copy button', async () => {
    serve([declared({ services: ['checkout', 'cart'] })]);
    renderDetail();
    await userEvent.click(
      within(await screen.findByTestId(testIds.incidentDetail.updateAudience)).getByLabelText('External')
    );
    await userEvent.click(screen.getByTestId(testIds.incidentDetail.useTemplate));
    const draft = (screen.getByTestId(testIds.incidentDetail.updateText) as HTMLTextAreaElement).value;
    expect(draft).toBe(
      'We are investigating reports of a problem affecting checkout, cart.\n' +
        'Some requests may fail or be slow. We apologise for the disruption.\n' +
        'We will post another update by 12:30 UTC.'
    );
    await userEvent.click(screen.getByTestId(testIds.incidentDetail.postUpdate));
    await waitFor(() => expect(posted()).toHaveLength(1));
    expect(posted()[0]).toMatchObject({ type: 'status_update', audience: 'external', message: draft });
    const update = await screen.findByTestId(testIds.incidentDetail.update);
    expect(within(update).getByText('External')).toBeInTheDocument();
    expect(within(update).getByRole('button', { name: /Copy/ })).toBeInTheDocument();
  });
});

describe('incident detail: logs and SLOs', () => {
  it('tells the admin to set a Loki data source when there is none', async () => {
    renderDetail();
    expect(await screen.findByText('No Loki data source is set')).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.incidentDetail.exploreLink)).not.toBeInTheDocument();
  });

  it('embeds the logs of the services and links the same query in Explore', async () => {
    settings = { settings: { lokiUid: 'loki-1', logServiceLabel: 'app' } };
    renderDetail();
    expect(await screen.findByTestId('logs-scene')).toHaveTextContent('{app="checkout"}');
    const href = screen.getByTestId(testIds.incidentDetail.exploreLink).getAttribute('href')!;
    expect(href).toMatch(/^\/explore\?schemaVersion=1&panes=/);
    expect(decodeURIComponent(href)).toContain('"expr":"{app=\\"checkout\\"}"');
  });

  it('shows the budget each linked SLO lost and links another SLO', async () => {
    settings = {
      settings: { defaultPrometheusUid: 'prom' },
      slos: [
        {
          id: 'errors',
          name: 'Requests succeed',
          service: 'checkout',
          sli: { kind: 'ratio', bad: 'bad_total', total: 'all_total' },
          objective: { target: 0.99 },
          window: { type: 'rolling', duration: '30d' },
        },
        {
          id: 'latency',
          name: 'Fast enough',
          service: 'checkout',
          sli: { kind: 'ratio', bad: 'slow_total', total: 'all_total' },
          objective: { target: 0.99 },
          window: { type: 'rolling', duration: '30d' },
        },
      ],
    };
    serve([declared(), ev('slo_linked', 12, { sloId: 'errors' })]);
    const original = responder;
    responder = (req) => {
      if (req.url !== '/api/ds/query') {
        return original(req);
      }
      const frame = (v: number) => ({
        schema: { fields: [{ name: 'Time' }, { name: 'Value' }] },
        data: { values: [[1], [v]] },
      });
      return { data: { results: { bad0: { frames: [frame(250)] }, total0: { frames: [frame(100_000)] } } } };
    };
    renderDetail();
    const budget = await screen.findByTestId(testIds.incidentDetail.sloBudget);
    expect(await within(budget).findByText('consumed 25% of the 30d error budget')).toBeInTheDocument();
    expect(backend.requests.filter((r) => r.url === '/api/ds/query')).toHaveLength(1);
    // The option list is virtualised (nothing renders at jsdom's zero size), so choose with the keyboard.
    await userEvent.type(screen.getByRole('combobox'), 'Fast{ArrowDown}{Enter}');
    await userEvent.click(screen.getByTestId(testIds.incidentDetail.linkSlo));
    await waitFor(() => expect(posted()).toHaveLength(1));
    expect(posted()[0]).toMatchObject({ type: 'slo_linked', sloId: 'latency' });
  });
});

describe('incident detail: read-only', () => {
  it('hides every action from users who cannot write annotations and says Editor is needed', async () => {
    setRole(OrgRole.Viewer);
    serve([declared(), ev('resolved', 30, {})]);
    renderDetail();
    expect(await screen.findByTestId(testIds.incidentDetail.readOnly)).toHaveTextContent(/Editor role/);
    for (const id of [
      testIds.incidentDetail.severity,
      testIds.incidentDetail.reopen,
      testIds.incidentDetail.roleLogin,
      testIds.incidentDetail.addNote,
      testIds.incidentDetail.postUpdate,
      testIds.incidentDetail.linkSlo,
    ]) {
      expect(screen.queryByTestId(id)).not.toBeInTheDocument();
    }
    expect(screen.getAllByTestId(testIds.incidentDetail.timelineEntry)).toHaveLength(2);
  });
});
