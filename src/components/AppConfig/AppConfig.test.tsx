import React from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import { setupUser } from '../testing/user';
import { OrgRole } from '@grafana/data';
import { config } from '@grafana/runtime';
import AppConfig, { type AppConfigProps } from './AppConfig';
import { testIds } from '../testIds';
import { createFakeBackend, type RecordedRequest } from '../../api/testing/fakeBackend';

const user = setupUser();

let responder: (req: RecordedRequest) => { status?: number; data: unknown };
const backend = createFakeBackend((req) => responder(req));

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
  // The real picker needs Grafana's data source service; a plain stand-in keeps this test on our own logic.
  DataSourcePicker: ({ current, type }: { current: string | null; type: string }) => (
    <span>{`${type}: ${current ?? 'none'}`}</span>
  ),
}));

const stored = { enabled: true, pinned: false, jsonData: { settings: { lokiUid: 'loki' }, slos: [{ id: 'keep-me' }] } };

function setRole(orgRole: OrgRole) {
  config.bootData.user = { ...config.bootData.user, orgRole, isGrafanaAdmin: false };
}

const props = {} as AppConfigProps;

beforeEach(() => {
  backend.requests.length = 0;
  // Like Grafana, store what is posted: the app reads its write back to check it was not overwritten.
  let saved: unknown = stored;
  responder = (req) => {
    if (req.method === 'POST') {
      saved = req.body;
      return { data: {} };
    }
    return { data: saved };
  };
  setRole(OrgRole.Admin);
});

describe('AppConfig', () => {
  it('loads the stored settings, filling defaults', async () => {
    render(<AppConfig {...props} />);
    expect(screen.getByText('Loading settings…')).toBeInTheDocument();
    expect(await screen.findByText('loki: loki')).toBeInTheDocument();
    expect(screen.getByTestId(testIds.appConfig.logLabel)).toHaveValue('service');
  });

  it('saves only the settings, keeping the SLOs and `enabled`', async () => {
    render(<AppConfig {...props} />);
    const label = await screen.findByTestId(testIds.appConfig.logLabel);
    await user.clear(label);
    await user.type(label, 'service_name');
    await user.click(screen.getByTestId(testIds.appConfig.submit));

    expect(await screen.findByText('Settings saved')).toBeInTheDocument();
    const post = backend.requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({
      enabled: true,
      pinned: false,
      jsonData: { settings: { lokiUid: 'loki', defaultPrometheusUid: '', logServiceLabel: 'service_name' }, slos: [{ id: 'keep-me' }] },
    });
  });

  it('names the field and the reason for a bad label, and saves nothing', async () => {
    render(<AppConfig {...props} />);
    const label = await screen.findByTestId(testIds.appConfig.logLabel);
    await user.clear(label);
    await user.type(label, '1-bad');
    expect(screen.getByText(/Service label: "1-bad" is not a valid label name/)).toBeInTheDocument();
    expect(screen.getByTestId(testIds.appConfig.submit)).toBeDisabled();
    expect(backend.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('shows the load error instead of an empty form', async () => {
    responder = () => ({ status: 500, data: { message: 'database is locked' } });
    render(<AppConfig {...props} />);
    expect(await screen.findByText(/database is locked/)).toBeInTheDocument();
  });

  it('is read-only for non-admins and says who can edit', async () => {
    setRole(OrgRole.Editor);
    render(<AppConfig {...props} />);
    expect(await screen.findByText('Only organization admins can change these settings.')).toBeInTheDocument();
    expect(screen.getByTestId(testIds.appConfig.submit)).toBeDisabled();
    await waitFor(() => expect(screen.getByTestId(testIds.appConfig.logLabel)).toBeDisabled());
  });

  it('reports a failed save and keeps the form', async () => {
    responder = (req) => (req.method === 'GET' ? { data: stored } : { status: 403, data: { message: 'Permission denied' } });
    render(<AppConfig {...props} />);
    await screen.findByTestId(testIds.appConfig.logLabel);
    await user.click(screen.getByTestId(testIds.appConfig.submit));
    expect(await screen.findByText('Settings were not saved')).toBeInTheDocument();
    expect(screen.getByText(/Permission denied/)).toBeInTheDocument();
  });
});
