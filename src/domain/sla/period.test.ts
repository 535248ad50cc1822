import { lastSlaPeriods, offsetAt, slaPeriodAt } from './period';

const H = 3_600_000;
const DAY = 24 * H;
const iso = (t: number) => new Date(t).toISOString();

describe('slaPeriodAt', () => {
  it('gives a 31-day UTC month from midnight to midnight', () => {
    const p = slaPeriodAt(Date.UTC(2026, 0, 15), 'month', 'UTC');
    expect(p).toEqual({ label: '2026-01', start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 1, 1) });
    expect((p.end - p.start) / DAY).toBe(31);
  });

  it('takes February as 28 days, and 29 in a leap year', () => {
    const len = (t: number) => {
      const p = slaPeriodAt(t, 'month', 'UTC');
      return (p.end - p.start) / DAY;
    };
    expect(len(Date.UTC(2026, 1, 10))).toBe(28);
    expect(len(Date.UTC(2028, 1, 10))).toBe(29);
  });

  it('starts a Berlin month at local midnight: 23:00 UTC the day before in winter, 22:00 in summer', () => {
    const march = slaPeriodAt(Date.UTC(2026, 2, 15), 'month', 'Europe/Berlin');
    expect(iso(march.start)).toBe('2026-02-28T23:00:00.000Z');
    expect(iso(march.end)).toBe('2026-03-31T22:00:00.000Z');
    // 29 March 2026 springs forward: March has 31 days less one hour.
    expect(march.end - march.start).toBe(31 * DAY - H);
    const october = slaPeriodAt(Date.UTC(2026, 9, 15), 'month', 'Europe/Berlin');
    // 25 October 2026 falls back: October has 31 days and one hour.
    expect(october.end - october.start).toBe(31 * DAY + H);
  });

  it('puts Kolkata boundaries at 18:30 UTC, a half-hour offset', () => {
    const p = slaPeriodAt(Date.UTC(2026, 3, 10), 'month', 'Asia/Kolkata');
    expect(iso(p.start)).toBe('2026-03-31T18:30:00.000Z');
    expect(iso(p.end)).toBe('2026-04-30T18:30:00.000Z');
  });

  it('assigns an instant to the local month, not the UTC one', () => {
    // 23:30 UTC on 31 January is already 1 February in Berlin.
    expect(slaPeriodAt(Date.UTC(2026, 0, 31, 23, 30), 'month', 'Europe/Berlin').label).toBe('2026-02');
    expect(slaPeriodAt(Date.UTC(2026, 0, 31, 23, 30), 'month', 'UTC').label).toBe('2026-01');
  });

  it('includes the start instant and excludes the end instant', () => {
    const p = slaPeriodAt(Date.UTC(2026, 3, 10), 'month', 'Asia/Kolkata');
    expect(slaPeriodAt(p.start, 'month', 'Asia/Kolkata').label).toBe('2026-04');
    expect(slaPeriodAt(p.end, 'month', 'Asia/Kolkata').label).toBe('2026-05');
    expect(slaPeriodAt(p.end - 1, 'month', 'Asia/Kolkata').label).toBe('2026-04');
  });

  it('makes quarters of three local months', () => {
    const q = slaPeriodAt(Date.UTC(2026, 4, 20), 'quarter', 'Europe/Berlin');
    expect(q.label).toBe('2026-Q2');
    expect(iso(q.start)).toBe('2026-03-31T22:00:00.000Z');
    expect(iso(q.end)).toBe('2026-06-30T22:00:00.000Z');
  });

  it('starts the month at the transition in a zone whose midnight is skipped', () => {
    // Cuba sprang forward at 00:00 local on 1 April 2012: that day began at 01:00 CDT, 05:00 UTC.
    const april = slaPeriodAt(Date.UTC(2012, 3, 10), 'month', 'America/Havana');
    expect(iso(april.start)).toBe('2012-04-01T05:00:00.000Z');
    expect(offsetAt(april.start - 1, 'America/Havana')).toBe(-5 * H);
    expect(slaPeriodAt(Date.UTC(2012, 2, 10), 'month', 'America/Havana').end).toBe(april.start);
  });
});

describe('lastSlaPeriods', () => {
  it('lists consecutive periods, oldest first, each ending where the next starts', () => {
    const periods = lastSlaPeriods(Date.UTC(2026, 11, 5), 'month', 'Europe/Berlin', 12);
    expect(periods.map((p) => p.label)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    for (let i = 1; i < periods.length; i++) {
      expect(periods[i].start).toBe(periods[i - 1].end);
    }
  });
});
