import { validateSlo, validateSlos } from './validate';

const valid = () => ({
  id: 'checkout-availability',
  name: 'Checkout availability',
  service: 'checkout',
  labels: { team: 'payments' },
  sli: { kind: 'ratio', bad: 'http_requests_total{code=~"5.."}', total: 'http_requests_total' },
  objective: { target: 0.999 },
  window: { type: 'rolling', duration: '30d' },
});

const paths = (problems: Array<{ path: string }>) => problems.map((p) => p.path);

describe('validateSlo', () => {
  it('accepts a valid SLO of each kind', () => {
    expect(validateSlo(valid(), 'slo')).toEqual([]);
    const kinds = [
      {
        kind: 'latency',
        metric: 'http_server_requests_seconds',
        threshold: 0.3,
        matchers: [{ name: 'uri', op: '=~', value: '/api/.*' }],
      },
      { kind: 'availability', metric: 'probe_success', matchers: [] },
      { kind: 'freeform', errorRatio: '1 - avg_over_time(up[{{.window}}])' },
    ];
    for (const sli of kinds) {
      expect(validateSlo({ ...valid(), sli }, 'slo')).toEqual([]);
    }
    const calendar = { ...valid(), window: { type: 'calendar', unit: 'quarter', timeZone: 'Europe/Paris' } };
    expect(validateSlo(calendar, 'slo')).toEqual([]);
  });

  it('accepts a policy id and refuses anything else at `policy`', () => {
    expect(validateSlo({ ...valid(), policy: 'strict-releases' }, 'slo')).toEqual([]);
    expect(validateSlo({ ...valid(), policy: { id: 'x' } }, 'slo')).toEqual([
      { path: 'slo.policy', message: 'must be the id of an error-budget policy (a slug), got {"id":"x"}' },
    ]);
  });

  it('reports the target with path and value', () => {
    expect(validateSlos([valid(), valid(), { ...valid(), id: 'c', objective: { target: 1.5 } }])).toContainEqual({
      path: 'slos[2].objective.target',
      message: 'must be between 0 and 1 (exclusive), got 1.5',
    });
  });

  it('returns every problem at once', () => {
    const p = validateSlo(
      {
        id: 'Bad Id',
        sli: { kind: 'ratio', total: 'x' },
        objective: { target: 99.9 },
        window: { type: 'rolling', duration: '30x' },
      },
      's'
    );
    expect(paths(p)).toEqual(['s.id', 's.name', 's.service', 's.sli', 's.objective.target', 's.window.duration']);
    expect(p.find((x) => x.path === 's.window.duration')?.message).toMatch(/unknown unit "x"/);
    expect(p.find((x) => x.path === 's.sli')?.message).toMatch(/exactly one of good and bad, got neither/);
  });

  it('reports duplicate ids', () => {
    expect(validateSlos([valid(), valid()])).toEqual([
      { path: 'slos[1].id', message: 'duplicate id "checkout-availability" (also used by slos[0])' },
    ]);
    expect(validateSlos({})).toEqual([{ path: 'slos', message: 'must be a list of SLOs, got {}' }]);
  });

  it('reports PromQL syntax errors at the position in the text as written', () => {
    const slo = { ...valid(), sli: { kind: 'ratio', bad: 'sum(rate(e[{{.window}}])', total: 't' } };
    const [p] = validateSlo(slo, 's');
    expect(p.path).toBe('s.sli.bad');
    expect(p.message).toBe('PromQL syntax error: unexpected end of expression at 1:25 (offset 24)');
  });

  it('reports PromQL type errors as Prometheus would, after {{.window}} is substituted', () => {
    const ff = { ...valid(), sli: { kind: 'freeform', errorRatio: 'sum_over_time(up == 0[{{.window}}])' } };
    expect(validateSlo(ff, 's')).toEqual([
      {
        path: 's.sli.errorRatio',
        message: 'PromQL type error: ranges only allowed for vector selectors at 1:15 (offset 14)',
      },
    ]);
    const ratio = { ...valid(), sli: { kind: 'ratio', bad: 'sum(rate(e[{{.window}}]))', total: 'rate(t)' } };
    expect(validateSlo(ratio, 's')).toEqual([
      {
        path: 's.sli.total',
        message:
          'PromQL type error: expected type range vector in call to function "rate", got instant vector at 1:6 (offset 5)',
      },
    ]);
    const range = { ...valid(), sli: { kind: 'ratio', bad: 'e[{{.window}}]', total: 'sum(rate(t[{{.window}}]))' } };
    expect(validateSlo(range, 's')[0].message).toBe(
      'PromQL type error: expression must give an instant vector or a scalar, got range vector at 1:1 (offset 0)'
    );
  });

  it('rejects fixed-window ratio queries and freeform without the placeholder', () => {
    const fixed = validateSlo({ ...valid(), sli: { kind: 'ratio', bad: 'sum(rate(e[5m]))', total: 't' } }, 's');
    expect(fixed[0].message).toMatch(/plain counter selector .* or a template holding \{\{\.window\}\}/);
    const ff = validateSlo({ ...valid(), sli: { kind: 'freeform', errorRatio: 'x' } }, 's');
    expect(ff[0]).toEqual({
      path: 's.sli.errorRatio',
      message: expect.stringMatching(/must hold the \{\{\.window\}\} placeholder/),
    });
  });

  it('checks latency specifics', () => {
    const p = validateSlo(
      {
        ...valid(),
        sli: {
          kind: 'latency',
          metric: 'h_bucket',
          threshold: 0,
          matchers: [
            { name: 'le', op: '=', value: '1' },
            { name: 'x', op: '=~', value: '(' },
          ],
        },
      },
      's'
    );
    expect(paths(p)).toEqual(['s.sli.metric', 's.sli.threshold', 's.sli.matchers[0].name', 's.sli.matchers[1].value']);
  });

  it('checks calendar windows and time zones', () => {
    const p = validateSlo({ ...valid(), window: { type: 'calendar', unit: 'week', timeZone: 'Mars/Olympus' } }, 's');
    expect(paths(p)).toEqual(['s.window.unit', 's.window.timeZone']);
  });

  it('checks timeslices budgeting', () => {
    const p = validateSlo(
      { ...valid(), budgeting: { method: 'timeslices', sliceDuration: '30s', sliceTarget: 0 } },
      's'
    );
    expect(paths(p)).toEqual(['s.budgeting.sliceDuration', 's.budgeting.sliceTarget']);
  });

  it('checks tier overrides', () => {
    const tiers = [
      { tier: 'fast', shortWindow: '2h' },
      { tier: 'turbo' },
      { tier: 'slow', factor: -1, budgetShare: 1.5, severity: 'critical', for: '5q' },
      { tier: 'fast' },
    ];
    const p = validateSlo({ ...valid(), alerting: { tiers } }, 's');
    expect(p.map((x) => `${x.path}: ${x.message}`)).toEqual([
      's.alerting.tiers[1].tier: must be one of fast, medium, slow, long, got "turbo"',
      's.alerting.tiers[2].factor: must be a number greater than 0, got -1',
      's.alerting.tiers[2].budgetShare: must be a number in (0, 1], got 1.5',
      's.alerting.tiers[2].severity: must be "page" or "ticket", got "critical"',
      expect.stringMatching(/^s\.alerting\.tiers\[2\]\.for: .*unknown unit "q"/),
      's.alerting.tiers[3].tier: tier "fast" is overridden twice',
      's.alerting.tiers[0].shortWindow: must be shorter than the long window (2h >= 1h)',
    ]);
    expect(validateSlo({ ...valid(), alerting: { tiers: [{ tier: 'fast', for: '0s' }] } }, 's')).toEqual([]);
  });

  it('refuses tier overrides that could alert while the SLO is met or never fire at all', () => {
    const check = (tiers: unknown[], target = 0.999, duration = '30d') =>
      validateSlo(
        { ...valid(), objective: { target }, window: { type: 'rolling', duration }, alerting: { tiers } },
        's'
      ).map((x) => `${x.path}: ${x.message}`);
    expect(check([{ tier: 'long', factor: 0.5 }])).toEqual([
      expect.stringMatching(/^s\.alerting\.tiers\[0\]\.factor: the long tier's factor 0\.5× is below 1×/),
    ]);
    // 5% of a 30d budget in the long tier's 3d is a factor of 0.5: the budget would still last.
    expect(check([{ tier: 'long', budgetShare: 0.05 }])).toEqual([
      expect.stringMatching(/^s\.alerting\.tiers\[0\]\.budgetShare: the long tier's factor 0\.5× is below 1×/),
    ]);
    // 20 × 5% = an error ratio of 100%, which a `>` comparison can never exceed.
    expect(check([{ tier: 'fast', factor: 20 }], 0.95)).toEqual([
      expect.stringMatching(/^s\.alerting\.tiers\[0\]\.factor: .*error ratio of 100% at a 95% objective/),
    ]);
    expect(check([{ tier: 'slow', longWindow: '30d' }])).toEqual([
      expect.stringMatching(/^s\.alerting\.tiers\[0\]\.longWindow: .*after 300% of the 30d error budget is gone/),
    ]);
    expect(
      check([
        { tier: 'fast', factor: 10 },
        { tier: 'long', factor: 1.5, longWindow: '2d' },
      ])
    ).toEqual([]);
    // Switching a tier off is always fine, and a default tier dropped for the objective is not the user's error.
    expect(check([{ tier: 'long', factor: 0.5, enabled: false }])).toEqual([]);
    expect(check([], 0.9)).toEqual([]);
  });

  it('refuses rolling windows shorter than 1h', () => {
    const p = validateSlo({ ...valid(), window: { type: 'rolling', duration: '30m' } }, 's');
    expect(p.map((x) => `${x.path}: ${x.message}`)).toEqual([
      's.window.duration: must be at least 1h: alert windows are at least 5m, got "30m"',
    ]);
  });

  it('checks labels that would break generated rules', () => {
    const p = validateSlo({ ...valid(), labels: { __x: 'a', slo_id: 'b', ok: '', 'a-b': 'c', bad: 'x\uD800' } }, 's');
    expect(paths(p)).toEqual(['s.labels.__x', 's.labels.slo_id', 's.labels.ok', 's.labels.a-b', 's.labels.bad']);
    const a = validateSlo({ ...valid(), alerting: { labels: { severity: 'critical' }, name: 'bad name' } }, 's');
    expect(paths(a)).toEqual(['s.alerting.name', 's.alerting.labels.severity']);
  });

  it('accepts only http(s) runbook URLs', () => {
    expect(validateSlo({ ...valid(), alerting: { runbookUrl: 'https://wiki/runbook' } }, 's')).toEqual([]);
    for (const url of ['javascript:alert(1)', 'wiki/runbook', 'ftp://x/y']) {
      expect(paths(validateSlo({ ...valid(), alerting: { runbookUrl: url } }, 's'))).toEqual(['s.alerting.runbookUrl']);
    }
  });

  it('flags unknown fields and non-objects', () => {
    expect(validateSlo({ ...valid(), objetive: {} }, 's')[0].path).toBe('s.objetive');
    expect(validateSlo('nope', 's')).toEqual([{ path: 's', message: 'must be an object, got "nope"' }]);
  });
});
