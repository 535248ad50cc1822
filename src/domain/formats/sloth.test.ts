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
    expect(slo.alerting).toEqual({
      name: raw.slos[0].alerting.name,
      labels: raw.slos[0].alerting.labels,
      annotations: raw.slos[0].alerting.annotations,
    });
    expect(r.warnings.map((w) => w.message).join()).toMatch(/page_alert\/ticket_alert labels/);
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
      'version: prometheus/v1\nservice: s\nslos:\n  - name: a\n    objective: 99\n    sli: {raw: {error_ratio_query: "x[{{.window}}]"}}\n    alerting: {page_alert: {disable: true}}\n';
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
    expect(r.origins.map((o) => o.path)).toEqual(['doc[0].spec.slos[0]', 'doc[1].spec.slos[0]']);
    expect(r.slos[1].objective.target).toBe(0.9999);
  });

  it('refuses SLI plugins naming the plugin id', () => {
    const text = read('plugin-getting-started.yml');
    const r = importDocuments(text);
    expect(r.slos).toEqual([]);
    expect(r.refused).toEqual([
      { path: 'doc[0].slos[0].sli.plugin', reason: expect.stringContaining(`"${parse(text).slos[0].sli.plugin.id}"`) },
    ]);
  });

  it('imports SLOs with SLO plugins, warning once per plugin id', () => {
    const r = importDocuments(read('slo-plugin-getting-started.yml'));
    expect(r.slos).toHaveLength(1);
    expect(r.warnings.filter((w) => w.message.includes('sloth.dev/core/debug/v1')).map((w) => w.path)).toEqual([
      'doc[0].slo_plugins',
      'doc[0].slos[0].plugins',
    ]);
  });

  it('reports a bad objective with its path and imports nothing from that SLO', () => {
    const r = importDocuments(
      'version: prometheus/v1\nservice: s\nslos:\n  - name: a\n    objective: 100\n    sli: {raw: {error_ratio_query: "x[{{.window}}]"}}\n'
    );
    expect(r.slos).toEqual([]);
    expect(r.problems).toEqual([
      { path: 'doc[0].slos[0].objective', message: expect.stringMatching(/^objective must be > 0 and < 100/) },
    ]);
  });
});
