import { filterRows, queryFromParams, queryToParams } from './listModel';
import { allowedLeftText, minutes, percent, shortfallText, zoned } from './format';
import { customerReport, defaultPeriodLabel, periodLabels, periodOf } from './reportModel';
import { NOW, makeSla, result } from './testing/slaFixtures';
import { slaPeriodAt } from '../../domain/sla/period';

describe('SLA list model', () => {
  it('round-trips the filters through the URL and ignores an unknown standing', () => {
    const q = queryFromParams(new URLSearchParams('customer=Acme&standing=breached'));
    expect(q).toEqual({ customer: 'Acme', service: '', standing: 'breached' });
    expect(queryToParams(q).toString()).toBe('customer=Acme&standing=breached');
    expect(queryFromParams(new URLSearchParams('standing=<b>')).standing).toBe('');
  });

  it('filters on every field; a row still loading matches no standing', () => {
    const a = makeSla('a');
    const p = slaPeriodAt(NOW, 'month', 'UTC');
    const rows = [{ sla: a, result: result(p, 0.9) }, { sla: makeSla('b', { customer: 'B', services: ['x'] }) }];
    expect(filterRows(rows, { customer: '', service: 'x', standing: '' }).map((r) => r.sla.id)).toEqual(['b']);
    expect(filterRows(rows, { customer: '', service: '', standing: 'at_risk' }).map((r) => r.sla.id)).toEqual(['a']);
  });
});

describe('SLA formatting', () => {
  const p = slaPeriodAt(NOW, 'month', 'UTC');
  it('formats percents, minutes, budget left and shortfall in the method’s unit', () => {
    expect(percent(0.9995)).toBe('99.950%');
    expect(percent(undefined)).toBe('—');
    expect(minutes(125)).toBe('2 h 05 min');
    expect(minutes(12.25)).toBe('12.3 min');
    expect(allowedLeftText({ method: { kind: 'events' } }, { allowedLeft: 1 })).toBe('1 bad event left');
    expect(allowedLeftText({ method: { kind: 'uptime', unavailableAbove: 0.05 } }, { allowedLeft: 90 })).toBe(
      '1 h 30 min downtime left'
    );
    expect(
      shortfallText({ method: { kind: 'uptime', unavailableAbove: 0.05 } }, result(p, 0.99, { downtimeMinutes: 30 }))
    ).toBe('30 min down');
    expect(shortfallText({ method: { kind: 'intervals' } }, result(p, 0.99))).toBe('1.000% mean error rate');
  });

  it('shows instants in the SLA’s zone (a Kolkata month starts at 18:30 UTC the day before)', () => {
    expect(zoned(Date.UTC(2026, 1, 28, 18, 30), 'Asia/Kolkata')).toBe('2026-03-01 00:00');
  });
});

describe('SLA report model', () => {
  const monthly = makeSla('m');
  const quarterly = makeSla('q', { period: { unit: 'quarter', timeZone: 'UTC' } });
  it('defaults to the last complete period and lists months and quarters, newest first', () => {
    expect(defaultPeriodLabel([monthly], NOW)).toBe('2026-02');
    expect(periodLabels([monthly, quarterly], NOW).slice(0, 4)).toEqual(['2026-Q1', '2026-03', '2026-02', '2026-01']);
    expect(periodOf(quarterly, '2026-02', NOW)).toBeUndefined();
  });

  it('joins each SLA’s CSV and Markdown into one customer file with a safe name', () => {
    const p = periodOf(monthly, '2026-02', NOW)!;
    const r = customerReport('Acme / EU', '2026-02', [
      { sla: monthly, results: [result(p, 0.99)] },
      { sla: makeSla('n'), results: [result(p, 0.999)] },
    ]);
    expect(r.filename).toBe('sla-report-acme-eu-2026-02');
    expect(r.markdown.match(/^# SLA report/gm)).toHaveLength(2);
    expect(r.csv.match(/^sla_id,/gm)).toHaveLength(2);
  });
});
