// "Postmortem due / overdue" on the incident list: the postmortem policy over the visible page's resolved incidents,
// the status of their postmortems (ONE listPostmortems for the list's range, mocked at the api/ boundary) and a
// "Start / Open postmortem" link beside each resolved incident's card.
import '../../components/testing/jsdomPolyfills';
import { OrgRole } from '@grafana/data';
import { screen, waitFor, within } from '@testing-library/react';
import { backend, currentResponder, respondWith } from '../../api/testing/fakeApi';
import { listPostmortems } from '../../api/postmortems';
import { setupUser } from '../../components/testing/user';
import { testIds } from '../../components/testIds';
import { ev } from '../../domain/incident/__fixtures__/events';
import type { Postmortem, PostmortemStatus } from '../../domain/postmortem';
import { postmortem } from '../Postmortems/testing/fixtures';
import { renderAt, serve, setRole, setUpIncidentsPageTests, stored } from './testing/listFixtures';
import { BASE } from './testing/renderIncidentsPage';

jest.mock('@grafana/runtime', () => jest.requireActual('./testing/mockRuntime').mockRuntime());
jest.mock('../../api/postmortems', () => ({
  ...jest.requireActual('../../api/postmortems'),
  listPostmortems: jest.fn(),
}));

setUpIncidentsPageTests();

/** Thursday 3 December 2026, 12:00 UTC; the incidents below were resolved on Saturday 28 November at 10:40. */
const LATER = Date.UTC(2026, 11, 3, 12);
const DAY = 86_400_000;
const list = jest.mocked(listPostmortems);
const user = setupUser();

const resolved = (id: string, title: string, severity: 1 | 2 | 3 | 4, more: Parameters<typeof stored>[3] = []) =>
  stored(id, title, severity, [...more, ev('resolved', 40, {})]);
const pm = (incidentId: string, status: PostmortemStatus): Postmortem => ({ ...postmortem(), incidentId, status });

/** Serves the incidents, settings with one 99% SLO "errors", and Prometheus saying it lost 34% of its budget. */
function serveAll(incidents: Array<ReturnType<typeof stored>>, settingsStatus = 200) {
  serve(incidents);
  const rest = currentResponder();
  respondWith((req) => {
    if (req.url.startsWith('/api/plugins/')) {
      const slos = [
        {
          id: 'errors',
          name: 'SLO errors',
          service: 'checkout',
          sli: { kind: 'ratio', bad: 'errors_bad_total', total: 'all_total' },
          objective: { target: 0.99 },
          window: { type: 'rolling', duration: '30d' },
        },
      ];
      return settingsStatus === 200
        ? { data: { enabled: true, pinned: true, jsonData: { settings: { defaultPrometheusUid: 'prom' }, slos } } }
        : { status: settingsStatus, data: { message: 'settings unavailable' } };
    }
    if (req.url === '/api/ds/query') {
      const queries = (req.body as { queries: Array<{ refId: string }> }).queries;
      const frame = (v: number) => ({
        schema: { fields: [{ name: 'Time' }, { name: 'Value' }] },
        data: { values: [[1], [v]] },
      });
      return {
        data: {
          results: Object.fromEntries(
            queries.map((q) => [q.refId, { frames: [frame(q.refId.startsWith('total') ? 1_000_000 : 3400)] }])
          ),
        },
      };
    }
    return rest(req);
  });
}

const rowOf = (title: string) => screen.getByRole('heading', { name: title }).closest('li')!;
const dueOf = (title: string) => within(rowOf(title)).queryByTestId(testIds.incidents.postmortemDue);

beforeEach(() => {
  jest.mocked(Date.now).mockReturnValue(LATER);
  list.mockReset();
  list.mockResolvedValue({ postmortems: [pm('INC-B', 'draft'), pm('INC-C', 'published')], problems: [] });
});

