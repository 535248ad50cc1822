import { LRLanguage, ensureSyntaxTree, syntaxTreeAvailable } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
// Prometheus' own semantic checks (a port of promql/parser's checkAST), used without an editor view.
import { Parser as PromQLSemantics } from '@prometheus-io/codemirror-promql/dist/esm/parser/parser';
import { MatrixSelector, OffsetExpr, StepInvariantExpr, VectorSelector, parser } from '@prometheus-io/lezer-promql';
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
 * It checks syntax only; checkPromQL adds the type checks Prometheus makes.
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

/** A PromQL problem: a syntax error, or a type error as Prometheus reports it when it loads the rule. */
export interface PromQLProblem extends PromQLSyntaxError {
  kind: 'syntax' | 'type';
}

/** The lezer-promql version is shared with codemirror-promql (package.json overrides), so node ids agree. */
const promqlLanguage = LRLanguage.define({ parser });

function fullyParsedState(expr: string): EditorState {
  let state = EditorState.create({ doc: expr, extensions: promqlLanguage });
  if (!syntaxTreeAvailable(state)) {
    // An editor parses in the background after a short initial budget; finish here and commit the whole tree,
    // which a no-op transaction does, so the checker never sees half a query.
    ensureSyntaxTree(state, expr.length, 10_000);
    state = state.update({}).state;
  }
  if (!syntaxTreeAvailable(state)) {
    throw new Error(`PromQL parse did not finish for a ${expr.length}-character query`);
  }
  return state;
}

/** Prometheus' words for the value types, so messages read as promtool's do. */
const TYPE_NAMES: Record<string, string> = {
  vector: 'instant vector',
  matrix: 'range vector',
  scalar: 'scalar',
  string: 'string',
  none: 'nothing',
};

function prometheusWording(message: string): string {
  return message.replace(/\b(type|got) (vector|matrix)\b/g, (_, w: string, t: string) => `${w} ${TYPE_NAMES[t]}`);
}

/**
 * Prometheus' grammar only puts a range on a plain vector selector; lezer-promql accepts any expression there and
 * codemirror-promql does not check it, so these three messages are promql/parser's own.
 */
function rangeProblems(state: EditorState): Array<{ from: number; message: string }> {
  const out: Array<{ from: number; message: string }> = [];
  parser.parse(state.doc.toString()).iterate({
    enter(n) {
      if (n.type.id !== MatrixSelector) {
        return;
      }
      const inner = n.node.firstChild;
      const innerInner = inner?.firstChild;
      if (inner?.type.id === VectorSelector) {
        return;
      }
      const from = inner?.from ?? n.from;
      if (inner?.type.id === OffsetExpr && innerInner?.type.id === VectorSelector) {
        out.push({ from, message: 'no offset modifiers allowed before range' });
      } else if (inner?.type.id === StepInvariantExpr && innerInner?.type.id === VectorSelector) {
        out.push({ from, message: 'no @ modifiers allowed before range' });
      } else {
        out.push({ from, message: 'ranges only allowed for vector selectors' });
      }
    },
  });
  return out;
}

/**
 * Checks PromQL as Prometheus does when it loads a rule: syntax first, then types (function and aggregation
 * argument types, ranges only on vector selectors, subqueries only on instant vectors, operand types of binary
 * operators, bool and set-operator rules, at least one non-empty matcher), and that the whole expression is an
 * instant vector or a scalar, the only results a rule can record or alert on. Empty when valid.
 */
export function checkPromQL(expr: string): PromQLProblem[] {
  const syntax = parsePromQL(expr);
  if (syntax.length) {
    return syntax.map((e) => ({ ...e, kind: 'syntax' }));
  }
  const state = fullyParsedState(expr);
  const semantics = new PromQLSemantics(state);
  const top = ensureSyntaxTree(state, expr.length)!.topNode.firstChild;
  const resultType = semantics.checkAST(top);
  const found: Array<{ from: number; message: string }> = [
    ...rangeProblems(state),
    ...semantics
      .getDiagnostics()
      .filter((d) => d.severity === 'error')
      .map((d) => ({ from: d.from, message: prometheusWording(d.message) })),
  ];
  if (resultType !== 'vector' && resultType !== 'scalar') {
    found.push({
      from: top?.from ?? 0,
      message: `expression must give an instant vector or a scalar, got ${TYPE_NAMES[resultType] ?? resultType}`,
    });
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.from - b.from)
    .filter((p) => {
      const key = `${p.from}:${p.message}`;
      return !seen.has(key) && seen.add(key) !== undefined;
    })
    .map((p) => ({ ...lineCol(expr, p.from), offset: p.from, message: p.message, kind: 'type' }));
}
