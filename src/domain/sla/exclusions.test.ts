import { excludedMs, includedSegments, mergeWithin } from './exclusions';

const P = { start: 1000, end: 2000 };

describe('exclusions', () => {
  it('clips to the period edges and merges overlapping and touching windows', () => {
    expect(
      mergeWithin(
        [
          { start: 500, end: 1100 },
          { start: 1500, end: 1600 },
          { start: 1550, end: 1700 },
          { start: 1700, end: 1750 },
          { start: 1900, end: 2500 },
          { start: 3000, end: 4000 },
        ],
        P
      )
    ).toEqual([
      { start: 1000, end: 1100 },
      { start: 1500, end: 1750 },
      { start: 1900, end: 2000 },
    ]);
  });

  it('leaves the complement as the measured segments', () => {
    const x = [
      { start: 900, end: 1100 },
      { start: 1500, end: 1600 },
    ];
    expect(includedSegments(P, x)).toEqual([
      { start: 1100, end: 1500 },
      { start: 1600, end: 2000 },
    ]);
    expect(excludedMs(P, x)).toBe(200);
  });

  it('measures nothing when the whole period is excluded', () => {
    expect(includedSegments(P, [{ start: 0, end: 5000 }])).toEqual([]);
    expect(excludedMs(P, [{ start: 0, end: 5000 }])).toBe(1000);
  });
});
