/**
 * @jest-environment node
 */
import { escapeHtml, isSafeHref } from './html';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &#39; f');
  });
  it('escapes an existing entity again, so text shows literally', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});

describe('isSafeHref', () => {
  it.each([
    '/a/sre-reliability-app/incidents/INC-1',
    '/explore?schemaVersion=1&panes=%7B%7D&orgId=1',
    'https://grafana.example.com/a/x',
    'HTTP://grafana.example.com',
  ])('accepts %s', (url) => {
    expect(isSafeHref(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example.com/x',
    '/\\evil.example.com/x',
    'https:///evil',
    'relative/path',
    '',
  ])('refuses %j', (url) => {
    expect(isSafeHref(url)).toBe(false);
  });
});
