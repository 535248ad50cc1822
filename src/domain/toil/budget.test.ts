import { periodAt, periodsBetween, toilByPeriod, toilByTeam } from './budget';
import { foldToil } from './fold';
import type { ToilFields, ToilTeamSettings } from './model';
import { storedEntry } from './testing';

const H = 3_600_000;
const DAY = 24 * H;
const entries = (...fields: Array<Partial<ToilFields>>) =>
  foldToil(
    fields.map((f, i) => storedEntry(`toil-t-${String(i).padStart(8, '0')}`, f)),
    []
  ).entries;

describe('periods', () => {
  it('starts weeks on Monday 00:00 UTC, also from a Sunday night', () => {
    const sunday = Date.UTC(2026, 10, 8, 23, 59);
    expect(periodAt(sunday, 'week')).toEqual({ start: Date.UTC(2026, 10, 2), end: Date.UTC(2026, 10, 9) });
    expect(periodAt(Date.UTC(2026, 10, 9), 'week').start).toBe(Date.UTC(2026, 10, 9));
  });

  it('gives calendar months their own lengths, leap February included', () => {
    const days = (t: number) => {
      const p = periodAt(t, 'month');
      return (p.end - p.start) / DAY;
    };
    expect(days(Date.UTC(2028, 1, 10))).toBe(29);
    expect(days(Date.UTC(2026, 1, 10))).toBe(28);
    expect(days(Date.UTC(2026, 11, 31, 23))).toBe(31);
  });

  it('lists every period overlapping the range', () => {
    const months = periodsBetween(Date.UTC(2026, 9, 15), Date.UTC(2026, 11, 1), 'month');
    expect(months.map((p) => new Date(p.start).toISOString().slice(0, 7))).toEqual(['2026-10', '2026-11']);
  });
});

describe('toilByPeriod', () => {
  const teams: ToilTeamSettings[] = [{ id: 'payments', team: 'Payments', capacityHoursPerWeek: 100, budget: 0.5 }];
  const range = { from: Date.UTC(2026, 10, 2), to: Date.UTC(2026, 10, 16) }; // two whole weeks
  const now = Date.UTC(2026, 11, 1);

  it('divides toil hours by the weekly capacity (part-time included) and flags over budget', () => {
    const list = entries(
      { at: Date.UTC(2026, 10, 3), durationMinutes: 24 * 60, team: 'payments' },
      { at: Date.UTC(2026, 10, 4), durationMinutes: 24 * 60 },
      { at: Date.UTC(2026, 10, 5), durationMinutes: 6 * 60 },
      { at: Date.UTC(2026, 10, 10), durationMinutes: 20 * 60 }
    );
    const rows = toilByPeriod(list, teams, range, 'week', now);
    expect(rows).toEqual([
      expect.objectContaining({ team: 'Payments', hours: 54, capacityHours: 100, share: 0.54, status: 'over' }),
      expect.objectContaining({ team: 'Payments', hours: 20, share: 0.2, status: 'within', partial: false }),
    ]);
  });

  it('says "no entries" for a period with nothing logged rather than 0%', () => {
    const rows = toilByPeriod(entries({ at: Date.UTC(2026, 10, 3) }), teams, range, 'week', now);
    expect(rows[1]).toMatchObject({ hours: 0, entries: 0, status: 'no_entries' });
    expect(rows[1].share).toBeUndefined();
  });

  it('lists a team with settings but no entries, and one with entries but no capacity', () => {
    const rows = toilByPeriod(entries({ team: 'Web', at: Date.UTC(2026, 10, 3) }), teams, range, 'week', now);
    expect(rows.map((r) => [r.team, r.status])).toEqual([
      ['Payments', 'no_entries'],
      ['Payments', 'no_entries'],
      ['Web', 'no_capacity'],
      ['Web', 'no_entries'],
    ]);
  });

  it('scales monthly capacity by the days of the month', () => {
    const feb = { from: Date.UTC(2026, 1, 1), to: Date.UTC(2026, 2, 1) };
    const [row] = toilByPeriod(entries({ at: Date.UTC(2026, 1, 2) }), teams, feb, 'month', now);
    expect(row.capacityHours).toBeCloseTo(400, 9); // 100 h/week × 28 days / 7
  });

  it('counts only the capacity inside the range for a period the range cuts', () => {
    const cut = { from: Date.UTC(2026, 10, 5), to: Date.UTC(2026, 10, 9) }; // Thursday to Monday: 4 days
    const [row] = toilByPeriod(entries({ at: Date.UTC(2026, 10, 6), durationMinutes: 600 }), teams, cut, 'week', now);
    expect(row).toMatchObject({ partial: true, hours: 10 });
    expect(row.capacityHours).toBeCloseTo((100 * 4) / 7, 9);
  });

  it('marks the running period as partial', () => {
    const rows = toilByPeriod(entries({ at: Date.UTC(2026, 10, 10) }), teams, range, 'week', Date.UTC(2026, 10, 11));
    expect(rows.map((r) => r.partial)).toEqual([false, true]);
  });

  it('counts only entries inside the range', () => {
    const rows = toilByPeriod(entries({ at: range.to }, { at: range.from - 1 }), teams, range, 'week', now);
    expect(rows.every((r) => r.status === 'no_entries')).toBe(true);
  });
});

describe('toilByTeam', () => {
  it('puts teams over budget first and counts their periods over', () => {
    const teams: ToilTeamSettings[] = [
      { id: 'payments', team: 'Payments', capacityHoursPerWeek: 40, budget: 0.5 },
      { id: 'web', team: 'Web', capacityHoursPerWeek: 40, budget: 0.5 },
    ];
    const range = { from: Date.UTC(2026, 10, 2), to: Date.UTC(2026, 10, 16) };
    const list = entries(
      { team: 'Web', at: Date.UTC(2026, 10, 3), durationMinutes: 24 * 60 },
      { team: 'Web', at: Date.UTC(2026, 10, 4), durationMinutes: 20 * 60 },
      { team: 'Payments', at: Date.UTC(2026, 10, 3), durationMinutes: 60 }
    );
    const summary = toilByTeam(list, teams, range, 'week', Date.UTC(2026, 11, 1));
    expect(summary.map((s) => [s.team, s.status, s.periodsOver])).toEqual([
      ['Web', 'over', 1],
      ['Payments', 'within', 0],
    ]);
    expect(summary[0].share).toBeCloseTo(44 / 80, 12);
  });
});
