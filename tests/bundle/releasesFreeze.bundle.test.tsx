// Scenes' lazy loader creates an IntersectionObserver as soon as it loads; jsdom has none.
import '../../src/components/testing/jsdomPolyfills';
import fs from 'node:fs';
import path from 'node:path';
import React from 'react';
import { of } from 'rxjs';
import { render, screen, within } from '@testing-library/react';
import { OrgRole, PluginType, type AppPluginMeta } from '@grafana/data';
import {
  LocationServiceProvider,
  config,
  locationService,
  setBackendSrv,
  type BackendSrv,
  type BackendSrvRequest,
} from '@grafana/runtime';
import { FREEZE_EVENTS, FREEZE_REGION, NOW, RELEASES, SLO, valueFor } from './fixtures/releasesAndFreeze';
import { DIST, loadPluginFromDist } from './loadBundle';
import { installScenesStandIns } from './scenesStandIns';

const { MemoryRouter, Route, Routes } = require('react-router');
const pluginJson = JSON.parse(fs.readFileSync(path.join(DIST, 'plugin.json'), 'utf8'));

require(require.resolve('@grafana/runtime').replace(/index\.cjs$/, 'components/PluginPage.cjs')).setPluginPage(
  ({ children, pageNav }: { children: React.ReactNode; pageNav?: { text: string } }) => (
    <div>
      <h1>{pageNav?.text}</h1>
      {children}
    </div>
  )
);

const annotationRequests: Array<Record<string, unknown>> = [];

// Grafana's backend at the boundary the app's api/ layer calls.
function fetch(options: BackendSrvRequest) {
  const url = options.url;
  if (url === `/api/plugins/${pluginJson.id}/settings`) {
    return of({
      data: { enabled: true, pinned: true, jsonData: { slos: [SLO], settings: { defaultPrometheusUid: 'prom' } } },
    });
  }
  if (url === '/api/ds/query') {
    const queries = (options.data as { queries: Array<{ refId: string }> }).queries;
    const frame = (v: number) => ({
      schema: { fields: [{ name: 'Time' }, { name: 'Value', labels: { slo_id: SLO.id } }] },
      data: { values: [[NOW], [v]] },
    });
    return of({
      data: { results: Object.fromEntries(queries.map((q) => [q.refId, { frames: [frame(valueFor(q.refId))] }])) },
    });
  }
  if (url === '/api/annotations') {
    annotationRequests.push(options.params ?? {});
    const tags = ([] as string[]).concat((options.params?.tags as string[] | string) ?? []);
    if (tags.includes('sre-release')) {
      return of({ data: RELEASES });
    }
    if (tags.includes('sre-freeze')) {
      return of({ data: [FREEZE_REGION] });
    }
    return of({ data: tags.includes('sre-freeze-event') ? FREEZE_EVENTS : [] });
  }
  return of({ data: [] });
}
setBackendSrv({ fetch } as unknown as BackendSrv);

installScenesStandIns();

config.bootData.user = { ...config.bootData.user, orgRole: OrgRole.Editor, login: 'li' };

const plugin = loadPluginFromDist();
const wait = { timeout: 20_000 };

describe('dist/module.js: the SLO page with releases and a freeze', () => {
  jest.setTimeout(60_000);

  it('lists the releases with the budget burned since, and the active freeze with its exception', async () => {
    const Root = plugin.root!;
    const meta = { id: pluginJson.id, name: pluginJson.name, type: PluginType.app, jsonData: {} } as AppPluginMeta;
    render(
      <LocationServiceProvider service={locationService}>
        <MemoryRouter initialEntries={[`/a/${pluginJson.id}/slos/${SLO.id}`]}>
          <Routes>
            <Route
              path={`/a/${pluginJson.id}/*`}
              element={<Root meta={meta} basename={`/a/${pluginJson.id}`} query={{}} path="" onNavChanged={() => {}} />}
            />
          </Routes>
        </MemoryRouter>
      </LocationServiceProvider>
    );
    expect(await screen.findByRole('heading', { level: 1, name: SLO.name }, wait)).toBeInTheDocument();

    const releases = within(await screen.findByRole('region', { name: 'Releases' }, wait));
    const rows = await releases.findAllByRole('row', {}, wait);
    expect(rows).toHaveLength(3); // header + 2 releases
    expect(rows[1]).toHaveTextContent('2.0.1');
    expect(rows[1]).toHaveTextContent('Exception');
    expect(rows[1]).toHaveTextContent('CVE-2026-1234 fix · approved by sam');
    // 5 bad events of a budget of 0.1% × 10,000 = 10.
    expect(await releases.findByText('50% of the 30d budget', {}, wait)).toBeInTheDocument();
    expect(rows[2]).toHaveTextContent('Blocked');
    expect(rows[2]).toHaveTextContent('Not released');

    const freeze = within(screen.getByRole('region', { name: 'Release freeze' }));
    expect(
      await freeze.findByText('Started by maria: Budget spent by the payment outage', {}, wait)
    ).toBeInTheDocument();
    expect(freeze.getByRole('list', { name: 'Exceptions' })).toHaveTextContent('CVE-2026-1234 fix · approved by sam');
    expect(freeze.getByRole('button', { name: /End freeze/ })).toBeEnabled();

    // The page asked Grafana for the service's releases and the SLO's freezes by tag.
    expect(annotationRequests.map((p) => p.tags)).toEqual(
      expect.arrayContaining([
        ['sre-release', 'service:checkout'],
        ['sre-freeze', `slo:${SLO.id}`],
        ['sre-freeze-event', `slo:${SLO.id}`],
      ])
    );
  });
});
