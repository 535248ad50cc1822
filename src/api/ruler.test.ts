import { config } from '@grafana/runtime';
import { checkAnyRequest, checkRulerRequest } from '../../tests/contract/cortex-ruler';
import { makeSlo } from '../pages/Slos/__fixtures__/slos';
import { sloHourlyRuleGroup, sloRuleGroup } from '../domain/rules/prometheus';
import type { RuleGroup } from '../domain/rules/types';
import { createFakeBackend, type RecordedRequest } from './testing/fakeBackend';
import { slaSloRuleGroup } from '../domain/rules/slaRecording';
import { installAll, installRuleGroup, installSloRuleGroup, removeStaleGroups, rulerStatus } from './ruler';

type Kind = 'mimir' | 'mimir-off' | 'prometheus' | 'cortex' | 'no-ruler';
const datasources: Record<string, { name: string; type: string; kind?: Kind; jsonData?: object }> = {
  mimir: { name: 'Mimir', type: 'prometheus', kind: 'mimir' },
  mimirOff: { name: 'Mimir (no ruler)', type: 'prometheus', kind: 'mimir-off' },
  prom: { name: 'Prometheus', type: 'prometheus', kind: 'prometheus' },
  cortex: { name: 'Cortex', type: 'prometheus', kind: 'cortex' },
  bare: { name: 'Cortex without ruler', type: 'prometheus', kind: 'no-ruler' },
  unmanaged: { name: 'Unmanaged', type: 'prometheus', kind: 'mimir', jsonData: { manageAlerts: false } },
  logs: { name: 'Logs', type: 'loki' },
};

/**
 * The ruler side of Grafana's ruler proxy, in memory: namespace -> group name -> group, per data source. It answers
 * as Mimir and Cortex do through Grafana (404 "no rule groups found" for an empty namespace).
 */
class RulerStore {
  groups = new Map<string, Map<string, Map<string, RuleGroup>>>();
  failPost: (group: RuleGroup) => boolean = () => false;
  failDelete = false;

  ns(ds: string, namespace: string) {
    const byNs = this.groups.get(ds) ?? new Map<string, Map<string, RuleGroup>>();
    this.groups.set(ds, byNs);
    const groups = byNs.get(namespace) ?? new Map<string, RuleGroup>();
    byNs.set(namespace, groups);
    return groups;
  }

  names(ds: string, namespace: string) {
    return [...this.ns(ds, namespace).keys()].sort();
  }

  respond = (req: RecordedRequest): { status?: number; data: unknown } => {
    const build = req.url.match(/^\/api\/datasources\/proxy\/uid\/([^/]+)\/api\/v1\/status\/buildinfo$/);
    if (build) {
      const kind = datasources[decodeURIComponent(build[1])]?.kind;
      if (kind === 'mimir' || kind === 'mimir-off') {
        return {
          data: { status: 'success', data: { features: { ruler_config_api: kind === 'mimir' ? 'true' : 'false' } } },
        };
      }
      return kind === 'prometheus'
        ? { data: { status: 'success', data: { version: '2.53.0' } } }
        : { status: 404, data: { message: 'Not found' } };
    }
    const m = req.url.match(/^\/api\/ruler\/([^/]+)\/api\/v1\/rules\/([^/]+)(?:\/([^/]+))?$/);
    if (!m) {
      return { status: 404, data: { message: 'unexpected request' } };
    }
    const [ds, namespace, group] = [m[1], m[2], m[3]].map((s) => (s === undefined ? s : decodeURIComponent(s)));
    if (datasources[ds!]?.kind === 'no-ruler') {
      return { status: 404, data: { message: '404 page not found' } };
    }
    const groups = this.ns(ds!, namespace!);
    if (req.method === 'GET' && group) {
      return groups.has(group)
        ? { data: groups.get(group) }
        : { status: 404, data: { message: 'group does not exist' } };
    }
    if (req.method === 'GET') {
      return groups.size
        ? { data: { [namespace!]: [...groups.values()] } }
        : { status: 404, data: { message: 'no rule groups found' } };
    }
    if (req.method === 'POST') {
      const body = req.body as RuleGroup;
      if (this.failPost(body)) {
        return { status: 400, data: { message: 'invalid rule group' } };
      }
      groups.set(body.name, body);
      return { status: 202, data: { message: 'success' } };
    }
    if (this.failDelete) {
      return { status: 403, data: { message: 'permission denied' } };
    }
    groups.delete(group!);
    return { status: 202, data: { message: 'success' } };
  };
}

