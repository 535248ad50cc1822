// Scenes' lazy loader creates an IntersectionObserver as soon as it loads; jsdom has none.
import '../../src/components/testing/jsdomPolyfills';
import { of } from 'rxjs';
import { screen, within } from '@testing-library/react';
import { OrgRole } from '@grafana/data';
import { config, setBackendSrv, type BackendSrv, type BackendSrvRequest } from '@grafana/runtime';
import type { Sla } from '../../src/domain/sla/model';
import type { Slo } from '../../src/domain/slo/model';
import { maintenanceRegionAnnotation } from '../../src/domain/sla/maintenance';
import { loadPluginFromDist } from './loadBundle';
import { installPluginPageStandIn, pluginJson, renderAppRoute } from './renderApp';
import { installScenesStandIns } from './scenesStandIns';

installPluginPageStandIn();

const NOW = Date.now();
const SLO: Slo = {
  id: 'checkout-availability',
  name: 'Checkout requests succeed',
  service: 'checkout',
  sli: { kind: 'ratio', bad: 'errors_total{service="checkout"}', total: 'requests_total{service="checkout"}' },
  objective: { target: 0.999 },
  window: { type: 'rolling', duration: '30d' },
};
const SLA: Sla = {
  id: 'acme-checkout',
  name: 'Acme checkout',
  customer: 'Acme',
  services: ['checkout'],
  indicator: { sloId: SLO.id },
  target: 0.995,
  method: { kind: 'events' },
  period: { unit: 'month', timeZone: 'Europe/Berlin' },
  credits: [{ below: 0.995, creditPercent: 10 }],
  revision: 1,
};
const WINDOW = {
  id: 7,
  ...maintenanceRegionAnnotation({
    kind: 'maintenance',
    id: 'mnt-abc-12345678',
    title: 'Database failover drill',
    services: ['checkout'],
    start: NOW + 86_400_000,
    end: NOW + 90_000_000,
    by: 'maria',
  }),
};

// Grafana's backend at the api/ boundary: settings with an SLO and an SLA, the SLA recording series from
// /api/ds/query (100,000 events, 100 bad, in every period), and one planned maintenance window.
function fetch(options: BackendSrvRequest) {
  const url = options.url;
  if (url === `/api/plugins/${pluginJson.id}/settings`) {
    return of({
      data: {
        enabled: true,
        pinned: true,
        jsonData: { slos: [SLO], slas: [SLA], settings: { defaultPrometheusUid: 'prom' } },
      },
    });
  }
  if (url === '/api/ds/query') {
    const queries = (options.data as { queries: Array<{ refId: string }> }).queries;
    const value = (refId: string) => (refId.endsWith('_total') ? 100_000 : refId.endsWith('_bad') ? 100 : 0);
    const frame = (refId: string) => ({
      schema: { fields: [{ name: 'Time' }, { name: 'Value', labels: {} }] },
      data: { values: [[NOW], [value(refId)]] },
    });
    return of({ data: { results: Object.fromEntries(queries.map((q) => [q.refId, { frames: [frame(q.refId)] }])) } });
  }
  if (url === '/api/annotations') {
    const tags = ([] as string[]).concat((options.params?.tags as string[] | string) ?? []);
    return of({ data: tags.includes('sre-maintenance') ? [WINDOW] : [] });
  }
  return of({ data: [] });
}
setBackendSrv({ fetch } as unknown as BackendSrv);
installScenesStandIns();
config.bootData.user = { ...config.bootData.user, orgRole: OrgRole.Admin, login: 'admin' };

const plugin = loadPluginFromDist();

const renderRoute = (route: string) => renderAppRoute(plugin, route);

const wait = { timeout: 20_000 };

describe('dist/module.js: SLAs', () => {
  jest.setTimeout(60_000);

  it('renders the SLA list with this period’s standing from the SLA series', async () => {
    renderRoute('slas');
    expect(await screen.findByRole('link', { name: 'Acme checkout' }, wait)).toBeInTheDocument();
    // 100 bad of 100,000: 99.900% against a 99.500% target.
    expect(await screen.findByText('99.900%', {}, wait)).toBeInTheDocument();
    expect(screen.getByText('99.500%')).toBeInTheDocument();
  });

  it('renders the SLA page: the current period, 12 periods and the planned maintenance', async () => {
    renderRoute(`slas/${SLA.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Acme checkout' }, wait)).toBeInTheDocument();
    const [periods] = await screen.findAllByRole('table', {}, wait);
    expect(within(periods).getAllByRole('row')).toHaveLength(13);
    expect(within(periods).getAllByText('99.900%')).toHaveLength(12);
    expect(await screen.findAllByText('Database failover drill', {}, wait)).not.toHaveLength(0);
    expect(screen.getByRole('button', { name: /Plan maintenance/ })).toBeInTheDocument();
  });
});
