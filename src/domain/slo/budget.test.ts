import {
  allowedDowntime,
  assessSlo,
  burnRate,
  classifyStatus,
  detectionTime,
  errorRatioProblem,
  remainingBudget,
  timeToExhaustion,
} from './budget';

const DAY = 86400e3;

describe('budget maths', () => {
  it('computes remaining budget and burn rate from an error ratio', () => {
    expect(remainingBudget(0.0005, 0.999)).toBeCloseTo(0.5, 12);
    expect(remainingBudget(0.002, 0.999)).toBeCloseTo(-1, 12);
    expect(burnRate(0.0144, 0.999)).toBeCloseTo(14.4, 12);
    expect(remainingBudget(null, 0.999)).toBeNull();
    expect(burnRate(NaN, 0.999)).toBeNull();
  });

  it('gives 43.2 minutes of downtime for 99.9% over 30d', () => {
    expect(allowedDowntime(0.999, 30 * DAY) / 60000).toBeCloseTo(43.2, 9);
  });

  it('computes time to exhaustion as remaining × window / rate', () => {
    expect(timeToExhaustion(1, 1, 30 * DAY)).toBe(30 * DAY);
    expect(timeToExhaustion(14.4, 1, 30 * DAY)! / 3600e3).toBeCloseTo(50, 9); // 720h / 14.4
    expect(timeToExhaustion(2, 0.5, 30 * DAY)).toBe(7.5 * DAY);
    expect(timeToExhaustion(0, 0.5, 30 * DAY)).toBe(Infinity);
    expect(timeToExhaustion(3, 0, 30 * DAY)).toBe(0);
    expect(timeToExhaustion(null, 0.5, 30 * DAY)).toBeNull();
  });

  it('computes detection time: 100% outage on the fast tier trips after 51.84 s, plus for', () => {
    expect(detectionTime(3600e3, 14.4, 0.001, 1)).toBeCloseTo(51840, 6);
    expect(detectionTime(3600e3, 14.4, 0.001, 1, 120e3)).toBeCloseTo(171840, 6);
    expect(detectionTime(3600e3, 14.4, 0.001, 0.0144)).toBe(Infinity); // exactly at the threshold never fires
    expect(detectionTime(3600e3, 14.4, 0.1, 1)).toBe(Infinity); // 99% ... 90% SLO: threshold above 100%
  });

  it('classifies status, with missing data never shown as healthy or exhausted', () => {
    expect(classifyStatus(null)).toBe('no_data');
    expect(classifyStatus(NaN, 20)).toBe('no_data');
    expect(classifyStatus(0)).toBe('exhausted');
    expect(classifyStatus(-0.5, 0)).toBe('exhausted');
    expect(classifyStatus(0.9, 6)).toBe('burning_fast');
    expect(classifyStatus(0.9, 1.5)).toBe('at_risk');
    expect(classifyStatus(0.2, 0.1)).toBe('at_risk');
    expect(classifyStatus(0.9, 0.5)).toBe('healthy');
    expect(classifyStatus(0.9, null)).toBe('healthy');
  });
});

describe('impossible error ratios are a data problem, not a status', () => {
  it('names bad exceeding total, and good exceeding total', () => {
    expect(errorRatioProblem(1830)).toBe('bad exceeds total: check the queries');
    expect(errorRatioProblem(-0.2)).toBe('good exceeds total: check the queries');
    expect(errorRatioProblem(1)).toBeNull();
    expect(errorRatioProblem(0)).toBeNull();
    expect(errorRatioProblem(1 + 1e-12)).toBeNull();
    expect(errorRatioProblem(null)).toBeNull();
  });

  it('never calls an error ratio above 1 exhausted, and shows no numbers for it', () => {
    // The README screenshot's case: ratio 1830 against a 98% objective read as SLI −182900%, burn 91500×.
    expect(assessSlo(1830, 91500, 0.98)).toEqual({
      sli: null,
      remaining: null,
      burnRate1h: null,
      status: 'bad_data',
      problem: 'bad exceeds total: check the queries',
    });
    // A sane window ratio with an impossible 1h ratio (burn × budget > 1) is a data problem too.
    expect(assessSlo(0.001, 200, 0.99).status).toBe('bad_data');
  });

  it('assesses possible numbers as before', () => {
    expect(assessSlo(0.005, 2, 0.99)).toEqual({ sli: 0.995, remaining: 0.5, burnRate1h: 2, status: 'at_risk' });
    expect(assessSlo(0.02, 0.5, 0.99).status).toBe('exhausted');
    expect(assessSlo(null, null, 0.99).status).toBe('no_data');
  });
});
