import { formatDuration } from './format';

describe('formatDuration', () => {
  it.each([
    [undefined, '–'],
    [0, '0s'],
    [45_000, '45s'],
    [12 * 60_000, '12m'],
    [12 * 60_000 + 30_000, '12m'],
    [3 * 3_600_000 + 20 * 60_000, '3h 20m'],
    [3 * 3_600_000, '3h'],
    [2 * 86_400_000 + 4 * 3_600_000 + 5 * 60_000, '2d 4h'],
    [-5, '0s'],
  ])('formats %p as %p', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
