import '../../../components/testing/jsdomPolyfills';
import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { config } from '@grafana/runtime';
import { setupUser } from '../../../components/testing/user';
import { checkAnyRequest } from '../../../../tests/contract/cortex-ruler';
import { createFakeBackend, type RecordedRequest } from '../../../api/testing/fakeBackend';
import { makeSlo } from '../__fixtures__/slos';
import { saveFile } from './downloads';
import { InstallAlertsModal } from './InstallAlertsModal';

const user = setupUser();

let responder: (req: RecordedRequest) => { status?: number; data: unknown } = () => ({ data: {} });
const backend = createFakeBackend((req) => responder(req));
const datasources: Record<string, { name: string; type: string }> = {
  mimir: { name: 'Mimir', type: 'prometheus' },
  prom: { name: 'Prometheus', type: 'prometheus' },
};

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
  getDataSourceSrv: () => ({
    getInstanceSettings: (uid: string) => (datasources[uid] ? { uid, ...datasources[uid] } : undefined),
  }),
}));
jest.mock('./downloads', () => ({ ...jest.requireActual('./downloads'), saveFile: jest.fn() }));
jest.setTimeout(30_000);

const slo = makeSlo('checkout', { name: 'Checkout' });
const boot = config.bootData;

/** Mimir through Grafana's proxy: buildinfo with the ruler feature, an empty namespace, and `post` for writes. */
function mimirAnswering(post: () => { status?: number; data: unknown }) {
  responder = (req) => {
    if (req.url.endsWith('/status/buildinfo')) {
      return req.url.includes('/uid/mimir/')
        ? { data: { data: { features: { ruler_config_api: 'true' } } } }
        : { data: { data: { version: '2.53.0' } } };
    }
    if (req.method === 'GET') {
      return { status: 404, data: { message: 'no rule groups found' } };
    }
    return post();
  };
}

async function openRuler(datasourceUid: string) {
  render(<InstallAlertsModal slo={slo} datasourceUid={datasourceUid} onDismiss={jest.fn()} />);
  await user.click(await screen.findByRole('radio', { name: 'Data source ruler' }));
  return screen.getByRole('dialog');
}

beforeEach(() => {
  backend.requests.length = 0;
  config.bootData = {
    ...boot,
    user: { ...boot?.user, orgRole: 'Editor', permissions: undefined },
  } as typeof config.bootData;
});
afterEach(() => {
  expect(backend.requests.flatMap(checkAnyRequest)).toEqual([]);
  config.bootData = boot;
});

describe('install dialog, data source ruler', () => {
  it('installs the group into the namespace the user picks', async () => {
    mimirAnswering(() => ({ status: 202, data: { message: 'ok' } }));
    const dialog = await openRuler('mimir');
    const namespace = await within(dialog).findByLabelText(/Namespace/);
    expect(namespace).toHaveValue('sre-reliability');
    expect(dialog).toHaveTextContent(
      'as the group sre-slo-checkout and the group sre-slo-checkout.hourly, evaluated once an hour, with the period ratio'
    );
    await user.clear(namespace);
    expect(within(dialog).getByText('Namespace: must not be empty')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Install rule group' })).toBeDisabled();
    await user.type(namespace, 'payments');
    await user.click(within(dialog).getByRole('button', { name: 'Install rule group' }));
    expect(
      await within(dialog).findByText(
        'Groups sre-slo-checkout.hourly and sre-slo-checkout created in namespace payments.'
      )
    ).toBeInTheDocument();
    expect(backend.requests.at(-1)).toMatchObject({ method: 'POST', url: '/api/ruler/mimir/api/v1/rules/payments' });
  });

  it('explains a data source with no ruler and offers the rule file', async () => {
    mimirAnswering(() => ({ data: {} }));
    const dialog = await openRuler('prom');
    expect(await within(dialog).findByText('This data source has no ruler Grafana can write to')).toBeInTheDocument();
    expect(within(dialog).getByText(/is a Prometheus server/)).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Install rule group' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Download rule file' }));
    expect(jest.mocked(saveFile)).toHaveBeenCalledWith(
      expect.objectContaining({ filename: 'slo-checkout.rules.yaml' })
    );
  });

  it('says permission is denied when the user may not write data source rules', async () => {
    config.bootData = {
      ...boot,
      user: { ...boot?.user, orgRole: 'Editor', permissions: { 'alert.rules.external:write': false } },
    } as typeof config.bootData;
    const dialog = await openRuler('mimir');
    expect(await within(dialog).findByText('Permission denied')).toBeInTheDocument();
    expect(within(dialog).getByText(/alert.rules.external:write/)).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Install rule group' })).not.toBeInTheDocument();
  });

  it('says permission is denied when the ruler refuses the write with 403', async () => {
    mimirAnswering(() => ({ status: 403, data: { message: 'You do not have permission' } }));
    const dialog = await openRuler('mimir');
    await user.click(await within(dialog).findByRole('button', { name: 'Install rule group' }));
    expect(await within(dialog).findByText('Permission denied')).toBeInTheDocument();
    expect(within(dialog).getByText(/403.*You do not have permission/)).toBeInTheDocument();
  });
});
