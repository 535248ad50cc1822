import { DEFAULT_POSTMORTEM_POLICY, DEFAULT_SECTIONS } from '../../domain/postmortem';
import { fromForm, moveRow, sectionKeyFrom, toForm } from './postmortemSettingsForm';

describe('postmortem settings form', () => {
  it('derives a valid, unused key from a title', () => {
    expect(sectionKeyFrom('Lessons learned!', [])).toBe('lessons_learned');
    expect(sectionKeyFrom('Impact', ['impact', 'impact_2'])).toBe('impact_3');
    expect(sectionKeyFrom('5 whys', [])).toBe('section_5_whys');
    expect(sectionKeyFrom('Ünïcode café', [])).toBe('unicode_cafe');
  });

  it('moves a row one place and leaves the ends alone', () => {
    expect(moveRow(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveRow(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveRow(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('round-trips the defaults', () => {
    const result = fromForm(toForm(DEFAULT_SECTIONS, DEFAULT_POSTMORTEM_POLICY));
    expect(result.errors).toBeUndefined();
    expect(result).toEqual({ sections: DEFAULT_SECTIONS, policy: DEFAULT_POSTMORTEM_POLICY });
  });

  it('names a duplicate key and a section the publish rules need', () => {
    const form = toForm(DEFAULT_SECTIONS, DEFAULT_POSTMORTEM_POLICY);
    const dup = fromForm({ ...form, sections: [...form.sections, { key: 'impact', title: 'Impact again' }] });
    expect(dup.errors).toEqual({ 'sections.11': 'Section 12 key: "impact" is already used by sections[1]' });
    const dropped = fromForm({ ...form, sections: form.sections.filter((s) => s.key !== 'summary') });
    expect(dropped.errors).toEqual({
      sections: 'Sections: must keep the "summary" section (publishing requires it); rename it instead',
    });
  });
});
