// Scenes' lazy loader creates an IntersectionObserver as soon as it loads; jsdom has none.
import '../../src/components/testing/jsdomPolyfills';
import React from 'react';
import { of } from 'rxjs';
import { screen, within } from '@testing-library/react';
import { OrgRole } from '@grafana/data';
import { config, setBackendSrv, type BackendSrv, type BackendSrvRequest } from '@grafana/runtime';
import { NO_TRAITS, type ToilFields, toilEntryAnnotation } from '../../src/domain/toil';
import { loadPluginFromDist } from './loadBundle';
import { pluginJson, renderAppRoute } from './renderApp';
import { installScenesStandIns } from './scenesStandIns';

require(require.resolve('@grafana/runtime').replace(/index\.cjs$/, 'components/PluginPage.cjs')).setPluginPage(
  ({ children }: { children: React.ReactNode }) => <div>{children}</div>
);

const HOUR = 3_600_000;
const NOW = Date.now();
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
// The last three weeks, whatever today is; the entries are 8 days old, in a week that has ended (the trend draws it).
const RANGE = `from=${day(NOW - 21 * 24 * HOUR)}&to=${day(NOW)}`;

const entry = (n: number, over: Partial<ToilFields>) => ({
  id: 100 + n,
  ...toilEntryAnnotation({
    kind: 'toil_entry',
    id: `toil-bundle-0000000${n}`,
    loggedBy: 'li',
    fields: {
      task: 'Restart payments pod',
      team: 'Payments',
      who: 'li',
      at: NOW - 8 * 24 * HOUR - n * HOUR,
      durationMinutes: 240,
      kind: 'manual_operation',
      traits: { ...NO_TRAITS, manual: true, automatable: true },
      ...over,
    },
  }),
});
const REGIONS = [
  entry(1, { note: '<img src=x onerror=alert(1)>' }),
  entry(2, { task: 'Reindex search', team: 'Search', durationMinutes: 30 }),
];
const annotationGets: unknown[] = [];

// Grafana's backend at the boundary the app's api/ layer calls: team settings, teams, and the toil annotations.
function fetch(options: BackendSrvRequest) {
  const url = options.url;
  if (url === `/api/plugins/${pluginJson.id}/settings`) {
    const toilTeams = [{ id: 'payments', team: 'Payments', capacityHoursPerWeek: 2, budget: 0.5 }];
    return of({ data: { enabled: true, pinned: true, jsonData: { toilTeams, settings: {} } } });
  }
  if (url === '/api/teams/search') {
    return of({ data: { totalCount: 1, teams: [{ name: 'Payments' }] } });
  }
  if (url === '/api/annotations') {
    annotationGets.push(options.params);
    const tags = ([] as string[]).concat((options.params?.tags as string[] | string) ?? []);
    return of({ data: tags.length === 1 && tags[0] === 'sre-toil' ? REGIONS : [] });
  }
  return of({ data: [] });
}
setBackendSrv({ fetch } as unknown as BackendSrv);

installScenesStandIns();

config.bootData.user = { ...config.bootData.user, orgRole: OrgRole.Editor, login: 'li' };

const plugin = loadPluginFromDist();
const wait = { timeout: 20_000 };

const renderRoute = (route: string) => renderAppRoute(plugin, route);

describe('dist/module.js: the Toil page with data', () => {
  jest.setTimeout(60_000);

  it('lists the entries from three annotation queries, user text as text', async () => {
    renderRoute(`toil?${RANGE}`);
    const table = await screen.findByTestId('data-testid sre-toil-entries', {}, wait);
    expect(within(table).getAllByTestId('data-testid sre-toil-entry-row')).toHaveLength(2);
    expect(within(table).getByText('Reindex search')).toBeInTheDocument();
    expect(within(table).getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(annotationGets).toHaveLength(3);
  });

  it('renders the reports with an over-budget team and the weekly trend as a scenes time series panel', async () => {
    renderRoute(`toil?view=reports&${RANGE}`);
    const reports = await screen.findByTestId('data-testid sre-toil-reports', {}, wait);
    expect(within(reports).getByRole('row', { name: /^Payments/ })).toHaveTextContent('Over budget');
    expect(within(reports).getByRole('row', { name: /^Search/ })).toHaveTextContent('Capacity not set');
    const trend = await screen.findByTestId('data-testid sre-toil-trend', {}, wait);
    expect(await within(trend).findByText('Toil share of capacity per week', {}, wait)).toBeInTheDocument();
  });
});
