import { parseToilParams, quarterOf, rangeParams, rangePresets } from './toilParams';

const NOW = Date.UTC(2026, 11, 5, 12);
const parse = (q: string) => parseToilParams(new URLSearchParams(q), NOW);

describe('parseToilParams', () => {
  it('defaults to the entries of the current UTC quarter, weekly, without derived toil', () => {
    expect(parse('')).toEqual({
      view: 'entries',
      logOpen: false,
      team: '',
      period: 'week',
      range: { from: Date.UTC(2026, 9, 1), to: Date.UTC(2027, 0, 1) },
      fromDay: '2026-10-01',
      toDay: '2026-12-31',
      derived: false,
      page: null,
    });
  });

  it('reads a shared view: view, team, period, an inclusive to-day, derived and page', () => {
    const p = parse('view=reports&team=%20Payments%20&period=month&from=2026-11-01&to=2026-11-30&derived=1&page=2');
    expect(p).toMatchObject({ view: 'reports', team: 'Payments', period: 'month', derived: true, page: '2' });
    expect(p.range).toEqual({ from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 11, 1) });
  });

  it('opens the quick log on view=log, over the entries', () => {
    expect(parse('view=log')).toMatchObject({ view: 'entries', logOpen: true });
  });

  it.each([
    ['an unknown view', 'view=admin', { view: 'entries' }],
    ['an unknown period', 'period=year', { period: 'week' }],
    ['an impossible day', 'from=2026-02-31&to=2026-03-10', { fromDay: '2026-10-01' }],
    ['a reversed range', 'from=2026-11-10&to=2026-11-01', { fromDay: '2026-10-01' }],
    ['a range over 400 days', 'from=2024-01-01&to=2026-01-01', { fromDay: '2026-10-01' }],
    ['a half range', 'from=2026-11-01', { fromDay: '2026-10-01', toDay: '2026-12-31' }],
  ])('falls back to the default for %s', (_, q, expected) => {
    expect(parse(q)).toMatchObject(expected);
  });

  it('round-trips a range through rangeParams', () => {
    for (const preset of rangePresets(NOW)) {
      const { from, to } = rangeParams(preset.range);
      expect(parse(`from=${from}&to=${to}`).range).toEqual(preset.range);
    }
  });
});

describe('range presets', () => {
  it('offer this month, the last three calendar months and this quarter', () => {
    expect(rangePresets(NOW).map((p) => [p.value, rangeParams(p.range)])).toEqual([
      ['month', { from: '2026-12-01', to: '2026-12-31' }],
      ['3m', { from: '2026-10-01', to: '2026-12-31' }],
      ['quarter', { from: '2026-10-01', to: '2026-12-31' }],
    ]);
    expect(quarterOf(Date.UTC(2027, 1, 10))).toEqual({ from: Date.UTC(2027, 0, 1), to: Date.UTC(2027, 3, 1) });
  });
});
