import '../../../components/testing/jsdomPolyfills';
import React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import { setupUser } from '../../../components/testing/user';
import { config, usePluginComponent } from '@grafana/runtime';
import { checkRequest } from '../../../../tests/contract/openapi';
import { createFakeBackend, type RecordedRequest } from '../../../api/testing/fakeBackend';
import { getPluginSettings } from '../../../api/pluginSettings';
import { fetchSloSnapshots } from '../../../api/sloStatus';
import { canEditSettings, canWriteAnnotations } from '../../../api/permissions';
import { makeSlo, makeSnapshot } from '../__fixtures__/slos';
import { renderDetailPage } from './testing/renderDetailPage';

const user = setupUser();

let responder: (req: RecordedRequest) => { status?: number; data: unknown } = () => ({ data: {} });
const backend = createFakeBackend((req) => responder(req));

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  PluginPage: jest.requireActual('../../../components/testing/TestPluginPage').TestPluginPage,
  getBackendSrv: () => backend.srv,
  usePluginComponent: jest.fn(),
}));
jest.mock('../../../api/pluginSettings');
jest.mock('../../../api/sloStatus');
jest.mock('../../../api/permissions');
// See SloDetailPage.test.tsx: real VizPanels cannot render in jest; the scene factory has its own tests.
jest.mock('./SloScene', () => ({ SloScene: () => <div>scene</div> }));

const slo = makeSlo('checkout', {
  name: 'Checkout availability',
  alerting: { tiers: [{ tier: 'long', enabled: false }] },
});
// Grafana UI's modals, menus and Combobox are slow to render in jsdom.
jest.setTimeout(30_000);

const actions = () => within(screen.getByLabelText('Page actions'));

async function openPage() {
  renderDetailPage('checkout');
  await screen.findByRole('heading', { name: 'Checkout availability' });
}

beforeAll(() => {
  // Combobox's menu is virtualised: give elements a size or no option renders.
  jest.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(120);
  jest.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(120);
});

beforeEach(() => {
  backend.requests.length = 0;
  config.bootData.user = {
    ...config.bootData.user,
    orgRole: 'Editor',
    permissions: undefined,
  } as typeof config.bootData.user;
  jest.mocked(canEditSettings).mockReturnValue(false);
  jest.mocked(canWriteAnnotations).mockReturnValue(true);
  jest.mocked(usePluginComponent).mockReturnValue({ component: undefined, isLoading: false });
  jest.mocked(getPluginSettings).mockResolvedValue({
    enabled: true,
    pinned: false,
    jsonData: { slos: [slo], settings: { defaultPrometheusUid: 'prom' } },
  });
  jest.mocked(fetchSloSnapshots).mockResolvedValue(new Map([['checkout', makeSnapshot(0.8)]]));
});

