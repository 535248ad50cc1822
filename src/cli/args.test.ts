/** @jest-environment node */
import { parseCliArgs } from './args';

describe('parseCliArgs', () => {
  it('parses validate with several files', () => {
    expect(parseCliArgs(['validate', 'a.yaml', 'b.yaml'])).toEqual({
      ok: true,
      command: { cmd: 'validate', files: ['a.yaml', 'b.yaml'] },
    });
  });

  it('parses rules with defaults and every option', () => {
    expect(parseCliArgs(['rules', 'a.yaml'])).toEqual({
      ok: true,
      command: expect.objectContaining({ cmd: 'rules', files: ['a.yaml'], format: 'prometheus' }),
    });
    expect(
      parseCliArgs([
        'rules',
        'a.yaml',
        '--format',
        'grafana',
        '--datasource-uid',
        'prom',
        '--grafana-url',
        'https://g',
        '-o',
        'out.yaml',
        '--folder-title',
        'SLOs',
      ])
    ).toEqual({
      ok: true,
      command: {
        cmd: 'rules',
        files: ['a.yaml'],
        format: 'grafana',
        datasourceUid: 'prom',
        grafanaUrl: 'https://g',
        output: 'out.yaml',
        folderTitle: 'SLOs',
        folderUid: undefined,
      },
    });
  });

  it('parses convert', () => {
    expect(parseCliArgs(['convert', 'a.yaml', '--to', 'json'])).toEqual({
      ok: true,
      command: { cmd: 'convert', file: 'a.yaml', to: 'json', output: undefined },
    });
  });

  it('recognises --help anywhere', () => {
    expect(parseCliArgs(['--help'])).toEqual({ ok: true, command: { cmd: 'help' } });
    expect(parseCliArgs(['rules', '-h'])).toEqual({ ok: true, command: { cmd: 'help', topic: 'rules' } });
    expect(parseCliArgs(['help', 'convert'])).toEqual({ ok: true, command: { cmd: 'help', topic: 'convert' } });
    expect(parseCliArgs(['help', 'nope'])).toEqual({ ok: false, error: 'unknown command "nope"' });
  });

  it.each([
    [[], 'missing command'],
    [['lint', 'a.yaml'], 'unknown command "lint"'],
    [['validate'], 'validate needs at least one file'],
    [
      ['rules', 'a.yaml', '--format', 'thanos'],
      '--format must be prometheus, grafana, prometheus-operator, mimir or cortex, got "thanos"',
    ],
    [['rules', 'a.yaml', '--format', 'grafana'], '--format grafana needs --datasource-uid'],
    [['convert', 'a.yaml'], 'convert needs --to openslo or --to json'],
    [['convert', 'a.yaml', '--to', 'sloth'], 'convert needs --to openslo or --to json, got "sloth"'],
    [['convert', 'a.yaml', 'b.yaml', '--to', 'json'], 'convert takes exactly one file'],
    [['validate', 'a.yaml', '--to', 'json'], 'option --to does not apply to validate'],
  ])('%j is a usage error: %s', (argv, error) => {
    // A known command's usage follows its error; an unknown one gets the general help.
    const cmd = (argv as string[])[0];
    const topic = ['validate', 'rules', 'convert'].includes(cmd) ? cmd : undefined;
    expect(parseCliArgs(argv as string[])).toEqual(topic ? { ok: false, error, topic } : { ok: false, error });
  });

  it('reports unknown options', () => {
    const r = parseCliArgs(['rules', 'a.yaml', '--nope']);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/--nope/);
  });
});

describe('rules --interval', () => {
  it('passes a valid evaluation interval through', () => {
    const parsed = parseCliArgs(['rules', 'a.yaml', '--interval', '30s']);
    expect(parsed).toMatchObject({ ok: true, command: { cmd: 'rules', interval: '30s' } });
  });

  it('refuses a value that is not a duration, naming the option', () => {
    expect(parseCliArgs(['rules', 'a.yaml', '--interval', 'often'])).toEqual({
      ok: false,
      error: '--interval must be a Prometheus duration such as 30s or 1m, got "often"',
      topic: 'rules',
    });
  });
});

