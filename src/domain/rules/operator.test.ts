/** @jest-environment node */
import { checkPrometheusRule } from '../../../tests/contract/prometheusrule';
import {
  dns1123LabelProblem,
  dns1123SubdomainProblem,
  generatePrometheusRuleResource,
  labelKeyProblem,
  labelValueProblem,
  resourceNameFromPath,
} from './operator';
import { generatePrometheusRules } from './prometheus';
import { ratioSlo } from './testing/promtoolHarness';

const slos = [ratioSlo('api', 'api', 0.999), ratioSlo('web', 'web', 0.99)];

describe('generatePrometheusRuleResource', () => {
  it('wraps exactly the Prometheus rule groups in a PrometheusRule with the given metadata', () => {
    const r = generatePrometheusRuleResource(slos, {
      name: 'slos',
      namespace: 'monitoring',
      labels: { team: 'sre', release: 'prometheus' },
      interval: '1m',
      grafanaUrl: 'https://g.example.com',
    });
    expect(r.apiVersion).toBe('monitoring.coreos.com/v1');
    expect(r.kind).toBe('PrometheusRule');
    expect(r.metadata).toEqual({
      name: 'slos',
      namespace: 'monitoring',
      labels: { release: 'prometheus', team: 'sre' },
    });
    // Sorted, so the output does not depend on the order of --label flags.
    expect(Object.keys(r.metadata.labels!)).toEqual(['release', 'team']);
    expect(r.spec.groups).toEqual(
      generatePrometheusRules(slos, { interval: '1m', grafanaUrl: 'https://g.example.com' }).groups
    );
    expect(checkPrometheusRule(r)).toEqual([]);
  });

  it('leaves out namespace and labels when not given', () => {
    const r = generatePrometheusRuleResource(slos, { name: 'slos' });
    expect(r.metadata).toEqual({ name: 'slos' });
    expect(checkPrometheusRule(r)).toEqual([]);
  });
});

describe('the PrometheusRule CRD schema check can fail', () => {
  const good = () => JSON.parse(JSON.stringify(generatePrometheusRuleResource(slos, { name: 'slos', interval: '1m' })));

  it.each<[string, (r: any) => void, RegExp]>([
    [
      'a group without a name',
      (r) => delete r.spec.groups[0].name,
      /^\/spec\/groups\/0 must have required property 'name'/,
    ],
    ['an empty group name', (r) => (r.spec.groups[0].name = ''), /^\/spec\/groups\/0\/name must NOT have fewer than 1/],
    [
      'a rule without expr',
      (r) => delete r.spec.groups[0].rules[0].expr,
      /^\/spec\/groups\/0\/rules\/0 must have required property 'expr'/,
    ],
    [
      'a misspelt field',
      (r) => (r.spec.groups[0].rules[0].recrod = 'x'),
      /^\/spec\/groups\/0\/rules\/0 must NOT have additional properties: recrod/,
    ],
    [
      'a "for" that is not a Go duration',
      (r) => (r.spec.groups.flatMap((g: any) => g.rules).find((x: any) => x.for).for = '5 minutes'),
      /\/for must match pattern/,
    ],
    [
      'an interval that is not a Go duration',
      (r) => (r.spec.groups[0].interval = '1 minute'),
      /^\/spec\/groups\/0\/interval must match pattern/,
    ],
    [
      'a label value that is not a string',
      (r) => (r.spec.groups[0].rules[0].labels.slo_id = 7),
      /\/labels\/slo_id must be string/,
    ],
    ['no spec', (r) => delete r.spec, /^\/ must have required property 'spec'/],
    [
      'two groups with one name',
      (r) => (r.spec.groups[1].name = r.spec.groups[0].name),
      /^\/spec\/groups\/1\/name duplicate "sre-slo-api\.hourly"/,
    ],
    [
      'another apiVersion',
      (r) => (r.apiVersion = 'monitoring.coreos.com/v1alpha1'),
      /^\/apiVersion must be monitoring\.coreos\.com\/v1$/,
    ],
    ['another kind', (r) => (r.kind = 'PrometheusRules'), /^\/kind must be PrometheusRule$/],
  ])('refuses %s', (_what, breakIt, problem) => {
    const r = good();
    expect(checkPrometheusRule(r)).toEqual([]);
    breakIt(r);
    expect(checkPrometheusRule(r)).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });

  it("reads the CRD's Go (?i) pattern case-insensitively, as the API server does", () => {
    const r = good();
    r.spec.groups[0].partial_response_strategy = 'WARN';
    expect(checkPrometheusRule(r)).toEqual([]);
    r.spec.groups[0].partial_response_strategy = 'ignore';
    expect(checkPrometheusRule(r)).toEqual([expect.stringMatching(/partial_response_strategy must match pattern/)]);
  });
});

describe('Kubernetes names', () => {
  it.each([
    ['slos', undefined],
    ['team-a.slos', undefined],
    ['Slos', 'must be lowercase letters'],
    ['-slos', 'must be lowercase letters'],
    ['a..b', 'must be lowercase letters'],
    ['a_b', 'must be lowercase letters'],
    ['a'.repeat(254), 'must be at most 253 characters, got 254'],
  ])('resource name %j: %s', (name, problem) => {
    expect(dns1123SubdomainProblem(name)).toEqual(problem === undefined ? undefined : expect.stringContaining(problem));
  });

  it.each([
    ['monitoring', undefined],
    ['team.a', 'must be lowercase letters, digits and "-"'],
    ['a'.repeat(64), 'must be at most 63 characters, got 64'],
  ])('namespace %j: %s', (name, problem) => {
    expect(dns1123LabelProblem(name)).toEqual(problem === undefined ? undefined : expect.stringContaining(problem));
  });

  it.each([
    ['release', undefined],
    ['app.kubernetes.io/part-of', undefined],
    ['Team_Name', undefined],
    ['/team', 'prefix "" must not be empty'],
    ['Example.com/team', 'prefix "Example.com" must be lowercase'],
    ['team-', 'name part must be letters'],
    [`x/${'a'.repeat(64)}`, 'name part must be 1 to 63 characters, got 64'],
    ['x/', 'name part must be 1 to 63 characters, got 0'],
  ])('label key %j: %s', (key, problem) => {
    expect(labelKeyProblem(key)).toEqual(problem === undefined ? undefined : expect.stringContaining(problem));
  });

  it.each([
    ['', undefined],
    ['prometheus', undefined],
    ['kube-prometheus_stack.1', undefined],
    ['has space', 'must be empty or letters'],
    ['a'.repeat(64), 'must be at most 63 characters, got 64'],
  ])('label value %j: %s', (value, problem) => {
    expect(labelValueProblem(value)).toEqual(problem === undefined ? undefined : expect.stringContaining(problem));
  });

  it.each([
    ['examples/slos.yaml', 'slos'],
    ['specs\\Checkout_API.yml', 'checkout-api'],
    ['/x/team-a.payments.yaml', 'team-a.payments'],
    ['__my--slos__.json', 'my-slos'],
    ['a_.-b.yaml', 'a.b'],
    ['___.yaml', undefined],
    ['.yaml', undefined],
  ])('a name from the file %j: %j', (path, name) => {
    expect(resourceNameFromPath(path)).toBe(name);
  });
});
