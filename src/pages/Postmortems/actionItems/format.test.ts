import { setTimeZoneResolver } from '@grafana/data';
import { dateInputValue, formatDay, fromDateInput, viewerTimeZone } from './format';

const browser = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

afterEach(() => setTimeZoneResolver(() => 'browser'));

describe("viewerTimeZone: the user's Grafana time zone preference", () => {
  it.each([
    ['browser', browser],
    ['', browser],
    ['utc', 'UTC'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['Mars/Olympus_Mons', browser],
  ])('%j gives %j', (preference, zone) => {
    setTimeZoneResolver(() => preference);
    expect(viewerTimeZone()).toBe(zone);
  });
});

describe('due days in a time zone', () => {
  // 2026-03-08 20:30 UTC: already the 9th in Kolkata (+5:30), still the 8th in New York (−4 after the DST switch).
  const t = Date.UTC(2026, 2, 8, 20, 30);

  it('reads the calendar day in the zone', () => {
    expect(dateInputValue(t, 'UTC')).toBe('2026-03-08');
    expect(dateInputValue(t, 'Asia/Kolkata')).toBe('2026-03-09');
    expect(dateInputValue(t, 'America/New_York')).toBe('2026-03-08');
    expect(formatDay(t, 'Asia/Kolkata')).toBe('9 Mar 2026');
    expect(formatDay(t, 'UTC')).toBe('8 Mar 2026');
    expect(dateInputValue(NaN, 'UTC')).toBe('');
  });

  it('turns a picked day into that day in the zone, keeping the wall-clock time of the old due date', () => {
    // Kolkata: the old due is 02:00 local on the 9th; picking the 12th keeps 02:00 local.
    expect(fromDateInput('2026-03-12', t, 'Asia/Kolkata')).toBe(Date.UTC(2026, 2, 11, 20, 30));
    // New York across the DST switch (8 March 2026): 16:30 local stays 16:30 local, one hour less from UTC.
    const ny = Date.UTC(2026, 2, 7, 21, 30); // 16:30 EST on the 7th
    expect(fromDateInput('2026-03-10', ny, 'America/New_York')).toBe(Date.UTC(2026, 2, 10, 20, 30));
    for (const zone of ['UTC', 'Asia/Kolkata', 'America/New_York', 'Pacific/Chatham']) {
      expect(dateInputValue(fromDateInput('2026-11-01', t, zone)!, zone)).toBe('2026-11-01');
    }
  });

  it('refuses what is not a day', () => {
    expect(fromDateInput('', t, 'UTC')).toBeUndefined();
    expect(fromDateInput('2026-02-30', t, 'UTC')).toBeUndefined();
    expect(fromDateInput('12/03/2026', t, 'UTC')).toBeUndefined();
  });

  it("uses the viewer's zone by default", () => {
    setTimeZoneResolver(() => 'Asia/Kolkata');
    expect(dateInputValue(t)).toBe('2026-03-09');
    expect(formatDay(t)).toBe('9 Mar 2026');
  });
});
