/** Small helpers shared by the validators: every check pushes a Problem and never throws. */
import { DurationError, parseDuration } from './durations';
import type { Problem } from './model';
import { isValidLabelName } from './promql';

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Short rendering of a bad value for messages. */
export function show(v: unknown): string {
  if (typeof v === 'string') {
    return JSON.stringify(v.length > 60 ? v.slice(0, 60) + '…' : v);
  }
  if (v === undefined) {
    return 'nothing';
  }
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? s.slice(0, 60) + '…' : s;
}

export class Collector {
  readonly problems: Problem[] = [];

  add(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /** A required non-empty string; returns it when valid. */
  str(o: Obj, key: string, path: string, required = true): string | undefined {
    const v = o[key];
    if (v === undefined || v === null) {
      if (required) {
        this.add(`${path}.${key}`, 'is required');
      }
      return undefined;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      this.add(`${path}.${key}`, `must be a non-empty string, got ${show(v)}`);
      return undefined;
    }
    return v;
  }

  /** A duration string; `allowZero` is for `for:` fields where Prometheus accepts 0s. */
  duration(v: unknown, path: string, allowZero = false): number | undefined {
    if (typeof v !== 'string') {
      this.add(path, `must be a duration string like "5m", got ${show(v)}`);
      return undefined;
    }
    if (allowZero && /^0+(ms|s|m|h|d|w|y)?$/.test(v.trim())) {
      return 0;
    }
    try {
      return parseDuration(v);
    } catch (e) {
      this.add(path, e instanceof DurationError ? e.message : String(e));
      return undefined;
    }
  }

  bool(o: Obj, key: string, path: string): void {
    if (o[key] !== undefined && typeof o[key] !== 'boolean') {
      this.add(`${path}.${key}`, `must be true or false, got ${show(o[key])}`);
    }
  }

  unknownKeys(o: Obj, allowed: readonly string[], path: string): void {
    for (const k of Object.keys(o)) {
      if (!allowed.includes(k)) {
        this.add(`${path}.${k}`, `unknown field (allowed: ${allowed.join(', ')})`);
      }
    }
  }

  /**
   * A label map that becomes rule labels. Values are escaped when written, so only what Prometheus itself
   * rejects is reported: bad names, reserved names, empty values (Prometheus drops them) and broken UTF-16.
   */
  labelMap(v: unknown, path: string, reserved: readonly string[]): void {
    if (v === undefined) {
      return;
    }
    if (!isObj(v)) {
      this.add(path, `must be a map of label names to string values, got ${show(v)}`);
      return;
    }
    for (const [name, value] of Object.entries(v)) {
      const p = `${path}.${name}`;
      if (!isValidLabelName(name)) {
        this.add(p, `invalid label name ${show(name)}: use [a-zA-Z_][a-zA-Z0-9_]* and do not start with "__"`);
      } else if (reserved.includes(name)) {
        this.add(p, `label name "${name}" is reserved for generated rules`);
      }
      this.labelValue(value, p);
    }
  }

  labelValue(value: unknown, path: string): void {
    if (typeof value !== 'string') {
      this.add(path, `label value must be a string, got ${show(value)}`);
    } else if (value === '') {
      this.add(path, 'label value must not be empty (Prometheus treats an empty label as absent)');
    } else if (!isWellFormed(value)) {
      this.add(path, 'label value is not valid Unicode (lone surrogate)');
    }
  }
}

/** True when a JS string encodes to valid UTF-8 (no lone surrogates). */
export function isWellFormed(s: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

/** Labels every generated series or alert carries; users must not set them. */
export const RESERVED_SERIES_LABELS = ['slo_id', 'slo_service'] as const;
export const RESERVED_ALERT_LABELS = [
  ...RESERVED_SERIES_LABELS,
  'alertname',
  'alertstate',
  'severity',
  'burnrate_tier',
  'long_window',
  'short_window',
] as const;