describe('incident list: postmortem due / overdue', () => {
  it('marks required, unpublished postmortems due or overdue, shows statuses, and reads the range once', async () => {
    serveAll([
      resolved('INC-A', 'Checkout down', 1),
      resolved('INC-B', 'Cart slow', 2),
      resolved('INC-C', 'Search down', 1),
      resolved('INC-D', 'Minor blip', 3),
      stored('INC-E', 'Payments open', 1),
      resolved('INC-F', 'Budget burner', 3, [ev('slo_linked', 12, { sloId: 'errors' })]),
    ]);
    renderAt(BASE);
    await waitFor(() => expect(dueOf('Budget burner')).toBeInTheDocument());
    // SEV1: 3 business days from Saturday: Wednesday 2 Dec, past. SEV2 and the budget rule: 5, Friday 4 Dec.
    expect(dueOf('Checkout down')).toHaveTextContent('Postmortem overdue');
    expect(dueOf('Cart slow')).toHaveTextContent('Postmortem due 4 Dec 2026');
    expect(dueOf('Budget burner')).toHaveTextContent('Postmortem due 4 Dec 2026');
    // Published, not required (SEV3, no SLO), and open: no mark.
    expect(dueOf('Search down')).toBeNull();
    expect(dueOf('Minor blip')).toBeNull();
    expect(dueOf('Payments open')).toBeNull();
    expect(within(rowOf('Cart slow')).getByTestId(testIds.incidents.postmortemStatus)).toHaveTextContent(
      'Postmortem: Draft'
    );
    expect(within(rowOf('Search down')).getByTestId(testIds.incidents.postmortemStatus)).toHaveTextContent(
      'Postmortem: Published'
    );
    expect(within(rowOf('Checkout down')).queryByTestId(testIds.incidents.postmortemStatus)).toBeNull();

    // One read of the postmortems of the list's range (30 days), one of the settings, one of Prometheus.
    expect(list).toHaveBeenCalledTimes(1);
    expect(list).toHaveBeenCalledWith({ from: LATER - 30 * DAY, to: LATER });
    expect(backend.requests.filter((r) => r.url.startsWith('/api/plugins/'))).toHaveLength(1);
    expect(backend.requests.filter((r) => r.url === '/api/ds/query')).toHaveLength(1);
  });

  it('offers starting a postmortem beside the card, outside its link, and opening a started one', async () => {
    serveAll([
      resolved('INC-A', 'Checkout down', 1),
      resolved('INC-B', 'Cart slow', 2),
      stored('INC-E', 'Payments open', 1),
    ]);
    renderAt(BASE);
    const start = await within(await waitFor(() => rowOf('Checkout down'))).findByRole('link', {
      name: 'Start postmortem of Checkout down',
    });
    expect(start).toHaveAttribute('href', '/a/sre-reliability-app/postmortems/INC-A?start=1');
    const heading = within(rowOf('Checkout down')).getByRole('link', { name: 'Checkout down' });
    expect(heading.contains(start)).toBe(false);
    expect(start.closest('a')).toBe(start);
    expect(within(rowOf('Cart slow')).getByRole('link', { name: 'Open postmortem of Cart slow' })).toHaveAttribute(
      'href',
      '/a/sre-reliability-app/postmortems/INC-B'
    );
    expect(within(rowOf('Payments open')).queryByTestId(testIds.incidents.postmortemLink)).toBeNull();
    // Keyboard: from the card's link, Tab reaches the postmortem link (past the card's focusable badges).
    heading.focus();
    for (let i = 0; i < 10 && document.activeElement !== start; i++) {
      await user.tab();
    }
    expect(start).toHaveFocus();
  });

  it('offers Viewers to open a started postmortem but not to start one', async () => {
    setRole(OrgRole.Viewer);
    serveAll([resolved('INC-A', 'Checkout down', 1), resolved('INC-B', 'Cart slow', 2)]);
    renderAt(BASE);
    await within(await waitFor(() => rowOf('Cart slow'))).findByRole('link', { name: 'Open postmortem of Cart slow' });
    expect(within(rowOf('Checkout down')).queryByTestId(testIds.incidents.postmortemLink)).toBeNull();
    expect(dueOf('Checkout down')).toHaveTextContent('Postmortem overdue');
  });

  it('shows no due marks and says why when the postmortems cannot be read', async () => {
    list.mockRejectedValue(new Error('GET /api/annotations failed (500): postmortem db locked'));
    serveAll([resolved('INC-A', 'Checkout down', 1)]);
    renderAt(BASE);
    expect(await screen.findByTestId(testIds.incidents.postmortemsError)).toHaveTextContent(/postmortem db locked/);
    expect(screen.getAllByTestId(testIds.incidents.row)).toHaveLength(1);
    expect(dueOf('Checkout down')).toBeNull();
    expect(screen.queryByTestId(testIds.incidents.postmortemLink)).toBeNull();
  });

  it('shows no due marks without the policy when the settings cannot be read', async () => {
    serveAll([resolved('INC-A', 'Checkout down', 1)], 500);
    renderAt(BASE);
    expect(await screen.findByTestId(testIds.incidents.budgetRuleError)).toHaveTextContent(/settings unavailable/);
    await waitFor(() => expect(screen.getByTestId(testIds.incidents.postmortemLink)).toBeInTheDocument());
    expect(dueOf('Checkout down')).toBeNull();
  });

  it('draws the cards before the marks', async () => {
    list.mockReturnValue(new Promise(() => {}));
    serveAll([resolved('INC-A', 'Checkout down', 1)]);
    renderAt(BASE);
    await screen.findAllByTestId(testIds.incidents.row);
    await waitFor(() => expect(list).toHaveBeenCalled());
    expect(dueOf('Checkout down')).toBeNull();
    expect(screen.queryByTestId(testIds.incidents.postmortemLink)).toBeNull();
  });
});
