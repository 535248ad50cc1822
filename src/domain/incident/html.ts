/**
 * The two primitives that keep annotation HTML safe. Grafana renders annotation text as HTML in the
 * hover tooltip, and incident titles and notes come from anyone with edit rights, so every user string is
 * escaped and every link target is allow-listed.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in HTML element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Whether a URL may go in an href: absolute http(s), or a path on this Grafana starting with a single `/`.
 * `//host` and `/\host` are refused because browsers treat both as another host; anything else (javascript:,
 * data:, vbscript:, leading spaces or control characters that browsers strip) is refused by the allow list.
 */
export function isSafeHref(url: string): boolean {
  for (let i = 0; i < url.length; i++) {
    const code = url.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f) {
      return false;
    }
  }
  return /^https?:\/\/[^/\\]/i.test(url) || /^\/(?![/\\])/.test(url);
}
