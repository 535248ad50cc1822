import {
  budgetBarFraction,
  formatBudget,
  formatBurnRate,
  formatObjective,
  formatSli,
  formatTarget,
  formatWindow,
} from './format';

describe('formatTarget / formatObjective', () => {
  it('keeps the nines and drops trailing zeros', () => {
    expect(formatTarget(0.999)).toBe('99.9%');
    expect(formatTarget(0.9995)).toBe('99.95%');
    expect(formatTarget(0.99)).toBe('99%');
    expect(formatTarget(0.99999)).toBe('99.999%');
  });

  it('names rolling and calendar windows', () => {
    expect(formatWindow({ type: 'rolling', duration: '30d' })).toBe('30d');
    expect(formatWindow({ type: 'calendar', unit: 'month', timeZone: 'UTC' })).toBe('calendar month');
    expect(
      formatObjective({ objective: { target: 0.995 }, window: { type: 'calendar', unit: 'month', timeZone: 'UTC' } })
    ).toBe('99.5% / calendar month');
    expect(formatObjective({ objective: { target: 0.999 }, window: { type: 'rolling', duration: '28d' } })).toBe(
      '99.9% / 28d'
    );
  });
});

describe('formatSli', () => {
  it('shows No data for unknown values, never 0% or 100%', () => {
    expect(formatSli(null)).toBe('No data');
    expect(formatSli(undefined)).toBe('No data');
    expect(formatSli(NaN)).toBe('No data');
  });

  it('grows the precision with the nines and never rounds up to 100%', () => {
    expect(formatSli(0.95)).toBe('95%');
    expect(formatSli(0.98765)).toBe('98.76%');
    expect(formatSli(0.99912)).toBe('99.912%');
    expect(formatSli(0.999996)).toBe('99.9996%');
    expect(formatSli(0.99999999)).toBe('99.9999%');
    expect(formatSli(0.29)).toBe('29%');
    expect(formatSli(1)).toBe('100%');
    expect(formatSli(0)).toBe('0%');
  });
});

describe('formatBudget / budgetBarFraction', () => {
  it('shows overspent budgets with a real minus sign', () => {
    expect(formatBudget(0.42)).toBe('42%');
    expect(formatBudget(-0.5)).toBe('\u221250%');
    expect(formatBudget(0)).toBe('0%');
    expect(formatBudget(null)).toBe('No data');
  });

  it('clamps the bar to 0–1', () => {
    expect(budgetBarFraction(-0.5)).toBe(0);
    expect(budgetBarFraction(0.3)).toBe(0.3);
    expect(budgetBarFraction(1.2)).toBe(1);
    expect(budgetBarFraction(null)).toBe(0);
  });
});

describe('formatBurnRate', () => {
  it('uses a multiplication sign and sensible precision', () => {
    expect(formatBurnRate(2.345)).toBe('2.3×');
    expect(formatBurnRate(1)).toBe('1×');
    expect(formatBurnRate(14.4)).toBe('14×');
    expect(formatBurnRate(0)).toBe('0×');
    expect(formatBurnRate(0.04)).toBe('0.04×');
    expect(formatBurnRate(null)).toBe('No data');
  });
});
