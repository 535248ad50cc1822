import React from 'react';
import { MemoryRouter } from 'react-router-dom';
import { render, screen } from '@testing-library/react';
import { testIds } from '../../components/testIds';
import { Markdown, safeMarkdownHtml } from './Markdown';
import { WritePostmortemLink } from './WritePostmortemLink';

describe('safeMarkdownHtml', () => {
  it('drops event handlers and scripts (renderMarkdown sanitises)', () => {
    const html = safeMarkdownHtml('<img src=x onerror="window.__xss=1"> <script>window.__xss=2</script> *ok*');
    expect(html).not.toMatch(/onerror|<script/i);
    expect(html).toContain('<em>ok</em>');
  });

  it('keeps hrefs only for http(s) and Grafana paths; external links open without an opener', () => {
    const el = document.createElement('div');
    el.innerHTML = safeMarkdownHtml(
      '[a](javascript:alert(1)) [b](data:text/html,x) [c](https://example.com/x) [d](/d/abc) [e](//evil.example)'
    );
    const links = [...el.querySelectorAll('a')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
      a.getAttribute('rel'),
    ]);
    expect(links).toEqual([
      ['a', null, null],
      ['b', null, null],
      ['c', 'https://example.com/x', 'noopener noreferrer'],
      ['d', '/d/abc', null],
      ['e', null, null],
    ]);
  });
});

describe('Markdown', () => {
  it('renders inert HTML into the DOM', () => {
    const { container } = render(<Markdown markdown={'# Title\n\n<img src=x onerror="window.__xss=1">'} />);
    expect(screen.getByRole('heading', { name: 'Title' })).toBeInTheDocument();
    expect(container.querySelectorAll('[onerror], script')).toHaveLength(0);
  });
});

describe('WritePostmortemLink', () => {
  it('links to the postmortem page asking it to start one', () => {
    render(
      <MemoryRouter>
        <WritePostmortemLink incidentId="INC-20260306-ab12" />
      </MemoryRouter>
    );
    expect(screen.getByTestId(testIds.postmortem.writeLink)).toHaveAttribute(
      'href',
      '/a/sre-reliability-app/postmortems/INC-20260306-ab12?start=1'
    );
  });
});
