import { type BurnRateTierOverride, type Sli, type Slo, type SloAlerting } from '../slo/model';
import { compact, idFromName, isRecord, readTarget, str, stringLabels, warnUnknownKeys } from './normalize';
import { type FieldSources, type ImportContext, type SourceFormat } from './types';

/** Sloth's own default SLO period (`--default-slo-period`). */
const SLOTH_WINDOW = '30d';

type Rec = Record<string, unknown>;

const camel = (snake: string) => snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
/** Both spellings: snake_case (prometheus/v1) and camelCase (the CRD). */
const both = (...keys: string[]) => keys.flatMap((k) => [k, camel(k)]);
/** The spelling a mapping actually uses, so paths name the user's key. */
const spelled = (o: Rec, snake: string) => (o[snake] !== undefined ? snake : camel(snake));
const SPEC_KEYS = both('version', 'service', 'labels', 'slo_plugins', 'slos');
const SLO_KEYS = both('name', 'objective', 'description', 'labels', 'sli', 'alerting', 'plugins');
const SLI_KEYS = ['events', 'raw', 'plugin'];
const ALERTING_KEYS = both('name', 'labels', 'annotations', 'page_alert', 'ticket_alert');
const TIER_ALERT_KEYS = ['disable', 'labels', 'annotations'];

/** Sloth writes snake_case in `prometheus/v1` and camelCase in the Kubernetes CRD; accept both. */
function get(o: Rec, snake: string): unknown {
  return o[snake] ?? o[camel(snake)];
}

function pluginIds(chain: unknown): string[] {
  const list = isRecord(chain) && Array.isArray(chain.chain) ? chain.chain : [];
  // A chain may repeat a plugin (Sloth's debug example does); one warning per id is enough.
  return [...new Set(list.map((p) => (isRecord(p) ? str(p.id) : undefined)).filter((id): id is string => !!id))];
}

/** Sloth `version: prometheus/v1` (top level) or `PrometheusServiceLevel` (`spec`). */
export function importSloth(doc: Rec, path: string, ctx: ImportContext): void {
  const k8s = doc.kind === 'PrometheusServiceLevel';
  const format: SourceFormat = k8s ? 'sloth/k8s' : 'sloth/prometheus-v1';
  const spec = k8s ? doc.spec : doc;
  const specPath = k8s ? `${path}.spec` : path;
  if (!isRecord(spec)) {
    ctx.problem(specPath, 'Sloth spec must be a mapping');
    return;
  }
  if (k8s) {
    warnUnknownKeys(doc, ['apiVersion', 'kind', 'metadata', 'spec'], path, ctx);
  }
  warnUnknownKeys(spec, k8s ? SPEC_KEYS.filter((k) => k !== 'version') : SPEC_KEYS, specPath, ctx);
  const service = str(spec.service);
  if (!service) {
    ctx.problem(`${specPath}.service`, 'service is required');
    return;
  }
  const globalPlugins = get(spec, 'slo_plugins');
  if (isRecord(globalPlugins)) {
    const ids = pluginIds(globalPlugins);
    const vm = ids.find((id) => id.includes('victoria_metrics'));
    if (vm || globalPlugins.overridePrevious === true) {
      ctx.refuse(
        `${specPath}.${k8s ? 'sloPlugins' : 'slo_plugins'}`,
        `Sloth SLO plugin chain ${vm ? `with ${vm} (VictoriaMetrics MetricsQL rules)` : 'with overridePrevious: true'} ` +
          `replaces Sloth's rule generation; it cannot be mapped to our generator`
      );
      return;
    }
    for (const id of ids) {
      ctx.warn(
        `${specPath}.${k8s ? 'sloPlugins' : 'slo_plugins'}`,
        `Sloth SLO plugin ${id} is not applied: our generator writes the rules`
      );
    }
  }
  const slos = spec.slos;
  if (!Array.isArray(slos) || slos.length === 0) {
    ctx.problem(`${specPath}.slos`, 'slos must be a non-empty list');
    return;
  }
  const globalLabels = stringLabels(spec.labels);
  slos.forEach((raw, i) => {
    const p = `${specPath}.slos[${i}]`;
    if (!isRecord(raw)) {
      ctx.problem(p, 'SLO must be a mapping');
      return;
    }
    const fields: FieldSources = {
      service: `${specPath}.service`,
      labels: `${p}.${raw.labels !== undefined ? 'labels' : 'name'}`,
    };
    const slo = mapSlo(raw, p, service, globalLabels, fields, ctx);
    if (slo) {
      ctx.addSlo(slo, { path: p, format }, fields);
    }
  });
}

