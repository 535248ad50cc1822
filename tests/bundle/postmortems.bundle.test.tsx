// The postmortem page and the Action items view from the built bundle: events folded as the app reads them.
// Scenes' lazy loader creates an IntersectionObserver as soon as it loads; jsdom has none.
import '../../src/components/testing/jsdomPolyfills';
import { of } from 'rxjs';
import { screen } from '@testing-library/react';
import { OrgRole } from '@grafana/data';
import { config, setBackendSrv, type BackendSrv, type BackendSrvRequest } from '@grafana/runtime';
import { POSTMORTEM_SCHEMA, postmortemEventAnnotation, type PostmortemEvent } from '../../src/domain/postmortem';
import { loadPluginFromDist } from './loadBundle';
import { installPluginPageStandIn, pluginJson, renderAppRoute } from './renderApp';
import { installScenesStandIns } from './scenesStandIns';

installPluginPageStandIn();

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

const renderRoute = (route: string) => renderAppRoute(plugin, route);

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
