import { parsePromQL } from '../slo/promql';
import { measuredSegments, plannedSamples, slaPeriodQueries, splitAtHours } from './queries';
import { slaPeriodAt } from './period';

const H = 3_600_000;
const M = 60_000;
const kolkata = slaPeriodAt(Date.UTC(2026, 2, 15), 'month', 'Asia/Kolkata');

describe('SLA period queries', () => {
  it('splits a part at whole hours: :30 edges read 1m samples, the hours in between one sample each', () => {
    const { edges, hours } = splitAtHours({ start: kolkata.start, end: kolkata.end });
    expect(edges).toEqual([
      { start: kolkata.start, end: kolkata.start + 30 * M },
      { start: kolkata.end - 30 * M, end: kolkata.end },
    ]);
    expect(hours).toEqual({ start: kolkata.start + 30 * M, end: kolkata.end - 30 * M });
    expect(splitAtHours({ start: 10 * M, end: 50 * M })).toEqual({ edges: [{ start: 10 * M, end: 50 * M }] });
    expect(splitAtHours({ start: 0, end: 2 * H })).toEqual({ edges: [], hours: { start: 0, end: 2 * H } });
  });

  it('widens exclusions to whole minutes, or to clock 5-minute intervals for the intervals method', () => {
    const p = { label: 'x', start: 0, end: 2 * H };
    const x = [{ start: 61_500, end: 7 * M + 1 }];
    expect(measuredSegments(p, x, { kind: 'events' })).toEqual([
      { start: 0, end: M },
      { start: 8 * M, end: 2 * H },
    ]);
    expect(measuredSegments(p, x, { kind: 'intervals' })).toEqual([{ start: 10 * M, end: 2 * H }]);
    // A running period stops at `until`, rounded down to the grain.
    expect(measuredSegments(p, [], { kind: 'intervals' }, 23 * M + 5)).toEqual([{ start: 0, end: 20 * M }]);
    expect(measuredSegments(p, [], { kind: 'events' }, -1)).toEqual([]);
  });

  it('events: 60 × the 1m edges + 3600 × the hourly samples; reads the samples written in [a + 1m, b + 1m − 1ms]', () => {
    const q = slaPeriodQueries({ id: 's', method: { kind: 'events' } }, 'cart', [{ start: 90 * M, end: 4 * H }]);
    // (1h30m, 2h]: samples of the minutes 1h31m … 2h, written at 1h31m + o … 2h + o for any offset o < 1m.
    expect(q.bad).toBe(
      '60 * ((sum(sum_over_time(sla:sli_bad:rate1m{slo_id="cart"}[29m59s999ms] @ 7259.999)) or vector(0)))' +
        ' + 3600 * ((sum(sum_over_time(sla:sli_bad:rate1h{slo_id="cart"}[1h59m59s999ms] @ 14459.999)) or vector(0)))'
    );
    expect(q.total).toContain('sla:sli_total:rate1h');
    expect(q.downMinutes).toBeUndefined();
  });

  it('every method builds parseable PromQL with escaped ids, also with exclusions', () => {
    const segs = measuredSegments(kolkata, [{ start: kolkata.start + 3 * H + 7 * M, end: kolkata.start + 5 * H }], {
      kind: 'events',
    });
    for (const method of [
      { kind: 'events' as const },
      { kind: 'intervals' as const },
      { kind: 'uptime' as const, unavailableAbove: 0.05 },
    ]) {
      const q = slaPeriodQueries({ id: 'a"b', method }, 'c"d', segs);
      for (const [role, e] of Object.entries(q)) {
        expect(parsePromQL(e!)).toEqual([]);
        expect(e).toContain(role === 'downMinutes' ? 'sla_id="a\\"b"' : 'slo_id="c\\"d"');
      }
    }
    const up = slaPeriodQueries({ id: 'a"b', method: { kind: 'uptime', unavailableAbove: 0.05 } }, 'x', segs);
    expect(up.downMinutes).toContain('sla:unavailable_minutes:count1h{sla_id="a\\"b"}');
    expect(up.downMinutes).toContain('sla:sli_unavailable:minute{sla_id="a\\"b"}');
  });

  it('reads at most 2 × 59 fine samples per part plus one per whole hour: a month is ≤ 1/50 of the raw samples', () => {
    const plan = plannedSamples([{ start: kolkata.start, end: kolkata.end }], { kind: 'events' });
    expect(plan).toEqual({ fine: 60, hourly: 743 });
    const rawPerSeries = (kolkata.end - kolkata.start) / M; // one raw counter at 1m scrapes
    expect((2 * (plan.fine + plan.hourly)) / (2 * rawPerSeries)).toBeLessThan(1 / 50);
  });

  it('no measured parts reads nothing', () => {
    expect(slaPeriodQueries({ id: 's', method: { kind: 'events' } }, 'c', []).bad).toBe('vector(0)');
  });
});
