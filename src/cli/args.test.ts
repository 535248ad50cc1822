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
    [['rules', 'a.yaml', '--format', 'thanos'], '--format must be prometheus or grafana, got "thanos"'],
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
