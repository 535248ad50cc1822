import { type BurnRateTierOverride, type Sli, type Slo, type SloAlerting } from '../slo/model';
import { compact, isRecord, makeId, normalizeTarget, str, stringLabels } from './normalize';
import { type ImportContext, type SourceFormat } from './types';

/** Sloth's own default SLO period (`--default-slo-period`). */
const SLOTH_WINDOW = '30d';

type Rec = Record<string, unknown>;

/** Sloth writes snake_case in `prometheus/v1` and camelCase in the Kubernetes CRD; accept both. */
function get(o: Rec, snake: string): unknown {
  const camel = snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return o[snake] ?? o[camel];
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
    const slo = mapSlo(raw, p, service, globalLabels, ctx);
    if (slo) {
      ctx.addSlo(slo, { path: p, format });
    }
  });
}

function mapSlo(
  raw: Rec,
  p: string,
  service: string,
  globalLabels: Record<string, string> | undefined,
  ctx: ImportContext
): Slo | undefined {
  const name = str(raw.name);
  if (!name) {
    ctx.problem(`${p}.name`, 'name is required');
    return undefined;
  }
  const sli = mapSli(raw.sli, `${p}.sli`, ctx);
  const target = normalizeTarget(raw.objective, `${p}.objective`);
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
  return compact<Slo>({
    id: makeId(service, name),
    name,
    description: str(raw.description),
    service,
    labels: Object.keys(labels).length ? labels : undefined,
    sli,
    objective: { target: target.value },
    window: { type: 'rolling', duration: SLOTH_WINDOW },
    alerting: mapAlerting(raw.alerting, `${p}.alerting`, ctx),
  });
}

function mapSli(raw: unknown, p: string, ctx: ImportContext): Sli | undefined {
  if (!isRecord(raw)) {
    ctx.problem(p, 'sli is required');
    return undefined;
  }
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

function mapAlerting(raw: unknown, p: string, ctx: ImportContext): SloAlerting | undefined {
  if (!isRecord(raw)) {
    return undefined;
  }
  const page = get(raw, 'page_alert');
  const ticket = get(raw, 'ticket_alert');
  const pageOff = isRecord(page) && page.disable === true;
  const ticketOff = isRecord(ticket) && ticket.disable === true;
  if (pageOff && ticketOff) {
    return { enabled: false };
  }
  const perTier = [
    isRecord(page) && (page.labels || page.annotations),
    isRecord(ticket) && (ticket.labels || ticket.annotations),
  ];
  if (perTier.some(Boolean)) {
    ctx.warn(
      p,
      'page_alert/ticket_alert labels and annotations are not mapped: tiers carry only a severity (page or ticket)'
    );
  }
  const tiers: BurnRateTierOverride[] = [];
  if (pageOff) {
    tiers.push({ tier: 'fast', enabled: false }, { tier: 'medium', enabled: false });
  }
  if (ticketOff) {
    tiers.push({ tier: 'slow', enabled: false }, { tier: 'long', enabled: false });
  }
  const out = compact<SloAlerting>({
    name: str(raw.name),
    labels: stringLabels(raw.labels),
    annotations: stringLabels(raw.annotations),
    tiers: tiers.length ? tiers : undefined,
  });
  return Object.keys(out).length ? out : undefined;
}