let store = new RulerStore();
let responder: (req: RecordedRequest) => { status?: number; data: unknown } = (req) => store.respond(req);
const backend = createFakeBackend((req) => responder(req));

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
  getDataSourceSrv: () => ({
    getInstanceSettings: (uid: string) => (datasources[uid] ? { uid, ...datasources[uid] } : undefined),
  }),
}));

const boot = config.bootData;
beforeEach(() => {
  backend.requests.length = 0;
  store = new RulerStore();
  responder = (req) => store.respond(req);
  config.bootData = {
    ...boot,
    user: { ...boot?.user, orgRole: 'Editor', permissions: undefined },
  } as typeof config.bootData;
});
afterEach(() => {
  // Every request the api/ layer made in the test, ruler or not, conforms to its contract.
  expect(backend.requests.flatMap(checkAnyRequest)).toEqual([]);
  config.bootData = boot;
});

const checkout = makeSlo('checkout', { datasource: { uid: 'mimir' } });
const mimir = { datasourceUid: 'mimir', subtype: 'mimir' as const };

describe('rulerStatus', () => {
  it('finds a Mimir ruler from the buildinfo features', async () => {
    await expect(rulerStatus('mimir')).resolves.toMatchObject({ status: 'available', subtype: 'mimir' });
    expect(backend.requests.map((r) => r.url)).toEqual(['/api/datasources/proxy/uid/mimir/api/v1/status/buildinfo']);
  });

  it('says plain Prometheus and Mimir with the ruler API off have no ruler', async () => {
    await expect(rulerStatus('prom')).resolves.toEqual({
      status: 'none',
      message: '"Prometheus" is a Prometheus server: it reads rules from files and has no API to write them.',
    });
    await expect(rulerStatus('mimirOff')).resolves.toMatchObject({
      status: 'none',
      message: expect.stringMatching(/ruler_config_api/),
    });
  });

  it('probes Cortex (no buildinfo) with a group read, as Grafana does', async () => {
    await expect(rulerStatus('cortex')).resolves.toMatchObject({ status: 'available', subtype: 'cortex' });
    expect(backend.requests[1]).toMatchObject({
      url: '/api/ruler/cortex/api/v1/rules/test/test',
      params: { subtype: 'cortex' },
    });
    await expect(rulerStatus('bare')).resolves.toMatchObject({
      status: 'none',
      message: expect.stringMatching(/no ruler API.*page not found/),
    });
  });

  it('answers from the settings alone for Loki and data sources with alert management off', async () => {
    await expect(rulerStatus('logs')).resolves.toMatchObject({
      status: 'none',
      message: expect.stringMatching(/LogQL/),
    });
    await expect(rulerStatus('unmanaged')).resolves.toMatchObject({
      status: 'none',
      message: expect.stringMatching(/Manage alerts via Alerting UI/),
    });
    await expect(rulerStatus('nope')).resolves.toMatchObject({
      status: 'none',
      message: expect.stringMatching(/"nope"/),
    });
    expect(backend.requests).toEqual([]);
  });

  it('is forbidden when the user lacks alert.rules.external:write, or the proxy answers 403', async () => {
    config.bootData = {
      ...boot,
      user: { ...boot?.user, orgRole: 'Editor', permissions: { 'alert.rules.external:write': false } },
    } as typeof config.bootData;
    await expect(rulerStatus('mimir')).resolves.toMatchObject({
      status: 'forbidden',
      message: expect.stringMatching(/alert.rules.external:write/),
    });
    expect(backend.requests).toEqual([]);
    config.bootData = {
      ...boot,
      user: { ...boot?.user, orgRole: 'Editor', permissions: undefined },
    } as typeof config.bootData;
    responder = () => ({ status: 403, data: { message: 'Access denied' } });
    await expect(rulerStatus('mimir')).resolves.toMatchObject({ status: 'forbidden' });
  });
});

