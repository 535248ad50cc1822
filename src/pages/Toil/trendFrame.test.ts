import { FieldType } from '@grafana/data';
import { foldToil } from '../../domain/toil';
import { storedEntry, T0 } from '../../domain/toil/testing';
import { toilTrendFrame } from './trendFrame';

const DAY = 86_400_000;
const HOUR = 3_600_000;
// T0 is Monday 2 November 2026, 09:00: four whole weeks to 30 November; "now" early in the fourth.
const RANGE = { from: T0 - 9 * HOUR, to: T0 - 9 * HOUR + 28 * DAY };
const NOW = T0 + 22 * DAY;
const settings = [
  { id: 'payments', team: 'Payments', capacityHoursPerWeek: 10, budget: 0.5 },
  { id: 'search', team: 'Search', capacityHoursPerWeek: 40, budget: 0.3 },
];

describe('toilTrendFrame', () => {
  const { entries } = foldToil(
    [
      storedEntry('toil-a-00000001', { team: 'Payments', at: T0, durationMinutes: 240 }),
      storedEntry('toil-a-00000002', { team: 'Payments', at: T0 + 14 * DAY, durationMinutes: 720 }),
      storedEntry('toil-a-00000003', { team: 'Platform', at: T0, durationMinutes: 60 }),
    ],
    []
  );
  const { frame, withoutCapacity } = toilTrendFrame(entries, settings, RANGE, NOW);

  it('has a UTC week start per whole week that has ended, and a share per team with entries', () => {
    expect(frame.fields[0]).toMatchObject({ name: 'Time', type: FieldType.time });
    expect(frame.fields[0].values).toEqual([T0 - 9 * HOUR, T0 - 9 * HOUR + 7 * DAY, T0 - 9 * HOUR + 14 * DAY]);
    expect(frame.fields.map((f) => f.name)).toEqual(['Time', 'Payments']);
    expect(frame.name).toBeUndefined();
  });

  it('leaves weeks without entries empty (a gap, never 0%) and uses the team budget as its threshold', () => {
    const payments = frame.fields[1];
    expect(payments.values).toEqual([0.4, null, 1.2]);
    expect(payments.config.unit).toBe('percentunit');
    expect(payments.config.thresholds?.steps[1]).toEqual({ value: 0.5, color: 'red' });
  });

  it('leaves out a week cut by the range start and the running week, which would read as dips', () => {
    const cut = { from: RANGE.from + 3 * DAY, to: RANGE.to };
    const { frame: f } = toilTrendFrame(entries, settings, cut, T0 + 16 * DAY);
    expect(f.fields[0].values).toEqual([T0 - 9 * HOUR + 7 * DAY]);
  });

  it('names the teams it cannot draw for lack of capacity, and skips teams with nothing logged', () => {
    expect(withoutCapacity).toEqual(['Platform']);
    expect(frame.fields.some((f) => f.name === 'Search')).toBe(false);
  });
});
