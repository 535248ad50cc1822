import { type Slo, type SloWindow } from '../slo/model';
import { capId, durationSeconds, isRecord, makeId, slugify, str } from './normalize';
import { type ImportContext } from './types';

/** Annotation carrying the model fields that plain OpenSLO cannot express (written by exportOpenSLO). */
export const MODEL_ANNOTATION = 'sre-reliability/model';

const PROMETHEUS_TYPES = /^(prometheus|mimir|thanos|cortex)$/i;

/** True for data source types that speak PromQL. */
export function isPrometheusType(type: string): boolean {
  return PROMETHEUS_TYPES.test(type);
}

/** Maps an OpenSLO window; returns a refusal reason when it cannot be expressed. */
export function mapWindow(duration: string, rolling: boolean, timeZone: string | undefined): SloWindow | string {
  if (!rolling) {
    if (duration === '1M') {
      return { type: 'calendar', unit: 'month', timeZone: timeZone ?? 'UTC' };
    }
    if (duration === '1Q') {
      return { type: 'calendar', unit: 'quarter', timeZone: timeZone ?? 'UTC' };
    }
    return `calendar window of ${duration}: only 1M (month) and 1Q (quarter) calendar windows are supported`;
  }
  if (durationSeconds(duration) === undefined) {
    return `rolling window of ${duration}: not a fixed duration (use d or w units, e.g. 30d or 4w)`;
  }
  return { type: 'rolling', duration };
}

/**
 * Ids for an SLO with one or several objectives. Several objectives become several SLOs, suffixed with the
 * objective's displayName when those are distinct, else with the index, so re-importing gives the same ids.
 */
export function objectiveIds(service: string, name: string, objectives: unknown[]): string[] {
  const base = makeId(service, name);
  if (objectives.length <= 1) {
    return [base];
  }
  const names = objectives.map((o) => slugify((isRecord(o) && (str(o.displayName) ?? str(o.name))) || ''));
  const distinct = names.every((n) => n) && new Set(names).size === names.length;
  return names.map((n, i) => capId(`${base}-${distinct ? n : String(i)}`));
}

/** Applies the model annotation: top-level keys replace the mapped ones; null removes them. */
export function applyModelAnnotation(slo: Slo, metadata: unknown, path: string, ctx: ImportContext): Slo {
  const raw = isRecord(metadata) && isRecord(metadata.annotations) ? metadata.annotations[MODEL_ANNOTATION] : undefined;
  if (typeof raw !== 'string') {
    return slo;
  }
  let overlay: unknown;
  try {
    overlay = JSON.parse(raw);
  } catch (e) {
    ctx.problem(`${path}.metadata.annotations.${MODEL_ANNOTATION}`, `not valid JSON: ${(e as Error).message}`);
    return slo;
  }
  if (!isRecord(overlay)) {
    ctx.problem(`${path}.metadata.annotations.${MODEL_ANNOTATION}`, 'must be a JSON object');
    return slo;
  }
  const out: Record<string, unknown> = { ...slo };
  for (const [k, v] of Object.entries(overlay)) {
    if (v === null) {
      delete out[k];
    } else {
      out[k] = v;
    }
  }
  return out as unknown as Slo;
}

/** A PromQL query usable by the ratio SLI: a `{{.window}}` template, or a plain selector the model wraps. */
export function isUsableQuery(q: string, isSelector: boolean): boolean {
  return q.includes('{{.window}}') || isSelector;
}