describe('install alerts', () => {
  it('lists folders, then creates new rules (POST) and updates existing ones (PUT) in the chosen folder', async () => {
    responder = (req) => {
      if (req.url === '/api/folders') {
        return {
          data: [
            { uid: 'f1', title: 'SLOs' },
            { uid: 'f2', title: 'Other' },
          ],
        };
      }
      if (req.url === '/api/v1/provisioning/alert-rules' && req.method === 'GET') {
        // Installed earlier: the fast tier, and a tier this SLO no longer has.
        const ours = { ruleGroup: 'sre-slo-checkout', labels: { slo_id: 'checkout' } };
        return {
          data: [
            { uid: 'slo-checkout-fast', ...ours },
            { uid: 'slo-checkout-old', title: 'Old tier', ...ours },
          ],
        };
      }
      if (req.method === 'GET') {
        return req.url.endsWith('/slo-checkout-fast') ? { data: {} } : { status: 404, data: { message: 'not found' } };
      }
      return { data: {} };
    };
    await openPage();
    await user.click(actions().getByRole('button', { name: /Alert rules/ }));
    await user.click(await screen.findByRole('menuitem', { name: /Install alerts in Grafana/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('button', { name: 'Install' })).toBeDisabled();
    await user.click(await within(dialog).findByRole('combobox', { name: /Folder/ }));
    await user.click(await screen.findByRole('option', { name: 'SLOs' }));
    await user.click(within(dialog).getByRole('button', { name: 'Install' }));

    expect(await within(dialog).findByText('Alerts installed')).toBeInTheDocument();
    expect(dialog).toHaveTextContent('2 created, 1 updated, 1 removed (no longer generated).');
    const writes = backend.requests.filter((r) => r.method !== 'GET');
    expect(writes.map((r) => `${r.method} ${r.url}`)).toEqual([
      'PUT /api/v1/provisioning/alert-rules/slo-checkout-fast',
      'POST /api/v1/provisioning/alert-rules',
      'POST /api/v1/provisioning/alert-rules',
      'DELETE /api/v1/provisioning/alert-rules/slo-checkout-old',
    ]);
    for (const req of backend.requests) {
      expect(checkRequest(req)).toEqual([]);
    }
    expect(writes.slice(0, 3).map((r) => (r.body as { folderUID: string }).folderUID)).toEqual(['f1', 'f1', 'f1']);
  });

  it('shows the API error when the user may not write rules', async () => {
    responder = (req) =>
      req.url === '/api/folders'
        ? { data: [{ uid: 'f1', title: 'SLOs' }] }
        : { status: 403, data: { message: 'user is not authorized to access rule group' } };
    await openPage();
    await user.click(actions().getByRole('button', { name: /Alert rules/ }));
    await user.click(await screen.findByRole('menuitem', { name: /Install alerts/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(await within(dialog).findByRole('combobox', { name: /Folder/ }));
    await user.click(await screen.findByRole('option', { name: 'SLOs' }));
    await user.click(within(dialog).getByRole('button', { name: 'Install' }));
    expect(await within(dialog).findByText('Installing the alerts failed')).toBeInTheDocument();
    expect(dialog).toHaveTextContent(/403.*user is not authorized/);
  });

  it('shows viewers the install item and Create dashboard disabled', async () => {
    config.bootData.user = { ...config.bootData.user, orgRole: 'Viewer' } as typeof config.bootData.user;
    await openPage();
    // Checked before the menu opens: an open menu makes the rest of the page inert to the accessibility tree.
    expect(actions().getByRole('button', { name: /Create dashboard/ })).toHaveAttribute('aria-disabled', 'true');
    await user.click(actions().getByRole('button', { name: /Alert rules/ }));
    expect(await screen.findByRole('menuitem', { name: /Download Prometheus rules/ })).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: /Install alerts/ })).toBeDisabled();
  });
});

it('downloads the Prometheus rules as a file', async () => {
  const createObjectURL = jest.fn(() => 'blob:x');
  Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
  const clicked: string[] = [];
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this.download);
  });
  await openPage();
  await user.click(actions().getByRole('button', { name: /Alert rules/ }));
  await user.click(await screen.findByRole('menuitem', { name: /Download Prometheus rules/ }));
  expect(clicked).toEqual(['slo-checkout.rules.yaml']);
  expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
});

it('creates a dashboard and links to it', async () => {
  responder = () => ({ data: { id: 1, uid: 'd1', url: '/d/d1/slo-checkout', status: 'success', version: 1 } });
  await openPage();
  await user.click(actions().getByRole('button', { name: /Create dashboard/ }));
  expect(await screen.findByText('Dashboard created')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: /Open the dashboard/ })).toHaveAttribute('href', '/d/d1/slo-checkout');
  // The page also reads releases and freezes; pick the dashboard write out of the requests.
  const posts = backend.requests.filter((r) => r.method === 'POST' && r.url === '/api/dashboards/db');
  expect(posts).toHaveLength(1);
  expect(checkRequest(posts[0])).toEqual([]);
  expect((posts[0].body as { dashboard: { title: string } }).dashboard.title).toBe('SLO: Checkout availability');
});

describe('add to dashboard', () => {
  it("uses Grafana's add-to-dashboard form when it is exposed", async () => {
    const Form = jest.fn(({ buildPanel }: { buildPanel: () => { title: string } }) => (
      <div>form for {buildPanel().title}</div>
    ));
    jest.mocked(usePluginComponent).mockReturnValue({ component: Form as never, isLoading: false });
    await openPage();
    await user.click(actions().getByRole('button', { name: /Add to dashboard/ }));
    expect(await screen.findByText('form for SLI: Checkout availability')).toBeInTheDocument();
    expect(usePluginComponent).toHaveBeenCalledWith('grafana/add-to-dashboard-form/v1');
  });

  it('falls back to copying the panel JSON when the form is not available', async () => {
    await openPage();
    await user.click(actions().getByRole('button', { name: /Add to dashboard/ }));
    const dialog = await screen.findByRole('dialog');
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(within(dialog).getByRole('button', { name: /Copy panel JSON/ }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    expect(JSON.parse(writeText.mock.calls[0][0])).toMatchObject({
      type: 'timeseries',
      targets: [{ expr: '1 - slo:sli_error:ratio_period{slo_id="checkout"}' }],
    });
    expect(await within(dialog).findByText(/Panel JSON copied/)).toBeInTheDocument();
  });
});
