import { eventSizeProblem, MAX_ANNOTATION_DATA_BYTES, storedJsonBytes } from './size';
import { edit, ev, started } from './testing';

describe('event size', () => {
  it('measures UTF-8 bytes of the JSON as Grafana re-serialises it, not characters', () => {
    expect(storedJsonBytes('abc')).toBe(5); // "abc"
    expect(storedJsonBytes('é')).toBe(4); // 2 bytes + quotes
    expect(storedJsonBytes('😀')).toBe(6); // 4 bytes + quotes
    expect(storedJsonBytes('€')).toBe(5); // 3 bytes + quotes
    // Go's json.Marshal writes <, > and & as \u003c etc.
    expect(storedJsonBytes('<a>&')).toBe(2 + 1 + 3 * 6);
    expect(storedJsonBytes('\u2028')).toBe(8);
    expect(storedJsonBytes({ a: '"\n' })).toBe('{"a":"\\"\\n"}'.length);
  });

  it('accepts a section up to the limit and refuses a larger one naming the section, its size and the limit', () => {
    const probe = edit('root_causes', '', 0);
    const overhead = storedJsonBytes(probe);
    const fits = { ...probe, markdown: 'x'.repeat(MAX_ANNOTATION_DATA_BYTES - overhead) };
    expect(storedJsonBytes(fits)).toBe(MAX_ANNOTATION_DATA_BYTES);
    expect(eventSizeProblem(fits)).toBeUndefined();
    const over = { ...fits, markdown: `${fits.markdown}x` };
    expect(eventSizeProblem(over, 'Root causes and trigger')).toBe(
      'Section "Root causes and trigger" is 65,536 bytes when saved; Grafana stores at most 65,535 bytes per annotation. ' +
        'Shorten it, or move long material such as logs to a linked document.'
    );
  });

  it('counts bytes, not characters: 33,000 Cyrillic letters (half the limit in characters) do not fit', () => {
    expect(eventSizeProblem(edit('summary', 'ж'.repeat(30_000), 0))).toBeUndefined();
    const big = edit('summary', 'ж'.repeat(33_000), 0);
    expect(big.type === 'section_edited' && big.markdown.length).toBe(33_000);
    expect(eventSizeProblem(big)).toMatch(/^Section "summary" is 66,\d{3} bytes when saved/);
  });

  it('measures amendments and other events too', () => {
    expect(eventSizeProblem(ev({ type: 'amended', section: 'impact', text: '<'.repeat(11_000) }))).toMatch(
      /^Section "impact" is 66,\d{3} bytes/
    );
    expect(eventSizeProblem(started())).toBeUndefined();
  });
});
