import { creditFor } from './credits';

// Amazon EC2's published tiers: < 99.99% → 10%, < 99.0% → 30%, < 95.0% → 100%.
const EC2 = [
  { below: 0.9999, creditPercent: 10 },
  { below: 0.99, creditPercent: 30 },
  { below: 0.95, creditPercent: 100 },
];

describe('creditFor', () => {
  it.each([
    [1, 0],
    [0.9999, 0],
    [0.99989, 10],
    [0.99, 10],
    [0.98999, 30],
    [0.95, 30],
    [0.9, 100],
  ])('owes for %d the credit of the lowest threshold it is strictly below: %d%%', (achieved, credit) => {
    expect(creditFor(achieved, EC2)).toBe(credit);
  });

  it('owes nothing without data (the report says no data)', () => {
    expect(creditFor(undefined, EC2)).toBe(0);
    expect(creditFor(NaN, EC2)).toBe(0);
  });
});
