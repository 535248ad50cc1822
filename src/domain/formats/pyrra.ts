import { type BurnRateTierName, type LatencySli, type Sli, type Slo, type SloAlerting } from '../slo/model';
import {
  compact,
  durationSeconds,
  formatSelector,
  isRecord,
  idFromName,
  parseSelector,
  readObjectDoc,
  readTarget,
  type Selector,
  str,
  warnUnknownKeys,
} from './normalize';
import { type FieldSources, type ImportContext } from './types';

type Rec = Record<string, unknown>;

/**
 * A latency SLI when `good` is `<m>_bucket{..., le="x"}` and `total` is `<m>_count{...}` with the same other
 * matchers in the same order; anything else stays a ratio so that no selector is changed.
 */
export function latencyFromSelectors(good: Selector, total: Selector): LatencySli | undefined {
  const le = good.matchers.filter((m) => m.name === 'le');
  const rest = good.matchers.filter((m) => m.name !== 'le');
  if (!good.metric.endsWith('_bucket') || le.length !== 1 || le[0].op !== '=') {
    return undefined;
  }
  const metric = good.metric.slice(0, -'_bucket'.length);
  const threshold = Number(le[0].value);
  if (
    total.metric !== `${metric}_count` ||
    !Number.isFinite(threshold) ||
    JSON.stringify(rest) !== JSON.stringify(total.matchers)
  ) {
    return undefined;
  }
  return { kind: 'latency', metric, threshold, matchers: rest };
}

const SEVERITY_KEYS: Array<[string, BurnRateTierName]> = [
  ['fastBurn', 'fast'],
  ['mediumBurn', 'medium'],
  ['slowBurn', 'slow'],
  ['longTermBurn', 'long'],
];

const SPEC_KEYS = ['description', 'target', 'window', 'indicator', 'alerting'];
const ALERTING_KEYS = ['disabled', 'name', 'burnrates', 'absent', 'absentName', 'severities', 'burnRateType'];
const INDICATOR_KEYS = ['ratio', 'latency', 'latencyNative', 'bool_gauge'];

/**
 * Pyrra's own API group, or the bare `v1alpha1`: Pyrra's filesystem mode unmarshals the file into its
 * ServiceLevelObjective type without checking the group, so such files run there.
 */
export function isPyrraApiVersion(api: string): boolean {
  return api.startsWith('pyrra.dev/') || api === 'v1alpha1';
}

/** Pyrra `ServiceLevelObjective` (pyrra.dev/v1alpha1, or v1alpha1 as the filesystem mode reads it). */
export function importPyrra(doc: Rec, path: string, ctx: ImportContext): void {
  const head = readObjectDoc(doc, path, ctx);
  if (!head) {
    return;
  }
  const { meta, name, spec } = head;
  const sp = `${path}.spec`;
  warnUnknownKeys(doc, ['apiVersion', 'kind', 'metadata', 'spec', 'status'], path, ctx);
  warnUnknownKeys(spec, SPEC_KEYS, sp, ctx);
  const indicator = isRecord(spec.indicator) ? spec.indicator : {};
  warnUnknownKeys(indicator, INDICATOR_KEYS, `${sp}.indicator`, ctx);
  const fields: FieldSources = {};
  const sli = mapIndicator(indicator, `${sp}.indicator`, fields, ctx);
  // Pyrra's target is a percentage, written as a string ("99.5"), as its CRD defines.
  const target = readTarget(spec.target, `${sp}.target`, 'percent', "Pyrra's target is a percentage");
  if (!target.ok) {
    ctx.problem(target.problem.path, target.problem.message);
  }
  const window = str(spec.window) ?? '';
  if (durationSeconds(window) === undefined) {
    ctx.problem(`${sp}.window`, `window must be a Prometheus duration such as 4w, got ${JSON.stringify(spec.window)}`);
  }
  if (!sli || !target.ok || durationSeconds(window) === undefined) {
    return;
  }
  // Pyrra has no service: the namespace is the closest owner; labels prefixed pyrra.dev/ are Pyrra's SLO labels.
  const service = str(meta.namespace) ?? name;
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(isRecord(meta.labels) ? meta.labels : {})) {
    if (k.startsWith('pyrra.dev/') && str(v) !== undefined) {
      labels[k.slice('pyrra.dev/'.length)] = str(v)!;
    }
  }
  Object.assign(fields, {
    id: `${path}.metadata.name`,
    name: `${path}.metadata.name`,
    description: `${sp}.description`,
    service: `${path}.metadata.${meta.namespace !== undefined ? 'namespace' : 'name'}`,
    labels: `${path}.metadata.labels`,
    sli: `${sp}.indicator`,
    'objective.target': `${sp}.target`,
    window: `${sp}.window`,
    alerting: `${sp}.alerting`,
  });
  const slo = compact<Slo>({
    id: idFromName(service, name, `${path}.metadata.name`, ctx),
    name,
    description: str(spec.description) || undefined,
    service,
    labels: Object.keys(labels).length ? labels : undefined,
    sli,
    objective: { target: target.value },
    window: { type: 'rolling', duration: window },
    alerting: mapAlerting(spec.alerting, `${sp}.alerting`, ctx),
  });
  ctx.addSlo(slo, { path, format: 'pyrra' }, fields);
}

