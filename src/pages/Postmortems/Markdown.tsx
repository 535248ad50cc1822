import React, { useMemo } from 'react';
import { css, cx } from '@emotion/css';
import { type GrafanaTheme2, renderMarkdown } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { isSafeHref } from '../../domain/incident/html';

/**
 * User Markdown as HTML. renderMarkdown sanitises (marked, then Grafana's js-xss allow-list, as the text panel
 * does): event handlers, scripts and `javascript:` URLs are dropped. On top of that, links keep their href only
 * for http(s) URLs and paths on this Grafana, and external ones open in a new tab without an opener.
 */
export function safeMarkdownHtml(markdown: string): string {
  const template = document.createElement('template');
  template.innerHTML = renderMarkdown(markdown);
  template.content.querySelectorAll('a').forEach((a) => {
    const href = a.getAttribute('href') ?? '';
    if (!isSafeHref(href)) {
      a.removeAttribute('href');
      return;
    }
    if (!href.startsWith('/')) {
      a.setAttribute('target', '_blank');
      a.setAttribute('rel', 'noopener noreferrer');
    }
  });
  return template.innerHTML;
}

/** Rendered, sanitised Markdown. */
export function Markdown({ markdown, className }: { markdown: string; className?: string }) {
  const styles = useStyles2(getStyles);
  const html = useMemo(() => safeMarkdownHtml(markdown), [markdown]);
  // The html is renderMarkdown's sanitised output with unsafe hrefs removed (see safeMarkdownHtml).
  return <div className={cx(styles.markdown, className)} dangerouslySetInnerHTML={{ __html: html }} />;
}

const getStyles = (theme: GrafanaTheme2) => ({
  markdown: css({
    overflowWrap: 'anywhere',
    'p:last-child, ul:last-child, ol:last-child': { marginBottom: 0 },
    pre: { whiteSpace: 'pre-wrap' },
    img: { maxWidth: '100%' },
    table: { borderCollapse: 'collapse' },
    'th, td': { border: `1px solid ${theme.colors.border.weak}`, padding: theme.spacing(0.5, 1) },
  }),
});
