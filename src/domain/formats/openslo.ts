import { type BudgetingMethod, type Sli, type Slo } from '../slo/model';
import { compact, isRecord, normalizeTarget, parseSelector, str, stringLabels } from './normalize';
import { applyModelAnnotation, isPrometheusType, isUsableQuery, mapWindow, objectiveIds } from './opensloCommon';
import { type AlertIndex, mapAlertPolicies } from './opensloAlerts';
import { latencyFromSelectors } from './pyrra';
import { type ImportContext } from './types';

type Rec = Record<string, unknown>;

export interface Located {
  doc: Rec;
  path: string;
}

const NOT_SLO: Record<string, string> = {
  DataSource: 'data source definition; referenced by metricSourceRef, not an SLO',
  AlertNotificationTarget: 'notification target; route alerts with Grafana notification policies',
  Service: 'service description; SLOs carry the service name themselves',
};

/** Imports all `openslo/v1` documents of one file together, since SLOs reference SLIs, policies and sources. */
export function importOpenSloV1(docs: Located[], ctx: ImportContext): void {
  const byKind = (kind: string) =>
    new Map(
      docs
        .filter((d) => d.doc.kind === kind)
        .map((d) => [str(isRecord(d.doc.metadata) ? d.doc.metadata.name : '') ?? '', d.doc])
    );
  const slis = byKind('SLI');
  const sources = byKind('DataSource');
  const alerts: AlertIndex = { policies: byKind('AlertPolicy'), conditions: byKind('AlertCondition'), used: new Set() };
  for (const { doc, path } of docs) {
    if (doc.kind === 'SLO') {
      importSlo(doc, path, { slis, sources, alerts }, ctx);
    }
  }
  for (const { doc, path } of docs) {
    const kind = str(doc.kind) ?? '(no kind)';
    const name = isRecord(doc.metadata) ? (str(doc.metadata.name) ?? '') : '';
    if (kind === 'SLO') {
      continue;
    } else if (NOT_SLO[kind]) {
      ctx.ignore(path, kind, NOT_SLO[kind]);
    } else if (['SLI', 'AlertPolicy', 'AlertCondition'].includes(kind)) {
      if (!alerts.used.has(`${kind}/${name}`)) {
        ctx.ignore(
          path,
          kind,
          `${kind} "${name}" is not referenced by an SLO in this file; it only takes effect through one`
        );
      }
    } else {
      ctx.refuse(path, `OpenSLO v1 kind "${kind}" is not supported`);
    }
  }
}

interface Refs {
  slis: Map<string, Rec>;
  sources: Map<string, Rec>;
  alerts: AlertIndex;
}

function importSlo(doc: Rec, path: string, refs: Refs, ctx: ImportContext): void {
  const meta = isRecord(doc.metadata) ? doc.metadata : {};
  const spec = isRecord(doc.spec) ? doc.spec : undefined;
  const name = str(meta.name);
  if (!spec || !name) {
    ctx.problem(path, 'SLO needs metadata.name and spec');
    return;
  }
  const reasons: string[] = [];
  const sp = `${path}.spec`;
  let indicator: unknown = spec.indicator;
  const ref = str(spec.indicatorRef);
  if (ref) {
    indicator = refs.slis.get(ref);
    refs.alerts.used.add(`SLI/${ref}`);
    if (!indicator) {
      ctx.problem(`${sp}.indicatorRef`, `SLI "${ref}" is not defined in this file`);
      return;
    }
  }
  const sli =
    isRecord(indicator) && isRecord(indicator.spec) ? mapIndicator(indicator.spec, refs.sources, reasons) : undefined;
  if (!isRecord(indicator)) {
    ctx.problem(sp, 'SLO needs indicator or indicatorRef');
    return;
  }
  const tw = Array.isArray(spec.timeWindow) ? spec.timeWindow[0] : undefined;
  let window = isRecord(tw)
    ? mapWindow(
        str(tw.duration) ?? '',
        tw.isRolling !== false && !isRecord(tw.calendar),
        isRecord(tw.calendar) ? str(tw.calendar.timeZone) : undefined
      )
    : undefined;
  if (typeof window === 'string') {
    reasons.push(window);
    window = undefined;
  }
  const method = str(spec.budgetingMethod) ?? 'Occurrences';
  if (method === 'RatioTimeslices') {
    reasons.push(
      'budgetingMethod RatioTimeslices (average of per-slice ratios) is not supported; use Occurrences or Timeslices'
    );
  } else if (method !== 'Occurrences' && method !== 'Timeslices') {
    reasons.push(`budgetingMethod "${method}" is not supported`);
  }
  const objectives = Array.isArray(spec.objectives) ? spec.objectives : [];
  if (objectives.some((o) => isRecord(o) && (o.indicator || o.indicatorRef))) {
    reasons.push('per-objective indicators (composite SLOs) are not supported');
  }
  if (reasons.length || !sli) {
    ctx.refuse(path, `OpenSLO SLO "${name}": ${reasons.join('; ')}`);
    return;
  }
  if (!window) {
    ctx.problem(`${sp}.timeWindow`, 'timeWindow needs one entry with a duration');
    return;
  }
  if (objectives.length === 0) {
    ctx.problem(`${sp}.objectives`, 'objectives must be a non-empty list');
    return;
  }
  const service = str(spec.service) ?? name;
  const ids = objectiveIds(service, name, objectives);
  const displayName = str(meta.displayName) ?? name;
  objectives.forEach((o, i) => {
    const op = `${sp}.objectives[${i}]`;
    const obj = isRecord(o) ? o : {};
    const target = normalizeTarget(
      obj.target ?? obj.targetPercent,
      `${op}.${obj.target === undefined ? 'targetPercent' : 'target'}`
    );
    if (!target.ok) {
      ctx.problem(target.problem.path, target.problem.message);
      return;
    }
    let budgeting: BudgetingMethod | undefined;
    if (method === 'Timeslices') {
      const sliceTarget = normalizeTarget(obj.timeSliceTarget, `${op}.timeSliceTarget`);
      const sliceDuration = str(obj.timeSliceWindow);
      if (!sliceTarget.ok || !sliceDuration) {
        ctx.problem(
          sliceTarget.ok ? `${op}.timeSliceWindow` : sliceTarget.problem.path,
          sliceTarget.ok ? 'Timeslices needs timeSliceWindow' : sliceTarget.problem.message
        );
        return;
      }
      budgeting = { method: 'timeslices', sliceDuration, sliceTarget: sliceTarget.value };
    }
    const objName = str(obj.displayName) ?? str(obj.name);
    const tiers = mapAlertPolicies(spec.alertPolicies, `${sp}.alertPolicies`, refs.alerts, ctx);
    const slo = compact<Slo>({
      id: ids[i],
      name: objectives.length > 1 ? `${displayName} / ${objName ?? i}` : displayName,
      description: str(spec.description),
      service,
      labels: stringLabels(meta.labels),
      sli,
      objective: { target: target.value },
      window: window as Slo['window'],
      budgeting,
      alerting: tiers ? { tiers } : undefined,
    });
    ctx.addSlo(applyModelAnnotation(slo, meta, path, ctx), {
      path: objectives.length > 1 ? op : path,
      format: 'openslo/v1',
    });
  });
}

