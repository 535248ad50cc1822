import { config } from '@grafana/runtime';
import { checkRequest } from '../../tests/contract/openapi';
import { makeSlo } from '../pages/Slos/__fixtures__/slos';
import { grafanaRecordingRules, type ProvisionedRecordingRule } from '../domain/rules/grafanaRecording';
import { createFakeBackend, type RecordedRequest } from './testing/fakeBackend';
import { installSloRecordingRules, recordingSupport } from './recordingRules';

let responder: (req: RecordedRequest) => { status?: number; data: unknown } = () => ({ data: {} });
const backend = createFakeBackend((req) => responder(req));

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
}));

const slo = makeSlo('checkout');
const opts = { datasourceUid: 'prom', targetDatasourceUid: 'prom', folderUid: 'f1' };
const wanted = grafanaRecordingRules(slo, opts);

/** Grafana's provisioning API over an in-memory rule store: list, get, create, replace and delete by uid. */
function serveRules(initial: Array<Partial<ProvisionedRecordingRule>>) {
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
    const body = req.body as ProvisionedRecordingRule;
    store.set(body.uid, body);
    return { status: req.method === 'POST' ? 201 : 200, data: body };
  };
  return store;
}

beforeEach(() => {
  backend.requests.length = 0;
});
afterEach(() => {
  // Every request the install sends is in Grafana's API spec, bodies included.
  expect(backend.requests.flatMap((r) => checkRequest(r))).toEqual([]);
});

describe('installSloRecordingRules', () => {
  it('creates every recording rule, then updates them on a second run, with X-Disable-Provenance', async () => {
    const store = serveRules([]);
    const first = await installSloRecordingRules(slo, opts);
    expect(first.map((r) => r.action)).toEqual(wanted.map(() => 'created'));
    expect([...store.keys()]).toEqual(wanted.map((r) => r.uid));
    const posts = backend.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(wanted.length);
    expect(posts.every((r) => r.headers?.['X-Disable-Provenance'] === 'true')).toBe(true);
    expect(posts[0].body).toMatchObject({
      folderUID: 'f1',
      ruleGroup: 'sre-slo-checkout.recording',
      record: { from: 'A', target_datasource_uid: 'prom' },
    });

    backend.requests.length = 0;
    const second = await installSloRecordingRules(slo, opts);
    expect(second.map((r) => r.action)).toEqual(wanted.map(() => 'updated'));
    expect(backend.requests.filter((r) => r.method === 'PUT').map((r) => r.url)).toEqual(
      wanted.map((r) => `/api/v1/provisioning/alert-rules/${r.uid}`)
    );
  });

  it("removes the SLO's recording rules it no longer generates, last, and nobody else's", async () => {
    const ours = { ruleGroup: 'sre-slo-checkout.recording', labels: { slo_id: 'checkout' }, record: wanted[0].record };
    const store = serveRules([
      { uid: 'slo-checkout-rec-old', title: 'slo:old (checkout)', ...ours },
      { uid: 'slo-checkout-fast', ruleGroup: 'sre-slo-checkout', labels: { slo_id: 'checkout' } },
      { uid: 'by-hand', ruleGroup: 'sre-slo-checkout.recording', labels: { team: 'x' }, record: wanted[0].record },
    ]);
    const results = await installSloRecordingRules(slo, opts);
    expect(results.at(-1)).toEqual({ uid: 'slo-checkout-rec-old', title: 'slo:old (checkout)', action: 'removed' });
    expect(store.has('slo-checkout-fast')).toBe(true);
    expect(store.has('by-hand')).toBe(true);
    expect(backend.requests.at(-1)).toMatchObject({
      method: 'DELETE',
      url: '/api/v1/provisioning/alert-rules/slo-checkout-rec-old',
      headers: { 'X-Disable-Provenance': 'true' },
    });
  });

  it('names the rule it stopped at, and keeps the status for the dialog', async () => {
    serveRules([]);
    const serve = responder;
    responder = (req) =>
      req.method === 'POST' && (req.body as ProvisionedRecordingRule).uid === wanted[1].uid
        ? { status: 400, data: { message: 'invalid alert rule: recording rules cannot be created on this instance' } }
        : serve(req);
    const err = await installSloRecordingRules(slo, opts).catch((e) => e);
    expect(err.message).toContain(`Installing "${wanted[1].title}" failed (1 installed before it)`);
    expect(err.message).toMatch(/\(400\): invalid alert rule: recording rules cannot be created on this instance$/);
    expect(err.status).toBe(400);
  });

  it('says when every rule is in but an old one could not be removed', async () => {
    serveRules([
      {
        uid: 'gone',
        title: 'old rule',
        ruleGroup: 'sre-slo-checkout.recording',
        labels: { slo_id: 'checkout' },
        record: wanted[0].record,
      },
    ]);
    const serve = responder;
    responder = (req) => (req.method === 'DELETE' ? { status: 403, data: { message: 'forbidden' } } : serve(req));
    await expect(installSloRecordingRules(slo, opts)).rejects.toThrow(
      /All recording rules are installed, but removing the old rule "old rule" failed.*403/
    );
  });
});

describe('recordingSupport', () => {
  const saved = { buildInfo: config.buildInfo, featureToggles: config.featureToggles, ua: config.unifiedAlerting };
  afterEach(() => {
    config.buildInfo = saved.buildInfo;
    config.featureToggles = saved.featureToggles;
    config.unifiedAlerting = saved.ua;
  });

  it("reads Grafana's version, the feature toggle and the grafana.ini switch from the boot config", () => {
    config.buildInfo = { ...saved.buildInfo, version: '12.2.1' };
    config.featureToggles = { ...saved.featureToggles, grafanaManagedRecordingRules: true };
    config.unifiedAlerting = { ...saved.ua, recordingRulesEnabled: true };
    expect(recordingSupport()).toEqual({ supported: true, targetHonoured: true });
    config.featureToggles = { ...saved.featureToggles, grafanaManagedRecordingRules: false };
    expect(recordingSupport()).toMatchObject({ supported: false });
  });
});
