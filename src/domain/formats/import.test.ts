/** @jest-environment node */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { importDocuments } from './import';

const fixtures = join(__dirname, '../../../tests/fixtures');

describe('importDocuments: native format and dispatch', () => {
  it('takes an SLOList as it is, and validates the example spec without problems', () => {
    const text = readFileSync(join(__dirname, '../../../examples/slos.yaml'), 'utf8');
    const r = importDocuments(text);
    expect(r.problems).toEqual([]);
    expect(r.slos).toEqual(parse(text).slos);
    expect(r.slos.map((s) => s.sli.kind).sort()).toEqual(['availability', 'latency', 'latency', 'ratio']);
  });

  it('accepts a bare JSON array of stored SLOs', () => {
    const slos = parse(readFileSync(join(__dirname, '../../../examples/slos.yaml'), 'utf8')).slos;
    const r = importDocuments(JSON.stringify(slos, null, 2), 'slos.json');
    expect(r.problems).toEqual([]);
    expect(r.slos).toEqual(slos);
    expect(r.origins[2]).toEqual({ path: '[2]', format: 'native', doc: 0, line: expect.any(Number), column: 3 });
  });

  it('points validation problems at the SLO in the source, duplicates included', () => {
    const r = importDocuments(readFileSync(join(fixtures, 'native/invalid.yaml'), 'utf8'));
    expect(r.problems.map(({ path, line, column, message }) => ({ path, line, column, message }))).toEqual([
      {
        path: 'slos[0].objective.target',
        line: 13,
        column: 15,
        message: 'target is a fraction in this format: write 0.999 for 99.9%, got 99.9',
      },
      { path: 'slos[1].sli.kind', line: 21, column: 13, message: expect.stringContaining('"histogram"') },
      { path: 'slos[1].id', line: 17, column: 9, message: 'duplicate id "api-errors" (also used by slos[0])' },
    ]);
  });

  it('turns YAML syntax errors into problems instead of throwing', () => {
    const r = importDocuments('slos: [unclosed\n', 'broken.yaml');
    expect(r.slos).toEqual([]);
    expect(r.problems[0]).toEqual({
      path: 'doc[0]',
      doc: 0,
      line: 2,
      column: 1,
      message: expect.stringContaining('broken.yaml is not valid YAML/JSON'),
    });
  });

  it('refuses unknown documents and empty files with a reason', () => {
    expect(importDocuments('apiVersion: v1\nkind: ConfigMap\n').refused).toEqual([
      {
        doc: 0,
        line: 1,
        column: 1,
        path: 'doc[0]',
        reason: 'unrecognised document (apiVersion "v1", kind "ConfigMap"): not a supported SLO format',
      },
    ]);
    expect(importDocuments('# nothing\n', 'empty.yaml').refused).toEqual([
      { path: 'doc[0]', doc: 0, reason: 'empty.yaml holds no document' },
    ]);
    expect(importDocuments('42').refused[0].reason).toBe('document is a number, not a mapping');
  });

  it('refuses other kinds of our own apiVersion', () => {
    expect(importDocuments('apiVersion: sre-reliability/v1\nkind: SLA\n').refused[0].reason).toContain(
      'kind "SLA" is not supported'
    );
  });
});

const OPENSLO = (name: string, target: string) => ({
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name },
  spec: {
    service: 'checkout',
    indicator: {
      metadata: { name: `${name}-sli` },
      spec: {
        ratioMetric: {
          counter: true,
          good: { metricSource: { type: 'Prometheus', spec: { query: 'http_requests_total{code!~"5.."}' } } },
          total: { metricSource: { type: 'Prometheus', spec: { query: 'http_requests_total' } } },
        },
      },
    },
    timeWindow: [{ duration: '28d', isRolling: true }],
    objectives: [{ target: Number(target) }],
  },
});

