import { DEFAULT_RULER_NAMESPACE, namespaceProblem, rulerKindFromBuildInfo, staleGroupNames } from './ruler';

describe('namespaceProblem', () => {
  it('accepts the default and ordinary names', () => {
    expect(namespaceProblem(DEFAULT_RULER_NAMESPACE)).toBeUndefined();
    expect(namespaceProblem('team payments')).toBeUndefined();
  });

  it('names the field and the reason', () => {
    expect(namespaceProblem('')).toBe('Namespace: must not be empty');
    expect(namespaceProblem('   ')).toBe('Namespace: must not be empty');
    expect(namespaceProblem(' slo')).toBe('Namespace: must not start or end with spaces');
    expect(namespaceProblem('a/b')).toBe('Namespace: must not contain "/" (got "a/b")');
  });
});

describe('staleGroupNames', () => {
  it('returns only sre-slo-* groups of SLOs not wanted, leaving other groups alone', () => {
    expect(
      staleGroupNames(
        ['sre-slo-checkout', 'sre-slo-cart', 'hand-made', 'sre-slo-old', 'slo-other'],
        ['checkout', 'cart']
      )
    ).toEqual(['sre-slo-old']);
  });

  it('does not treat an SLO whose id is a prefix of another as the same group', () => {
    expect(staleGroupNames(['sre-slo-api', 'sre-slo-api-v2'], ['api-v2'])).toEqual(['sre-slo-api']);
  });
});

describe('rulerKindFromBuildInfo', () => {
  it('tells Mimir with and without the ruler config API from plain Prometheus', () => {
    expect(rulerKindFromBuildInfo({ status: 'success', data: { version: '2.53.0' } })).toBe('prometheus');
    expect(rulerKindFromBuildInfo({ data: { features: { ruler_config_api: 'true' } } })).toBe('mimir');
    expect(rulerKindFromBuildInfo({ data: { features: { ruler_config_api: 'false' } } })).toBe('mimir-no-ruler');
    expect(rulerKindFromBuildInfo(null)).toBe('prometheus');
  });
});
