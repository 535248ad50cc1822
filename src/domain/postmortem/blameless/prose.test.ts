import { proseBlocks } from './prose';

describe('proseBlocks', () => {
  it('keeps each block the length of its source, so offsets map back', () => {
    const markdown = '# Title 🔥\n\nSome **bold** and `code` text.\n\n- one\n- two "quoted" é';
    const blocks = proseBlocks(markdown);
    expect(blocks.map((b) => [b.offset, b.text.length])).toEqual([
      [0, '# Title 🔥'.length],
      [markdown.indexOf('Some'), 'Some **bold** and `code` text.'.length],
      [markdown.indexOf('one'), 3],
      [markdown.indexOf('two'), 'two "quoted" é'.length],
    ]);
    for (const block of blocks) {
      const source = markdown.slice(block.offset, block.offset + block.text.length);
      for (let i = 0; i < block.text.length; i++) {
        if (block.text[i] !== ' ') {
          expect(block.text[i]).toBe(source[i]);
        }
      }
    }
  });

  it('gives one block per paragraph, heading and list item paragraph', () => {
    const blocks = proseBlocks('# Title\n\nFirst line\nsecond line.\n\n- one\n- two');
    expect(blocks.map((b) => b.text.trim())).toEqual(['Title', 'First line\nsecond line.', 'one', 'two']);
  });

  it('blanks markup, code, HTML, autolinks and double-quoted spans but keeps link text', () => {
    const [block] = proseBlocks('A **b** `c` <i>d</i> [e](https://f.example) https://g.example "h i" \u201cj\u201d k');
    expect(block.text.split(/\s+/).filter(Boolean)).toEqual(['A', 'b', 'd', 'e', 'k']);
  });

  it('skips code blocks and blockquotes entirely', () => {
    expect(proseBlocks('```\nx\n```\n\n    y\n\n> z\n\n<div>w</div>')).toEqual([]);
  });

  it('leaves an unclosed quote alone', () => {
    const [block] = proseBlocks('He said "it broke');
    expect(block.text).toBe('He said "it broke');
  });
});
