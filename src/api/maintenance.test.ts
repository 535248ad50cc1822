import { config } from '@grafana/runtime';
import { checkRequest } from '../../tests/contract/openapi';
import {
  MAX_MAINTENANCE_MS,
  maintenanceCancelAnnotation,
  maintenanceRegionAnnotation,
} from '../domain/sla/maintenance';
import {
  MAINTENANCE_LIMIT,
  MaintenanceValidationError,
  cancelMaintenance,
  listMaintenance,
  planMaintenance,
} from './maintenance';
import { createFakeBackend, type RecordedRequest } from './testing/fakeBackend';

let responder: (req: RecordedRequest) => { status?: number; data: unknown } = () => ({ data: [] });
const backend = createFakeBackend((req) => responder(req));

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
}));

const H = 3_600_000;
const NOW = Date.UTC(2026, 11, 1, 9, 0, 0);
const record = {
  kind: 'maintenance' as const,
  id: 'mnt-abc-12345678',
  title: 'DB upgrade',
  services: ['checkout'],
  start: NOW + H,
  end: NOW + 3 * H,
  by: 'maria',
};
const REGION = { id: 7, ...maintenanceRegionAnnotation(record) };
const tagsOf = (r: RecordedRequest) => r.params?.tags as string[];

beforeEach(() => {
  backend.requests.length = 0;
  responder = () => ({ data: [] });
  config.bootData.user = { ...config.bootData.user, login: 'li' };
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});
afterEach(() => jest.restoreAllMocks());

describe('listMaintenance', () => {
  it('reads the windows of a range with two GET /api/annotations requests that match the spec, and folds them', async () => {
    responder = (req) => ({
      data: tagsOf(req).includes('sre-maintenance')
        ? [REGION]
        : [
            {
              id: 8,
              ...maintenanceCancelAnnotation(
                { kind: 'maintenance_cancelled', id: 'mev-1-a', maintenanceId: record.id, at: NOW, by: 'li' },
                record.start
              ),
            },
          ],
    });
    const range = { from: NOW - 30 * 24 * H, to: NOW + 24 * H };
    const { windows, problems } = await listMaintenance(range);
    expect(problems).toEqual([]);
    expect(windows).toEqual([
      {
        id: record.id,
        title: 'DB upgrade',
        services: ['checkout'],
        start: record.start,
        end: record.start,
        plannedEnd: record.end,
        by: 'maria',
        cancelled: true,
        cancelledBy: 'li',
        annotationId: 7,
      },
    ]);
    expect(backend.requests).toHaveLength(2);
    backend.requests.forEach((r) => expect(checkRequest(r)).toEqual([]));
    expect(backend.requests.map(tagsOf)).toEqual([['sre-maintenance'], ['sre-maintenance-event']]);
    expect(backend.requests[0].params).toMatchObject({
      from: range.from,
      to: range.to,
      matchAny: false,
      limit: MAINTENANCE_LIMIT + 1,
    });
    // A cancellation is stored at its window's start, up to 7 days before a window overlapping the range.
    expect(backend.requests[1].params).toMatchObject({ from: range.from - MAX_MAINTENANCE_MS, to: range.to });
  });

  it('says when the cap was hit', async () => {
    responder = (req) => ({
      data: tagsOf(req).includes('sre-maintenance') ? Array.from({ length: MAINTENANCE_LIMIT + 1 }, () => REGION) : [],
    });
    const { problems } = await listMaintenance({ from: 0, to: NOW });
    expect(problems.map((p) => p.message)).toContain(
      `only the newest ${MAINTENANCE_LIMIT} maintenance windows of the range are read`
    );
  });
});

describe('planMaintenance', () => {
  it('posts one region annotation, valid per the spec, tagged for dashboards and carrying the record', async () => {
    responder = () => ({ data: { id: 9 } });
    const id = await planMaintenance({
      title: '  DB upgrade ',
      services: ['checkout', 'checkout', 'payments'],
      start: NOW + H,
      end: NOW + 2 * H,
    });
    expect(backend.requests).toHaveLength(1);
    const [post] = backend.requests;
    expect(checkRequest(post)).toEqual([]);
    expect(post).toMatchObject({ method: 'POST', url: '/api/annotations' });
    expect(post.body).toMatchObject({
      time: NOW + H,
      timeEnd: NOW + 2 * H,
      tags: ['sre-maintenance', 'service:checkout', 'service:payments', `maintenance:${id}`],
      data: { kind: 'maintenance', id, title: 'DB upgrade', services: ['checkout', 'payments'], by: 'li' },
    });
  });

  it('sends nothing for an invalid window and names the field', async () => {
    await expect(planMaintenance({ title: 'x', services: ['a'], start: NOW + H, end: NOW + H })).rejects.toEqual(
      new MaintenanceValidationError([{ field: 'end', message: 'must be after the start' }])
    );
    expect(backend.requests).toEqual([]);
  });
});

describe('cancelMaintenance', () => {
  const w = { ...record, annotationId: 7 };
  it('appends the event at the window start, then shortens the region; both match the spec', async () => {
    responder = () => ({ data: { id: 10 } });
    await cancelMaintenance(w);
    expect(backend.requests).toHaveLength(2);
    backend.requests.forEach((r) => expect(checkRequest(r)).toEqual([]));
    expect(backend.requests[0].body).toMatchObject({
      time: record.start,
      tags: ['sre-maintenance-event', `maintenance:${record.id}`],
      data: { kind: 'maintenance_cancelled', maintenanceId: record.id, at: NOW, by: 'li' },
    });
    expect(backend.requests[1]).toMatchObject({
      method: 'PATCH',
      url: '/api/annotations/7',
      body: { timeEnd: record.start },
    });
  });

  it('refuses an ended or already cancelled window, sending nothing', async () => {
    await expect(cancelMaintenance({ ...w, start: NOW - 2 * H, end: NOW - H })).rejects.toThrow(/already ended/);
    await expect(cancelMaintenance({ ...w, cancelled: true })).rejects.toThrow(/already cancelled/);
    expect(backend.requests).toEqual([]);
  });
});
