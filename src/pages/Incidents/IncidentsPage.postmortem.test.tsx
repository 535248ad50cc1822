// The Workbook's 20% rule on the incident list: a "Needs postmortem (P0)" badge on the incidents of the visible
// page that consumed more than their SLO policy's share, read in one /api/ds/query per data source after the cards.
import '../../components/testing/jsdomPolyfills';
import { NEVER } from 'rxjs';
import { screen, waitFor, within } from '@testing-library/react';
import { backend, currentResponder, respondWith } from '../../api/testing/fakeApi';
import { PAGE_SIZE } from '../../components/paging';
import { testIds } from '../../components/testIds';
import { at, ev } from '../../domain/incident/__fixtures__/events';
import { renderAt, serve, setUpIncidentsPageTests, stored } from './testing/listFixtures';
import { BASE } from './testing/renderIncidentsPage';

jest.mock('@grafana/runtime', () => jest.requireActual('./testing/mockRuntime').mockRuntime());

setUpIncidentsPageTests();

/** A 99% ratio SLO over 30d: its budget is 10,000 of the 1,000,000 events the fake Prometheus reports. */
const slo = (id: string, uid?: string) => ({
  id,
  name: `SLO ${id}`,
  service: 'checkout',
  sli: { kind: 'ratio', bad: `${id}_bad_total`, total: 'all_total' },
  objective: { target: 0.99 },
  window: { type: 'rolling', duration: '30d' },
  ...(uid ? { datasource: { uid } } : {}),
});

const linkedTo = (id: string, title: string, sloIds: string[], minutesAgo = 0) =>
  stored(
    id,
    title,
    2,
    sloIds.map((sloId, i) => ev('slo_linked', 12 + i, { sloId })),
    at(-minutesAgo)
  );

/** Serves `incidents`, the settings with `slos`, and /api/ds/query with `bad` bad events per SLO id. */
function serveWith(
  incidents: Array<ReturnType<typeof stored>>,
  slos: Array<ReturnType<typeof slo>>,
  bad: Record<string, number | 'none'>,
  settingsStatus = 200
) {
  serve(incidents);
  const list = currentResponder();
  respondWith((req) => {
    if (req.url.startsWith('/api/plugins/')) {
      return settingsStatus === 200
        ? { data: { enabled: true, pinned: true, jsonData: { settings: { defaultPrometheusUid: 'prom' }, slos } } }
        : { status: settingsStatus, data: { message: 'settings unavailable' } };
    }
    if (req.url === '/api/ds/query') {
      const queries = (req.body as { queries: Array<{ refId: string; expr: string }> }).queries;
      const frame = (v: number) => ({
        schema: { fields: [{ name: 'Time' }, { name: 'Value' }] },
        data: { values: [[1], [v]] },
      });
      const results = Object.fromEntries(
        queries.map((q) => {
          if (q.refId.startsWith('total')) {
            return [q.refId, { frames: [frame(1_000_000)] }];
          }
          const n = bad[Object.keys(bad).find((id) => q.expr.includes(`${id}_bad_total`))!];
          return [q.refId, { frames: n === 'none' ? [] : [frame(n)] }];
        })
      );
      return { data: { results } };
    }
    return list(req);
  });
}

const dsQueries = () => backend.requests.filter((r) => r.url === '/api/ds/query');
const rowOf = (title: string) => screen.getByRole('heading', { name: title }).closest('li')!;