function mapSlo(
  raw: Rec,
  p: string,
  service: string,
  globalLabels: Record<string, string> | undefined,
  fields: FieldSources,
  ctx: ImportContext
): Slo | undefined {
  warnUnknownKeys(raw, SLO_KEYS, p, ctx);
  const name = str(raw.name);
  if (!name) {
    ctx.problem(`${p}.name`, 'name is required');
    return undefined;
  }
  const sli = mapSli(raw.sli, `${p}.sli`, fields, ctx);
  // Sloth's objective is a percentage (99.9), whatever its magnitude.
  const target = readTarget(raw.objective, `${p}.objective`, 'percent', "Sloth's objective is a percentage");
  if (!target.ok) {
    ctx.problem(target.problem.path, target.problem.message);
  }
  if (!sli || !target.ok) {
    return undefined;
  }
  for (const id of pluginIds(raw.plugins)) {
    ctx.warn(`${p}.plugins`, `Sloth SLO plugin ${id} is not applied: our generator writes the rules`);
  }
  const labels = { ...globalLabels, ...stringLabels(raw.labels) };
  Object.assign(fields, {
    id: `${p}.name`,
    name: `${p}.name`,
    description: `${p}.description`,
    'objective.target': `${p}.objective`,
    alerting: `${p}.alerting`,
  });
  return compact<Slo>({
    id: idFromName(service, name, `${p}.name`, ctx),
    name,
    description: str(raw.description),
    service,
    labels: Object.keys(labels).length ? labels : undefined,
    sli,
    objective: { target: target.value },
    window: { type: 'rolling', duration: SLOTH_WINDOW },
    alerting: mapAlerting(raw.alerting, `${p}.alerting`, fields, ctx),
  });
}

function mapSli(raw: unknown, p: string, fields: FieldSources, ctx: ImportContext): Sli | undefined {
  if (!isRecord(raw)) {
    ctx.problem(p, 'sli is required');
    return undefined;
  }
  fields.sli = p;
  warnUnknownKeys(raw, SLI_KEYS, p, ctx);
  const plugin = raw.plugin;
  if (isRecord(plugin)) {
    ctx.refuse(
      `${p}.plugin`,
      `Sloth SLI plugin "${str(plugin.id) ?? '?'}" cannot be mapped: its query is built by Go code we do not run`
    );
    return undefined;
  }
  const events = raw.events;
  if (isRecord(events)) {
    warnUnknownKeys(events, both('error_query', 'total_query'), `${p}.events`, ctx);
    fields['sli.bad'] = `${p}.events.${spelled(events, 'error_query')}`;
    fields['sli.total'] = `${p}.events.${spelled(events, 'total_query')}`;
    const bad = str(get(events, 'error_query'))?.trim();
    const total = str(get(events, 'total_query'))?.trim();
    if (!bad || !total) {
      ctx.problem(`${p}.events`, 'events needs error_query and total_query');
      return undefined;
    }
    return { kind: 'ratio', bad, total };
  }
  const rawSli = raw.raw;
  if (isRecord(rawSli)) {
    warnUnknownKeys(rawSli, both('error_ratio_query'), `${p}.raw`, ctx);
    fields['sli.errorRatio'] = `${p}.raw.${spelled(rawSli, 'error_ratio_query')}`;
    const q = str(get(rawSli, 'error_ratio_query'))?.trim();
    if (!q) {
      ctx.problem(`${p}.raw`, 'raw needs error_ratio_query');
      return undefined;
    }
    return { kind: 'freeform', errorRatio: q };
  }
  ctx.refuse(
    p,
    `Sloth SLI type ${Object.keys(raw).join(', ') || '(empty)'} is not supported (expected events, raw or plugin)`
  );
  return undefined;
}

/**
 * Sloth's page alert is our fast and medium tiers, its ticket alert the slow and long ones (the same windows and
 * factors). Their own labels and annotations (`severity: critical`, routing keys) ride on those tiers.
 */
function mapAlerting(raw: unknown, p: string, fields: FieldSources, ctx: ImportContext): SloAlerting | undefined {
  if (!isRecord(raw)) {
    return undefined;
  }
  warnUnknownKeys(raw, ALERTING_KEYS, p, ctx);
  const tiers: BurnRateTierOverride[] = [];
  // Our generator writes its own `severity` on every alert; a Sloth-wide severity is kept per tier, where it wins.
  const common = stringLabels(raw.labels);
  const severity = common?.severity !== undefined ? { severity: common.severity } : undefined;
  if (common) {
    delete common.severity;
  }
  const sides: Array<[string, Array<BurnRateTierOverride['tier']>]> = [
    ['page_alert', ['fast', 'medium']],
    ['ticket_alert', ['slow', 'long']],
  ];
  let off = 0;
  for (const [key, names] of sides) {
    const k = spelled(raw, key);
    const side = raw[k] ?? {};
    if (!isRecord(side)) {
      ctx.problem(`${p}.${k}`, `${k} must be a mapping, got ${JSON.stringify(side)}`);
      continue;
    }
    warnUnknownKeys(side, TIER_ALERT_KEYS, `${p}.${k}`, ctx);
    if (side.disable === true) {
      off++;
      tiers.push(...names.map((tier) => ({ tier, enabled: false })));
      continue;
    }
    const own = stringLabels(side.labels);
    const labels = severity || own ? { ...severity, ...own } : undefined;
    const annotations = stringLabels(side.annotations);
    if (labels || annotations) {
      names.forEach((_, j) => (fields[`alerting.tiers[${tiers.length + j}]`] = `${p}.${k}`));
      tiers.push(...names.map((tier) => compact<BurnRateTierOverride>({ tier, labels, annotations })));
    }
  }
  if (off === 2) {
    return { enabled: false };
  }
  const out = compact<SloAlerting>({
    name: str(raw.name),
    labels: common && Object.keys(common).length ? common : undefined,
    annotations: stringLabels(raw.annotations),
    tiers: tiers.length ? tiers : undefined,
  });
  return Object.keys(out).length ? out : undefined;
}
