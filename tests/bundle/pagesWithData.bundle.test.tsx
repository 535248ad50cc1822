// Scenes' lazy loader creates an IntersectionObserver as soon as it loads; jsdom has none.
import '../../src/components/testing/jsdomPolyfills';
import fs from 'node:fs';
import path from 'node:path';
import React from 'react';
import { of } from 'rxjs';
import { screen } from '@testing-library/react';
import { OrgRole } from '@grafana/data';
import { config, setBackendSrv, type BackendSrv, type BackendSrvRequest } from '@grafana/runtime';
import type { Slo } from '../../src/domain/slo/model';
import type { IncidentEvent } from '../../src/domain/incident/events';
import { foldIncident } from '../../src/domain/incident/fold';
import { eventAnnotation, incidentAnnotation } from '../../src/domain/incident/annotations';
import { DIST, loadPluginFromDist } from './loadBundle';
import { renderAppRoute } from './renderApp';
import { installScenesStandIns } from './scenesStandIns';

const { useLocation } = require('react-router');
const pluginJson = JSON.parse(fs.readFileSync(path.join(DIST, 'plugin.json'), 'utf8'));

// The page chrome Grafana draws: the title from pageNav or from the matching plugin.json include, and the actions.
function PluginPageStandIn({
  children,
  pageNav,
  actions,
}: {
  children: React.ReactNode;
  pageNav?: { text: string };
  actions?: React.ReactNode;
}) {
  const { pathname } = useLocation();
  const include = pluginJson.includes.find((i: { path: string }) => pathname.startsWith(i.path));
  return (
    <div>
      <h1>{pageNav?.text ?? include?.name}</h1>
      {actions}
      {children}
    </div>
  );
}
require(require.resolve('@grafana/runtime').replace(/index\.cjs$/, 'components/PluginPage.cjs')).setPluginPage(
  PluginPageStandIn
);

const NOW = Date.now();
const SLO: Slo = {
  id: 'checkout-availability',
  name: 'Checkout requests succeed',
  service: 'checkout',
  sli: {
    kind: 'ratio',
    bad: 'http_server_requests_seconds_count{service="checkout",outcome="SERVER_ERROR"}',
    total: 'http_server_requests_seconds_count{service="checkout"}',
  },
  objective: { target: 0.999 },
  window: { type: 'rolling', duration: '30d' },
  revision: 2,
};
const INCIDENT_ID = 'INC-20261127-7q2k';
const EVENTS = [
  {
    id: 'e1',
    incidentId: INCIDENT_ID,
    at: NOW - 3_600_000,
    author: 'maria',
    type: 'declared',
    title: 'Checkout returns 5xx',
    severity: 2,
    services: ['checkout'],
  },
  {
    id: 'e2',
    incidentId: INCIDENT_ID,
    at: NOW - 3_000_000,
    author: 'maria',
    type: 'role_assigned',
    role: 'commander',
    to: { login: 'maria' },
  },
] as IncidentEvent[];
const REGION = { id: 1, ...incidentAnnotation(foldIncident(EVENTS).incident!, { appUrl: '' }, NOW) };
const EVENT_ANNOTATIONS = EVENTS.map((e, i) => ({ id: 10 + i, ...eventAnnotation(e) }));

// Grafana's backend, answered at the boundary the app's api/ layer calls: settings with one SLO, rule series
// for it from /api/ds/query, and the incident's annotations.
function fetch(options: BackendSrvRequest) {
  const url = options.url;
  if (url === `/api/plugins/${pluginJson.id}/settings`) {
    return of({
      data: {
        enabled: true,
        pinned: true,
        jsonData: { slos: [SLO], settings: { defaultPrometheusUid: 'prom', lokiUid: 'loki' } },
      },
    });
  }
  if (url === '/api/ds/query') {
    const queries = (options.data as { queries: Array<{ refId: string }> }).queries;
    const frame = {
      schema: { fields: [{ name: 'Time' }, { name: 'Value', labels: { slo_id: SLO.id } }] },
      data: { values: [[NOW], [0.0004]] },
    };
    return of({ data: { results: Object.fromEntries(queries.map((q) => [q.refId, { frames: [frame] }])) } });
  }
  if (url === '/api/annotations') {
    const tags = ([] as string[]).concat((options.params?.tags as string[] | string) ?? []);
    return of({ data: tags.includes('sre-incident-event') ? EVENT_ANNOTATIONS : [REGION] });
  }
  return of({ data: [] });
}
setBackendSrv({ fetch } as unknown as BackendSrv);

installScenesStandIns();

config.bootData.user = { ...config.bootData.user, orgRole: OrgRole.Admin, login: 'admin' };

const plugin = loadPluginFromDist();

// Grafana wraps every app in a LocationServiceProvider; scenes' URL sync needs it (renderAppRoute does).
const renderRoute = (route: string) => renderAppRoute(plugin, route);

const wait = { timeout: 20_000 };

describe('dist/module.js with data in jsonData and annotations', () => {
  jest.setTimeout(60_000);

  it('renders the SLO list with the stored SLO and its status from the rule series', async () => {
    renderRoute('slos');
    expect(await screen.findByText('Checkout requests succeed', {}, wait)).toBeInTheDocument();
    // 0.0004 of a 0.001 budget spent: 60% left.
    expect(await screen.findByText('60%', {}, wait)).toBeInTheDocument();
  });

  it('renders the SLO detail page (scenes) with the SLO as the page title and its actions', async () => {
    renderRoute(`slos/${SLO.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: SLO.name }, wait)).toBeInTheDocument();
    expect(await screen.findByText(/Error-budget policy/, {}, wait)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Delete/ })).toBeInTheDocument();
  });

  it('renders the incident list and the incident page from annotations', async () => {
    const { unmount } = renderRoute('incidents');
    expect(await screen.findByText('Checkout returns 5xx', {}, wait)).toBeInTheDocument();
    expect(screen.getByText('1 incident')).toBeInTheDocument();
    unmount();
    renderRoute(`incidents/${INCIDENT_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Checkout returns 5xx' }, wait)).toBeInTheDocument();
    expect(await screen.findByText('Incident commander', {}, wait)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Grafana login for Incident commander' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Affected services' })).toBeInTheDocument();
  });
});
