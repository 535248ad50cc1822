/**
 * @jest-environment node
 */
import { isIncidentId, newEventId, newIncidentId, nextEventAt } from './ids';

/** A random source that replays fixed values. */
const replay = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length];
};

describe('newIncidentId', () => {
  it('is INC-<UTC day>-<4 chars>, the chars picked from 0-9a-z by the random values', () => {
    // 0 → '0', 0.5 → index 18 'i', 0.999 → index 35 'z', 10/36 → index 10 'a'
    const now = Date.UTC(2026, 10, 28, 23, 59, 59);
    expect(newIncidentId(now, replay(0, 0.5, 0.999, 10 / 36))).toBe('INC-20261128-0iza');
  });

  it('uses the UTC day, not the local one', () => {
    expect(newIncidentId(Date.UTC(2026, 0, 1, 0, 0, 0), replay(0))).toBe('INC-20260101-0000');
  });

  it('is deterministic and clamps a source that returns 1', () => {
    const now = Date.UTC(2026, 10, 28);
    expect(newIncidentId(now, replay(1))).toBe('INC-20261128-zzzz');
    expect(newIncidentId(now, replay(0.3))).toBe(newIncidentId(now, replay(0.3)));
    expect(isIncidentId(newIncidentId(now, Math.random))).toBe(true);
  });
});

describe('newEventId', () => {
  it('is evt-<time in base 36>-<10 random chars>', () => {
    expect(newEventId(36 * 36, replay(0))).toBe('evt-100-0000000000');
  });
  it('differs for two writers at the same instant with different random draws', () => {
    expect(newEventId(5, replay(0.1))).not.toBe(newEventId(5, replay(0.2)));
  });
});

describe('isIncidentId', () => {
  it.each(['INC-20261128-ab12', 'INC-12', 'postmortem_7', 'a'])('accepts %s', (id) => {
    expect(isIncidentId(id)).toBe(true);
  });
  it.each(['', '-x', '../etc', 'a b', '<script>', 'a,b', 'x'.repeat(65)])('refuses %j', (id) => {
    expect(isIncidentId(id)).toBe(false);
  });
});

describe('nextEventAt', () => {
  const seen = (...ats: number[]) => ({ timeline: ats.map((at) => ({ at })) });

  it('is now when every seen event is older', () => {
    expect(nextEventAt(seen(100, 200), 500)).toBe(500);
    expect(nextEventAt(undefined, 500.7)).toBe(500);
  });

  it('lands after the latest seen event when the clock has not moved on or lags behind', () => {
    expect(nextEventAt(seen(500), 500)).toBe(501);
    expect(nextEventAt(seen(100, 900, 300), 500)).toBe(901);
  });
});
