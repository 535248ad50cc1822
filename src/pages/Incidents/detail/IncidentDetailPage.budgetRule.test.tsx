// The Workbook's 20% rule on the incident page: a linked SLO whose budget the incident consumed more of than its
// policy's share gets a callout; exactly the share, no data and errors never do.
import '../../../components/testing/jsdomPolyfills';
import { screen, within } from '@testing-library/react';
import { backend, currentResponder, respondWith } from '../../../api/testing/fakeApi';
import { testIds } from '../../../components/testIds';
import { declared, ev } from '../../../domain/incident/__fixtures__/events';
import { WORKBOOK_POLICY } from '../../../domain/policy/model';
import { renderDetail, serve, setSettings, setUpDetailPageTests } from './testing/detailFixtures';

jest.mock('@grafana/runtime', () => jest.requireActual('../testing/mockRuntime').mockRuntime());
jest.mock('./IncidentLogsScene', () => jest.requireActual('./testing/FakeLogsScene'));

setUpDetailPageTests();

/** A 99% ratio SLO over a rolling 30d window: its budget is 1% of the events, 10,000 of 1,000,000. */
const checkoutSlo = (id: string, name: string, policy?: string) => ({
  id,
  name,
  service: 'checkout',
  sli: { kind: 'ratio', bad: `${id}_bad_total`, total: 'all_total' },
  objective: { target: 0.99 },
  window: { type: 'rolling', duration: '30d' },
  ...(policy ? { policy } : {}),
});
const strict = { ...WORKBOOK_POLICY, id: 'strict', name: 'Strict', incidentBudgetShare: 0.05 };

const frame = (v: number) => ({
  schema: { fields: [{ name: 'Time' }, { name: 'Value' }] },
  data: { values: [[1], [v]] },
});

/** Links `slos` to INC-X and answers /api/ds/query with `bad` bad events per SLO id out of 1,000,000 events. */
function withBudgets(slos: Array<ReturnType<typeof checkoutSlo>>, bad: Record<string, number | 'none'> | 'fail') {
  setSettings({ settings: { defaultPrometheusUid: 'prom' }, slos, policies: [strict] });
  serve([declared(), ...slos.map((s, i) => ev('slo_linked', 12 + i, { sloId: s.id }))]);
  const original = currentResponder();
  respondWith((req) => {
    if (req.url !== '/api/ds/query') {
      return original(req);
    }
    if (bad === 'fail') {
      return { status: 502, data: { message: 'Prometheus is down' } };
    }
    const queries = (req.body as { queries: Array<{ refId: string; expr: string }> }).queries;
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
  });
}

const rows = async () => {
  const found = await screen.findAllByTestId(testIds.incidentDetail.sloBudget);
  await within(found[0]).findAllByText(/^(consumed|No data)/);
  return found;
};

describe('incident detail: the incident budget rule', () => {
  it('marks an SLO above its policy share with the Workbook callout, and not one at exactly the share', async () => {
    withBudgets([checkoutSlo('errors', 'Requests succeed'), checkoutSlo('latency', 'Fast enough')], {
      errors: 3400,
      latency: 2000,
    });
    renderDetail();
    const [errors, latency] = await rows();
    expect(within(errors).getByText('consumed 34% of the 30d error budget')).toBeInTheDocument();
    expect(within(errors).getByTestId(testIds.incidentDetail.postmortemCallout)).toHaveTextContent(
      "This incident consumed 34% of Requests succeed's error budget (policy SRE Workbook: more than 20% needs a postmortem with a P0 action item)"
    );
    expect(within(latency).getByText('consumed 20% of the 30d error budget')).toBeInTheDocument();
    expect(within(latency).queryByTestId(testIds.incidentDetail.postmortemCallout)).not.toBeInTheDocument();
    expect(screen.getAllByTestId(testIds.incidentDetail.postmortemCallout)).toHaveLength(1);
    // Both SLOs on one data source: one request.
    expect(backend.requests.filter((r) => r.url === '/api/ds/query')).toHaveLength(1);
  });

  it("uses the share of the SLO's own policy, and says when that policy is not stored", async () => {
    withBudgets([checkoutSlo('errors', 'Requests succeed', 'strict'), checkoutSlo('latency', 'Fast enough', 'gone')], {
      errors: 600,
      latency: 9000,
    });
    renderDetail();
    const [errors, latency] = await rows();
    expect(within(errors).getByTestId(testIds.incidentDetail.postmortemCallout)).toHaveTextContent(
      "This incident consumed 6% of Requests succeed's error budget (policy Strict: more than 5% needs a postmortem with a P0 action item)"
    );
    expect(within(latency).queryByTestId(testIds.incidentDetail.postmortemCallout)).not.toBeInTheDocument();
    expect(within(latency).getByText(/names policy "gone", which is not stored or is broken/)).toBeInTheDocument();
  });

  it('marks nothing, and never shows 0%, when there is no data', async () => {
    withBudgets([checkoutSlo('errors', 'Requests succeed')], { errors: 'none' });
    renderDetail();
    const [errors] = await rows();
    expect(within(errors).getByText('No data')).toBeInTheDocument();
    expect(screen.queryByText(/0%/)).not.toBeInTheDocument();
    expect(screen.queryByTestId(testIds.incidentDetail.postmortemCallout)).not.toBeInTheDocument();
  });

  it('marks nothing when the budget query fails, and shows why', async () => {
    withBudgets([checkoutSlo('errors', 'Requests succeed')], 'fail');
    renderDetail();
    const [errors] = await rows();
    expect(within(errors).getByText(/^No data: .*Prometheus is down/)).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.incidentDetail.postmortemCallout)).not.toBeInTheDocument();
  });
});