describe('rules --format prometheus-operator, mimir and cortex', () => {
  const rules = (...argv: string[]) => parseCliArgs(['rules', ...argv]);
  const usage = (error: string) => ({ ok: false, error, topic: 'rules' });

  it('takes the resource name from the file, or --name, with namespace and labels', () => {
    expect(rules('specs/Checkout_API.yaml', '--format', 'prometheus-operator')).toEqual({
      ok: true,
      command: expect.objectContaining({ format: 'prometheus-operator', name: 'checkout-api' }),
    });
    const parsed = rules(
      'a.yaml',
      'b.yaml',
      '--format',
      'prometheus-operator',
      '--name',
      'team-a.slos',
      '--namespace',
      'monitoring',
      '--label',
      'release=kube-prometheus-stack',
      '--label',
      'app.kubernetes.io/part-of=',
      '--interval',
      '1m'
    );
    expect(parsed).toEqual({
      ok: true,
      command: expect.objectContaining({
        cmd: 'rules',
        files: ['a.yaml', 'b.yaml'],
        format: 'prometheus-operator',
        name: 'team-a.slos',
        namespace: 'monitoring',
        labels: { release: 'kube-prometheus-stack', 'app.kubernetes.io/part-of': '' },
        interval: '1m',
      }),
    });
  });

  it('mimir and its alias cortex default the ruler namespace', () => {
    for (const format of ['mimir', 'cortex']) {
      expect(rules('a.yaml', '--format', format)).toEqual({
        ok: true,
        command: expect.objectContaining({ format: 'mimir', namespace: 'sre-reliability' }),
      });
    }
    expect(rules('a.yaml', '--format', 'mimir', '--namespace', 'Team A')).toMatchObject({
      ok: true,
      command: { namespace: 'Team A' },
    });
  });

  it.each([
    [['a.yaml', '--name', 'x'], '--name applies only to --format prometheus-operator'],
    [['a.yaml', '--format', 'mimir', '--label', 'a=b'], '--label applies only to --format prometheus-operator'],
    [
      ['a.yaml', '--format', 'grafana', '--datasource-uid', 'p', '--namespace', 'x'],
      '--namespace applies only to --format prometheus-operator, mimir or cortex',
    ],
    [
      ['a.yaml', 'b.yaml', '--format', 'prometheus-operator'],
      '--format prometheus-operator with several files needs --name for the resource',
    ],
    [
      ['___.yaml', '--format', 'prometheus-operator'],
      '--name is needed: no Kubernetes name can be made from the file name "___.yaml"',
    ],
    [
      ['a.yaml', '--format', 'prometheus-operator', '--name', 'My_SLOs'],
      '--name "My_SLOs" is not a Kubernetes resource name: it must be lowercase letters, digits, "-" and ".", starting and ending with a letter or digit',
    ],
    [
      ['a.yaml', '--format', 'prometheus-operator', '--namespace', 'team.a'],
      '--namespace "team.a" is not a Kubernetes namespace: it must be lowercase letters, digits and "-", starting and ending with a letter or digit',
    ],
    [['a.yaml', '--format', 'prometheus-operator', '--label', 'release'], '--label must be KEY=VALUE, got "release"'],
    [['a.yaml', '--format', 'prometheus-operator', '--label', '=x'], '--label must be KEY=VALUE, got "=x"'],
    [['a.yaml', '--format', 'prometheus-operator', '--label', 'a=1', '--label', 'a=2'], '--label a is given twice'],
    [
      ['a.yaml', '--format', 'prometheus-operator', '--label', 'team-=x'],
      '--label key "team-" is not a Kubernetes label key: its name part must be letters, digits, "-", "_" and ".", starting and ending with a letter or digit',
    ],
    [
      ['a.yaml', '--format', 'prometheus-operator', '--label', 'team=a b'],
      '--label team: value "a b" is not a Kubernetes label value: it must be empty or letters, digits, "-", "_" and ".", starting and ending with a letter or digit',
    ],
    [
      ['a.yaml', '--format', 'mimir', '--namespace', ''],
      '--namespace "" cannot be a ruler namespace: it must not be empty',
    ],
    [
      ['a.yaml', '--format', 'cortex', '--namespace', ' slos'],
      '--namespace " slos" cannot be a ruler namespace: it must not start or end with whitespace',
    ],
  ])('%j is a usage error: %s', (argv, error) => {
    expect(rules(...(argv as string[]))).toEqual(usage(error));
  });

  it('refuses an --interval with surrounding spaces, which Prometheus would refuse', () => {
    expect(rules('a.yaml', '--interval', ' 1m')).toEqual(
      usage('--interval must be a Prometheus duration such as 30s or 1m, got " 1m"')
    );
  });
});
