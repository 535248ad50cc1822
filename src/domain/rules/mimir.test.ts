/** @jest-environment node */
import { DEFAULT_MIMIR_NAMESPACE, generateMimirNamespace, mimirNamespaceProblem } from './mimir';
import { generatePrometheusRules } from './prometheus';
import { ratioSlo } from './testing/promtoolHarness';

describe('generateMimirNamespace', () => {
  it('is a rule file with the namespace first and nothing else (mimirtool refuses unknown fields)', () => {
    const slos = [ratioSlo('api', 'api', 0.999)];
    const ns = generateMimirNamespace(slos, 'team-a', { interval: '1m' });
    expect(Object.keys(ns)).toEqual(['namespace', 'groups']);
    expect(ns.namespace).toBe('team-a');
    expect(ns.groups).toEqual(generatePrometheusRules(slos, { interval: '1m' }).groups);
  });

  it('has a default namespace that is itself valid', () => {
    expect(mimirNamespaceProblem(DEFAULT_MIMIR_NAMESPACE)).toBeUndefined();
  });

  it.each([
    ['team-a', undefined],
    ['Team A/SLOs', undefined],
    ['', 'must not be empty'],
    ['   ', 'must not be empty'],
    [' slos', 'must not start or end with whitespace'],
    ['slos\n', 'must not start or end with whitespace'],
    ['a\tb', 'must not contain control characters'],
  ])('namespace %j: %s', (namespace, problem) => {
    expect(mimirNamespaceProblem(namespace)).toBe(problem);
  });
});
