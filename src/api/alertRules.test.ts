import { config } from '@grafana/runtime';
import { checkRequest } from '../../tests/contract/openapi';
import { makeSlo } from '../pages/Slos/__fixtures__/slos';
import { createFakeBackend, type RecordedRequest } from './testing/fakeBackend';
import { canWriteAlertRules, installSloAlerts, listFolders, upsertAlertRule } from './alertRules';
import { provisionedAlertRules, type ProvisionedAlertRule } from '../domain/rules/grafana';

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

/** Grafana's provisioning API over an in-memory rule store: list, get, create, replace and delete by uid. */
function serveRules(initial: Array<Partial<ProvisionedAlertRule>>) {
  const store = new Map(initial.map((r) => [r.uid!, r]));
  responder = (req) => {
    const uid = decodeURIComponent(req.url.replace(/^\/api\/v1\/provisioning\/alert-rules\/?/, ''));
    if (req.method === 'GET') {
      if (uid === '') {
        return { data: [...store.values()] };
      }
      return store.has(uid) ? { data: store.get(uid) } : { status: 404, data: { message: 'not found' } };
    }
    if (req.method === 'DELETE') {
      store.delete(uid);
      return { status: 204, data: null };
    }
    const body = req.body as ProvisionedAlertRule;
    store.set(body.uid, body);
    return { data: body };
  };
  return store;
}

describe('installSloAlerts', () => {
  it('upserts one rule per enabled tier and reports what it did', async () => {
    serveRules([{ uid: 'slo-checkout-fast', ruleGroup: 'sre-slo-checkout', labels: { slo_id: 'checkout' } }]);
    const results = await installSloAlerts(slo, opts);
    expect(results.map((r) => [r.uid, r.action])).toEqual([
      ['slo-checkout-fast', 'updated'],
      ['slo-checkout-medium', 'created'],
    ]);
    expect(backend.requests.every((r) => checkRequest(r).length === 0)).toBe(true);
  });

  it("removes the SLO's rules it no longer generates, and nobody else's", async () => {
    const ours = (tier: string) => ({
      uid: `slo-checkout-${tier}`,
      title: `SLOErrorBudgetBurn: checkout (${tier})`,
      ruleGroup: 'sre-slo-checkout',
      labels: { slo_id: 'checkout' },
    });
    const store = serveRules([
      ours('fast'),
      ours('slow'), // the slow tier is switched off in `slo`
      { uid: 'hand-made', ruleGroup: 'sre-slo-checkout', labels: { team: 'payments' } },
      { uid: 'slo-cart-fast', ruleGroup: 'sre-slo-cart', labels: { slo_id: 'cart' } },
    ]);
    const results = await installSloAlerts(slo, opts);
    expect(results.map((r) => [r.uid, r.action])).toEqual([
      ['slo-checkout-fast', 'updated'],
      ['slo-checkout-medium', 'created'],
      ['slo-checkout-slow', 'removed'],
    ]);
    expect([...store.keys()].sort()).toEqual([
      'hand-made',
      'slo-cart-fast',
      'slo-checkout-fast',
      'slo-checkout-medium',
    ]);
    const deletes = backend.requests.filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => r.url)).toEqual(['/api/v1/provisioning/alert-rules/slo-checkout-slow']);
    expect(deletes[0].headers).toEqual({ 'X-Disable-Provenance': 'true' });
    // Removal comes last: a failed install never leaves fewer alerts than before.
    expect(backend.requests.at(-1)?.method).toBe('DELETE');
    expect(backend.requests.every((r) => checkRequest(r).length === 0)).toBe(true);
  });

  it('says when the new rules are in but an old one could not be removed', async () => {
    serveRules([
      { uid: 'slo-checkout-long', title: 'old long', ruleGroup: 'sre-slo-checkout', labels: { slo_id: 'checkout' } },
    ]);
    const serve = responder;
    responder = (req) => (req.method === 'DELETE' ? { status: 403, data: { message: 'forbidden' } } : serve(req));
    await expect(installSloAlerts(slo, opts)).rejects.toThrow(
      /All alerts are installed, but removing the old rule "old long" failed.*403/
    );
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
