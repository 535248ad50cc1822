import { config } from '@grafana/runtime';
import { checkRequest } from '../../tests/contract/openapi';
import { makeSlo } from '../pages/Slos/__fixtures__/slos';
import { createFakeBackend, type RecordedRequest } from './testing/fakeBackend';
import { canWriteAlertRules, installSloAlerts, listFolders, upsertAlertRule } from './alertRules';
import { provisionedAlertRules } from '../domain/rules/grafana';

let responder: (req: RecordedRequest) => { status?: number; data: unknown } = () => ({ data: {} });
const backend = createFakeBackend((req) => responder(req));

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
}));

const slo = makeSlo('checkout', {
  alerting: {
    tiers: [
      { tier: 'slow', enabled: false },
      { tier: 'long', enabled: false },
    ],
  },
});
const opts = { datasourceUid: 'prom', folderUid: 'f1' };

beforeEach(() => {
  backend.requests.length = 0;
});

describe('listFolders (GET /api/folders)', () => {
  it('asks for folders the user can edit, within the spec', async () => {
    responder = () => ({ data: [{ uid: 'f1', title: 'SLOs', id: 3 }] });
    await expect(listFolders()).resolves.toEqual([{ uid: 'f1', title: 'SLOs' }]);
    expect(backend.requests).toHaveLength(1);
    expect(checkRequest(backend.requests[0])).toEqual([]);
    expect(backend.requests[0].params).toEqual({ limit: 1000, permission: 'Edit' });
  });
});

describe('upsertAlertRule', () => {
  const [rule] = provisionedAlertRules(slo, opts);

  it('POSTs a rule that does not exist yet, with X-Disable-Provenance, and the body matches ProvisionedAlertRule', async () => {
    responder = (req) =>
      req.method === 'GET' ? { status: 404, data: { message: 'not found' } } : { status: 201, data: rule };
    await expect(upsertAlertRule(rule)).resolves.toBe('created');
    expect(backend.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET /api/v1/provisioning/alert-rules/${rule.uid}`,
      'POST /api/v1/provisioning/alert-rules',
    ]);
    for (const req of backend.requests) {
      expect(checkRequest(req)).toEqual([]);
    }
    expect(backend.requests[1].headers).toEqual({ 'X-Disable-Provenance': 'true' });
    expect(backend.requests[1].body).toMatchObject({ uid: rule.uid, folderUID: 'f1', ruleGroup: 'sre-slo-checkout' });
  });

  it('PUTs a rule that exists, keyed by its uid', async () => {
    responder = () => ({ data: rule });
    await expect(upsertAlertRule(rule)).resolves.toBe('updated');
    const put = backend.requests[1];
    expect(`${put.method} ${put.url}`).toBe(`PUT /api/v1/provisioning/alert-rules/${rule.uid}`);
    expect(checkRequest(put)).toEqual([]);
    expect(put.headers).toEqual({ 'X-Disable-Provenance': 'true' });
  });

  it('does not write when the lookup fails for another reason', async () => {
    responder = () => ({ status: 403, data: { message: 'You do not have permission' } });
    await expect(upsertAlertRule(rule)).rejects.toThrow(/403.*You do not have permission/);
    expect(backend.requests).toHaveLength(1);
  });
});

describe('installSloAlerts', () => {
  it('upserts one rule per enabled tier and reports what it did', async () => {
    const existing = new Set(['slo-checkout-fast']);
    responder = (req) => {
      const uid = req.url.split('/').pop() ?? '';
      return req.method === 'GET' && !existing.has(uid) ? { status: 404, data: {} } : { data: {} };
    };
    const results = await installSloAlerts(slo, opts);
    expect(results.map((r) => [r.uid, r.action])).toEqual([
      ['slo-checkout-fast', 'updated'],
      ['slo-checkout-medium', 'created'],
    ]);
    expect(backend.requests.every((r) => checkRequest(r).length === 0)).toBe(true);
  });

  it('names the rule it stopped at and how many went in before it', async () => {
    responder = (req) =>
      req.method === 'GET'
        ? { status: 404, data: {} }
        : req.body && (req.body as { uid: string }).uid.endsWith('medium')
          ? { status: 400, data: { message: 'invalid alert rule' } }
          : { data: {} };
    await expect(installSloAlerts(slo, opts)).rejects.toThrow(
      /Installing "SLOErrorBudgetBurn: checkout \(medium\)" failed \(1 installed before it\).*400.*invalid alert rule/
    );
  });
});

describe('canWriteAlertRules', () => {
  const boot = config.bootData;
  afterEach(() => {
    config.bootData = boot;
  });
  const as = (user: object) => {
    config.bootData = { ...boot, user: { ...boot?.user, ...user } } as typeof config.bootData;
  };

  it('follows RBAC when listed, else Editor and above', () => {
    as({ orgRole: 'Viewer', permissions: undefined });
    expect(canWriteAlertRules()).toBe(false);
    as({ orgRole: 'Editor', permissions: undefined });
    expect(canWriteAlertRules()).toBe(true);
    as({ orgRole: 'Viewer', permissions: { 'alert.rules:write': true } });
    expect(canWriteAlertRules()).toBe(true);
    as({ orgRole: 'Admin', permissions: { 'alert.rules:write': false } });
    expect(canWriteAlertRules()).toBe(false);
  });
});
