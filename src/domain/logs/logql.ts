/**
 * LogQL stream selectors for incidents and SLOs. Values are always escaped here, never by callers: service
 * names come from users and provisioning files, and a stray quote must not change the query.
 */
import { quoteLogqlString } from './logqlString';
import { parseSelector, type StreamMatcher } from './parseSelector';

/** The usual service label names; any valid label name is accepted. */
export type LogLabelName = 'service_name' | 'app' | 'job' | 'service' | (string & {});

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Whether a string is a valid Loki label name (Prometheus rules: `[a-zA-Z_][a-zA-Z0-9_]*`). */
export function isValidLabelName(name: string): boolean {
  return LABEL_NAME.test(name);
}

/** Escapes RE2 metacharacters so a value matches only itself inside a regex. */
export function escapeRegex(value: string): string {
  return value.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** Renders one matcher with its value properly quoted. */
export function renderMatcher(m: StreamMatcher): string {
  return `${m.name}${m.op}${quoteLogqlString(m.value)}`;
}

/** Renders matchers as a stream selector `{a="x", b=~"y"}`. */
export function renderSelector(matchers: readonly StreamMatcher[]): string {
  return `{${matchers.map(renderMatcher).join(', ')}}`;
}

/** A line filter stage `|= "text"` (exact substring), or '' for a blank filter. */
export function lineFilterExpr(text: string | undefined): string {
  return text === undefined || text.trim() === '' ? '' : ` |= ${quoteLogqlString(text)}`;
}

/**
 * A stream selector for a set of services: `{service="checkout"}` for one, `{service=~"checkout|cart"}` for
 * several (each name regex-escaped, then string-escaped), plus an optional `|= "text"` line filter.
 * Names are trimmed and de-duplicated. Throws RangeError on an invalid label name or no service at all,
 * because Loki rejects a selector that could match every stream.
 */
export function buildLogSelector(services: readonly string[], labelName: LogLabelName, lineFilter?: string): string {
  if (!isValidLabelName(labelName)) {
    throw new RangeError(`"${labelName}" is not a valid Loki label name`);
  }
  const names = Array.from(new Set(services.map((s) => s.trim()).filter((s) => s !== '')));
  if (names.length === 0) {
    throw new RangeError('a log selector needs at least one service');
  }
  const matcher: StreamMatcher =
    names.length === 1
      ? { name: labelName, op: '=', value: names[0] }
      : { name: labelName, op: '=~', value: names.map(escapeRegex).join('|') };
  return `${renderSelector([matcher])}${lineFilterExpr(lineFilter)}`;
}

export type MergeResult = { ok: true; selector: string } | { ok: false; error: string };

/**
 * Combines stream selectors into one that matches streams matching ALL of them, e.g. the incident's
 * `{service="checkout"}` with an SLO's own `logs.selector` `{service="checkout", namespace="prod"}` gives
 * `{service="checkout", namespace="prod"}`. Identical matchers are kept once; the first selector's order wins.
 * Only plain selectors are accepted (no pipeline), since a merged pipeline would have no clear meaning.
 */
export function mergeSelectors(...selectors: string[]): MergeResult {
  const merged: StreamMatcher[] = [];
  const seen = new Set<string>();
  for (const selector of selectors) {
    const parsed = parseSelector(selector);
    if (!parsed.ok) {
      return { ok: false, error: `cannot merge ${JSON.stringify(selector)}: ${parsed.error}` };
    }
    for (const m of parsed.matchers) {
      const key = renderMatcher(m);
      if (!seen.has(key)) {
        seen.add(key);
        merged.push(m);
      }
    }
  }
  if (merged.length === 0) {
    return { ok: false, error: 'there is no selector to merge' };
  }
  return { ok: true, selector: renderSelector(merged) };
}
