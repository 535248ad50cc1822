// "Postmortem due / overdue" with the policy's reason beside "Write postmortem" on a resolved incident's page. The
// incident's postmortem is read through api/postmortems (mocked at the boundary); budgets through the fake backend.
import '../../../components/testing/jsdomPolyfills';
import { screen, waitFor } from '@testing-library/react';
import { backend, currentResponder, respondWith } from '../../../api/testing/fakeApi';
import { getPostmortem } from '../../../api/postmortems';
import { testIds } from '../../../components/testIds';
import { declared, ev } from '../../../domain/incident/__fixtures__/events';
import type { PostmortemStatus } from '../../../domain/postmortem';
import { postmortem } from '../../Postmortems/testing/fixtures';
import { renderDetail, serve, setSettings, setUpDetailPageTests } from './testing/detailFixtures';

jest.mock('@grafana/runtime', () => jest.requireActual('../testing/mockRuntime').mockRuntime());
jest.mock('./IncidentLogsScene', () => jest.requireActual('./testing/FakeLogsScene'));
jest.mock('../../../api/postmortems', () => ({
  ...jest.requireActual('../../../api/postmortems'),
  getPostmortem: jest.fn(),
}));

setUpDetailPageTests();

const get = jest.mocked(getPostmortem);
const started = (status: PostmortemStatus) => ({
  postmortem: { ...postmortem(), incidentId: 'INC-X', status },
  problems: [],
});
const SLO = {
  id: 'errors',
  name: 'Requests succeed',
  service: 'checkout',
  sli: { kind: 'ratio', bad: 'errors_bad_total', total: 'all_total' },
  objective: { target: 0.99 },
  window: { type: 'rolling', duration: '30d' },
};

/** Prometheus: 3,400 bad of 1,000,000 events, 34% of a 99% SLO's budget. */
function withPrometheus() {
  const rest = currentResponder();
  respondWith((req) => {
    if (req.url !== '/api/ds/query') {
      return rest(req);
    }
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
  });
}

const writeLink = () => screen.findByTestId(testIds.postmortem.writeLink);
const mark = () => screen.queryByTestId(testIds.incidents.postmortemDue);
const reason = () => screen.queryByTestId(testIds.incidentDetail.postmortemReason);

beforeEach(() => {
  get.mockReset();
  get.mockResolvedValue({ postmortem: undefined, problems: [] });
});

describe('incident page: postmortem due / overdue', () => {
  it('shows the due date and the reason for a resolved SEV2 with no postmortem yet', async () => {
    // Resolved Saturday 28 Nov 2026 at 10:40 UTC: 5 business days, Friday 4 Dec.
    serve([declared(), ev('resolved', 40, {})]);
    renderDetail();
    await writeLink();
    await waitFor(() => expect(mark()).toHaveTextContent('Postmortem due 4 Dec 2026'));
    expect(reason()).toHaveTextContent('Required: SEV2 incidents need a postmortem');
    expect(get).toHaveBeenCalledWith('INC-X');
  });

  it('is overdue after the date while the postmortem is a draft, and gone once published', async () => {
    jest.mocked(Date.now).mockReturnValue(Date.UTC(2026, 11, 7, 9));
    serve([declared(), ev('resolved', 40, {})]);
    get.mockResolvedValue(started('draft'));
    const { unmount } = renderDetail();
    await waitFor(() => expect(mark()).toHaveTextContent('Postmortem overdue'));
    unmount();
    get.mockResolvedValue(started('published'));
    renderDetail();
    await writeLink();
    await waitFor(() => expect(get).toHaveBeenCalledTimes(2));
    await new Promise((r) => setTimeout(r, 50));
    expect(mark()).toBeNull();
  });

  it('gives the budget reason for a SEV3 over 20% of its SLO, sharing the Linked SLOs budget read', async () => {
    setSettings({ settings: { defaultPrometheusUid: 'prom' }, slos: [SLO] });
    serve([declared({ severity: 3 }), ev('slo_linked', 12, { sloId: 'errors' }), ev('resolved', 40, {})]);
    withPrometheus();
    renderDetail();
    await waitFor(() => expect(mark()).toHaveTextContent('Postmortem due 4 Dec 2026'));
    expect(reason()).toHaveTextContent("Required: It consumed 34% of Requests succeed's error budget (more than 20%)");
    expect(backend.requests.filter((r) => r.url === '/api/ds/query')).toHaveLength(1);
  });

  it('shows nothing when the policy does not require one, or the incident is open', async () => {
    serve([declared({ severity: 3 }), ev('resolved', 40, {})]);
    const { unmount } = renderDetail();
    await writeLink();
    await waitFor(() => expect(get).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 50));
    expect(mark()).toBeNull();
    unmount();
    serve([declared()]);
    renderDetail();
    await screen.findByTestId(testIds.incidentDetail.container);
    await new Promise((r) => setTimeout(r, 50));
    expect(mark()).toBeNull();
    expect(screen.queryByTestId(testIds.postmortem.writeLink)).toBeNull();
  });

  it('says why there is no mark when the postmortem cannot be read', async () => {
    serve([declared(), ev('resolved', 40, {})]);
    get.mockRejectedValue(new Error('GET /api/annotations failed (500): postmortem db locked'));
    renderDetail();
    expect(await screen.findByTestId(testIds.incidents.postmortemsError)).toHaveTextContent(/postmortem db locked/);
    expect(mark()).toBeNull();
  });
});
