import type { Sla } from './model';
import { csvCell, slaPeriodResult, slaReportCsv, slaReportMarkdown, type SlaMeasurement } from './report';

const period = { label: '2026-03', start: Date.UTC(2026, 2, 1), end: Date.UTC(2026, 3, 1) };
const monthMs = period.end - period.start;
const after = period.end + 1;

const sla: Sla = {
  id: 'acme',
  name: 'Acme API',
  customer: 'Acme',
  services: ['api'],
  indicator: { sloId: 'api' },
  target: 0.999,
  method: { kind: 'events' },
  period: { unit: 'month', timeZone: 'UTC' },
  credits: [
    { below: 0.999, creditPercent: 10 },
    { below: 0.99, creditPercent: 25 },
  ],
};

const m = (x: Partial<SlaMeasurement>): SlaMeasurement => ({
  totalEvents: 1_000_000,
  measuredMs: monthMs,
  periodMeasuredMs: monthMs,
  ...x,
});

describe('slaPeriodResult', () => {
  it('exactly at the target is met with no credit; one bad event more is breached with the 10% tier', () => {
    const met = slaPeriodResult(sla, period, [], m({ badEvents: 1000 }), after);
    expect(met).toMatchObject({ standing: 'met', achieved: 0.999, creditPercent: 0, allowedLeft: 0, running: false });
    const breached = slaPeriodResult(sla, period, [], m({ badEvents: 1001 }), after);
    expect(breached).toMatchObject({ standing: 'breached', creditPercent: 10, badEvents: 1001 });
    expect(slaPeriodResult(sla, period, [], m({ badEvents: 20_000 }), after).creditPercent).toBe(25);
  });

  it('no events (or no answer) is no data and owes nothing', () => {
    expect(slaPeriodResult(sla, period, [], m({ totalEvents: 0, badEvents: 0 }), after)).toMatchObject({
      standing: 'no_data',
      creditPercent: 0,
    });
    expect(slaPeriodResult(sla, period, [], undefined, after).achieved).toBeUndefined();
  });

  it('a running period is at risk when the shortfall so far, continued, would breach; never breached or credited', () => {
    const half = { measuredMs: monthMs / 2 };
    // 400 of 500,000 events so far: 800 of a projected 1,000 allowed → met (200 left ≥ 10%).
    const ok = slaPeriodResult(sla, period, [], m({ totalEvents: 500_000, badEvents: 400, ...half }), period.start + 1);
    expect(ok).toMatchObject({ running: true, standing: 'met', creditPercent: 0 });
    expect(ok.allowedLeft).toBeCloseTo(600, 6);
    // 600 so far: projected 1,200 > 1,000 allowed → at risk, not breached.
    const risky = slaPeriodResult(
      sla,
      period,
      [],
      m({ totalEvents: 500_000, badEvents: 600, ...half }),
      period.start + 1
    );
    expect(risky.standing).toBe('at_risk');
    // Less than 10% of the allowed shortfall left also puts it at risk.
    const early = { measuredMs: monthMs * 0.95 };
    const late = slaPeriodResult(
      sla,
      period,
      [],
      m({ totalEvents: 950_000, badEvents: 920, ...early }),
      period.end - 1
    );
    expect(late.standing).toBe('at_risk');
  });

  it('uptime: achieved = 1 − unavailable minutes ÷ included minutes; budget left in minutes', () => {
    const up: Sla = { ...sla, method: { kind: 'uptime', unavailableAbove: 0.05 } };
    const minutes = monthMs / 60_000;
    const r = slaPeriodResult(up, period, [], m({ downMinutes: 20 }), after);
    expect(r.achieved).toBeCloseTo(1 - 20 / minutes, 12);
    expect(r.downtimeMinutes).toBe(20);
    expect(r.allowedLeft).toBeCloseTo(0.001 * minutes - 20, 9);
  });

  it('intervals: 1 − the mean of the interval error rates; no interval with traffic is no data', () => {
    const iv: Sla = { ...sla, method: { kind: 'intervals' } };
    expect(slaPeriodResult(iv, period, [], m({ rateSum: 4.2, intervals: 8000 }), after).achieved).toBeCloseTo(
      1 - 4.2 / 8000,
      12
    );
    expect(slaPeriodResult(iv, period, [], m({ rateSum: 0, intervals: 0 }), after).standing).toBe('no_data');
  });

  it('lists the exclusions clipped to the period, sorted, and counts overlaps once', () => {
    const x = [
      { id: 'b', title: 'b', start: period.start + 3_600_000, end: period.start + 7_200_000 },
      { id: 'a', title: 'a', start: period.start - 600_000, end: period.start + 5_400_000 },
      { id: 'z', title: 'outside', start: period.end, end: period.end + 1000 },
    ];
    const r = slaPeriodResult(sla, period, x, m({ badEvents: 0 }), after);
    expect(r.exclusions.map((e) => [e.id, e.start])).toEqual([
      ['a', period.start],
      ['b', period.start + 3_600_000],
    ]);
    expect(r.excludedMs).toBe(7_200_000);
  });

  it('counts a running period\'s excluded time up to now, and still lists the maintenance planned later', () => {
    const now = period.start + 10 * 3_600_000;
    const x = [
      { id: 'past', title: 'past', start: period.start + 3_600_000, end: period.start + 2 * 3_600_000 },
      { id: 'now', title: 'spans now', start: now - 1_800_000, end: now + 1_800_000 },
      { id: 'later', title: 'planned', start: now + 5 * 3_600_000, end: now + 7 * 3_600_000 },
    ];
    const r = slaPeriodResult(sla, period, x, m({ badEvents: 0 }), now);
    expect(r.running).toBe(true);
    expect(r.excludedMs).toBe(3_600_000 + 1_800_000);
    expect(r.exclusions.map((e) => e.id)).toEqual(['past', 'now', 'later']);
  });
});

