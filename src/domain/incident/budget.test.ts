/**
 * @jest-environment node
 */
import { incidentBudgetConsumed } from './budget';

describe('incidentBudgetConsumed', () => {
  it('divides the bad events by the window error budget', () => {
    // budget = (1 - 0.999) × 10,000,000 = 10,000 bad events; 1,000 of them is a tenth.
    expect(incidentBudgetConsumed({ badEvents: 1_000, totalEvents: 10_000_000, objective: 0.999 })).toBeCloseTo(
      0.1,
      12
    );
  });

  it('can exceed 1 when one incident spends more than the whole budget', () => {
    // budget = 0.01 × 50,000 = 500; 1,250 / 500 = 2.5
    expect(incidentBudgetConsumed({ badEvents: 1_250, totalEvents: 50_000, objective: 0.99 })).toBeCloseTo(2.5, 12);
  });

  it('is zero without bad events and undefined without traffic', () => {
    expect(incidentBudgetConsumed({ badEvents: 0, totalEvents: 100, objective: 0.9 })).toBe(0);
    expect(incidentBudgetConsumed({ badEvents: 0, totalEvents: 0, objective: 0.9 })).toBeUndefined();
  });

  it.each([
    [{ badEvents: 1, totalEvents: 10, objective: 99.9 }, 'objective must be a fraction in (0, 1), got 99.9'],
    [{ badEvents: 1, totalEvents: 10, objective: 1 }, 'objective must be a fraction in (0, 1), got 1'],
    [{ badEvents: 1, totalEvents: 10, objective: NaN }, 'objective must be a fraction in (0, 1), got NaN'],
    [
      { badEvents: -1, totalEvents: 10, objective: 0.9 },
      'event counts must be finite and non-negative, got bad=-1 total=10',
    ],
    [
      { badEvents: 1, totalEvents: Infinity, objective: 0.9 },
      'event counts must be finite and non-negative, got bad=1 total=Infinity',
    ],
  ])('refuses impossible input %j', (input, msg) => {
    expect(() => incidentBudgetConsumed(input)).toThrow(new RangeError(msg));
  });
});
