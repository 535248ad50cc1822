import { type LabelMatcher, type LabelMatchOp, type Problem } from '../slo/model';

export type Normalized<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** How a format writes an objective: a fraction in (0, 1) such as 0.995, or a percentage in (0, 100) such as 99.5. */
export type TargetScale = 'fraction' | 'percent';

const NUMERIC = /^\s*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)(e[+-]?[0-9]+)?\s*$/i;

/**
 * Reads an objective as its format defines it and returns it as a fraction. Never guesses from the magnitude:
 * 99.5 where a fraction is due is refused, naming the field and the form to write instead. Numeric strings are
 * read because Pyrra writes its target as one ("99.5").
 */
export function readTarget(raw: unknown, path: string, scale: TargetScale, hint = ''): Normalized<number> {
  const field = lastSegment(path);
  const form =
    scale === 'fraction'
      ? 'a fraction between 0 and 1 (exclusive), e.g. 0.995 for 99.5%'
      : 'a percentage between 0 and 100 (exclusive), e.g. 99.5';
  const fail = (message: string): Normalized<number> => ({ ok: false, problem: { path, message } });
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && NUMERIC.test(raw) ? Number(raw) : undefined;
  if (n === undefined) {
    return fail(`${field} must be ${form}, got ${JSON.stringify(raw) ?? 'nothing'}${hint ? `; ${hint}` : ''}`);
  }
  const max = scale === 'fraction' ? 1 : 100;
  if (!Number.isFinite(n) || n <= 0 || n >= max) {
    const none = n === max ? `: ${max} leaves no error budget` : '';
    return fail(`${field} must be ${form}, got ${JSON.stringify(raw)}${none}${hint ? `; ${hint}` : ''}`);
  }
  // toPrecision hides binary noise: 99.9 / 100 is 0.9990000000000001 in IEEE doubles.
  return { ok: true, value: scale === 'fraction' ? n : Number((n / 100).toPrecision(12)) };
}

function lastSegment(path: string): string {
  const m = /([A-Za-z_][A-Za-z0-9_]*)(\[\d+\])?$/.exec(path);
  return m ? m[1] : 'target';
}

/** Lower-case letters, digits and single dashes, as SLO ids require. */
export function slugify(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Stable id from service and name; a name already prefixed by its service is not prefixed twice. */
export function makeId(service: string, name: string): string {
  const s = slugify(service);
  const n = slugify(name);
  const id = !s ? n : !n || n === s || n.startsWith(`${s}-`) ? n || s : `${s}-${n}`;
  return capId(id);
}

const MAX_ID = 63;

/** Ids are at most 63 characters (a DNS label, like Kubernetes names); long ones keep a hash of the rest. */
export function capId(id: string): string {
  if (id.length <= MAX_ID) {
    return id;
  }
  // FNV-1a: tiny, deterministic, and enough to keep two long names with a common prefix apart.
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  }
  const hash = h.toString(16).padStart(8, '0');
  return `${id.slice(0, MAX_ID - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}

/** Label values in source files may be numbers or booleans (YAML); the model wants strings. */
export function stringLabels(raw: unknown): Record<string, string> | undefined {
  if (!isRecord(raw)) {
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v !== null && v !== undefined) {
      out[k] = Array.isArray(v) ? v.map(String).join(',') : String(v);
    }
  }
  return Object.keys(out).length ? out : undefined;
}

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function str(x: unknown): string | undefined {
  if (typeof x === 'string') {
    return x;
  }
  return typeof x === 'number' || typeof x === 'boolean' ? String(x) : undefined;
}

/** Drops undefined-valued keys so the model serialises and deep-compares cleanly. */
export function compact<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v !== undefined) {
      out[k] = v;
    }
  }
  return out as T;
}

export interface Selector {
  metric: string;
  matchers: LabelMatcher[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*/;

/** Parses a plain instant selector (`metric{a="b"}`); returns undefined for anything more complex. */
export function parseSelector(text: string): Selector | undefined {
  let rest = text.trim();
  const name = NAME.exec(rest);
  const metric = name ? name[0] : '';
  rest = rest.slice(metric.length).trimStart();
  const matchers: LabelMatcher[] = [];
  if (rest.startsWith('{')) {
    rest = rest.slice(1).trimStart();
    while (!rest.startsWith('}')) {
      const label = LABEL.exec(rest);
      if (!label) {
        return undefined;
      }
      rest = rest.slice(label[0].length).trimStart();
      const op = /^(=~|!~|!=|=)/.exec(rest);
      if (!op) {
        return undefined;
      }
      rest = rest.slice(op[0].length).trimStart();
      const value = readString(rest);
      if (!value) {
        return undefined;
      }
      matchers.push({ name: label[0], op: op[0] as LabelMatchOp, value: value.value });
      rest = rest.slice(value.length).trimStart();
      if (rest.startsWith(',')) {
        rest = rest.slice(1).trimStart();
      } else if (!rest.startsWith('}')) {
        return undefined;
      }
    }
    rest = rest.slice(1).trimStart();
  }
  if (rest !== '' || (!metric && matchers.length === 0)) {
    return undefined;
  }
  return { metric, matchers };
}

function readString(s: string): { value: string; length: number } | undefined {
  const q = s[0];
  if (q !== '"' && q !== "'" && q !== '`') {
    return undefined;
  }
  let value = '';
  for (let i = 1; i < s.length; i++) {
    const c = s[i];
    if (c === q) {
      return { value, length: i + 1 };
    }
    if (c === '\\' && q !== '`' && i + 1 < s.length) {
      const e = s[++i];
      value += e === 'n' ? '\n' : e === 't' ? '\t' : e;
    } else {
      value += c;
    }
  }
  return undefined;
}

