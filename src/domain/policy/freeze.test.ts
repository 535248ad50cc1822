import {
  type FreezeEvent,
  type FreezeRecord,
  foldFreezes,
  freezeEventAnnotation,
  freezeRegionAnnotation,
  freezeTags,
  newFreezeId,
  parseFreezeEvent,
  parseFreezeRecord,
  validateFreezeException,
  validateFreezeStart,
} from './freeze';

const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);
const record = (id: string, over: Partial<FreezeRecord> = {}): FreezeRecord => ({
  kind: 'freeze',
  id,
  sloId: 'checkout-availability',
  reason: 'Budget exhausted',
  startedBy: 'maria',
  services: ['checkout'],
  ...over,
});
const region = (id: number, r: FreezeRecord, time = T0) => ({ id, ...freezeRegionAnnotation(r, time) });
const event = (id: number, e: FreezeEvent) => ({ id, ...freezeEventAnnotation(e, 'checkout-availability') });
const exception = (id: string, freezeId: string, at: number, reason = 'P0 fix'): FreezeEvent => ({
  kind: 'freeze_exception',
  id,
  freezeId,
  at,
  by: 'li',
  reason,
  approver: 'sam',
});
const ended = (id: string, freezeId: string, at: number): FreezeEvent => ({
  kind: 'freeze_ended',
  id,
  freezeId,
  at,
  by: 'li',
});

const F1 = 'frz-abc-1';
const F2 = 'frz-abc-2';

describe('freeze annotations', () => {
  it('tags the region sre-freeze and service:<name> for each service (what dashboards filter on), plus slo and id', () => {
    expect(freezeTags(record(F1, { services: ['checkout', 'pay,ments'] }))).toEqual([
      'sre-freeze',
      'service:checkout',
      'service:pay ments',
      'slo:checkout-availability',
      `freeze:${F1}`,
    ]);
  });

  it('stores the record in the region data and escapes user text in the HTML', () => {
    const body = freezeRegionAnnotation(record(F1, { reason: '<script>x</script>' }), T0);
    expect(body).toMatchObject({ time: T0, timeEnd: T0, data: { kind: 'freeze', id: F1, startedBy: 'maria' } });
    expect(body.text).not.toContain('<script>');
    expect(body.text).toContain('&lt;script&gt;');
  });

  it('makes ids that its own parser accepts', () => {
    const id = newFreezeId(T0, () => 0.5);
    expect(parseFreezeRecord(record(id))).toMatchObject({ id });
  });
});

describe('parsing', () => {
  it('names the field that is wrong', () => {
    expect(parseFreezeRecord({ kind: 'incident' })).toBe('data.kind is not "freeze"');
    expect(parseFreezeRecord({ ...record(F1), reason: ' ' })).toBe('data.reason must be a non-empty string');
    expect(parseFreezeRecord({ ...record(F1), id: 'x y' })).toBe('data.id "x y" is not a freeze id');
    expect(parseFreezeEvent({ ...exception('e1', F1, T0), at: 'now' })).toBe(
      'data.at must be a time in epoch milliseconds'
    );
    expect(parseFreezeEvent({ ...exception('e1', F1, T0), approver: '' })).toBe(
      'an exception needs data.reason and data.approver'
    );
  });
});

describe('foldFreezes', () => {
  it('is active with no events, newest freeze first', () => {
    const { freezes, problems } = foldFreezes([region(1, record(F1), T0), region(2, record(F2), T0 + 1000)], []);
    expect(problems).toEqual([]);
    expect(freezes.map((f) => [f.id, f.status, f.regionAnnotationId])).toEqual([
      [F2, 'active', 2],
      [F1, 'active', 1],
    ]);
    expect(freezes[1]).toMatchObject({ startedAt: T0, startedBy: 'maria', reason: 'Budget exhausted', exceptions: [] });
  });

  it('folds exceptions in time order whatever order the API returns them in, and ends the freeze', () => {
    const events = [
      event(12, ended('e3', F1, T0 + 300)),
      event(11, exception('e2', F1, T0 + 200, 'second')),
      event(10, exception('e1', F1, T0 + 100, 'first')),
    ];
    const { freezes } = foldFreezes([region(1, record(F1))], events);
    expect(freezes[0]).toMatchObject({ status: 'ended', endedAt: T0 + 300, endedBy: 'li' });
    expect(freezes[0].exceptions.map((x) => x.reason)).toEqual(['first', 'second']);
  });

  it('keeps both of two concurrent exceptions and counts a retried append once', () => {
    const events = [
      event(10, exception('e1', F1, T0 + 100, 'from Ana')),
      event(11, exception('e2', F1, T0 + 100, 'from Bo')),
      event(12, exception('e2', F1, T0 + 100, 'from Bo')),
    ];
    const { freezes, problems } = foldFreezes([region(1, record(F1))], events);
    expect(freezes[0].exceptions.map((x) => x.reason)).toEqual(['from Ana', 'from Bo']);
    expect(problems).toEqual([]);
  });

  it('skips and reports an event after the end: an ended freeze stays ended', () => {
    const { freezes, problems } = foldFreezes(
      [region(1, record(F1))],
      [event(10, ended('e1', F1, T0 + 100)), event(11, exception('e2', F1, T0 + 200))]
    );
    expect(freezes[0]).toMatchObject({ status: 'ended', exceptions: [] });
    expect(problems).toEqual([{ freezeId: F1, message: `freeze ${F1}: an event after its end is skipped (e2)` }]);
  });

  it('reports malformed annotations and a second region of one freeze instead of throwing', () => {
    const { freezes, problems } = foldFreezes(
      [region(1, record(F1)), { id: 2, data: { kind: 'freeze' } }, region(3, record(F1))],
      [{ id: 9, data: 'oops' }]
    );
    expect(freezes).toHaveLength(1);
    expect(problems.map((p) => p.message)).toEqual([
      'freeze annotation 2 is skipped: data.id must be a non-empty string',
      `freeze ${F1} has two regions; kept annotation 1`,
      'freeze event annotation 9 is skipped: data.kind is not "freeze_exception" or "freeze_ended"',
    ]);
  });

  it('ignores events of freezes it did not read', () => {
    const { freezes, problems } = foldFreezes([region(1, record(F1))], [event(10, ended('e1', F2, T0))]);
    expect(freezes[0].status).toBe('active');
    expect(problems).toEqual([]);
  });
});

describe('validation', () => {
  it('requires a reason to start a freeze', () => {
    expect(validateFreezeStart({ reason: '  ' })).toEqual([
      { field: 'reason', message: 'Say why releases are frozen' },
    ]);
    expect(validateFreezeStart({ reason: 'x'.repeat(501) })).toEqual([
      { field: 'reason', message: 'must be at most 500 characters' },
    ]);
    expect(validateFreezeStart({ reason: 'Budget spent' })).toEqual([]);
  });

  it('requires a reason and an approver, who must be one of the policy approvers when it names any', () => {
    expect(validateFreezeException({ reason: '', approver: '' }, [])).toEqual([
      { field: 'reason', message: 'Say why this release may go out during the freeze' },
      { field: 'approver', message: 'Name the approver (a Grafana login)' },
    ]);
    expect(validateFreezeException({ reason: 'P0', approver: 'bob' }, ['sam', 'ana'])).toEqual([
      { field: 'approver', message: 'bob is not an approver of this policy (sam, ana)' },
    ]);
    expect(validateFreezeException({ reason: 'P0', approver: 'bob' }, [])).toEqual([]);
    expect(validateFreezeException({ reason: 'P0', approver: ' sam ' }, ['sam'])).toEqual([]);
  });
});
