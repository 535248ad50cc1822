import { DurationError, formatDuration, normalizeDuration, parseDuration } from './durations';

describe('durations', () => {
  it.each([
    ['250ms', 250],
    ['30s', 30e3],
    ['5m', 300e3],
    ['1h30m', 5400e3],
    ['1d', 86400e3],
    ['2w', 14 * 86400e3],
    ['1y', 365 * 86400e3],
    ['1h0m5s', 3605e3],
  ])('parses %s', (s, ms) => expect(parseDuration(s)).toBe(ms));

  it('rejects unknown units, wrong order, zero and garbage with a reason', () => {
    expect(() => parseDuration('5x')).toThrow(/unknown unit "x"/);
    expect(() => parseDuration('30m1h')).toThrow(/largest first/);
    expect(() => parseDuration('0s')).toThrow(/greater than zero/);
    expect(() => parseDuration('1.5h')).toThrow(DurationError);
    expect(() => parseDuration('')).toThrow(/empty/);
  });

  it('formats without weeks so windows read as written', () => {
    expect(formatDuration(30 * 86400e3)).toBe('30d');
    expect(formatDuration(5400e3)).toBe('1h30m');
    expect(formatDuration(1500)).toBe('1s500ms');
    expect(normalizeDuration('60m')).toBe('1h');
    expect(normalizeDuration('1w')).toBe('7d');
  });
});
