import { checkRequest, matchPath } from '../../tests/contract/openapi';
import { createFakeBackend, type RecordedRequest } from './testing/fakeBackend';
import { getPluginSettings, updateJsonData } from './pluginSettings';

let responder: (req: RecordedRequest) => { status?: number; data: unknown } = () => ({ data: {} });
const backend = createFakeBackend((req) => responder(req));

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
}));

beforeEach(() => {
  backend.requests.length = 0;
});

describe('the contract checker itself', () => {
  it('accepts a request that matches the spec', () => {
    expect(
      checkRequest({ method: 'PATCH', url: '/api/annotations/12', body: { text: 'x', tags: ['a'], timeEnd: 5 } })
    ).toEqual([]);
  });

  it('refuses an unknown path, a wrong method, an unknown query parameter and an unknown body field', () => {
    expect(checkRequest({ method: 'GET', url: '/api/no-such-thing' })).toEqual([
      '/no-such-thing: no such path in the Grafana API spec',
    ]);
    expect(checkRequest({ method: 'PUT', url: '/api/annotations' })[0]).toMatch(/method not in the spec/);
    expect(checkRequest({ method: 'GET', url: '/api/annotations?colour=red' })[0]).toMatch(/"colour"/);
    expect(checkRequest({ method: 'PATCH', url: '/api/annotations/1', body: { title: 'x' } })[0]).toMatch(
      /must NOT have additional properties "title"/
    );
  });

  it('refuses a body that lacks a required property or has a wrong type', () => {
    // MutableAnnotation requires text; the alert-rule body requires title, condition, data and more.
    expect(checkRequest({ method: 'POST', url: '/api/annotations', body: { time: 1 } }).join()).toMatch(
      /must have required property 'text'/
    );
    expect(checkRequest({ method: 'PATCH', url: '/api/annotations/1', body: { time: 'yesterday' } }).join()).toMatch(
      /must be integer/
    );
  });
});

describe('plugin settings (GET and POST /api/plugins/:id/settings)', () => {
  // Grafana's api-merged.json does not describe /api/plugins/{pluginId}/settings. The route is documented at
  // https://grafana.com/docs/grafana/latest/developers/http_api/plugin/ and used by the create-plugin template's
  // AppConfig page, which posts {enabled, pinned, jsonData}; the tests below pin that body shape.
  it('is missing from the spec, so we pin its shape ourselves', () => {
    expect(matchPath('/plugins/sre-reliability-app/settings')).toBeUndefined();
  });

  it('reads the settings with GET', async () => {
    responder = () => ({ data: { enabled: true, pinned: false, jsonData: { slos: [] } } });
    await expect(getPluginSettings()).resolves.toEqual({ enabled: true, pinned: false, jsonData: { slos: [] } });
    expect(backend.requests).toEqual([
      { method: 'GET', url: '/api/plugins/sre-reliability-app/settings', body: undefined, params: undefined },
    ]);
  });

  it('re-reads before writing and posts exactly {enabled, pinned, jsonData}, keeping other jsonData fields', async () => {
    let stored: unknown = { enabled: true, pinned: true, jsonData: { settings: { lokiUid: 'loki' }, slos: [], other: 1 } };
    responder = (req) => {
      if (req.method === 'POST') {
        stored = req.body;
        return { data: { message: 'Plugin settings updated' } };
      }
      return { data: stored };
    };

    await updateJsonData((current) => ({ ...current, settings: { lokiUid: 'logs' } }));

    // GET, POST, then a GET that checks the write is what is stored (Grafana has no compare-and-swap).
    expect(backend.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET']);
    const post = backend.requests[1];
    expect(post.url).toBe('/api/plugins/sre-reliability-app/settings');
    expect(Object.keys(post.body as object).sort()).toEqual(['enabled', 'jsonData', 'pinned']);
    expect(post.body).toEqual({ enabled: true, pinned: true, jsonData: { settings: { lokiUid: 'logs' }, slos: [], other: 1 } });
  });

  it('never drops `enabled`: a POST without it would disable the app', async () => {
    responder = (req) => ({ data: req.method === 'GET' ? { enabled: true, pinned: false } : {} });
    await updateJsonData((current) => current);
    expect(backend.requests[1].body).toMatchObject({ enabled: true });
  });

  it('writes nothing when the change refuses (for example on a conflict)', async () => {
    responder = () => ({ data: { enabled: true, pinned: false, jsonData: {} } });
    await expect(
      updateJsonData(() => {
        throw new Error('conflict');
      })
    ).rejects.toThrow('conflict');
    expect(backend.requests.map((r) => r.method)).toEqual(['GET']);
  });

  it('turns an HTTP failure into a readable error', async () => {
    responder = () => ({ status: 403, data: { message: 'Permission denied' } });
    await expect(getPluginSettings()).rejects.toThrow(
      'GET /api/plugins/sre-reliability-app/settings failed (403): Permission denied'
    );
  });
});
