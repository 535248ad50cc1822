import { checkRequest } from '../../tests/contract/openapi';
import { ApiError } from './client';
import { createFakeBackend, type Responder } from './testing/fakeBackend';
import { searchOrgUsers } from './users';

let respond: Responder = () => ({ data: [] });
const backend = createFakeBackend((req) => respond(req));

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
}));

beforeEach(() => {
  backend.requests.length = 0;
  respond = () => ({ data: [] });
});

describe('searchOrgUsers (GET /api/org/users/lookup)', () => {
  it('asks for matching users and keeps their login and avatar', async () => {
    respond = () => ({
      data: [
        { userId: 2, uid: 'u2', login: 'ann', avatarUrl: '/avatar/a1' },
        { userId: 3, uid: 'u3', login: 'anna', avatarUrl: '' },
      ],
    });
    expect(await searchOrgUsers('an')).toEqual({
      available: true,
      users: [{ login: 'ann', avatarUrl: '/avatar/a1' }, { login: 'anna' }],
    });
    const [req] = backend.requests;
    expect(checkRequest(req)).toEqual([]);
    expect(req).toMatchObject({ method: 'GET', url: '/api/org/users/lookup', params: { query: 'an', limit: 20 } });
  });

  it('passes a hostile query as one parameter, so it cannot add or change others', async () => {
    const query = 'ann & bob "x"&limit=1000 ?#';
    await searchOrgUsers(query, 5);
    const [req] = backend.requests;
    expect(req.url).toBe('/api/org/users/lookup');
    expect(req.params).toEqual({ query, limit: 5 });
    // As sent on the wire: Grafana's BackendSrv percent-encodes each parameter into the query string.
    const sent = `${req.url}?${new URLSearchParams(req.params as Record<string, string>)}`;
    expect(checkRequest({ method: req.method, url: sent })).toEqual([]);
    const parsed = new URL(sent, 'http://grafana.local').searchParams;
    expect([...parsed.keys()]).toEqual(['query', 'limit']);
    expect(parsed.get('query')).toBe(query);
    expect(parsed.get('limit')).toBe('5');
  });

  it('treats null as no users', async () => {
    respond = () => ({ data: null });
    expect(await searchOrgUsers('')).toEqual({ users: [], available: true });
  });

  it.each([401, 403])('says suggestions are unavailable on %i instead of failing', async (status) => {
    respond = () => ({ status, data: { message: 'Permission denied' } });
    expect(await searchOrgUsers('ann')).toEqual({ users: [], available: false });
  });

  it('throws an ApiError with Grafana’s message on any other failure', async () => {
    respond = () => ({ status: 500, data: { message: 'database is locked' } });
    const err = await searchOrgUsers('ann').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 500, message: expect.stringMatching(/database is locked/) });
  });
});
