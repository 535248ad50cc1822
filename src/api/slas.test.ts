import type { Sla } from '../domain/sla/model';
import type { Slo } from '../domain/slo/model';
import { ConflictError, ValidationError, deleteSla, listSlas, readSlas, saveSla } from './slas';
import { createFakeBackend, type RecordedRequest } from './testing/fakeBackend';

type Stored = { enabled: boolean; pinned: boolean; jsonData: { slos?: unknown[]; slas?: unknown[] } };
let stored: Stored;
const backend = createFakeBackend((req: RecordedRequest) => {
  if (req.method === 'POST') {
    stored = req.body as Stored;
    return { data: { message: 'Plugin settings updated' } };
  }
  return { data: JSON.parse(JSON.stringify(stored)) };
});

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
}));

const slo = (id: string): Slo => ({
  id,
  name: id,
  service: 'checkout',
  sli: { kind: 'ratio', bad: 'errors_total', total: 'requests_total' },
  objective: { target: 0.999 },
  window: { type: 'rolling', duration: '30d' },
});
const sla = (id: string, over: Partial<Sla> = {}): Sla => ({
  id,
  name: `SLA ${id}`,
  customer: 'Acme',
  services: ['checkout'],
  indicator: { sloId: 'checkout-avail' },
  target: 0.995,
  method: { kind: 'events' },
  period: { unit: 'month', timeZone: 'Europe/Berlin' },
  credits: [{ below: 0.995, creditPercent: 10 }],
  ...over,
});
const posts = () => backend.requests.filter((r) => r.method === 'POST');

beforeEach(() => {
  backend.requests.length = 0;
  stored = { enabled: true, pinned: true, jsonData: { slos: [slo('checkout-avail')], slas: [] } };
});

describe('readSlas', () => {
  it('keeps valid SLAs and reports broken ones, naming the field, including an SLA whose SLO is not stored', () => {
    const { items, broken } = readSlas({
      slos: [slo('checkout-avail')],
      slas: [sla('ok'), sla('gone', { indicator: { sloId: 'deleted-slo' } }), { ...sla('bad'), target: 99.9 }],
    });
    expect(items.map((s) => s.id)).toEqual(['ok']);
    expect(broken.map((b) => [b.id, b.problems])).toEqual([
      ['gone', [{ path: 'slas[1].indicator.sloId', message: 'no SLO has the id "deleted-slo"' }]],
      ['bad', [{ path: 'slas[2].target', message: 'must be a fraction between 0 and 1 (0.999 for 99.9%), got 99.9' }]],
    ]);
  });
});

describe('saveSla / deleteSla', () => {
  it('creates with revision 1, updates from the loaded revision, and keeps the other stored items', async () => {
    const created = await saveSla(sla('acme'), undefined);
    expect(created.revision).toBe(1);
    const updated = await saveSla({ ...created, target: 0.99, credits: [] }, 1);
    expect(updated.revision).toBe(2);
    expect(stored.jsonData.slos).toEqual([slo('checkout-avail')]);
    expect(await listSlas()).toEqual([updated]);
  });

  it('refuses a stale revision and a taken id as conflicts, writing nothing', async () => {
    stored.jsonData.slas = [{ ...sla('acme'), revision: 3 }];
    await expect(saveSla(sla('acme'), 2)).rejects.toThrow(ConflictError);
    await expect(saveSla(sla('acme'), undefined)).rejects.toThrow(/already exists/);
    await expect(deleteSla('acme', 2)).rejects.toThrow(ConflictError);
    expect(posts()).toEqual([]);
  });

  it('refuses an invalid SLA or one naming an SLO that is not stored, naming the field, writing nothing', async () => {
    await expect(saveSla({ ...sla('x'), contractUrl: 'javascript:alert(1)' }, undefined)).rejects.toThrow(
      /sla\.contractUrl: must be an http\(s\) URL/
    );
    const e = await saveSla(sla('x', { indicator: { sloId: 'nope' } }), undefined).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).problems).toEqual([
      { path: 'sla.indicator.sloId', message: 'no SLO has the id "nope"' },
    ]);
    expect(posts()).toEqual([]);
  });

  it('deletes one SLA at its loaded revision', async () => {
    stored.jsonData.slas = [
      { ...sla('a'), revision: 1 },
      { ...sla('b'), revision: 1 },
    ];
    await deleteSla('a', 1);
    expect((stored.jsonData.slas as Sla[]).map((s) => s.id)).toEqual(['b']);
  });
});
