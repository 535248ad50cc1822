// The postmortem page and the Action items view from the built bundle: events folded as the app reads them.
// Scenes' lazy loader creates an IntersectionObserver as soon as it loads; jsdom has none.
import '../../src/components/testing/jsdomPolyfills';
import fs from 'node:fs';
import path from 'node:path';
import React from 'react';
import { of } from 'rxjs';
import { render, screen } from '@testing-library/react';
import { OrgRole, PluginType, type AppPluginMeta } from '@grafana/data';
import {
  LocationServiceProvider,
  config,
  locationService,
  setBackendSrv,
  type BackendSrv,
  type BackendSrvRequest,
} from '@grafana/runtime';
import { POSTMORTEM_SCHEMA, postmortemEventAnnotation, type PostmortemEvent } from '../../src/domain/postmortem';
import { DIST, loadPluginFromDist } from './loadBundle';
import { installScenesStandIns } from './scenesStandIns';

const { MemoryRouter, Route, Routes, useLocation } = require('react-router');
const pluginJson = JSON.parse(fs.readFileSync(path.join(DIST, 'plugin.json'), 'utf8'));

function PluginPageStandIn({ children, pageNav }: { children: React.ReactNode; pageNav?: { text: string } }) {
  const { pathname } = useLocation();
  const include = pluginJson.includes.find((i: { path: string }) => pathname.startsWith(i.path));
  return (
    <div>
      <h1>{pageNav?.text ?? include?.name}</h1>
      {children}
    </div>
  );
}
require(require.resolve('@grafana/runtime').replace(/index\.cjs$/, 'components/PluginPage.cjs')).setPluginPage(
  PluginPageStandIn
);

const NOW = Date.now();
const DAY = 86_400_000;
const INC = 'INC-20261101-ab12';
let n = 0;
const event = (payload: Record<string, unknown>, at: number): PostmortemEvent =>
  ({
    schema: POSTMORTEM_SCHEMA,
    id: `pme-${++n}`,
    incidentId: INC,
    at,
    author: 'alice',
    ...payload,
  }) as PostmortemEvent;
const EVENTS: PostmortemEvent[] = [
  event(
    {
      type: 'started',
      prefill: {
        title: 'Checkout errors after a config push',
        severity: 2,
        services: ['checkout'],
        startedAt: NOW - 3 * DAY,
        resolvedAt: NOW - 3 * DAY + 3_600_000,
        responders: [{ role: 'commander', user: { login: 'bob', name: 'Bob Jones' } }],
        budgets: [{ sloId: 'checkout-availability', consumed: 0.31, share: 0.2 }],
      },
    },
    NOW - 2 * DAY
  ),
  event(
    { type: 'section_edited', section: 'summary', markdown: 'Checkout failed for **40 minutes**.', baseRevision: 0 },
    NOW - 2 * DAY + 60_000
  ),
  event(
    {
      type: 'action_item_added',
      itemId: 'ai-1',
      item: { title: 'Canary every config push', type: 'prevent', priority: 'P0', due: NOW - DAY, status: 'open' },
    },
    NOW - 2 * DAY + 120_000
  ),
];
const ANNOTATIONS = EVENTS.map((e, i) => ({ id: i + 1, ...postmortemEventAnnotation(e) }));

// Grafana's backend at the api/ boundary: default settings, and the postmortem's events under sre-postmortem.
function fetch(options: BackendSrvRequest) {
  const url = options.url;
  if (url === `/api/plugins/${pluginJson.id}/settings`) {
    return of({ data: { enabled: true, pinned: true, jsonData: {} } });
  }
  if (url === '/api/annotations') {
    const tags = ([] as string[]).concat((options.params?.tags as string[] | string) ?? []);
    return of({ data: tags.includes('sre-postmortem') ? ANNOTATIONS : [] });
  }
  return of({ data: [] });
}
setBackendSrv({ fetch } as unknown as BackendSrv);
installScenesStandIns();
config.bootData.user = { ...config.bootData.user, orgRole: OrgRole.Editor, login: 'alice' };

const plugin = loadPluginFromDist();

function renderRoute(route: string) {
  const Root = plugin.root!;
  const meta = { id: pluginJson.id, name: pluginJson.name, type: PluginType.app, jsonData: {} } as AppPluginMeta;
  return render(
    <LocationServiceProvider service={locationService}>
      <MemoryRouter initialEntries={[`/a/${pluginJson.id}/${route}`]}>
        <Routes>
          <Route
            path={`/a/${pluginJson.id}/*`}
            element={<Root meta={meta} basename={`/a/${pluginJson.id}`} query={{}} path="" onNavChanged={() => {}} />}
          />
        </Routes>
      </MemoryRouter>
    </LocationServiceProvider>
  );
}

const wait = { timeout: 20_000 };

describe('dist/module.js: postmortems', () => {
  jest.setTimeout(60_000);

  it('renders a postmortem: prefilled facts, rendered sections, its action items and the workflow', async () => {
    renderRoute(`postmortems/${INC}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Postmortem: Checkout errors after a config push' }, wait)
    ).toBeInTheDocument();
    // The summary's Markdown is rendered, not shown as source.
    expect((await screen.findByText('40 minutes', {}, wait)).tagName).toBe('STRONG');
    expect(await screen.findAllByText('Canary every config push', {}, wait)).not.toHaveLength(0);
    expect(screen.getByRole('button', { name: /Submit for review/ })).toBeInTheDocument();
  });

  it('renders the Action items view with the overdue item and the completion rate', async () => {
    renderRoute('postmortems/action-items');
    expect(await screen.findByText('Canary every config push', {}, wait)).toBeInTheDocument();
    expect(screen.getByText(/Completion rate/)).toBeInTheDocument();
    expect(screen.getAllByText(/overdue/i)).not.toHaveLength(0);
  });
});
