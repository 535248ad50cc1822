/** @jest-environment node */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
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
    expect(r.origins[2]).toEqual({ path: 'doc[0][2]', format: 'native' });
  });

  it('points validation problems at the SLO in the source, duplicates included', () => {
    const r = importDocuments(readFileSync(join(fixtures, 'native/invalid.yaml'), 'utf8'));
    expect(r.problems).toEqual([
      { path: 'doc[0].slos[0].objective.target', message: expect.stringContaining('got 99.9') },
      { path: 'doc[0].slos[1].sli.kind', message: expect.stringContaining('"histogram"') },
      { path: 'doc[0].slos[1].id', message: 'duplicate id "api-errors" (also used by doc[0].slos[0])' },
    ]);
  });

  it('turns YAML syntax errors into problems instead of throwing', () => {
    const r = importDocuments('slos: [unclosed\n', 'broken.yaml');
    expect(r.slos).toEqual([]);
    expect(r.problems[0]).toEqual({
      path: 'doc[0]',
      message: expect.stringContaining('broken.yaml is not valid YAML/JSON'),
    });
  });

  it('refuses unknown documents and empty files with a reason', () => {
    expect(importDocuments('apiVersion: v1\nkind: ConfigMap\n').refused).toEqual([
      {
        path: 'doc[0]',
        reason: 'unrecognised document (apiVersion "v1", kind "ConfigMap"): not a supported SLO format',
      },
    ]);
    expect(importDocuments('# nothing\n', 'empty.yaml').refused).toEqual([
      { path: 'doc[0]', reason: 'empty.yaml holds no document' },
    ]);
    expect(importDocuments('42').refused[0].reason).toBe('document is a number, not a mapping');
  });

  it('refuses other kinds of our own apiVersion', () => {
    expect(importDocuments('apiVersion: sre-reliability/v1\nkind: SLA\n').refused[0].reason).toContain(
      'kind "SLA" is not supported'
    );
  });
});
