/** Validation of the `sli` block: kind specifics, and PromQL syntax and types with positions. */
import {
  WINDOW_PLACEHOLDER,
  checkPromQL,
  formatSyntaxError,
  hasWindowPlaceholder,
  isPlainSelector,
  isValidLabelName,
  isValidMetricName,
} from './promql';
import { type Collector, isObj, type Obj, show } from './validateUtil';

const KINDS = ['ratio', 'latency', 'availability', 'freeform'];
const OPS = ['=', '!=', '=~', '!~'];
const WINDOW_RE = /\{\{\s*\.window\s*\}\}/g;

/**
 * Checks a query as Prometheus will see it once `{{.window}}` is substituted. The placeholder becomes a duration of
 * the same length ("9999999999s"), so reported positions point into the text the user wrote; the type of a
 * duration does not depend on its value.
 */
function checkQuery(c: Collector, expr: string, path: string): void {
  const sameLength = expr.replace(WINDOW_RE, (m) => '9'.repeat(m.length - 1) + 's');
  for (const e of checkPromQL(sameLength)) {
    c.add(path, `PromQL ${e.kind} error: ${formatSyntaxError(e)}`);
  }
}

/** A ratio query: a plain counter selector or a `{{.window}}` template. */
function checkCounterQuery(c: Collector, v: unknown, path: string): void {
  if (typeof v !== 'string' || v.trim() === '') {
    c.add(path, `must be a PromQL selector or a ${WINDOW_PLACEHOLDER} template, got ${show(v)}`);
    return;
  }
  const before = c.problems.length;
  checkQuery(c, v, path);
  if (c.problems.length === before && !isPlainSelector(v) && !hasWindowPlaceholder(v)) {
    c.add(
      path,
      `must be a plain counter selector (wrapped as sum(rate(<selector>[<window>]))) or a template holding ${WINDOW_PLACEHOLDER}; got a fixed-window expression`
    );
  }
}

function checkMatchers(c: Collector, v: unknown, path: string, forbidLe: boolean): void {
  if (v === undefined) {
    c.add(path, 'is required (use [] for no matchers)');
    return;
  }
  if (!Array.isArray(v)) {
    c.add(path, `must be a list of {name, op, value}, got ${show(v)}`);
    return;
  }
  v.forEach((m: unknown, i) => {
    const p = `${path}[${i}]`;
    if (!isObj(m)) {
      c.add(p, `must be {name, op, value}, got ${show(m)}`);
      return;
    }
    if (typeof m.name !== 'string' || !isValidLabelName(m.name)) {
      c.add(`${p}.name`, `invalid label name ${show(m.name)}: use [a-zA-Z_][a-zA-Z0-9_]* and do not start with "__"`);
    } else if (forbidLe && m.name === 'le') {
      c.add(`${p}.name`, 'must not be "le": the bucket boundary comes from threshold');
    }
    if (typeof m.op !== 'string' || !OPS.includes(m.op)) {
      c.add(`${p}.op`, `must be one of ${OPS.join(' ')}, got ${show(m.op)}`);
    }
    if (typeof m.value !== 'string') {
      c.add(`${p}.value`, `must be a string, got ${show(m.value)}`);
    } else if (m.op === '=~' || m.op === '!~') {
      try {
        new RegExp(`^(?:${m.value})$`);
      } catch (e) {
        c.add(`${p}.value`, `invalid regular expression: ${(e as Error).message}`);
      }
    }
  });
}

function checkMetric(c: Collector, o: Obj, path: string, histogram: boolean): void {
  const metric = c.str(o, 'metric', path);
  if (metric === undefined) {
    return;
  }
  if (!isValidMetricName(metric)) {
    c.add(`${path}.metric`, `invalid metric name ${show(metric)}: use [a-zA-Z_:][a-zA-Z0-9_:]*`);
  } else if (histogram && /_(bucket|count|sum)$/.test(metric)) {
    c.add(`${path}.metric`, `must be the histogram base name without _bucket/_count/_sum, got ${show(metric)}`);
  }
}

/** Validates an `sli` value at `path` (e.g. `slos[0].sli`). */
export function validateSli(c: Collector, sli: unknown, path: string): void {
  if (!isObj(sli)) {
    c.add(path, sli === undefined ? 'is required' : `must be an object, got ${show(sli)}`);
    return;
  }
  if (typeof sli.kind !== 'string' || !KINDS.includes(sli.kind)) {
    c.add(`${path}.kind`, `must be one of ${KINDS.join(', ')}, got ${show(sli.kind)}`);
    return;
  }
  switch (sli.kind) {
    case 'ratio': {
      c.unknownKeys(sli, ['kind', 'good', 'bad', 'total'], path);
      const hasGood = sli.good !== undefined;
      const hasBad = sli.bad !== undefined;
      if (hasGood === hasBad) {
        c.add(path, `must set exactly one of good and bad, got ${hasGood ? 'both' : 'neither'}`);
      }
      if (hasGood) {
        checkCounterQuery(c, sli.good, `${path}.good`);
      }
      if (hasBad) {
        checkCounterQuery(c, sli.bad, `${path}.bad`);
      }
      if (sli.total === undefined) {
        c.add(`${path}.total`, 'is required');
      } else {
        checkCounterQuery(c, sli.total, `${path}.total`);
      }
      return;
    }
    case 'latency':
      c.unknownKeys(sli, ['kind', 'metric', 'threshold', 'matchers'], path);
      checkMetric(c, sli, path, true);
      if (typeof sli.threshold !== 'number' || !Number.isFinite(sli.threshold) || sli.threshold <= 0) {
        c.add(`${path}.threshold`, `must be a number greater than 0 (a bucket boundary), got ${show(sli.threshold)}`);
      }
      checkMatchers(c, sli.matchers, `${path}.matchers`, true);
      return;
    case 'availability':
      c.unknownKeys(sli, ['kind', 'metric', 'matchers'], path);
      checkMetric(c, sli, path, false);
      checkMatchers(c, sli.matchers, `${path}.matchers`, false);
      return;
    case 'freeform': {
      c.unknownKeys(sli, ['kind', 'errorRatio'], path);
      const expr = c.str(sli, 'errorRatio', path);
      if (expr !== undefined) {
        if (!hasWindowPlaceholder(expr)) {
          c.add(
            `${path}.errorRatio`,
            `must hold the ${WINDOW_PLACEHOLDER} placeholder so each alert window can be filled in`
          );
        }
        checkQuery(c, expr, `${path}.errorRatio`);
      }
      return;
    }
  }
}
