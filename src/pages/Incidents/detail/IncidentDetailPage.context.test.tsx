// What the detail page shows from elsewhere: the services' logs in Loki and the budget its linked SLOs lost.
import '../../../components/testing/jsdomPolyfills';
import { screen, waitFor, within } from '@testing-library/react';
import { setupUser } from '../../../components/testing/user';
import { backend, currentResponder, respondWith } from '../../../api/testing/fakeApi';
import { testIds } from '../../../components/testIds';
import { declared, ev } from '../../../domain/incident/__fixtures__/events';
import { posted, renderDetail, serve, setSettings, setUpDetailPageTests } from './testing/detailFixtures';

const user = setupUser();

jest.mock('@grafana/runtime', () => jest.requireActual('../testing/mockRuntime').mockRuntime());
jest.mock('./IncidentLogsScene', () => jest.requireActual('./testing/FakeLogsScene'));

setUpDetailPageTests();

/** A 99% ratio SLO of checkout over a rolling 30d window, as stored in the app settings. */
const checkoutSlo = (id: string, name: string, bad: string) => ({
  id,
  name,
  service: 'checkout',
  sli: { kind: 'ratio', bad, total: 'all_total' },
  objective: { target: 0.99 },
  window: { type: 'rolling', duration: '30d' },
});

describe('incident detail: logs and SLOs', () => {
  it('tells the admin to set a Loki data source when there is none', async () => {
    renderDetail();
    expect(await screen.findByText('No Loki data source is set')).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.incidentDetail.exploreLink)).not.toBeInTheDocument();
  });

  it('embeds the logs of the services and links the same query in Explore', async () => {
    setSettings({ settings: { lokiUid: 'loki-1', logServiceLabel: 'app' } });
    renderDetail();
    expect(await screen.findByTestId('logs-scene')).toHaveTextContent('{app="checkout"}');
    const href = screen.getByTestId(testIds.incidentDetail.exploreLink).getAttribute('href')!;
    expect(href).toMatch(/^\/explore\?schemaVersion=1&panes=/);
    expect(decodeURIComponent(href)).toContain('"expr":"{app=\\"checkout\\"}"');
  });

  it('shows the budget each linked SLO lost and links another SLO', async () => {
    setSettings({
      settings: { defaultPrometheusUid: 'prom' },
      slos: [
        checkoutSlo('errors', 'Requests succeed', 'bad_total'),
        checkoutSlo('latency', 'Fast enough', 'slow_total'),
      ],
    });
    serve([declared(), ev('slo_linked', 12, { sloId: 'errors' })]);
    const original = currentResponder();
    respondWith((req) => {
      if (req.url !== '/api/ds/query') {
        return original(req);
      }
      const frame = (v: number) => ({
        schema: { fields: [{ name: 'Time' }, { name: 'Value' }] },
        data: { values: [[1], [v]] },
      });
      return { data: { results: { bad0: { frames: [frame(250)] }, total0: { frames: [frame(100_000)] } } } };
    });
    renderDetail();
    const budget = await screen.findByTestId(testIds.incidentDetail.sloBudget);
    expect(await within(budget).findByText('consumed 25% of the 30d error budget')).toBeInTheDocument();
    expect(backend.requests.filter((r) => r.url === '/api/ds/query')).toHaveLength(1);
    // The option list is virtualised (nothing renders at jsdom's zero size), so choose with the keyboard.
    await user.type(screen.getByRole('combobox', { name: 'Link an SLO' }), 'Fast{ArrowDown}{Enter}');
    await user.click(screen.getByTestId(testIds.incidentDetail.linkSlo));
    await waitFor(() => expect(posted()).toHaveLength(1));
    expect(posted()[0]).toMatchObject({ type: 'slo_linked', sloId: 'latency' });
  });
});
