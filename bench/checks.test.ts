/**
 * @jest-environment node
 */
import { EXACTNESS, exactnessProblems } from './checks';
import type { Measurement, MethodId } from './methods';
import type { FidelityCheck } from './rules';

function measurement(sloId: string, method: MethodId, answer: number, truth: number, emulated = answer): Measurement {
  return {
    sloId,
    method,
    query: 'q',
    timeSec: 0,
    answer,
    truth,
    relError: (answer - truth) / truth,
    emulated,
    emulationGap: (answer - emulated) / truth,
    totalQueryableSamples: 1,
    peakSamples: 1,
    wallMsMedian: 1,
    evalMsMedian: 1,
    wallMsRuns: [1],
  };
}

const fidelity: FidelityCheck = { range: '1h', rules: 2, comparedSamples: 60, maxAbsDiff: 0, identical: true, ms: 1 };

function sound(id: string): Measurement[] {
  return [
    measurement(id, 'raw', 0.001, 0.001),
    measurement(id, 'sloth', 0.0013, 0.001),
    measurement(id, 'ours', 0.001 * (1 + EXACTNESS.oursRelError / 2), 0.001),
  ];
}

describe('exactnessProblems', () => {
  it('passes a sound run, whatever Sloth’s error (its error is the finding, not a fault)', () => {
    expect(exactnessProblems([...sound('a'), ...sound('b')], ['a', 'b'], fidelity)).toEqual([]);
  });

  it('names the SLO, method and bound of an answer off the truth', () => {
    const ms = sound('a');
    ms[2] = measurement('a', 'ours', 0.0011, 0.001);
    const problems = exactnessProblems(ms, ['a'], fidelity);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^a ours: answer 0\.0011 is 1\.00e-1 off the truth 0\.001 \(bound 0\.01\)$/);
  });

  it('refuses a raw answer that is not the counters’ difference and an answer off its emulation', () => {
    const ms = sound('a');
    ms[0] = measurement('a', 'raw', 0.001 * (1 + 1e-6), 0.001);
    ms[1] = measurement('a', 'sloth', 0.0013, 0.001, 0.0012);
    const problems = exactnessProblems(ms, ['a'], fidelity);
    expect(problems.some((p) => p.startsWith('a raw: answer'))).toBe(true);
    expect(problems.some((p) => p.startsWith('a sloth: answer 0.0013 differs from its emulation 0.0012'))).toBe(true);
  });

  it('reports missing, duplicated, non-numeric and unknown measurements', () => {
    const ms = [...sound('a'), measurement('a', 'raw', 0.001, 0.001), measurement('ghost', 'raw', 1, 1)];
    ms.splice(1, 1); // no sloth for a
    const nan = measurement('b', 'raw', NaN, 0.001);
    const problems = exactnessProblems([...ms, nan, ...sound('b').slice(1)], ['a', 'b'], fidelity);
    expect(problems).toEqual(
      expect.arrayContaining([
        'a raw: 2 measurements, expected 1',
        'a sloth: 0 measurements, expected 1',
        expect.stringMatching(/^b raw: answer NaN.*not a number$/),
        '1 measurements of unknown SLOs (ghost)',
      ])
    );
  });

  it('fails when promtool’s backfill and the server differ, or when nothing was compared', () => {
    expect(exactnessProblems(sound('a'), ['a'], { ...fidelity, identical: false, maxAbsDiff: 0.5 })[0]).toMatch(
      /^fidelity: .*max \|diff\| 0\.5/
    );
    expect(exactnessProblems(sound('a'), ['a'], { ...fidelity, comparedSamples: 0 })).toHaveLength(1);
    expect(exactnessProblems(sound('a'), ['a'], undefined)).toEqual([]);
  });
});