/** Prints a selector with double-quoted, escaped values. */
export function formatSelector(metric: string, matchers: LabelMatcher[]): string {
  if (matchers.length === 0) {
    return metric;
  }
  const body = matchers.map((m) => `${m.name}${m.op}${JSON.stringify(m.value)}`).join(',');
  return `${metric}{${body}}`;
}

const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };

/** Seconds in a Prometheus duration ("1h30m", "200ms"), or undefined if it is not one. */
export function durationSeconds(d: string): number | undefined {
  if (!/^(\d+(ms|s|m|h|d|w|y))+$/.test(d)) {
    return undefined;
  }
  let total = 0;
  for (const m of d.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) {
    total += Number(m[1]) * UNIT_SECONDS[m[2]];
  }
  return total;
}

/** Formats whole seconds as the shortest single-unit Prometheus duration ("3600" → "1h"). */
export function formatSeconds(seconds: number): string {
  for (const unit of ['w', 'd', 'h', 'm', 's']) {
    const n = seconds / UNIT_SECONDS[unit];
    if (Number.isInteger(n) && n > 0) {
      return `${n}${unit}`;
    }
  }
  return `${Math.round(seconds * 1000)}ms`;
}

/**
 * The metadata, name and spec of a Kubernetes-style `ServiceLevelObjective` (Pyrra, slo-generator); reports a
 * problem and returns undefined when the name or spec is missing.
 */
export function readObjectDoc(
  doc: Record<string, unknown>,
  path: string,
  ctx: { problem: (path: string, message: string) => void }
): { meta: Record<string, unknown>; name: string; spec: Record<string, unknown> } | undefined {
  const meta = isRecord(doc.metadata) ? doc.metadata : {};
  const spec = isRecord(doc.spec) ? doc.spec : undefined;
  const name = str(meta.name);
  if (!spec || !name) {
    ctx.problem(path, 'ServiceLevelObjective needs metadata.name and spec');
    return undefined;
  }
  return { meta, name, spec };
}

/** Warns once per key of `obj` that the format does not define: nothing in a source file is dropped silently. */
export function warnUnknownKeys(
  obj: Record<string, unknown>,
  known: readonly string[],
  path: string,
  ctx: { warn: (path: string, message: string) => void }
): void {
  for (const k of Object.keys(obj)) {
    if (!known.includes(k)) {
      ctx.warn(`${path}.${k}`, `unknown key "${k}" is ignored (expected one of ${known.join(', ')})`);
    }
  }
}

/**
 * makeId, plus a warning when the source name had to be changed to make an id, so that `checkout.v2-availability`
 * never silently becomes `checkout-v2-availability`.
 */
export function idFromName(
  service: string,
  name: string,
  namePath: string,
  ctx: { warn: (path: string, message: string) => void }
): string {
  const id = makeId(service, name);
  if (slugify(name) !== name) {
    ctx.warn(
      namePath,
      `"${name}" is not a valid SLO id (lower-case letters, digits and dashes); the SLO's id is "${id}"`
    );
  }
  return id;
}
