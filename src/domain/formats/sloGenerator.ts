import { type Sli, type Slo } from '../slo/model';
import {
  compact,
  idFromName,
  isRecord,
  parseSelector,
  readObjectDoc,
  readTarget,
  str,
  stringLabels,
  warnUnknownKeys,
} from './normalize';
import { latencyFromSelectors } from './pyrra';
import { type FieldSources, type ImportContext } from './types';

type Rec = Record<string, unknown>;

/**
 * slo-generator SLOs have no window of their own (error_budget_policies define several report windows);
 * 28d is the longest step of its sample default policy.
 */
const SLO_GENERATOR_WINDOW = '28d';

const SPEC_KEYS = [
  'description',
  'backend',
  'method',
  'exporters',
  'service_level_indicator',
  'goal',
  'error_budget_policy',
  'frequency',
];

/** True for slo-generator's shared config (backends, exporters, error_budget_policies), which holds no SLO. */
export function isSloGeneratorConfig(doc: Rec): boolean {
  return (
    doc.apiVersion === undefined && ['backends', 'exporters', 'error_budget_policies'].some((k) => isRecord(doc[k]))
  );
}

/** Google slo-generator `ServiceLevelObjective` (sre.google.com/v2); only the Prometheus backend maps. */
export function importSloGenerator(doc: Rec, path: string, ctx: ImportContext): void {
  const head = readObjectDoc(doc, path, ctx);
  if (!head) {
    return;
  }
  const { meta, name, spec } = head;
  const sp = `${path}.spec`;
  warnUnknownKeys(doc, ['apiVersion', 'kind', 'metadata', 'spec'], path, ctx);
  warnUnknownKeys(spec, SPEC_KEYS, sp, ctx);
  const backend = str(spec.backend) ?? '(unset)';
  if (!/^prometheus(\/|$)/i.test(backend)) {
    ctx.refuse(
      `${sp}.backend`,
      `slo-generator backend "${backend}" is not Prometheus; only the prometheus backend maps to PromQL`
    );
    return;
  }
  const method = str(spec.method) ?? '(unset)';
  const sliSpec = isRecord(spec.service_level_indicator) ? spec.service_level_indicator : {};
  const sli = mapSli(method, sliSpec, `${sp}.service_level_indicator`, ctx);
  // slo-generator's goal is a fraction (0.999).
  const target = readTarget(spec.goal, `${sp}.goal`, 'fraction', "slo-generator's goal is a fraction");
  if (!target.ok) {
    ctx.problem(target.problem.path, target.problem.message);
  }
  if (!sli || !target.ok) {
    return;
  }
  const labels = stringLabels(meta.labels) ?? {};
  const service = labels.service_name ?? name;
  const servicePath = `${path}.metadata.${labels.service_name !== undefined ? 'labels.service_name' : 'name'}`;
  delete labels.service_name;
  ctx.warn(sp, `slo-generator SLOs have no window; using a rolling ${SLO_GENERATOR_WINDOW}`);
  const si = `${sp}.service_level_indicator`;
  const fields: FieldSources = {
    id: `${path}.metadata.name`,
    name: `${path}.metadata.name`,
    description: `${sp}.description`,
    service: servicePath,
    labels: `${path}.metadata.labels`,
    sli: si,
    'sli.good': `${si}.filter_good`,
    'sli.bad': `${si}.filter_bad`,
    'sli.total': `${si}.filter_valid`,
    'sli.errorRatio': `${si}.expression`,
    'sli.metric': `${si}.expression`,
    'objective.target': `${sp}.goal`,
  };
  const slo = compact<Slo>({
    id: idFromName(service, name, `${path}.metadata.name`, ctx),
    name,
    description: str(spec.description),
    service,
    labels: Object.keys(labels).length ? labels : undefined,
    sli,
    objective: { target: target.value },
    window: { type: 'rolling', duration: SLO_GENERATOR_WINDOW },
  });
  ctx.addSlo(slo, { path, format: 'slo-generator' }, fields);
}

function selector(sli: Rec, key: string, p: string, ctx: ImportContext): string | undefined {
  const q = str(sli[key])?.trim();
  if (q === undefined) {
    return undefined;
  }
  if (!parseSelector(q)) {
    ctx.refuse(
      `${p}.${key}`,
      `${key} "${q}" is not a plain selector; good_bad_ratio filters must be counter selectors`
    );
    return undefined;
  }
  return q;
}

function mapSli(method: string, sli: Rec, p: string, ctx: ImportContext): Sli | undefined {
  if (method === 'good_bad_ratio') {
    const good = selector(sli, 'filter_good', p, ctx);
    const bad = selector(sli, 'filter_bad', p, ctx);
    const valid = selector(sli, 'filter_valid', p, ctx);
    if (valid && (good || bad)) {
      return good ? { kind: 'ratio', good, total: valid } : { kind: 'ratio', bad: bad!, total: valid };
    }
    if (good && bad) {
      const w = (s: string) => `sum(rate(${s}[{{.window}}]))`;
      return { kind: 'ratio', bad: w(bad), total: `(${w(good)} + ${w(bad)})` };
    }
    ctx.problem(p, 'good_bad_ratio needs two of filter_good, filter_bad, filter_valid');
    return undefined;
  }
  if (method === 'query_sli') {
    const expr = str(sli.expression)?.trim();
    if (!expr || !expr.includes('[window]')) {
      ctx.problem(`${p}.expression`, 'query_sli needs an expression holding [window]');
      return undefined;
    }
    // slo-generator's query returns the good ratio; our freeform SLI wants the error ratio.
    return { kind: 'freeform', errorRatio: `1 - (${expr.replace(/\[window\]/g, '[{{.window}}]')})` };
  }
  if (method === 'distribution_cut') {
    const sel = parseSelector(str(sli.expression) ?? '');
    const threshold = Number(sli.threshold_bucket);
    const latency =
      sel && Number.isFinite(threshold)
        ? latencyFromSelectors(
            { metric: sel.metric, matchers: [...sel.matchers, { name: 'le', op: '=', value: String(threshold) }] },
            { metric: sel.metric.replace(/_bucket$/, '_count'), matchers: sel.matchers }
          )
        : undefined;
    if (!latency) {
      ctx.refuse(
        `${p}.expression`,
        'distribution_cut maps only a plain <histogram>_bucket selector with a numeric threshold_bucket'
      );
    }
    return latency;
  }
  ctx.refuse(p, `slo-generator method "${method}" is not supported (good_bad_ratio, query_sli, distribution_cut)`);
  return undefined;
}