function metricQuery(m: unknown, sources: Map<string, Rec>, what: string, reasons: string[]): string | undefined {
  const ms = isRecord(m) && isRecord(m.metricSource) ? m.metricSource : undefined;
  if (!ms) {
    reasons.push(`${what} has no metricSource`);
    return undefined;
  }
  const refd = sources.get(str(ms.metricSourceRef) ?? '');
  const type = str(ms.type) ?? (refd && isRecord(refd.spec) ? str(refd.spec.type) : undefined);
  if (!type || !isPrometheusType(type)) {
    reasons.push(
      `${what} metricSource type ${type ?? '(unset)'} is not Prometheus-compatible (Prometheus, Mimir, Thanos, Cortex)`
    );
    return undefined;
  }
  const q = isRecord(ms.spec) ? (str(ms.spec.query) ?? str(ms.spec.promql)) : undefined;
  if (!q) {
    reasons.push(`${what} metricSource.spec.query is missing`);
  }
  return q?.trim();
}

/** Maps an OpenSLO v1 indicator spec; pushes refusal reasons for what cannot be mapped. */
function mapIndicator(spec: Rec, sources: Map<string, Rec>, reasons: string[]): Sli | undefined {
  if (isRecord(spec.thresholdMetric)) {
    reasons.push(
      'thresholdMetric (one metric compared with a threshold per data point) has no equivalent SLI; use ratioMetric'
    );
    return undefined;
  }
  const rm = isRecord(spec.ratioMetric) ? spec.ratioMetric : undefined;
  if (!rm) {
    reasons.push('indicator has neither ratioMetric nor thresholdMetric');
    return undefined;
  }
  if (rm.raw) {
    const q = metricQuery(rm.raw, sources, 'ratioMetric.raw', reasons);
    if (!q) {
      return undefined;
    }
    if (!q.includes('{{.window}}')) {
      reasons.push('ratioMetric.raw query must hold the {{.window}} placeholder');
      return undefined;
    }
    return { kind: 'freeform', errorRatio: str(rm.rawType) === 'success' ? `1 - (${q})` : q };
  }
  const goodOrBad = rm.good ? 'good' : rm.bad ? 'bad' : undefined;
  if (!goodOrBad || !rm.total) {
    reasons.push('ratioMetric needs total and one of good, bad');
    return undefined;
  }
  const part = metricQuery(rm[goodOrBad], sources, `ratioMetric.${goodOrBad}`, reasons);
  const total = metricQuery(rm.total, sources, 'ratioMetric.total', reasons);
  if (!part || !total) {
    return undefined;
  }
  const partSel = parseSelector(part);
  const totalSel = parseSelector(total);
  for (const [q, sel, n] of [
    [part, partSel, goodOrBad],
    [total, totalSel, 'total'],
  ] as const) {
    if (!isUsableQuery(q, !!sel) || (rm.counter === false && !q.includes('{{.window}}'))) {
      reasons.push(`ratioMetric.${n} query "${q}" is neither a {{.window}} template nor a counter selector`);
      return undefined;
    }
  }
  if (goodOrBad === 'good' && partSel && totalSel) {
    const latency = latencyFromSelectors(partSel, totalSel);
    if (latency) {
      return latency;
    }
  }
  return goodOrBad === 'good' ? { kind: 'ratio', good: part, total } : { kind: 'ratio', bad: part, total };
}
