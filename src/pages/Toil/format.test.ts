import { NO_TRAITS } from '../../domain/toil';
import { formatHours, formatPeriod, formatShare, formatToilValue } from './format';

describe('toil formats', () => {
  it('hours with one decimal below 100, shares as whole percents', () => {
    expect([formatHours(0.25), formatHours(12.34), formatHours(123.4)]).toEqual(['0.3 h', '12.3 h', '123 h']);
    expect(formatShare(0.426)).toBe('43%');
  });

  it('names UTC periods', () => {
    expect(formatPeriod(Date.UTC(2026, 10, 30), 'week')).toBe('Week of Nov 30');
    expect(formatPeriod(Date.UTC(2026, 10, 1), 'month')).toBe('Nov 2026');
  });

  it('shows a conflicting field’s value as people read it', () => {
    expect(formatToilValue('durationMinutes', 75)).toBe('1h 15m');
    expect(formatToilValue('kind', 'oncall_page')).toBe('On-call page');
    expect(formatToilValue('traits', { ...NO_TRAITS, manual: true, automatable: true })).toBe('Manual, Automatable');
    expect(formatToilValue('traits', NO_TRAITS)).toBe('none');
    expect(formatToilValue('note', '')).toBe('(empty)');
    expect(formatToilValue('task', '<b>x</b>')).toBe('<b>x</b>');
  });
});
