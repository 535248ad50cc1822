import { fieldForPath, placeProblems } from './fieldProblems';

describe('placing validation problems on fields', () => {
  it('maps paths to the fields that show them', () => {
    expect(fieldForPath('slo.objective.target', [])).toBe('objective.target');
    expect(fieldForPath('slo.sli', [])).toBe('sli.events');
    expect(fieldForPath('slo.sli.bad', [])).toBe('sli.events');
    expect(fieldForPath('slo.sli.matchers[1].value', [])).toBe('sli.matchers');
    expect(fieldForPath('slo.window.timeZone', [])).toBe('window');
    expect(fieldForPath('slo.labels.1bad', [])).toBe('labels');
    expect(fieldForPath('slo.alerting.tiers[1].factor', [{ tier: 'fast' }, { tier: 'slow' }])).toBe(
      'alerting.tiers.slow'
    );
    expect(fieldForPath('slo.budgeting.sliceDuration', [])).toBeUndefined();
  });

  it('joins messages per field, names the row, counts per step and keeps the rest for the summary', () => {
    const placed = placeProblems(
      [
        { path: 'slo.objective.target', message: 'must be between 0 and 1 (exclusive), got 1.5' },
        { path: 'slo.sli.matchers[0].name', message: 'invalid label name' },
        { path: 'slo.budgeting.sliceTarget', message: 'must be a number' },
      ],
      []
    );
    expect(placed.byField['objective.target']).toBe('must be between 0 and 1 (exclusive), got 1.5');
    expect(placed.byField['sli.matchers']).toBe('[0].name: invalid label name');
    expect(placed.unplaced).toEqual([{ path: 'slo.budgeting.sliceTarget', message: 'must be a number' }]);
    expect(placed.perStep).toEqual([0, 1, 1, 0, 0, 1]);
  });
});