function selectorOf(raw: unknown, path: string, ctx: ImportContext): Selector | undefined {
  const text = isRecord(raw) ? str(raw.metric) : undefined;
  const sel = text ? parseSelector(text) : undefined;
  if (!sel) {
    ctx.problem(
      `${path}.metric`,
      `must be a metric selector such as http_requests_total{job="api"}, got ${JSON.stringify(text)}`
    );
  }
  return sel;
}

/** Pyrra computes one SLI per group; `sum by` keeps that, as a `{{.window}}` template. */
function rateTemplate(sel: Selector, grouping: string[]): string {
  return `sum by (${grouping.join(', ')}) (rate(${formatSelector(sel.metric, sel.matchers)}[{{.window}}]))`;
}

function mapIndicator(ind: Rec, p: string, fields: FieldSources, ctx: ImportContext): Sli | undefined {
  const kind = Object.keys(ind).find((k) => INDICATOR_KEYS.includes(k)) ?? Object.keys(ind)[0];
  const body = isRecord(ind[kind]) ? (ind[kind] as Rec) : {};
  const grouping = Array.isArray(body.grouping) ? body.grouping.map(String) : [];
  const kp = `${p}.${kind}`;
  const partKeys: Record<string, string[]> = {
    ratio: ['errors', 'total'],
    latency: ['success', 'total'],
    latencyNative: ['total', 'latency'],
    bool_gauge: ['metric'],
  };
  if (partKeys[kind]) {
    warnUnknownKeys(body, [...partKeys[kind], 'grouping'], kp, ctx);
  }
  const at = (part: string) => (kind === 'bool_gauge' ? `${kp}.metric` : `${kp}.${part}.metric`);
  Object.assign(fields, {
    'sli.bad': at('errors'),
    'sli.good': at('success'),
    'sli.total': at('total'),
    'sli.metric': kind === 'latency' ? at('success') : at('metric'),
    'sli.matchers': kind === 'latency' ? at('success') : at('metric'),
    'sli.threshold': at('success'),
    'sli.errorRatio': kp,
  });
  if (grouping.length) {
    ctx.warn(
      `${kp}.grouping`,
      `grouping [${grouping.join(', ')}] is kept as sum by (...): the SLI has one series per group`
    );
  }
  if (kind === 'ratio') {
    const bad = selectorOf(body.errors, `${kp}.errors`, ctx);
    const total = selectorOf(body.total, `${kp}.total`, ctx);
    if (!bad || !total) {
      return undefined;
    }
    return grouping.length
      ? { kind: 'ratio', bad: rateTemplate(bad, grouping), total: rateTemplate(total, grouping) }
      : {
          kind: 'ratio',
          bad: formatSelector(bad.metric, bad.matchers),
          total: formatSelector(total.metric, total.matchers),
        };
  }
  if (kind === 'latency') {
    const good = selectorOf(body.success, `${kp}.success`, ctx);
    const total = selectorOf(body.total, `${kp}.total`, ctx);
    if (!good || !total) {
      return undefined;
    }
    const latency = grouping.length ? undefined : latencyFromSelectors(good, total);
    if (latency) {
      return latency;
    }
    return grouping.length
      ? { kind: 'ratio', good: rateTemplate(good, grouping), total: rateTemplate(total, grouping) }
      : {
          kind: 'ratio',
          good: formatSelector(good.metric, good.matchers),
          total: formatSelector(total.metric, total.matchers),
        };
  }
  if (kind === 'latencyNative') {
    const total = selectorOf(body.total, `${kp}.total`, ctx);
    const seconds = durationSeconds(str(body.latency) ?? '');
    if (!total || seconds === undefined) {
      if (seconds === undefined) {
        ctx.problem(`${kp}.latency`, `latency must be a duration such as 200ms, got ${JSON.stringify(body.latency)}`);
      }
      return undefined;
    }
    ctx.warn(
      kp,
      'latencyNative (native histogram) is mapped to a freeform histogram_fraction SLI: no event counts, so no low-traffic guard'
    );
    const inner = `sum${grouping.length ? ` by (${grouping.join(', ')})` : ''} (rate(${formatSelector(total.metric, total.matchers)}[{{.window}}]))`;
    return { kind: 'freeform', errorRatio: `1 - histogram_fraction(0, ${seconds}, ${inner})` };
  }
  if (kind === 'bool_gauge') {
    const sel = selectorOf(body, kp, ctx);
    if (!sel) {
      return undefined;
    }
    if (grouping.length) {
      return {
        kind: 'freeform',
        errorRatio: `1 - avg by (${grouping.join(', ')}) (avg_over_time(${formatSelector(sel.metric, sel.matchers)}[{{.window}}]))`,
      };
    }
    return { kind: 'availability', metric: sel.metric, matchers: sel.matchers };
  }
  ctx.refuse(
    p,
    `Pyrra indicator ${kind ? `"${kind}"` : '(none)'} is not supported (expected ratio, latency, latencyNative or bool_gauge)`
  );
  return undefined;
}

