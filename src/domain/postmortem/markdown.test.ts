import { marked } from 'marked';
import { foldPostmortem } from './fold';
import { inlineText, postmortemToMarkdown, sanitizeMarkdown, trackerLink } from './markdown';
import { edit, ev, item, prefill } from './testing';

const XSS = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>'];

/** What an HTML renderer that allows raw HTML makes of it. */
const html = (md: string) => marked.parse(md, { async: false });

describe('sanitizeMarkdown', () => {
  it('escapes raw HTML outside code, so it renders as text', () => {
    for (const x of XSS) {
      const out = sanitizeMarkdown(`Before ${x} after\n\n${x}\n`);
      expect(out).not.toMatch(/<(img|script)/);
      expect(html(out)).not.toMatch(/<(img|script)/);
      expect(html(out)).toContain('&lt;');
    }
  });

  it('leaves code spans and fenced and indented code blocks as written', () => {
    const md = [
      'Use `a <b> c` inline.',
      '',
      '```html',
      '<script>alert(1)</script>',
      '```',
      '',
      '    <img src=x>',
      '',
      '- item',
      '',
      '  ```',
      '  <b>in a list</b>',
      '  ```',
    ].join('\n');
    expect(sanitizeMarkdown(md)).toBe(md);
    expect(sanitizeMarkdown('text <b> and `<b>`')).toBe('text &lt;b&gt; and `<b>`');
  });

  it('keeps blockquotes (a leading > is a marker, not a tag)', () => {
    expect(sanitizeMarkdown('> quoted <i>log</i>\n> > nested')).toBe('> quoted &lt;i&gt;log&lt;/i&gt;\n> > nested');
  });

  it('turns javascript: links, images and definitions into text, and keeps http(s) links', () => {
    const out = sanitizeMarkdown(
      [
        '[click](javascript:alert(1)) and ![img](JaVaScRiPt:alert(1)) and [ok](https://example.com/a)',
        '',
        '[ref][r] and <javascript:alert(1)> and [data](data:text/html,x) and [rel](./runbook.md)',
        '',
        '[r]: java&#115;cript:alert(1)',
      ].join('\n')
    );
    const rendered = html(out);
    expect(rendered).not.toMatch(/href="(?!https:|\.\/)/i);
    expect(rendered).not.toMatch(/<img/);
    expect(rendered).toContain('<a href="https://example.com/a">ok</a>');
    expect(rendered).toContain('<a href="./runbook.md">rel</a>');
    expect(rendered).toContain('[click](javascript:alert(1))');
  });
});

describe('inlineText and trackerLink', () => {
  it('makes user text one inert line', () => {
    expect(inlineText('a | b\n# *c* <img src=x onerror=alert(1)>')).toBe(
      'a \\| b \\# \\*c\\* &lt;img src=x onerror=alert(1)&gt;'
    );
  });

  it('links only http(s) tracker URLs; a javascript: URL is shown as inert text', () => {
    expect(trackerLink('https://jira.example.com/browse/SRE-1')).toBe(
      '[jira.example.com/browse/SRE-1](<https://jira.example.com/browse/SRE-1>)'
    );
    expect(trackerLink('javascript:alert(1)')).toBe('`javascript:alert(1)` (not a web link)');
    expect(html(trackerLink('javascript:alert(1)'))).not.toContain('href');
    expect(trackerLink(undefined)).toBe('');
  });
});

describe('postmortemToMarkdown', () => {
  const build = () => {
    const start = ev({
      type: 'started',
      prefill: prefill({ title: `Outage ${XSS[0]}`, budgets: [{ sloId: 'checkout', consumed: 0.31 }] }),
    });
    const sections = ['summary', 'impact', 'root_causes', 'action_items'].map((key) =>
      edit(key, `${key}: ${XSS.join(' ')}`, 0)
    );
    const items = [
      ev({
        type: 'action_item_added',
        itemId: 'ai-1',
        item: item({
          title: XSS[1],
          priority: 'P0',
          owner: { login: 'bob', name: '<b>Bob</b>' },
          trackerUrl: 'javascript:alert(1)',
        }),
      }),
      ev({ type: 'action_item_added', itemId: 'ai-2', item: item({ trackerUrl: 'https://tracker.example.com/T-2' }) }),
    ];
    const publish = [ev({ type: 'status_changed', to: 'in_review' }), ev({ type: 'status_changed', to: 'published' })];
    const amend = ev({ type: 'amended', section: 'impact', text: `Later: ${XSS[0]}` });
    return foldPostmortem([start, ...sections, ...items, ...publish, amend]).postmortem!;
  };

  it('exports metadata, sections in order, the action items table and amendments', () => {
    const md = postmortemToMarkdown(build());
    expect(md.startsWith('# Postmortem: Outage &lt;img')).toBe(true);
    expect(md).toContain('| Severity | SEV2 |');
    expect(md).toContain('| Error budget: checkout | 31% consumed |');
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings.slice(0, 3)).toEqual(['## Summary', '## Impact', '## Timeline']);
    expect(headings.at(-1)).toBe('## Amendments');
    expect(md).toContain('| Priority | Action item | Type | Owner | Due | Status | Tracker |');
    expect(md).toContain('[tracker.example.com/T-2](<https://tracker.example.com/T-2>)');
  });

  it('leaves no live HTML or javascript: link anywhere in the export', () => {
    const md = postmortemToMarkdown(build());
    expect(md).not.toMatch(/<(img|script|b>)/);
    const rendered = html(md);
    expect(rendered).not.toMatch(/<(img|script)/);
    expect(rendered).not.toMatch(/href="javascript/i);
    expect(rendered).toContain('&lt;script&gt;');
  });
});
