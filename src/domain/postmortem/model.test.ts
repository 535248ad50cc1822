import { DEFAULT_SECTIONS, orderedSections, validateSectionTemplate } from './model';

describe('section templates', () => {
  it('accepts the default template, the union of the SRE book and PagerDuty sections', () => {
    expect(validateSectionTemplate(DEFAULT_SECTIONS)).toEqual([]);
    expect(DEFAULT_SECTIONS.map((s) => s.title)).toEqual([
      'Summary',
      'Impact',
      'Timeline',
      'Root causes and trigger',
      'Detection',
      'Resolution',
      'What went well',
      'What went wrong',
      'Where we got lucky',
      'Action items',
      'Supporting links',
    ]);
  });

  it('lets admins rename, reorder and add sections', () => {
    const custom = [
      ...DEFAULT_SECTIONS.map((s) => (s.key === 'summary' ? { ...s, title: 'TL;DR', order: 200 } : s)),
      { key: 'customer_comms', title: 'Customer communication', order: 65 },
    ];
    expect(validateSectionTemplate(custom)).toEqual([]);
    const keys = orderedSections(custom).map((s) => s.key);
    expect(keys.indexOf('customer_comms')).toBe(keys.indexOf('resolution') + 1);
    expect(keys.at(-1)).toBe('summary');
  });

  it('names the field and the reason for every problem', () => {
    const t = [
      ...DEFAULT_SECTIONS,
      { key: 'Bad Key', title: 'x', order: 1 },
      { key: 'impact', title: '  ', order: 'first' },
      null,
    ];
    expect(validateSectionTemplate(t)).toEqual([
      {
        field: 'sections[11].key',
        message: 'must be 1-40 lower-case letters, digits or _ starting with a letter, got "Bad Key"',
      },
      { field: 'sections[12].key', message: '"impact" is already used by sections[1]' },
      { field: 'sections[12].title', message: 'must not be empty' },
      { field: 'sections[12].order', message: 'must be a number' },
      { field: 'sections[13]', message: 'must be {key, title, order}' },
    ]);
    expect(validateSectionTemplate({})).toEqual([
      { field: 'sections', message: 'must be a list of {key, title, order}' },
    ]);
    expect(validateSectionTemplate([])).toEqual([{ field: 'sections', message: 'must have at least one section' }]);
    expect(validateSectionTemplate(DEFAULT_SECTIONS.filter((s) => s.key !== 'root_causes'))).toEqual([
      { field: 'sections', message: 'must keep the "root_causes" section (publishing requires it); rename it instead' },
    ]);
  });
});