function mapAlerting(raw: unknown, p: string, ctx: ImportContext): SloAlerting | undefined {
  const a = isRecord(raw) ? raw : {};
  warnUnknownKeys(a, ALERTING_KEYS, p, ctx);
  const type = str(a.burnRateType);
  if (type !== undefined && type !== 'static') {
    ctx.warn(
      `${p}.burnRateType`,
      `burnRateType "${type}" (traffic-scaled thresholds) is not supported: the alerts use static burn-rate thresholds`
    );
  }
  // Pyrra generates an absent alert unless told not to; keep that behaviour.
  const absentAlert = a.absent !== false;
  if (a.disabled === true) {
    return { enabled: false };
  }
  if (a.burnrates === false) {
    if (absentAlert) {
      ctx.warn(`${p}.burnrates`, 'burnrates: false with absent alerts on cannot be expressed; all alerts are disabled');
    }
    return { enabled: false };
  }
  if (a.absentName) {
    ctx.warn(`${p}.absentName`, 'absentName is not mapped: the absent alert is SLOMetricAbsent');
  }
  const sev = isRecord(a.severities) ? a.severities : {};
  const tiers = SEVERITY_KEYS.filter(([k]) => str(sev[k])).map(([k, tier]) => ({
    tier,
    severity: /^(critical|page)$/i.test(str(sev[k])!) ? ('page' as const) : ('ticket' as const),
  }));
  return compact<SloAlerting>({
    name: str(a.name),
    tiers: tiers.length ? tiers : undefined,
    absentAlert: absentAlert || undefined,
  });
}
