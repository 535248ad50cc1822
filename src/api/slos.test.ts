import type { Sla } from '../domain/sla/model';
import type { Slo } from '../domain/slo/model';
import { checkRequest } from '../../tests/contract/openapi';
import { createFakeBackend, type RecordedRequest } from './testing/fakeBackend';
import { ConflictError, SloInUseError, ValidationError, deleteSlo, listSlos, readSlos, saveSlo } from './slos';

let stored: { enabled: boolean; pinned: boolean; jsonData: { slos?: Slo[]; settings?: object; slas?: Sla[] } };
const backend = createFakeBackend((req: RecordedRequest) => {
  if (req.method === 'POST') {
    stored = req.body as typeof stored;
    return { data: { message: 'Plugin settings updated' } };
  }
  return { data: JSON.parse(JSON.stringify(stored)) };
});

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
}));

const slo = (id: string, revision?: number): Slo => ({
  id,
  name: `SLO ${id}`,
  service: 'checkout',
  sli: { kind: 'ratio', bad: 'http_requests_total{code=~"5.."}', total: 'http_requests_total' },
  objective: { target: 0.999 },
  window: { type: 'rolling', duration: '30d' },
  ...(revision !== undefined ? { revision } : {}),
});

beforeEach(() => {
  backend.requests.length = 0;
  stored = { enabled: true, pinned: false, jsonData: { settings: { lokiUid: 'loki' }, slos: [slo('a', 3)] } };
});

describe('SLO storage in plugin settings', () => {
  it('lists the stored SLOs', async () => {
    await expect(listSlos()).resolves.toEqual([slo('a', 3)]);
  });

  it('creates a new SLO at revision 1 and keeps everything else in jsonData and `enabled`', async () => {
    await saveSlo(slo('b'), undefined);
    expect(stored.enabled).toBe(true);
    expect(stored.jsonData.settings).toEqual({ lokiUid: 'loki' });
    expect(stored.jsonData.slos?.map((s) => [s.id, s.revision])).toEqual([
      ['a', 3],
      ['b', 1],
    ]);
  });

  it('updates an SLO when its revision matches and bumps the revision', async () => {
    const saved = await saveSlo({ ...slo('a', 3), name: 'renamed' }, 3);
    expect(saved.revision).toBe(4);
    expect(stored.jsonData.slos?.[0]).toMatchObject({ id: 'a', name: 'renamed', revision: 4 });
  });

  it('refuses a save from a stale editor and writes nothing', async () => {
    await expect(saveSlo({ ...slo('a'), name: 'mine' }, 2)).rejects.toThrow(ConflictError);
    await expect(saveSlo({ ...slo('a'), name: 'mine' }, 2)).rejects.toThrow(/changed by someone else.*revision 2 → 3/);
    expect(backend.requests.filter((r) => r.method === 'POST')).toEqual([]);
    expect(stored.jsonData.slos?.[0].name).toBe('SLO a');
  });

  it('refuses to create an SLO whose id is taken', async () => {
    await expect(saveSlo(slo('a'), undefined)).rejects.toThrow('An SLO with id "a" already exists');
  });

  it('refuses an invalid SLO with field-level problems and sends nothing', async () => {
    const bad = { ...slo('b'), objective: { target: 1.5 } };
    const error = await saveSlo(bad, undefined).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems.map((p) => p.path)).toContain('slo.objective.target');
    expect(backend.requests).toEqual([]);
  });

  it('deletes only when the revision matches', async () => {
    await expect(deleteSlo('a', 1)).rejects.toThrow(ConflictError);
    await deleteSlo('a', 3);
    expect(stored.jsonData.slos).toEqual([]);
  });

  it('refuses to delete an SLO that SLAs measure, naming them, and writes nothing', async () => {
    stored.jsonData.slas = [
      { id: 'acme', indicator: { sloId: 'a' } },
      { id: 'other', indicator: { sloId: 'b' } },
      { id: 'broken-but-measuring', indicator: { sloId: 'a' }, target: 'high' },
    ] as unknown as Sla[];
    const error = await deleteSlo('a', 3).catch((e) => e);
    expect(error).toBeInstanceOf(SloInUseError);
    expect(error.message).toBe(
      'SLO "a" is measured by SLAs "acme", "broken-but-measuring": point them at another SLO or delete them first.'
    );
    expect(backend.requests.filter((r) => r.method === 'POST')).toEqual([]);
    expect(stored.jsonData.slos?.map((s) => s.id)).toEqual(['a']);
  });

  it('sends only GET and POST to the settings route, and reads back what it wrote', async () => {
    await saveSlo(slo('b'), undefined);
    expect(backend.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /api/plugins/sre-reliability-app/settings',
      'POST /api/plugins/sre-reliability-app/settings',
      'GET /api/plugins/sre-reliability-app/settings',
    ]);
  });

  it('validates stored SLOs on read: a broken one is reported with field and reason, the others are listed', async () => {
    stored.jsonData.slos = [slo('a', 3), { ...slo('typo'), window: { type: 'rolling', duration: 'month' } }, slo('c')];
    await expect(listSlos()).resolves.toEqual([slo('a', 3), slo('c')]);
    const { broken } = readSlos(stored.jsonData);
    expect(broken).toEqual([
      expect.objectContaining({
        kind: 'slos',
        index: 1,
        id: 'typo',
        problems: [expect.objectContaining({ path: 'slos[1].window.duration' })],
      }),
    ]);
  });

  it('reports a second SLO with the same id as broken, and a non-list as one problem', () => {
    expect(readSlos({ slos: [slo('a'), slo('a')] }).broken[0].problems[0]).toEqual({
      path: 'slos[1].id',
      message: '"a" is already used by an earlier item',
    });
    expect(readSlos({ slos: 'oops' as never })).toEqual({
      items: [],
      broken: [
        expect.objectContaining({ index: -1, problems: [{ path: 'slos', message: 'must be a list, got string' }] }),
      ],
    });
  });

  it('keeps a broken SLO it does not touch when saving another', async () => {
    const broken = { id: 'typo', name: 'Typo' };
    stored.jsonData.slos = [slo('a', 3), broken as unknown as Slo];
    await saveSlo({ ...slo('a'), name: 'renamed' }, 3);
    expect(stored.jsonData.slos?.[1]).toEqual(broken);
  });
});

describe('contract of the requests that touch plugin settings', () => {
  it('uses a route Grafana documents but its OpenAPI spec lacks (see contract.test.ts)', () => {
    expect(checkRequest({ method: 'POST', url: '/api/plugins/sre-reliability-app/settings', body: {} })[0]).toMatch(
      /no such path/
    );
  });
});