describe('incident list: the incident budget rule', () => {
  it('badges the incident above the share, not the one at exactly 20%, with one request per data source', async () => {
    serveWith(
      [
        linkedTo('INC-A', 'Checkout down', ['errors']),
        linkedTo('INC-B', 'Checkout slow', ['latency'], 5),
        linkedTo('INC-C', 'Search down', ['search'], 10),
        stored('INC-D', 'Not linked', 3, [], at(-15)),
      ],
      [slo('errors'), slo('latency'), slo('search', 'other')],
      { errors: 3400, latency: 2000, search: 9000 }
    );
    renderAt(BASE);
    await screen.findAllByTestId(testIds.incidents.row);
    const badges = await screen.findAllByTestId(testIds.incidents.postmortemBadge);
    expect(badges.map((b) => within(b.closest('li')!).getByRole('heading').textContent)).toEqual([
      'Checkout down',
      'Search down',
    ]);
    expect(within(rowOf('Checkout down')).getByText('Needs postmortem (P0)')).toBeInTheDocument();
    expect(within(rowOf('Checkout down')).getByTestId(testIds.incidents.postmortemBadge)).toHaveAttribute(
      'aria-label',
      "This incident consumed 34% of SLO errors's error budget (policy SRE Workbook: more than 20% needs a postmortem with a P0 action item)"
    );
    expect(within(rowOf('Checkout slow')).queryByTestId(testIds.incidents.postmortemBadge)).not.toBeInTheDocument();
    expect(within(rowOf('Not linked')).queryByTestId(testIds.incidents.postmortemBadge)).not.toBeInTheDocument();
    // Two data sources (prom for errors and latency, other for search): two requests, whatever the incident count.
    expect(dsQueries().map((r) => (r.body as { queries: unknown[] }).queries.length)).toEqual([4, 2]);
  });

  it('draws the cards without waiting for the budgets', async () => {
    serveWith([linkedTo('INC-A', 'Checkout down', ['errors'])], [slo('errors')], { errors: 3400 });
    // Prometheus never answers.
    const fetch = backend.srv.fetch;
    jest
      .spyOn(backend.srv, 'fetch')
      .mockImplementation((options) =>
        options.url === '/api/ds/query'
          ? (backend.requests.push({ method: 'POST', url: options.url }), NEVER)
          : fetch(options)
      );
    renderAt(BASE);
    const [row] = await screen.findAllByTestId(testIds.incidents.row);
    await waitFor(() => expect(dsQueries()).toHaveLength(1));
    expect(within(row).getByRole('heading')).toHaveTextContent('Checkout down');
    expect(screen.queryByTestId(testIds.incidents.postmortemBadge)).not.toBeInTheDocument();
    expect(screen.queryByTestId(testIds.incidents.budgetRuleError)).not.toBeInTheDocument();
  });

  it('reads budgets for the visible page only', async () => {
    const incidents = Array.from({ length: PAGE_SIZE + 5 }, (_, i) =>
      linkedTo(`INC-P${String(i).padStart(3, '0')}`, `Incident ${i}`, ['errors'], i)
    );
    serveWith(incidents, [slo('errors')], { errors: 100 });
    renderAt(BASE);
    await screen.findAllByTestId(testIds.incidents.row);
    await waitFor(() => expect(dsQueries()).toHaveLength(1));
    expect((dsQueries()[0].body as { queries: unknown[] }).queries).toHaveLength(2 * PAGE_SIZE);
    expect(screen.queryByTestId(testIds.incidents.postmortemBadge)).not.toBeInTheDocument();
  });

  it('shows no badge and no "0%" when there is no data', async () => {
    serveWith(
      [linkedTo('INC-A', 'Checkout down', ['errors']), linkedTo('INC-B', 'Search down', ['search'], 5)],
      [slo('errors'), slo('search')],
      { errors: 'none', search: 9000 }
    );
    renderAt(BASE);
    // The badge of the other incident proves the budgets were read.
    await within(await waitFor(() => rowOf('Search down'))).findByTestId(testIds.incidents.postmortemBadge);
    expect(within(rowOf('Checkout down')).queryByTestId(testIds.incidents.postmortemBadge)).not.toBeInTheDocument();
    expect(screen.queryByText(/0%/)).not.toBeInTheDocument();
    expect(screen.queryByTestId(testIds.incidents.budgetRuleError)).not.toBeInTheDocument();
  });

  it('keeps the list when the budgets cannot be read, and says so', async () => {
    serveWith([linkedTo('INC-A', 'Checkout down', ['errors'])], [slo('errors')], { errors: 5000 }, 500);
    renderAt(BASE);
    expect(await screen.findByTestId(testIds.incidents.budgetRuleError)).toHaveTextContent(/settings unavailable/);
    expect(screen.getAllByTestId(testIds.incidents.row)).toHaveLength(1);
    expect(screen.queryByTestId(testIds.incidents.postmortemBadge)).not.toBeInTheDocument();
    expect(dsQueries()).toHaveLength(0);
  });

  it('sends nothing more than the list when no incident on the page links an SLO', async () => {
    serveWith([stored('INC-D', 'Not linked', 3)], [slo('errors')], {});
    renderAt(BASE);
    await screen.findAllByTestId(testIds.incidents.row);
    await new Promise((r) => setTimeout(r, 50));
    expect(backend.requests.map((r) => r.url)).toEqual(['/api/annotations', '/api/annotations']);
  });
});
