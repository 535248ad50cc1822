/** @jest-environment node */
import { type Document, LineCounter, parseAllDocuments } from 'yaml';
import { SourceMap } from './source';

const mapOf = (text: string) => {
  const lines = new LineCounter();
  return new SourceMap([...(parseAllDocuments(text, { lineCounter: lines }) as Document[])], lines);
};

describe('SourceMap', () => {
  const one = mapOf('metadata:\n  labels:\n    pyrra.dev/team: a\nspec:\n  objectives:\n    - target: 1.5\n');

  it('locates keys, list items and keys holding dots', () => {
    expect(one.locate('doc[0].spec.objectives[0].target')).toEqual({ line: 6, column: 15 });
    expect(one.locate('doc[0].metadata.labels.pyrra.dev/team')).toEqual({ line: 3, column: 21 });
  });

  it('falls back to the nearest existing parent, and tells whether a path exists', () => {
    expect(one.locate('doc[0].spec.objectives[0].targetPercent')).toEqual({ line: 6, column: 7 });
    expect(one.exists('doc[0].spec.objectives[0].target')).toBe(true);
    expect(one.exists('doc[0].spec.objectives[1]')).toBe(false);
    expect(one.exists('doc[0].spec.indicator')).toBe(false);
  });

  it('drops the document prefix only when the file holds one document', () => {
    expect(one.display('doc[0].spec.objectives[0].target')).toBe('spec.objectives[0].target');
    expect(one.display('doc[0][2].spec')).toBe('[2].spec');
    expect(one.display('doc[0]')).toBe('doc[0]');
    const two = mapOf('a: 1\n---\nb: 2\n');
    expect(two.display('doc[1].b')).toBe('doc[1].b');
    expect(two.locate('doc[1].b')).toEqual({ line: 3, column: 4 });
    expect(two.docIndex('doc[1].b')).toBe(1);
  });
});
