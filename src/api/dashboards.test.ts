import { checkRequest } from '../../tests/contract/openapi';
import { createFakeBackend } from './testing/fakeBackend';
import { createDashboard } from './dashboards';

const backend = createFakeBackend(() => ({
  data: { id: 1, uid: 'abc', url: '/d/abc/checkout-slo', status: 'success', version: 1, slug: 'checkout-slo' },
}));

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
}));

describe('createDashboard (POST /api/dashboards/db)', () => {
  it('posts a SaveDashboardCommand that never overwrites, and returns the new URL', async () => {
    const saved = await createDashboard({ title: 'Checkout SLO', panels: [] }, 'f1');
    expect(saved).toEqual({ uid: 'abc', url: '/d/abc/checkout-slo' });
    const [req] = backend.requests;
    expect(checkRequest(req)).toEqual([]);
    expect(req.body).toEqual({
      dashboard: { title: 'Checkout SLO', panels: [] },
      overwrite: false,
      message: 'Created by SRE Reliability',
      folderUid: 'f1',
    });
  });

  it('leaves the folder out when none is given (the General folder)', async () => {
    backend.requests.length = 0;
    await createDashboard({ title: 'x' });
    expect(checkRequest(backend.requests[0])).toEqual([]);
    expect(backend.requests[0].body).not.toHaveProperty('folderUid');
  });
});
