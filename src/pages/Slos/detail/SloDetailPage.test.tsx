import '../../../components/testing/jsdomPolyfills';
import React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import { setupUser } from '../../../components/testing/user';
import { getPluginSettings } from '../../../api/pluginSettings';
import { fetchSloSnapshots } from '../../../api/sloStatus';
import { canEditSettings, canWriteAnnotations } from '../../../api/permissions';
import { ConflictError, deleteSlo } from '../../../api/slos';
import { testIds } from '../../../components/testIds';
import type { Slo } from '../../../domain/slo/model';
import { makeSlo, makeSnapshot } from '../__fixtures__/slos';
import { BASE, renderDetailPage } from './testing/renderDetailPage';

const user = setupUser();

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  PluginPage: jest.requireActual('../../../components/testing/TestPluginPage').TestPluginPage,
}));
jest.mock('../../../api/pluginSettings');
jest.mock('../../../api/sloStatus');
jest.mock('../../../api/permissions');
jest.mock('../../../api/slos', () => ({ ...jest.requireActual('../../../api/slos'), deleteSlo: jest.fn() }));
// Real VizPanels need Grafana's panel plugins and data source service, which jest lacks: the scene's structure is
// tested in sloDetailScene.test.ts, and here its renderer is a stub that shows which scene it got.
jest.mock('./SloScene', () => ({
  SloScene: ({ scene }: { scene: { state: { $timeRange?: { state: { from: string } } } } }) => (
    <div data-testid="data-testid sre-slo-detail-scene">scene from {scene.state.$timeRange?.state.from}</div>
  ),
}));

const slo: Slo = makeSlo('checkout', { name: 'Checkout availability', service: 'checkout', revision: 3 });

function serve(slos: Slo[], snapshot = makeSnapshot(0.8, 0.5)) {
  jest.mocked(getPluginSettings).mockResolvedValue({
    enabled: true,
    pinned: false,
    jsonData: { slos, settings: { defaultPrometheusUid: 'prom' } },
  });
  jest.mocked(fetchSloSnapshots).mockImplementation(async (given) => new Map(given.map((s) => [s.id, snapshot])));
}

const actions = () => within(screen.getByLabelText('Page actions'));

beforeEach(() => {
  jest.mocked(canEditSettings).mockReturnValue(true);
  jest.mocked(canWriteAnnotations).mockReturnValue(true);
  jest.mocked(deleteSlo).mockReset();
});

