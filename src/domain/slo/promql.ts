import { parser } from '@prometheus-io/lezer-promql';
import type { LabelMatcher } from './model';

/** A PromQL syntax error with its position (0-based offset; 1-based line and column). */
export interface PromQLSyntaxError {
  offset: number;
  line: number;
  column: number;
  message: string;
}

export const WINDOW_PLACEHOLDER = '{{.window}}';
const WINDOW_RE = /\{\{\s*\.window\s*\}\}/g;
const LABEL_NAME_RE = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC_NAME_RE = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** Escapes a label value for a double-quoted PromQL string. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** True for a valid user label name; names starting with `__` are reserved by Prometheus. */
export function isValidLabelName(name: string): boolean {
  return LABEL_NAME_RE.test(name) && !name.startsWith('__');
}

/** True for a valid metric name (colons allowed, as in recording-rule names). */
export function isValidMetricName(name: string): boolean {
  return METRIC_NAME_RE.test(name);
}

/** Renders label matchers as the inside of `{...}`, values always escaped. */
export function matchersToString(matchers: readonly LabelMatcher[]): string {
  return matchers.map((m) => `${m.name}${m.op}"${escapeLabelValue(m.value)}"`).join(',');
}

/** Builds `metric{matchers}`; the braces are omitted when there are no matchers. */
export function matchersToSelector(metric: string, matchers: readonly LabelMatcher[]): string {
  return matchers.length ? `${metric}{${matchersToString(matchers)}}` : metric;
}

/** Replaces every `{{.window}}` (Sloth's placeholder, spaces allowed inside the braces) with a duration. */
export function expandWindow(template: string, window: string): string {
  return template.replace(WINDOW_RE, window);
}

/** True when the string holds the `{{.window}}` placeholder. */
export function hasWindowPlaceholder(template: string): boolean {
  return new RegExp(WINDOW_RE.source).test(template);
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function describe(expr: string, from: number, to: number): string {
  if (from >= expr.length) {
    return 'unexpected end of expression';
  }
  const text = expr.slice(from, Math.max(to, from + 1)).split('\n')[0];
  return `unexpected "${text.length > 20 ? text.slice(0, 20) + '…' : text}"`;
}

/**
 * Parses PromQL with Prometheus' own Lezer grammar and returns every syntax error (empty when valid).
 * It checks syntax only; types (e.g. rate() over an instant vector) are left to Prometheus.
 */
export function parsePromQL(expr: string): PromQLSyntaxError[] {
  if (expr.trim() === '') {
    return [{ offset: 0, line: 1, column: 1, message: 'expression is empty' }];
  }
  const errors: PromQLSyntaxError[] = [];
  parser.parse(expr).iterate({
    enter(node) {
      if (node.type.isError) {
        const { line, column } = lineCol(expr, node.from);
        errors.push({ offset: node.from, line, column, message: describe(expr, node.from, node.to) });
      }
    },
  });
  return errors;
}

/** Formats a syntax error for people: `unexpected end of expression at 1:16 (offset 15)`. */
export function formatSyntaxError(e: PromQLSyntaxError): string {
  return `${e.message} at ${e.line}:${e.column} (offset ${e.offset})`;
}

/**
 * True when `expr` is one bare vector selector (e.g. `http_requests_total{code!~"5.."}`), which the SLI
 * builder wraps as `sum(rate(<selector>[<window>]))`; anything else is treated as a `{{.window}}` template.
 */
export function isPlainSelector(expr: string): boolean {
  const trimmed = expr.trim();
  if (trimmed === '' || hasWindowPlaceholder(trimmed)) {
    return false;
  }
  const tree = parser.parse(trimmed);
  const top = tree.topNode.firstChild;
  if (!top || top.name !== 'VectorSelector' || top.nextSibling) {
    return false;
  }
  let hasError = false;
  tree.iterate({
    enter(n) {
      hasError = hasError || n.type.isError;
    },
  });
  return !hasError;
}