describe('installSloRuleGroup', () => {
  it('creates the groups sre-slo-<id>.hourly and sre-slo-<id> with the generated recording and alerting rules', async () => {
    await expect(installSloRuleGroup(checkout, 'sre-reliability', { ...mimir, interval: '1m' })).resolves.toBe(
      'created'
    );
    const posts = backend.requests.filter((r) => r.method === 'POST');
    for (const post of posts) {
      expect(post).toMatchObject({
        url: '/api/ruler/mimir/api/v1/rules/sre-reliability',
        params: { subtype: 'mimir' },
      });
    }
    expect(posts.map((p) => p.body)).toEqual([
      sloHourlyRuleGroup(checkout),
      sloRuleGroup(checkout, { interval: '1m' }),
    ]);
    expect(store.names('mimir', 'sre-reliability')).toEqual(['sre-slo-checkout', 'sre-slo-checkout.hourly']);
  });

  it('deletes the hourly group of an SLO that moved to timeslices (its period ratio changes every slice)', async () => {
    await installSloRuleGroup(checkout, 'sre-reliability', mimir);
    const slices = {
      ...checkout,
      budgeting: { method: 'timeslices' as const, sliceDuration: '5m', sliceTarget: 0.95 },
    };
    await expect(installSloRuleGroup(slices, 'sre-reliability', mimir)).resolves.toBe('updated');
    expect(store.names('mimir', 'sre-reliability')).toEqual(['sre-slo-checkout']);
    expect(backend.requests.filter((r) => r.method === 'DELETE').map((r) => r.url)).toEqual([
      '/api/ruler/mimir/api/v1/rules/sre-reliability/sre-slo-checkout.hourly',
    ]);
  });

  it('updates by replacing the whole group: a tier switched off disappears', async () => {
    await installSloRuleGroup(checkout, 'sre-reliability', mimir);
    const alertsBefore = store
      .ns('mimir', 'sre-reliability')
      .get('sre-slo-checkout')!
      .rules.filter((r) => 'alert' in r);
    const fewer = { ...checkout, alerting: { tiers: [{ tier: 'slow' as const, enabled: false }] } };
    await expect(installSloRuleGroup(fewer, 'sre-reliability', mimir)).resolves.toBe('updated');
    const after = store.ns('mimir', 'sre-reliability').get('sre-slo-checkout')!;
    expect(store.names('mimir', 'sre-reliability')).toEqual(['sre-slo-checkout', 'sre-slo-checkout.hourly']);
    expect(after).toEqual(sloRuleGroup(fewer));
    expect(after.rules.filter((r) => 'alert' in r).length).toBe(alertsBefore.length - 1);
  });

  it('escapes the namespace and refuses a bad one before any request', async () => {
    await installSloRuleGroup(checkout, 'team payments', mimir);
    expect(backend.requests.at(-1)?.url).toBe('/api/ruler/mimir/api/v1/rules/team%20payments');
    backend.requests.length = 0;
    await expect(installSloRuleGroup(checkout, 'a/b', mimir)).rejects.toThrow('Namespace: must not contain "/"');
    await expect(installSloRuleGroup(checkout, '', mimir)).rejects.toThrow('Namespace: must not be empty');
    expect(backend.requests).toEqual([]);
  });
});

