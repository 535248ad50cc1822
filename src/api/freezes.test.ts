import { config } from '@grafana/runtime';
import { checkRequest } from '../../tests/contract/openapi';
import { freezeEventAnnotation, freezeRegionAnnotation, type Freeze } from '../domain/policy/freeze';
import {
  FREEZE_EVENT_LIMIT,
  FREEZE_LIMIT,
  FreezeValidationError,
  endFreeze,
  listFreezes,
  recordFreezeException,
  startFreeze,
} from './freezes';
import { createFakeBackend, type RecordedRequest } from './testing/fakeBackend';

let responder: (req: RecordedRequest) => { status?: number; data: unknown } = () => ({ data: [] });
const backend = createFakeBackend((req) => responder(req));

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
}));

const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);
const SLO = { id: 'checkout-availability', service: 'checkout' };
const record = {
  kind: 'freeze' as const,
  id: 'frz-abc-1',
  sloId: SLO.id,
  reason: 'Budget spent',
  startedBy: 'maria',
  services: ['checkout'],
};
const REGION = { id: 7, ...freezeRegionAnnotation(record, T0) };
const active: Freeze = {
  id: record.id,
  sloId: SLO.id,
  services: ['checkout'],
  reason: 'Budget spent',
  startedBy: 'maria',
  startedAt: T0,
  status: 'active',
  exceptions: [],
  regionAnnotationId: 7,
};

const tagsOf = (r: RecordedRequest) => r.params?.tags as string[];

beforeEach(() => {
  backend.requests.length = 0;
  responder = () => ({ data: [] });
  config.bootData.user = { ...config.bootData.user, login: 'li' };
});

describe('listFreezes', () => {
  it('reads all freezes of the SLO with two GET /api/annotations requests that match the spec, and folds them', async () => {
    responder = (req) => ({
      data: tagsOf(req).includes('sre-freeze')
        ? [REGION]
        : [
            {
              id: 8,
              ...freezeEventAnnotation(
                { kind: 'freeze_ended', id: 'e1', freezeId: record.id, at: T0 + 5, by: 'li' },
                SLO.id
              ),
            },
          ],
    });
    const { freezes, problems } = await listFreezes(SLO.id);
    expect(problems).toEqual([]);
    expect(freezes).toEqual([{ ...active, status: 'ended', endedAt: T0 + 5, endedBy: 'li' }]);
    expect(backend.requests).toHaveLength(2);
    backend.requests.forEach((r) => expect(checkRequest(r)).toEqual([]));
    expect(backend.requests.map(tagsOf)).toEqual([
      ['sre-freeze', 'slo:checkout-availability'],
      ['sre-freeze-event', 'slo:checkout-availability'],
    ]);
    // An active freeze may have started long before any range on screen.
    expect(backend.requests[0].params).toMatchObject({
      from: 0,
      matchAny: false,
      type: 'annotation',
      limit: FREEZE_LIMIT + 1,
    });
    expect(backend.requests[1].params).toMatchObject({ limit: FREEZE_EVENT_LIMIT + 1 });
  });

  it('says when a cap was hit', async () => {
    responder = (req) => ({
      data: tagsOf(req).includes('sre-freeze') ? Array.from({ length: FREEZE_LIMIT + 1 }, () => REGION) : [],
    });
    const { problems } = await listFreezes(SLO.id);
    expect(problems.map((p) => p.message)).toContain(`only the newest ${FREEZE_LIMIT} freezes of this SLO are read`);
  });
});

describe('startFreeze', () => {
  it('posts one region annotation, valid per the spec, tagged for dashboards and carrying the record', async () => {
    responder = () => ({ data: { id: 9 } });
    const id = await startFreeze(SLO, { reason: '  Budget spent  ' });
    expect(backend.requests).toHaveLength(1);
    const [post] = backend.requests;
    expect(checkRequest(post)).toEqual([]);
    expect(post).toMatchObject({ method: 'POST', url: '/api/annotations' });
    expect(post.body).toMatchObject({
      tags: ['sre-freeze', 'service:checkout', 'slo:checkout-availability', `freeze:${id}`],
      data: { kind: 'freeze', id, sloId: SLO.id, reason: 'Budget spent', startedBy: 'li', services: ['checkout'] },
    });
  });

  it('sends nothing without a reason and names the field', async () => {
    await expect(startFreeze(SLO, { reason: ' ' })).rejects.toEqual(
      new FreezeValidationError([{ field: 'reason', message: 'Say why releases are frozen' }])
    );
    expect(backend.requests).toEqual([]);
  });
});

describe('recordFreezeException', () => {
  it('appends one event annotation (never touching the region) with the reason, approver and author', async () => {
    await recordFreezeException(active, { reason: 'P0 fix', approver: 'sam' }, ['sam']);
    expect(backend.requests).toHaveLength(1);
    expect(checkRequest(backend.requests[0])).toEqual([]);
    expect(backend.requests[0].body).toMatchObject({
      tags: ['sre-freeze-event', 'slo:checkout-availability', `freeze:${record.id}`],
      data: { kind: 'freeze_exception', freezeId: record.id, reason: 'P0 fix', approver: 'sam', by: 'li' },
    });
  });

  it('refuses an approver the policy does not name, and an ended freeze, sending nothing', async () => {
    await expect(recordFreezeException(active, { reason: 'P0', approver: 'bob' }, ['sam'])).rejects.toThrow(
      'approver: bob is not an approver of this policy (sam)'
    );
    await expect(
      recordFreezeException({ ...active, status: 'ended' }, { reason: 'P0', approver: 'sam' }, [])
    ).rejects.toThrow(/has already ended/);
    expect(backend.requests).toEqual([]);
  });
});

describe('endFreeze', () => {
  it('appends the ended event, then PATCHes only the region end, so other writers keep their text and tags', async () => {
    await endFreeze(active);
    expect(backend.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /api/annotations',
      'PATCH /api/annotations/7',
    ]);
    backend.requests.forEach((r) => expect(checkRequest(r)).toEqual([]));
    const at = (backend.requests[0].body as { data: { at: number } }).data.at;
    expect(backend.requests[0].body).toMatchObject({ data: { kind: 'freeze_ended', freezeId: record.id, by: 'li' } });
    expect(JSON.parse(JSON.stringify(backend.requests[1].body))).toEqual({ timeEnd: at });
  });

  it('turns a failed write into a readable error', async () => {
    responder = () => ({ status: 403, data: { message: 'Permission denied' } });
    await expect(endFreeze(active)).rejects.toThrow('POST /api/annotations failed (403): Permission denied');
  });
});
