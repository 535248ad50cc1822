/** @jest-environment node */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { importDocuments } from './import';

const dir = join(__dirname, '../../../tests/fixtures/external/sloth');
const read = (f: string) => readFileSync(join(dir, f), 'utf8');

describe('Sloth prometheus/v1', () => {
  it('maps getting-started from the values in the file', () => {
    const text = read('getting-started.yml');
    const raw = parse(text);
    const r = importDocuments(text);
    expect(r.problems).toEqual([]);
    expect(r.slos).toHaveLength(1);
    const slo = r.slos[0];
    expect(raw.slos[0].objective).toBe(99.9);
    expect(slo.objective.target).toBe(0.999);
    expect(slo.id).toBe(`${raw.service}-${raw.slos[0].name}`);
    expect(slo.service).toBe(raw.service);
    expect(slo.description).toBe(raw.slos[0].description);
    expect(slo.labels).toEqual(raw.labels);
    expect(slo.sli).toEqual({
      kind: 'ratio',
      bad: raw.slos[0].sli.events.error_query,
      total: raw.slos[0].sli.events.total_query,
    });
    expect(slo.window).toEqual({ type: 'rolling', duration: '30d' });
    // The page alert's labels (severity, routing key) ride on the page tiers, the ticket alert's on the ticket tiers.
    const page = raw.slos[0].alerting.page_alert.labels;
    const ticket = raw.slos[0].alerting.ticket_alert.labels;
    expect(slo.alerting).toEqual({
      name: raw.slos[0].alerting.name,
      labels: raw.slos[0].alerting.labels,
      annotations: raw.slos[0].alerting.annotations,
      tiers: [
        { tier: 'fast', labels: page },
        { tier: 'medium', labels: page },
        { tier: 'slow', labels: ticket },
        { tier: 'long', labels: ticket },
      ],
    });
    expect(r.warnings).toEqual([]);
  });

  it('merges service labels with SLO labels (SLO wins) and keeps multi-line queries', () => {
    const text = read('kubernetes-apiserver.yml');
    const raw = parse(text);
    const slo = importDocuments(text).slos[1];
    expect(slo.labels).toEqual({ ...raw.labels, ...raw.slos[1].labels });
    expect(slo.sli).toEqual({
      kind: 'ratio',
      bad: raw.slos[1].sli.events.error_query.trim(),
      total: raw.slos[1].sli.events.total_query,
    });
    expect(slo.objective.target).toBe(raw.slos[1].objective / 100);
  });

  it('disables alerting when page and ticket alerts are both disabled', () => {
    expect(importDocuments(read('no-alerts.yml')).slos[0].alerting).toEqual({ enabled: false });
  });

  it('disables only the page tiers when only page_alert is disabled', () => {
    const text =
      'version: prometheus/v1\nservice: s\nslos:\n  - name: a\n    objective: 99\n    sli: {raw: {error_ratio_query: "rate(x[{{.window}}])"}}\n    alerting: {page_alert: {disable: true}}\n';
    expect(importDocuments(text).slos[0].alerting).toEqual({
      tiers: [
        { tier: 'fast', enabled: false },
        { tier: 'medium', enabled: false },
      ],
    });
  });

  it('maps raw.error_ratio_query to a freeform SLI', () => {
    const text = read('raw-home-wifi.yml');
    const raw = parse(text);
    expect(importDocuments(text).slos[0].sli).toEqual({
      kind: 'freeform',
      errorRatio: raw.slos[0].sli.raw.error_ratio_query.trim(),
    });
  });

  it('reads the CRD camelCase fields like the snake_case ones', () => {
    const plain = importDocuments(read('getting-started.yml')).slos;
    const crd = importDocuments(read('k8s-getting-started.yml')).slos;
    expect(crd.map((s) => [s.id, s.sli, s.objective, s.labels])).toEqual(
      plain.map((s) => [s.id, s.sli, s.objective, s.labels])
    );
  });

  it('imports every document of a multi-document file', () => {
    const text = read('k8s-multifile.yml');
    const services = parseAllDocuments(text).map((d) => d.toJS().spec.service);
    const r = importDocuments(text);
    expect(r.slos.map((s) => s.service)).toEqual(services);
    expect(r.origins.map((o) => [o.path, o.line])).toEqual([
      ['doc[0].spec.slos[0]', expect.any(Number)],
      ['doc[1].spec.slos[0]', expect.any(Number)],
    ]);
    expect(r.slos[1].objective.target).toBe(0.9999);
  });

  it('refuses SLI plugins naming the plugin id', () => {
    const text = read('plugin-getting-started.yml');
    const r = importDocuments(text);
    expect(r.slos).toEqual([]);
    expect(r.refused).toEqual([
      expect.objectContaining({
        path: 'slos[0].sli.plugin',
        reason: expect.stringContaining(`"${parse(text).slos[0].sli.plugin.id}"`),
      }),
    ]);
  });

  it('imports SLOs with SLO plugins, warning once per plugin id', () => {
    const r = importDocuments(read('slo-plugin-getting-started.yml'));
    expect(r.slos).toHaveLength(1);
    expect(r.warnings.filter((w) => w.message.includes('sloth.dev/core/debug/v1')).map((w) => w.path)).toEqual([
      'slo_plugins',
      'slos[0].plugins',
    ]);
  });

  it('reports a bad objective with its path and imports nothing from that SLO', () => {
    const r = importDocuments(
      'version: prometheus/v1\nservice: s\nslos:\n  - name: a\n    objective: 100\n    sli: {raw: {error_ratio_query: "rate(x[{{.window}}])"}}\n'
    );
    expect(r.slos).toEqual([]);
    expect(r.problems).toEqual([
      {
        path: 'slos[0].objective',
        line: 5,
        column: 16,
        doc: 0,
        message: expect.stringMatching(
          /^objective must be a percentage between 0 and 100 \(exclusive\), e\.g\. 99\.5, got 100: 100 leaves no error budget/
        ),
      },
    ]);
  });

  it('keeps page and ticket alert labels and annotations on their tiers, CRD camelCase included', () => {
    const text = read('k8s-getting-started.yml');
    const raw = parse(text).spec.slos[0].alerting;
    const tiers = importDocuments(text).slos[0].alerting?.tiers;
    expect(tiers?.find((t) => t.tier === 'fast')?.labels).toEqual(raw.pageAlert.labels);
    expect(tiers?.find((t) => t.tier === 'long')?.labels).toEqual(raw.ticketAlert.labels);
    const custom = importDocuments(
      'version: prometheus/v1\nservice: s\nslos:\n  - name: a\n    objective: 99\n    sli: {raw: {error_ratio_query: "rate(x[{{.window}}])"}}\n' +
        '    alerting:\n      page_alert: {labels: {severity: critical}, annotations: {runbook: "http://r"}}\n      ticket_alert: {disable: true}\n'
    );
    expect(custom.problems).toEqual([]);
    expect(custom.slos[0].alerting?.tiers).toEqual([
      { tier: 'fast', labels: { severity: 'critical' }, annotations: { runbook: 'http://r' } },
      { tier: 'medium', labels: { severity: 'critical' }, annotations: { runbook: 'http://r' } },
      { tier: 'slow', enabled: false },
      { tier: 'long', enabled: false },
    ]);
  });

  it('reads objective as a percentage whatever its magnitude, and warns below 50%', () => {
    const r = importDocuments(
      'version: prometheus/v1\nservice: s\nslos:\n  - name: a\n    objective: 0.999\n    sli: {raw: {error_ratio_query: "rate(x[{{.window}}])"}}\n'
    );
    expect(r.slos[0].objective.target).toBe(0.00999);
    expect(r.warnings).toEqual([expect.objectContaining({ path: 'slos[0].objective', line: 5 })]);
  });

  it('warns on unknown keys, naming the key path', () => {
    const r = importDocuments(
      'version: prometheus/v1\nservice: s\nslos:\n  - name: a\n    objetive: 99\n    objective: 99\n    sli: {raw: {error_ratio_query: "rate(x[{{.window}}])", extra: 1}}\n'
    );
    expect(r.slos).toHaveLength(1);
    expect(r.warnings.map((w) => [w.path, w.line])).toEqual([
      ['slos[0].objetive', 5],
      ['slos[0].sli.raw.extra', 7],
    ]);
    expect(r.warnings[0].message).toContain('unknown key "objetive"');
  });

  it('warns when a name must change to become an id', () => {
    const r = importDocuments(
      'version: prometheus/v1\nservice: s\nslos:\n  - name: Checkout.V2\n    objective: 99\n    sli: {raw: {error_ratio_query: "rate(x[{{.window}}])"}}\n'
    );
    expect(r.slos[0]).toMatchObject({ id: 's-checkout-v2', name: 'Checkout.V2' });
    expect(r.warnings).toEqual([
      expect.objectContaining({ path: 'slos[0].name', message: expect.stringContaining('"s-checkout-v2"') }),
    ]);
  });

  it('keeps a Sloth-wide severity label on every enabled tier, where our generated severity is replaced', () => {
    const r = importDocuments(
      'version: prometheus/v1\nservice: s\nslos:\n  - name: a\n    objective: 99\n    sli: {raw: {error_ratio_query: "rate(x[{{.window}}])"}}\n' +
        '    alerting:\n      labels: {severity: critical, team: a}\n      ticket_alert: {labels: {severity: info}}\n'
    );
    expect(r.problems).toEqual([]);
    expect(r.slos[0].alerting).toEqual({
      labels: { team: 'a' },
      tiers: [
        { tier: 'fast', labels: { severity: 'critical' } },
        { tier: 'medium', labels: { severity: 'critical' } },
        { tier: 'slow', labels: { severity: 'info' } },
        { tier: 'long', labels: { severity: 'info' } },
      ],
    });
  });
});

describe('Sloth: problems point into the file', () => {
  it('points a bad page_alert label at the label the user wrote', () => {
    const r = importDocuments(
      'version: prometheus/v1\nservice: s\nslos:\n  - name: a\n    objective: 99\n    sli: {raw: {error_ratio_query: "rate(x[{{.window}}])"}}\n' +
        '    alerting:\n      page_alert:\n        labels:\n          bad-name: x\n'
    );
    expect(r.problems.map((p) => [p.path, p.line, p.message])).toEqual([
      ['slos[0].alerting.page_alert.labels.bad-name', 10, expect.stringContaining('invalid label name')],
    ]);
  });
});