describe('installRuleGroup (an SLA group)', () => {
  const group = slaSloRuleGroup(checkout, [], '15s');

  it('writes the group as generated, then reports an update when it is written again', async () => {
    await expect(installRuleGroup(group, 'sre-reliability', mimir)).resolves.toBe('created');
    const post = backend.requests.find((r) => r.method === 'POST')!;
    expect(post).toMatchObject({ url: '/api/ruler/mimir/api/v1/rules/sre-reliability', params: { subtype: 'mimir' } });
    expect(post.body).toEqual(group);
    await expect(installRuleGroup(group, 'sre-reliability', mimir)).resolves.toBe('updated');
    expect(store.names('mimir', 'sre-reliability')).toEqual(['sre-sla-slo-checkout']);
  });

  it("survives installAll's clean-up of removed SLOs' groups", async () => {
    await installRuleGroup(group, 'sre-reliability', mimir);
    await installAll([makeSlo('cart', { datasource: { uid: 'mimir' } })], 'sre-reliability', {});
    expect(store.names('mimir', 'sre-reliability')).toEqual([
      'sre-sla-slo-checkout',
      'sre-slo-cart',
      'sre-slo-cart.hourly',
    ]);
  });

  it('refuses a bad namespace before any request', async () => {
    await expect(installRuleGroup(group, '', mimir)).rejects.toThrow(/namespace/i);
    expect(backend.requests).toEqual([]);
  });
});

describe('removeStaleGroups', () => {
  it("deletes only sre-slo-* groups of SLOs that are gone, never someone else's group", async () => {
    const ns = store.ns('mimir', 'sre-reliability');
    for (const name of [
      'sre-slo-checkout',
      'sre-slo-checkout.hourly',
      'sre-slo-old',
      'sre-slo-old.hourly',
      'hand-made',
    ]) {
      ns.set(name, { name, rules: [{ record: 'x', expr: '1' }] });
    }
    await expect(removeStaleGroups(mimir, 'sre-reliability', [checkout])).resolves.toEqual([
      'sre-slo-old',
      'sre-slo-old.hourly',
    ]);
    expect(store.names('mimir', 'sre-reliability')).toEqual([
      'hand-made',
      'sre-slo-checkout',
      'sre-slo-checkout.hourly',
    ]);
    expect(backend.requests.filter((r) => r.method === 'DELETE').map((r) => r.url)).toEqual([
      '/api/ruler/mimir/api/v1/rules/sre-reliability/sre-slo-old',
      '/api/ruler/mimir/api/v1/rules/sre-reliability/sre-slo-old.hourly',
    ]);
  });
});

describe('installAll', () => {
  const cart = makeSlo('cart', { datasource: { uid: 'mimir' } });
  const onDefault = makeSlo('search');
  const onProm = makeSlo('legacy', { datasource: { uid: 'prom' } });
  const seed = () => {
    const ns = store.ns('mimir', 'sre-reliability');
    ns.set('sre-slo-cart', { name: 'sre-slo-cart', rules: [{ record: 'old', expr: '1' }] });
    ns.set('sre-slo-removed', { name: 'sre-slo-removed', rules: [{ record: 'old', expr: '1' }] });
    ns.set('hand-made', { name: 'hand-made', rules: [{ record: 'mine', expr: '1' }] });
  };

  it('installs every SLO, reports per SLO, and removes groups of removed SLOs last', async () => {
    seed();
    const result = await installAll([checkout, cart, onDefault, onProm], 'sre-reliability', { defaultUid: 'mimir' });
    expect(result.results.map((r) => [r.sloId, r.outcome])).toEqual([
      ['checkout', 'created'],
      ['cart', 'updated'],
      ['search', 'created'],
      ['legacy', 'skipped'],
    ]);
    expect(result.results[3].message).toMatch(/Prometheus server/);
    expect(result.removed).toEqual({ mimir: ['sre-slo-removed'] });
    expect(store.names('mimir', 'sre-reliability')).toEqual([
      'hand-made',
      'sre-slo-cart',
      'sre-slo-cart.hourly',
      'sre-slo-checkout',
      'sre-slo-checkout.hourly',
      'sre-slo-search',
      'sre-slo-search.hourly',
    ]);
    // Two groups per SLO, then the removal of the gone SLO's group, last.
    const methods = backend.requests.filter((r) => r.method !== 'GET').map((r) => r.method);
    expect(methods).toEqual(['POST', 'POST', 'POST', 'POST', 'POST', 'POST', 'DELETE']);
  });

  it('removes nothing when a write fails, and says so', async () => {
    seed();
    store.failPost = (g) => g.name === 'sre-slo-cart';
    const result = await installAll([checkout, cart], 'sre-reliability', {});
    expect(result.results.map((r) => [r.sloId, r.outcome])).toEqual([
      ['checkout', 'created'],
      ['cart', 'failed'],
    ]);
    expect(result.results[1].message).toMatch(/400.*invalid rule group/);
    expect(result.removed).toEqual({});
    expect(result.notes).toEqual(['Old groups in data source mimir were kept because 1 write(s) failed.']);
    expect(store.names('mimir', 'sre-reliability')).toContain('sre-slo-removed');
    expect(backend.requests.some((r) => r.method === 'DELETE')).toBe(false);
  });

  it('says when the groups are in but an old one could not be removed', async () => {
    seed();
    store.failDelete = true;
    const result = await installAll([checkout, cart], 'sre-reliability', {});
    expect(result.results.every((r) => r.outcome !== 'failed')).toBe(true);
    expect(result.notes[0]).toMatch(
      /All groups are installed in data source mimir, but: Removing the old group "sre-slo-removed" failed.*403/
    );
  });

  it('fails every SLO of a data source the user may not write to, and skips SLOs without a data source', async () => {
    config.bootData = {
      ...boot,
      user: { ...boot?.user, orgRole: 'Viewer', permissions: undefined },
    } as typeof config.bootData;
    const result = await installAll([checkout, makeSlo('nowhere')], 'sre-reliability', {});
    expect(result.results.map((r) => [r.sloId, r.outcome])).toEqual([
      ['nowhere', 'skipped'],
      ['checkout', 'failed'],
    ]);
    expect(result.results[1].message).toMatch(/alert.rules.external:write/);
  });
});

