import { giveElementsASize } from '../../../components/testing/jsdomPolyfills';
import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { config } from '@grafana/runtime';
import { setupUser } from '../../../components/testing/user';
import { checkAnyRequest } from '../../../../tests/contract/cortex-ruler';
import { createFakeBackend, type RecordedRequest } from '../../../api/testing/fakeBackend';
import { grafanaRecordingRules, type ProvisionedRecordingRule } from '../../../domain/rules/grafanaRecording';
import { makeSlo } from '../__fixtures__/slos';
import { InstallAlertsModal } from './InstallAlertsModal';

const user = setupUser();

let responder: (req: RecordedRequest) => { status?: number; data: unknown } = () => ({ data: {} });
const backend = createFakeBackend((req) => responder(req));
const datasources: Record<string, { name: string; type: string }> = {
  prom: { name: 'Prometheus', type: 'prometheus' },
  mimir: { name: 'Mimir', type: 'prometheus' },
};

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
  getDataSourceSrv: () => ({
    getInstanceSettings: (uid: string) => (datasources[uid] ? { uid, ...datasources[uid] } : undefined),
    getList: () => Object.entries(datasources).map(([uid, ds]) => ({ uid, ...ds })),
  }),
}));
jest.setTimeout(30_000);

const slo = makeSlo('checkout', { name: 'Checkout' });
const wanted = grafanaRecordingRules(slo, { datasourceUid: 'prom', targetDatasourceUid: 'prom', folderUid: 'f1' });
const saved = {
  boot: config.bootData,
  buildInfo: config.buildInfo,
  featureToggles: config.featureToggles,
  unifiedAlerting: config.unifiedAlerting,
};

function grafana(toggle: boolean, version = '12.2.0') {
  config.buildInfo = { ...saved.buildInfo, version };
  config.featureToggles = { ...saved.featureToggles, grafanaManagedRecordingRules: toggle };
  config.unifiedAlerting = { ...saved.unifiedAlerting, recordingRulesEnabled: toggle };
}

/**
 * Grafana answering: Mimir's buildinfo lists the ruler API, plain Prometheus's does not; one folder; the provisioning
 * API over an in-memory store; `write` may refuse writes.
 */
function serve(
  initial: Array<Partial<ProvisionedRecordingRule>> = [],
  write?: () => { status: number; data: unknown }
) {
  const store = new Map(initial.map((r) => [r.uid!, r]));
  responder = (req) => {
    if (req.url.endsWith('/status/buildinfo')) {
      return req.url.includes('/uid/mimir/')
        ? { data: { data: { features: { ruler_config_api: 'true' } } } }
        : { data: { data: { version: '2.53.0' } } };
    }
    if (req.url === '/api/folders') {
      return { data: [{ uid: 'f1', title: 'SLOs' }] };
    }
    const uid = decodeURIComponent(req.url.replace(/^\/api\/v1\/provisioning\/alert-rules\/?/, ''));
    if (req.method === 'GET') {
      if (uid === '') {
        return { data: [...store.values()] };
      }
      return store.has(uid) ? { data: store.get(uid) } : { status: 404, data: { message: 'not found' } };
    }
    if (write) {
      return write();
    }
    if (req.method === 'DELETE') {
      store.delete(uid);
      return { status: 204, data: null };
    }
    const body = req.body as ProvisionedRecordingRule;
    store.set(body.uid, body);
    return { data: body };
  };
  return store;
}

async function open(datasourceUid = 'prom') {
  render(
    <MemoryRouter>
      <InstallAlertsModal slo={slo} datasourceUid={datasourceUid} onDismiss={jest.fn()} />
    </MemoryRouter>
  );
  await user.click(await screen.findByRole('radio', { name: 'Grafana-managed recording rules' }));
  return screen.getByRole('dialog');
}

async function chooseFolderAndInstall(dialog: HTMLElement) {
  await user.click(await within(dialog).findByRole('combobox', { name: /Folder/ }));
  await user.click(await screen.findByRole('option', { name: 'SLOs' }));
  await user.click(within(dialog).getByRole('button', { name: 'Install recording rules' }));
}

beforeAll(giveElementsASize);
beforeEach(() => {
  backend.requests.length = 0;
  config.bootData = {
    ...saved.boot,
    user: { ...saved.boot?.user, orgRole: 'Editor', permissions: undefined },
  } as typeof config.bootData;
  grafana(true);
});
afterEach(() => {
  expect(backend.requests.flatMap(checkAnyRequest)).toEqual([]);
  Object.assign(config, saved, { bootData: saved.boot });
});