describe('SLA report output', () => {
  const evil: Sla = {
    ...sla,
    name: 'x | <img src=x onerror=alert(1)>',
    customer: '=HYPERLINK("http://evil")',
    contractUrl: 'javascript:alert(1)',
  };
  const results = [
    slaPeriodResult(
      evil,
      period,
      [{ id: 'm1', title: '+cmd|calc', start: period.start, end: period.start + 60_000 }],
      m({ badEvents: 1001 }),
      after
    ),
  ];

  it('Markdown: escapes user text, never links a javascript: contract, lists exclusions', () => {
    const text = slaReportMarkdown(evil, results);
    expect(text).toContain('x \\| \\<img src=x onerror=alert(1)\\>');
    expect(text).not.toContain('javascript:');
    expect(text).toContain('| 2026-03 | 99.900% | 99.900% | breached | 1001 of 1000000 | 0.02 h | 10% |');
    expect(text).toContain('| 2026-03 | 2026-03-01T00:00:00Z | 2026-03-01T00:01:00Z | +cmd\\|calc |');
    expect(slaReportMarkdown({ ...sla, contractUrl: 'https://x.example/c' }, [])).toContain('<https://x.example/c>');
  });

  it('CSV: neutralises cells starting with = + - @ tab or CR, quotes commas and quotes, keeps numbers', () => {
    for (const [input, out] of [
      ['=1+1', "'=1+1"],
      ['+a', "'+a"],
      ['-a', "'-a"],
      ['@a', "'@a"],
      ['\tx', "'\tx"],
      ['\rx', `"'\rx"`],
      ['a,"b"', '"a,""b"""'],
    ]) {
      expect(csvCell(input)).toBe(out);
    }
    expect(csvCell(-0.5)).toBe('-0.5');
    const csv = slaReportCsv(evil, results);
    expect(csv).toContain(`acme,x | <img src=x onerror=alert(1)>,"'=HYPERLINK(""http://evil"")",2026-03,`);
    expect(csv).toContain("2026-03,2026-03-01T00:00:00Z,2026-03-01T00:01:00Z,'+cmd|calc,m1");
    expect(csv.split('\r\n')[0]).toMatch(/^sla_id,sla_name,customer,period,start,end,running,achieved,target,standing/);
  });
});

describe('float noise at the threshold', () => {
  it('a count read back as 1000.0000000004 (sums of recorded rates) against 99.9% of 1e6 is met, not breached', () => {
    const r = slaPeriodResult(sla, period, [], m({ badEvents: 1000.0000000004 }), after);
    expect(r.standing).toBe('met');
    expect(r.creditPercent).toBe(0);
    expect(r.allowedLeft).toBe(0);
  });
});