describe('importDocuments: lists and streams are read per document (issue 9 item 4)', () => {
  it('reads a top-level YAML list of OpenSLO documents, as the OpenSLO tooling writes it', () => {
    const text = stringify([OPENSLO('a', '0.99'), OPENSLO('b', '0.995'), OPENSLO('c', '1.5')]);
    const r = importDocuments(text, 'list.yaml');
    expect(r.slos.map((s) => [s.id, s.objective.target])).toEqual([
      ['checkout-a', 0.99],
      ['checkout-b', 0.995],
    ]);
    expect(r.origins.map((o) => [o.path, o.format])).toEqual([
      ['[0]', 'openslo/v1'],
      ['[1]', 'openslo/v1'],
    ]);
    // One problem, at the list element's own field: not dozens of native-model errors.
    expect(r.problems).toEqual([
      {
        path: '[2].spec.objectives[0].target',
        doc: 0,
        line: text.split('\n').findIndex((l) => l.includes('target: 1.5')) + 1,
        column: expect.any(Number),
        message: expect.stringContaining('got 1.5'),
      },
    ]);
  });

  it('reads the same documents as a --- stream, prefixing paths with the document', () => {
    const text = [OPENSLO('a', '0.99'), OPENSLO('c', '1.5')].map((d) => stringify(d)).join('---\n');
    const r = importDocuments(text);
    expect(r.slos.map((s) => s.id)).toEqual(['checkout-a']);
    expect(r.problems.map((p) => [p.path, p.doc])).toEqual([['doc[1].spec.objectives[0].target', 1]]);
  });

  it('still reads a native JSON array, element by element, next to OpenSLO elements', () => {
    const native = parse(readFileSync(join(__dirname, '../../../examples/slos.yaml'), 'utf8')).slos[0];
    const r = importDocuments(JSON.stringify([native, OPENSLO('a', '0.99')]));
    expect(r.problems).toEqual([]);
    expect(r.slos[0]).toEqual(native);
    expect(r.origins.map((o) => o.format)).toEqual(['native', 'openslo/v1']);
  });
});

describe('importDocuments: problems point into the user file (issue 9 item 8)', () => {
  it('maps a validation problem of the model back to the OpenSLO query it came from, with line and column', () => {
    const doc = OPENSLO('a', '0.99');
    doc.spec.indicator.spec.ratioMetric.good.metricSource.spec.query = 'sum(rate(x_total[{{.window}}])';
    const text = stringify(doc);
    const r = importDocuments(text);
    const line = text.split('\n').findIndex((l) => l.includes('sum(rate(x_total')) + 1;
    expect(r.problems).toEqual([
      {
        path: 'spec.indicator.spec.ratioMetric.good.metricSource.spec.query',
        doc: 0,
        line,
        column: text.split('\n')[line - 1].indexOf('sum(') + 1,
        message: expect.stringContaining('PromQL'),
      },
    ]);
  });

  it('maps a Sloth query problem to the events key the user wrote', () => {
    const text = [
      'version: prometheus/v1',
      'service: s',
      'slos:',
      '  - name: a',
      '    objective: 99',
      '    sli:',
      '      events:',
      '        error_query: sum(rate(e[{{.window}}])',
      '        total_query: sum(rate(t[{{.window}}]))',
    ].join('\n');
    const r = importDocuments(text);
    expect(r.problems.map((p) => [p.path, p.line, p.column])).toEqual([['slos[0].sli.events.error_query', 8, 22]]);
  });

  it('shows the offending line of a YAML syntax error instead of a dangling "at line 6, column 1:"', () => {
    const r = importDocuments('a: 1\nb:\n  - x: 2\n  - y: [1,\n c: d\n', 'bad.yaml');
    expect(r.problems[0]).toEqual({
      path: 'doc[0]',
      doc: 0,
      line: 5,
      column: 2,
      message: expect.stringMatching(/^bad\.yaml is not valid YAML\/JSON: .* \(line 5, column 2: " c: d"\)$/),
    });
    expect(r.problems.every((p) => !/:\s*$/.test(p.message))).toBe(true);
  });
});

describe('importDocuments: objectives (issue 9 item 2)', () => {
  it.each([
    [99.5, 'write 0.995 for 99.5%'],
    ['99.5', 'write 0.995 for 99.5%'],
    ['0.995', 'not a string: write 0.995'],
  ])('refuses native target %p with the fraction to write', (target, hint) => {
    const slo = parse(readFileSync(join(__dirname, '../../../examples/slos.yaml'), 'utf8')).slos[0];
    slo.objective.target = target;
    const r = importDocuments(JSON.stringify([slo]));
    expect(r.problems).toEqual([
      expect.objectContaining({ path: '[0].objective.target', message: expect.stringContaining(hint) }),
    ]);
  });

  it('warns on an objective below 50%, at the field in the file', () => {
    const r = importDocuments(stringify(OPENSLO('a', '0.3')));
    expect(r.problems).toEqual([]);
    expect(r.slos[0].objective.target).toBe(0.3);
    expect(r.warnings).toEqual([
      expect.objectContaining({ path: 'spec.objectives[0].target', message: expect.stringMatching(/30%.*below 50%/) }),
    ]);
  });
});
