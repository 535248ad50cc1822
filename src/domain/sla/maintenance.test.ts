import {
  MAINTENANCE_EVENT_TAG,
  MAINTENANCE_TAG,
  MAX_MAINTENANCE_MS,
  type MaintenanceRecord,
  exclusionsFor,
  excludingWindows,
  foldMaintenance,
  maintenanceCancelAnnotation,
  maintenanceRegionAnnotation,
  newMaintenanceEventId,
  newMaintenanceId,
  validateMaintenanceInput,
} from './maintenance';

const H = 3_600_000;
const T0 = Date.UTC(2026, 2, 10, 22, 0);
const record = (over: Partial<MaintenanceRecord> = {}): MaintenanceRecord => ({
  kind: 'maintenance',
  id: 'mnt-abc-12345678',
  title: 'DB upgrade',
  services: ['checkout', 'payments'],
  start: T0,
  end: T0 + 2 * H,
  by: 'alice',
  ...over,
});
const cancel = (at: number, id = 'mev-1-a', maintenanceId = 'mnt-abc-12345678') => ({
  id: 99,
  data: { kind: 'maintenance_cancelled', id, maintenanceId, at, by: 'bob' },
});

describe('maintenance annotations', () => {
  it('tags the region for dashboards (sre-maintenance, service:<name>) and escapes user text in its HTML', () => {
    const body = maintenanceRegionAnnotation(record({ title: '<img src=x onerror=alert(1)>', by: 'a"b' }));
    expect(body.tags).toEqual([
      MAINTENANCE_TAG,
      'service:checkout',
      'service:payments',
      'maintenance:mnt-abc-12345678',
    ]);
    expect(body.time).toBe(T0);
    expect(body.timeEnd).toBe(T0 + 2 * H);
    expect(body.text).not.toContain('<img');
    expect(body.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(body.text).toContain('a&quot;b');
  });

  it('sanitises service names in tags (a comma would split the tag)', () => {
    expect(maintenanceRegionAnnotation(record({ services: ['a,b', ' '] })).tags).toContain('service:a b');
  });

  it('stores a cancellation at the window start, so one time range reads both', () => {
    const body = maintenanceCancelAnnotation(
      {
        kind: 'maintenance_cancelled',
        id: 'mev-1-a',
        maintenanceId: 'mnt-abc-12345678',
        at: T0 - 5 * 24 * H,
        by: 'bob',
      },
      T0
    );
    expect(body.time).toBe(T0);
    expect(body.tags).toEqual([MAINTENANCE_EVENT_TAG, 'maintenance:mnt-abc-12345678']);
    expect(body.timeEnd).toBeUndefined();
  });

  it('makes ids the parser accepts', () => {
    const id = newMaintenanceId(T0, () => 0.5);
    expect(foldMaintenance([{ id: 1, data: record({ id }) }], []).windows[0].id).toBe(id);
    expect(newMaintenanceEventId(T0, () => 0.1)).toMatch(/^mev-[a-z0-9]+-[a-z0-9]{10}$/);
  });
});

describe('foldMaintenance', () => {
  it('reads windows from the record (not the region times a dashboard user may drag), newest first', () => {
    const older = record({ id: 'mnt-a-1', start: T0 - 48 * H, end: T0 - 47 * H });
    const { windows, problems } = foldMaintenance(
      [
        { id: 1, time: T0 - 48 * H, timeEnd: T0, data: older },
        { id: 2, time: 0, timeEnd: 1, data: record() },
      ],
      []
    );
    expect(problems).toEqual([]);
    expect(windows.map((w) => [w.id, w.start, w.end, w.annotationId])).toEqual([
      ['mnt-abc-12345678', T0, T0 + 2 * H, 2],
      ['mnt-a-1', T0 - 48 * H, T0 - 47 * H, 1],
    ]);
  });

  it('skips and reports broken regions and events, and duplicate regions', () => {
    const { windows, problems } = foldMaintenance(
      [
        { id: 1, data: { kind: 'maintenance', id: 'x' } },
        { id: 2, data: record({ end: T0 }) },
        { id: 3, data: record() },
        { id: 4, data: record() },
      ],
      [{ id: 5, data: { kind: 'maintenance_cancelled', id: 'e' } }]
    );
    expect(windows).toHaveLength(1);
    expect(problems.map((p) => p.message)).toEqual([
      'maintenance annotation 1 is skipped: data.title must be a non-empty string',
      'maintenance annotation 2 is skipped: data.start and data.end must be times in epoch milliseconds, end after start',
      'maintenance mnt-abc-12345678 has two regions; kept annotation 3',
      'maintenance event annotation 5 is skipped: data.maintenanceId must be a non-empty string',
    ]);
  });

  it('a window cancelled before it starts excludes nothing; one cancelled while running ends then', () => {
    const before = foldMaintenance([{ id: 1, data: record() }], [cancel(T0 - H)]).windows[0];
    expect(before).toMatchObject({ cancelled: true, start: T0, end: T0, plannedEnd: T0 + 2 * H, cancelledBy: 'bob' });
    expect(exclusionsFor({ services: ['checkout'] }, [before])).toEqual([]);
    const during = foldMaintenance([{ id: 1, data: record() }], [cancel(T0 + H)]).windows[0];
    expect(during).toMatchObject({ cancelled: true, start: T0, end: T0 + H });
    expect(exclusionsFor({ services: ['checkout'] }, [during])).toEqual([
      { start: T0, end: T0 + H, title: 'DB upgrade', id: 'mnt-abc-12345678' },
    ]);
  });

  it('the earliest cancellation wins whatever order the events arrive in', () => {
    const w = foldMaintenance([{ id: 1, data: record() }], [cancel(T0 + H, 'mev-2-b'), cancel(T0 + H / 2, 'mev-1-a')])
      .windows[0];
    expect(w.end).toBe(T0 + H / 2);
  });
});

describe('exclusionsFor', () => {
  const w = foldMaintenance([{ id: 1, data: record() }], []).windows;
  it('applies a window to an SLA when their services intersect', () => {
    expect(exclusionsFor({ services: ['payments', 'search'] }, w)).toHaveLength(1);
    expect(exclusionsFor({ services: ['search'] }, w)).toHaveLength(0);
  });
});

describe('validateMaintenanceInput', () => {
  const now = T0 - 24 * H;
  const ok = { title: 'DB upgrade', services: ['checkout'], start: T0, end: T0 + H };
  it('accepts a window of up to 7 days starting now or later', () => {
    expect(validateMaintenanceInput(ok, now)).toEqual([]);
    expect(validateMaintenanceInput({ ...ok, end: T0 + MAX_MAINTENANCE_MS }, now)).toEqual([]);
    expect(validateMaintenanceInput({ ...ok, start: now - 60_000 }, now)).toEqual([]);
  });
  it('names the field and the reason for each problem', () => {
    expect(validateMaintenanceInput({ title: ' ', services: [' '], start: now - H, end: now - H }, now)).toEqual([
      { field: 'title', message: 'Say what the maintenance is (shown on every dashboard)' },
      { field: 'services', message: 'Name at least one service' },
      { field: 'start', message: 'must not be in the past: maintenance is planned ahead' },
      { field: 'end', message: 'must be after the start' },
    ]);
    expect(validateMaintenanceInput({ ...ok, end: T0 + MAX_MAINTENANCE_MS + 1 }, now)).toEqual([
      { field: 'end', message: 'must be at most 7 days after the start' },
    ]);
    expect(validateMaintenanceInput({ ...ok, start: NaN }, now)[0]).toEqual({
      field: 'start',
      message: 'must be a date and time',
    });
    expect(validateMaintenanceInput({ ...ok, title: 'x'.repeat(201) }, now)[0].field).toBe('title');
  });
});

describe('excludingWindows', () => {
  it('keeps the part of a cancelled window that ran, uncancelled, and drops one cancelled before it started', () => {
    const ran = foldMaintenance([{ id: 1, data: record() }], [cancel(T0 + H)]).windows;
    const never = foldMaintenance([{ id: 1, data: record() }], [cancel(T0 - H)]).windows;
    expect(excludingWindows(ran)).toEqual([expect.objectContaining({ start: T0, end: T0 + H, cancelled: false })]);
    expect(excludingWindows(never)).toEqual([]);
  });
});
