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
  it('returns only sre-slo-* groups not wanted, hourly ones too, leaving other groups alone', () => {
    expect(
      staleGroupNames(
        [
          'sre-slo-checkout',
          'sre-slo-checkout.hourly',
          'sre-slo-cart',
          'sre-slo-cart.hourly',
          'hand-made',
          'sre-slo-old',
          'sre-slo-old.hourly',
          'slo-other',
        ],
        ['sre-slo-checkout.hourly', 'sre-slo-checkout', 'sre-slo-cart']
      )
    ).toEqual(['sre-slo-cart.hourly', 'sre-slo-old', 'sre-slo-old.hourly']);
  });

  it('does not treat an SLO whose id is a prefix of another as the same group', () => {
    expect(staleGroupNames(['sre-slo-api', 'sre-slo-api-v2'], ['sre-slo-api-v2'])).toEqual(['sre-slo-api']);
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
