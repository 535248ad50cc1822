import { type Sli, type Slo } from '../slo/model';
import { compact, isRecord, makeId, normalizeTarget, parseSelector, readObjectDoc, str, stringLabels } from './normalize';
import { latencyFromSelectors } from './pyrra';
import { type ImportContext } from './types';

type Rec = Record<string, unknown>;

/**
 * slo-generator SLOs have no window of their own (error_budget_policies define several report windows);
 * 28d is the longest step of its sample default policy.
 */
const SLO_GENERATOR_WINDOW = '28d';

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
  const target = normalizeTarget(spec.goal, `${sp}.goal`);
  if (!target.ok) {
    ctx.problem(target.problem.path, target.problem.message);
  }
  if (!sli || !target.ok) {
    return;
  }
  const labels = stringLabels(meta.labels) ?? {};
  const service = labels.service_name ?? name;
  delete labels.service_name;
  ctx.warn(sp, `slo-generator SLOs have no window; using a rolling ${SLO_GENERATOR_WINDOW}`);
  const slo = compact<Slo>({
    id: makeId(service, name),
    name,
    description: str(spec.description),
    service,
    labels: Object.keys(labels).length ? labels : undefined,
    sli,
    objective: { target: target.value },
    window: { type: 'rolling', duration: SLO_GENERATOR_WINDOW },
  });
  ctx.addSlo(slo, { path, format: 'slo-generator' });
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