describe('the ruler contract checker itself', () => {
  const url = '/api/ruler/mimir/api/v1/rules/ns';
  it('accepts a generated group', () => {
    expect(
      checkRulerRequest({ method: 'POST', url, params: { subtype: 'mimir' }, body: sloRuleGroup(checkout) })
    ).toEqual([]);
  });

  it('refuses unknown routes, methods, query values and body fields', () => {
    expect(checkRulerRequest({ method: 'GET', url: '/api/ruler/mimir/api/v2/rules' })[0]).toMatch(
      /no such ruler route/
    );
    expect(checkRulerRequest({ method: 'PUT', url })[0]).toMatch(
      /method not in the contract \(has GET, POST, DELETE\)/
    );
    expect(checkRulerRequest({ method: 'GET', url, params: { subtype: 'thanos' } })[0]).toMatch(/must be one of/);
    expect(checkRulerRequest({ method: 'GET', url, params: { tenant: 'a' } })[0]).toMatch(
      /"tenant" is not in the contract/
    );
    expect(checkRulerRequest({ method: 'POST', url, body: { name: 'g', rules: [], limit: 3 } }).join()).toMatch(
      /additional properties "limit"/
    );
  });

  it('refuses rules that are neither or both kinds, a recording rule with for, and a bad duration', () => {
    const post = (rules: unknown[], interval?: string) =>
      checkRulerRequest({ method: 'POST', url, body: { name: 'g', rules, ...(interval ? { interval } : {}) } }).join();
    expect(post([{ expr: 'up' }])).toMatch(/must match exactly one schema/);
    expect(post([{ record: 'a', alert: 'b', expr: 'up' }])).toMatch(/must match exactly one schema/);
    expect(post([{ record: 'a', expr: 'up', for: '5m' }])).toMatch(/must match exactly one schema/);
    expect(post([{ alert: 'A', expr: 'up', for: '5 minutes' }])).toMatch(/must match pattern/);
    expect(post([{ alert: 'A', expr: 'up', for: '5m' }], '1m')).toBe('');
    expect(checkRulerRequest({ method: 'POST', url, body: { rules: [] } }).join()).toMatch(/required property 'name'/);
  });
});