describe('install dialog, Grafana-managed recording rules', () => {
  it('explains what is missing when the feature toggle is off, and offers the rule file', async () => {
    grafana(false);
    serve();
    const dialog = await open();
    expect(within(dialog).getByText('This Grafana cannot run Grafana-managed recording rules')).toBeInTheDocument();
    expect(within(dialog).getByText(/grafanaManagedRecordingRules is off/)).toBeInTheDocument();
    expect(within(dialog).getByText(/\[recording_rules\] enabled = true/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Download rule file' })).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Install recording rules' })).not.toBeInTheDocument();
    // Only the alerts half's folder list: no ruler probe, no rule written.
    expect(backend.requests.map((r) => r.url)).toEqual(['/api/folders']);
  });

  it('says why Grafana before 11.2 cannot, even with the toggle on', async () => {
    grafana(true, '11.1.0');
    const dialog = await open();
    expect(within(dialog).getByText(/This is Grafana 11\.1\.0.*11\.2 or later/)).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Install recording rules' })).not.toBeInTheDocument();
  });

  it('installs every recording rule into the chosen folder, writing to the chosen target', async () => {
    const store = serve();
    const dialog = await open('prom');
    const target = await within(dialog).findByRole('combobox', { name: /Target data source/ });
    expect(target).toHaveValue('Prometheus');
    await user.click(target);
    await user.click(await screen.findByRole('option', { name: 'Mimir' }));
    // Reading the recorded series back through Prometheus is the user's problem now: say so.
    expect(within(dialog).getByText(/read series that other rules record/)).toBeInTheDocument();
    await chooseFolderAndInstall(dialog);

    expect(await within(dialog).findByText('Recording rules installed')).toBeInTheDocument();
    expect(dialog).toHaveTextContent(`${wanted.length} created, 0 updated.`);
    expect([...store.keys()]).toEqual(wanted.map((r) => r.uid));
    const posts = backend.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(wanted.length);
    for (const post of posts) {
      expect(post.headers).toEqual({ 'X-Disable-Provenance': 'true' });
      expect(post.body).toMatchObject({
        folderUID: 'f1',
        ruleGroup: 'sre-slo-checkout.recording',
        record: { from: 'A', target_datasource_uid: 'mimir' },
        data: [{ refId: 'A', datasourceUid: 'prom' }],
      });
    }
  });

  it('removes the recording rules the SLO no longer generates, after installing the rest', async () => {
    const ours = { ruleGroup: 'sre-slo-checkout.recording', labels: { slo_id: 'checkout' }, record: wanted[0].record };
    const store = serve([
      { ...wanted[0] },
      { uid: 'slo-checkout-rec-old', title: 'slo:old (checkout)', ...ours },
      { uid: 'slo-checkout-fast', ruleGroup: 'sre-slo-checkout', labels: { slo_id: 'checkout' } },
    ]);
    const dialog = await open();
    await chooseFolderAndInstall(dialog);
    expect(await within(dialog).findByText('Recording rules installed')).toBeInTheDocument();
    expect(dialog).toHaveTextContent(`${wanted.length - 1} created, 1 updated, 1 removed (no longer generated).`);
    expect(store.has('slo-checkout-rec-old')).toBe(false);
    expect(store.has('slo-checkout-fast')).toBe(true);
    expect(backend.requests.at(-1)).toMatchObject({
      method: 'DELETE',
      url: '/api/v1/provisioning/alert-rules/slo-checkout-rec-old',
    });
  });

  it('says permission is denied when the user may not write Grafana rules', async () => {
    config.bootData = {
      ...saved.boot,
      user: { ...saved.boot?.user, orgRole: 'Editor', permissions: { 'alert.rules:write': false } },
    } as typeof config.bootData;
    serve();
    const dialog = await open();
    expect(await within(dialog).findByText('Permission denied')).toBeInTheDocument();
    expect(within(dialog).getByText(/alert.rules:write/)).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Install recording rules' })).not.toBeInTheDocument();
  });

  it('says permission is denied when Grafana refuses the write with 403', async () => {
    serve([], () => ({ status: 403, data: { message: 'user is not authorized to create alert rules' } }));
    const dialog = await open();
    await chooseFolderAndInstall(dialog);
    expect(await within(dialog).findByText('Permission denied')).toBeInTheDocument();
    expect(dialog).toHaveTextContent(/403.*user is not authorized/);
  });

  it('sends a data source that has a writable ruler to the ruler target', async () => {
    serve();
    const dialog = await open('mimir');
    expect(await within(dialog).findByText('This data source has its own ruler')).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Install recording rules' })).not.toBeInTheDocument();
  });
});