describe('SloDetailPage', () => {
  it('shows a loading state, then the SLO with its name, policy and scene', async () => {
    serve([slo]);
    renderDetailPage('checkout');
    expect(screen.getByText('Loading the SLO…')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Checkout availability' })).toBeInTheDocument();
    expect(screen.getByTestId(testIds.sloDetail.scene)).toHaveTextContent('scene from now-7d');
    expect(await screen.findByTestId(testIds.sloDetail.policy)).toHaveTextContent(
      /SRE Workbook \(default\): Healthy: Ship.*Ship as usual.*Why: remaining budget .* ≥ 25%.*Exempt from a freeze: P0 issues, Security fixes/
    );
    expect(jest.mocked(fetchSloSnapshots)).toHaveBeenCalledWith([slo], 'prom', expect.any(Number));
  });

  it('says when there is no such SLO and links back to the list', async () => {
    serve([slo]);
    renderDetailPage('nope');
    const notFound = await screen.findByTestId(testIds.sloDetail.notFound);
    expect(notFound).toHaveTextContent('There is no SLO "nope"');
    expect(within(notFound).getByRole('link', { name: /Back to the SLO list/ })).toHaveAttribute('href', BASE);
  });

  it('shows a load error', async () => {
    jest.mocked(getPluginSettings).mockRejectedValue(new Error('GET settings failed (500): boom'));
    renderDetailPage('checkout');
    expect(await screen.findByText('GET settings failed (500): boom')).toBeInTheDocument();
  });

  it('maps an exhausted budget to the freeze policy', async () => {
    serve([slo], makeSnapshot(-0.2, 3));
    renderDetailPage('checkout');
    expect(await screen.findByTestId(testIds.sloDetail.policy)).toHaveTextContent(
      /Exhausted: Freeze.*Why: remaining budget -20% ≤ 0%/
    );
  });

  it('shows the policy the SLO names: its name, state, action, reason, exemptions and approvers', async () => {
    const strict = {
      id: 'checkout-strict',
      name: 'Checkout strict',
      exhaustedAtOrBelow: 0.1,
      atRiskBelow: 0.5,
      fastBurn: { rate: 4, window: '1h' as const },
      actions: {
        healthy: 'ship' as const,
        at_risk: 'ship_with_approval' as const,
        fast_burn: 'freeze' as const,
        exhausted: 'freeze' as const,
      },
      exemptions: ['Security fixes'],
      approvers: ['alice', 'bob'],
      incidentBudgetShare: 0.2,
    };
    jest.mocked(getPluginSettings).mockResolvedValue({
      enabled: true,
      pinned: false,
      jsonData: {
        slos: [{ ...slo, policy: 'checkout-strict' }],
        policies: [strict],
        settings: { defaultPrometheusUid: 'prom' },
      },
    });
    jest
      .mocked(fetchSloSnapshots)
      .mockImplementation(async (given) => new Map(given.map((s) => [s.id, makeSnapshot(0.8, 5)])));
    renderDetailPage('checkout');
    const card = await screen.findByTestId(testIds.sloDetail.policy);
    await waitFor(() => expect(card).toHaveTextContent('Error-budget policy Checkout strict: Burning fast: Freeze'));
    expect(card).toHaveTextContent('Why: burn rate (1h) 5× ≥ 4×');
    expect(card).toHaveTextContent('Exempt from a freeze: Security fixes');
    expect(card).toHaveTextContent('Approvers for exceptions: alice, bob');
  });

  it('asks for a data source instead of showing an empty scene when none is set', async () => {
    jest.mocked(getPluginSettings).mockResolvedValue({ enabled: true, pinned: false, jsonData: { slos: [slo] } });
    jest.mocked(fetchSloSnapshots).mockResolvedValue(new Map());
    renderDetailPage('checkout');
    expect(await screen.findByText('No Prometheus data source')).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.sloDetail.scene)).not.toBeInTheDocument();
  });

  it('disables Edit and Delete for users who cannot edit settings', async () => {
    jest.mocked(canEditSettings).mockReturnValue(false);
    serve([slo]);
    renderDetailPage('checkout');
    await screen.findByRole('heading', { name: 'Checkout availability' });
    expect(actions().queryByRole('link', { name: /Edit/ })).not.toBeInTheDocument();
    expect(actions().getByRole('button', { name: /Edit/ })).toHaveAttribute('aria-disabled', 'true');
    expect(actions().getByRole('button', { name: /Delete/ })).toHaveAttribute('aria-disabled', 'true');
    expect(actions().getByRole('link', { name: /Declare incident/ })).toBeInTheDocument();
  });

  it('links Edit to the editor and Declare incident to a prefilled form over the shown range', async () => {
    serve([slo]);
    renderDetailPage('checkout');
    await screen.findByRole('heading', { name: 'Checkout availability' });
    expect(actions().getByRole('link', { name: /Edit/ })).toHaveAttribute('href', `${BASE}/checkout/edit`);
    const declare = new URL(
      actions()
        .getByRole('link', { name: /Declare incident/ })
        .getAttribute('href')!,
      'http://g'
    );
    expect(declare.pathname).toBe('/a/sre-reliability-app/incidents/new');
    const p = Object.fromEntries(declare.searchParams);
    expect(p).toMatchObject({
      slo: 'checkout',
      service: 'checkout',
      title: 'Checkout availability burning error budget',
    });
    expect(Number(p.to) - Number(p.from)).toBe(7 * 86_400_000);
  });

  it('deletes after confirmation, with the loaded revision, then goes to the list', async () => {
    serve([slo]);
    jest.mocked(deleteSlo).mockResolvedValue();
    renderDetailPage('checkout');
    await screen.findByRole('heading', { name: 'Checkout availability' });
    await user.click(actions().getByRole('button', { name: /Delete/ }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Delete SLO "Checkout availability"?');
    expect(deleteSlo).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(deleteSlo).toHaveBeenCalledWith('checkout', 3);
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(BASE));
    expect(screen.getByText('SLO list')).toBeInTheDocument();
  });

  it('keeps the dialog open with the conflict when someone else changed the SLO', async () => {
    serve([slo]);
    jest
      .mocked(deleteSlo)
      .mockRejectedValue(new ConflictError('SLO "checkout" was changed by someone else. Reload first.'));
    renderDetailPage('checkout');
    await screen.findByRole('heading', { name: 'Checkout availability' });
    await user.click(actions().getByRole('button', { name: /Delete/ }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('Someone else changed this SLO')).toBeInTheDocument();
    expect(dialog).toHaveTextContent('Reload first.');
    expect(screen.getByTestId('location')).toHaveTextContent(`${BASE}/checkout`);
  });

  it('shows an impossible error ratio as a data problem with its queries, never as exhausted', async () => {
    serve([slo], {
      ...makeSnapshot(null),
      status: 'bad_data',
      dataProblem: { message: 'bad exceeds total: check the queries', queries: ['bad: a', 'total: b'] },
    });
    renderDetailPage('checkout');
    expect(await screen.findByTestId(testIds.dataProblem)).toHaveTextContent('bad exceeds total: check the queries');
    expect(screen.getByTestId(testIds.sloDetail.policy)).toHaveTextContent(/Check the queries/);
    expect(screen.queryByText('Exhausted')).toBeNull();
  });

  it('serves a second visit from the shared cache: no second settings read, the same status at once', async () => {
    serve([slo]);
    jest.mocked(getPluginSettings).mockClear();
    jest.mocked(fetchSloSnapshots).mockClear();
    const first = renderDetailPage('checkout');
    await screen.findByTestId(testIds.sloDetail.policy);
    first.unmount();
    renderDetailPage('checkout');
    // Rendered synchronously from the cache: no loading state in between.
    expect(screen.getByTestId(testIds.sloDetail.policy)).toHaveTextContent(/Healthy/);
    expect(getPluginSettings).toHaveBeenCalledTimes(1);
    expect(fetchSloSnapshots).toHaveBeenCalledTimes(1);
  });

  it('says what is wrong with a stored SLO that fails validation', async () => {
    serve([{ ...slo, objective: { target: 5 } }]);
    renderDetailPage('checkout');
    expect(await screen.findByText(/stored with errors/)).toBeInTheDocument();
    expect(screen.getByText(/slos\[0\]\.objective\.target/)).toBeInTheDocument();
  });
});
