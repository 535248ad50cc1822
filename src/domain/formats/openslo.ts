import { type BudgetingMethod, type Sli, type Slo } from '../slo/model';
import {
  compact,
  idFromName,
  isRecord,
  parseSelector,
  readTarget,
  str,
  stringLabels,
  warnUnknownKeys,
} from './normalize';
import { applyModelAnnotation, isPrometheusType, isUsableQuery, mapWindow, objectiveIds } from './opensloCommon';
import { type AlertIndex, mapAlertPolicies } from './opensloAlerts';
import { latencyFromSelectors } from './pyrra';
import { type FieldSources, type ImportContext } from './types';

type Rec = Record<string, unknown>;

export interface Located {
  doc: Rec;
  path: string;
}

const DOC_KEYS = ['apiVersion', 'kind', 'metadata', 'spec'];
const SLO_SPEC_KEYS = [
  'description',
  'service',
  'indicator',
  'indicatorRef',
  'timeWindow',
  'budgetingMethod',
  'objectives',
  'alertPolicies',
];
const OBJECTIVE_KEYS = [
  'displayName',
  'name',
  'op',
  'value',
  'target',
  'targetPercent',
  'timeSliceTarget',
  'timeSliceWindow',
  'indicator',
  'indicatorRef',
  'compositeWeight',
];
const RATIO_KEYS = ['counter', 'good', 'bad', 'total', 'raw', 'rawType'];

const NOT_SLO: Record<string, string> = {
  DataSource: 'data source definition; referenced by metricSourceRef, not an SLO',
  AlertNotificationTarget: 'notification target; route alerts with Grafana notification policies',
  Service: 'service description; SLOs carry the service name themselves',
};

/** Imports all `openslo/v1` documents of one file together, since SLOs reference SLIs, policies and sources. */
export function importOpenSloV1(docs: Located[], ctx: ImportContext): void {
  const located = (kind: string) =>
    new Map(
      docs
        .filter((d) => d.doc.kind === kind)
        .map((d) => [str(isRecord(d.doc.metadata) ? d.doc.metadata.name : '') ?? '', d] as const)
    );
  const byKind = (kind: string) => new Map([...located(kind)].map(([k, d]) => [k, d.doc]));
  const slis = located('SLI');
  const sources = byKind('DataSource');
  const paths = new Map(
    ['AlertPolicy', 'AlertCondition'].flatMap((k) => [...located(k)].map(([n, d]) => [`${k}/${n}`, d.path] as const))
  );
  const alerts: AlertIndex = {
    policies: byKind('AlertPolicy'),
    conditions: byKind('AlertCondition'),
    used: new Set(),
    paths,
  };
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
  slis: Map<string, Located>;
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
  warnUnknownKeys(doc, DOC_KEYS, path, ctx);
  warnUnknownKeys(spec, SLO_SPEC_KEYS, sp, ctx);
  let indicator: unknown = spec.indicator;
  let ip = `${sp}.indicator`;
  const ref = str(spec.indicatorRef);
  if (ref) {
    const found = refs.slis.get(ref);
    indicator = found?.doc;
    refs.alerts.used.add(`SLI/${ref}`);
    if (!found) {
      ctx.problem(`${sp}.indicatorRef`, `SLI "${ref}" is not defined in this file`);
      return;
    }
    ip = found.path;
  }
  const fields: FieldSources = { sli: ip };
  const sli =
    isRecord(indicator) && isRecord(indicator.spec)
      ? mapIndicator(indicator.spec, `${ip}.spec`, refs.sources, reasons, fields, ctx)
      : undefined;
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
  idFromName(service, name, `${path}.metadata.name`, ctx);
  const ids = objectiveIds(service, name, objectives);
  const displayName = str(meta.displayName) ?? name;
  Object.assign(fields, {
    id: `${path}.metadata.name`,
    name: `${path}.metadata.${meta.displayName !== undefined ? 'displayName' : 'name'}`,
    description: `${sp}.description`,
    service: `${sp}.${spec.service !== undefined ? 'service' : 'metadata.name'}`,
    labels: `${path}.metadata.labels`,
    window: `${sp}.timeWindow[0]`,
    alerting: `${sp}.alertPolicies`,
  });
  objectives.forEach((o, i) => {
    const op = `${sp}.objectives[${i}]`;
    const obj = isRecord(o) ? o : {};
    warnUnknownKeys(obj, OBJECTIVE_KEYS, op, ctx);
    if (obj.target !== undefined && obj.targetPercent !== undefined) {
      ctx.problem(op, 'set target (a fraction, e.g. 0.995) or targetPercent (e.g. 99.5), not both');
      return;
    }
    // OpenSLO v1: target is a fraction, targetPercent a percentage. Each is read as its own kind, never guessed.
    const target =
      obj.targetPercent !== undefined
        ? readTarget(obj.targetPercent, `${op}.targetPercent`, 'percent')
        : readTarget(
            obj.target,
            `${op}.target`,
            'fraction',
            'OpenSLO v1 target is a fraction; for a percentage write targetPercent'
          );
    if (!target.ok) {
      ctx.problem(target.problem.path, target.problem.message);
      return;
    }
    const own: FieldSources = {
      ...fields,
      'objective.target': `${op}.${obj.targetPercent !== undefined ? 'targetPercent' : 'target'}`,
      budgeting: op,
      'budgeting.sliceTarget': `${op}.timeSliceTarget`,
      'budgeting.sliceDuration': `${op}.timeSliceWindow`,
    };
    let budgeting: BudgetingMethod | undefined;
    if (method === 'Timeslices') {
      // timeSliceTarget is a fraction in (0, 1]: 1 means every request of a slice must be good.
      const sliceTarget =
        obj.timeSliceTarget === 1
          ? ({ ok: true, value: 1 } as const)
          : readTarget(obj.timeSliceTarget, `${op}.timeSliceTarget`, 'fraction');
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
    const tiers = mapAlertPolicies(spec.alertPolicies, `${sp}.alertPolicies`, refs.alerts, ctx, own);
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
    ctx.addSlo(
      applyModelAnnotation(slo, meta, path, ctx),
      { path: objectives.length > 1 ? op : path, format: 'openslo/v1' },
      own
    );
  });
}

/** The PromQL of a ratioMetric part; records in `fields` where it sits in the file (`<at>.metricSource.spec.query`). */
function metricQuery(
  m: unknown,
  at: string,
  sources: Map<string, Rec>,
  what: string,
  reasons: string[],
  fields: FieldSources,
  field: string
): string | undefined {
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
  const key = isRecord(ms.spec) && ms.spec.query === undefined && ms.spec.promql !== undefined ? 'promql' : 'query';
  const q = isRecord(ms.spec) ? str(ms.spec[key]) : undefined;
  fields[field] = `${at}.metricSource.spec.${key}`;
  if (!q) {
    reasons.push(`${what} metricSource.spec.query is missing`);
  }
  return q?.trim();
}

/** Maps an OpenSLO v1 indicator spec; pushes refusal reasons for what cannot be mapped. */
function mapIndicator(
  spec: Rec,
  at: string,
  sources: Map<string, Rec>,
  reasons: string[],
  fields: FieldSources,
  ctx: ImportContext
): Sli | undefined {
  if (isRecord(spec.thresholdMetric)) {
    reasons.push(
      'thresholdMetric (one metric compared with a threshold per data point) has no equivalent SLI; use ratioMetric'
    );
    return undefined;
  }
  warnUnknownKeys(spec, ['ratioMetric', 'thresholdMetric'], at, ctx);
  const rm = isRecord(spec.ratioMetric) ? spec.ratioMetric : undefined;
  if (!rm) {
    reasons.push('indicator has neither ratioMetric nor thresholdMetric');
    return undefined;
  }
  const rp = `${at}.ratioMetric`;
  warnUnknownKeys(rm, RATIO_KEYS, rp, ctx);
  if (rm.raw) {
    const q = metricQuery(rm.raw, `${rp}.raw`, sources, 'ratioMetric.raw', reasons, fields, 'sli.errorRatio');
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
  const part = metricQuery(
    rm[goodOrBad],
    `${rp}.${goodOrBad}`,
    sources,
    `ratioMetric.${goodOrBad}`,
    reasons,
    fields,
    `sli.${goodOrBad}`
  );
  const total = metricQuery(rm.total, `${rp}.total`, sources, 'ratioMetric.total', reasons, fields, 'sli.total');
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
      fields['sli.metric'] = fields['sli.threshold'] = fields['sli.matchers'] = fields['sli.good'];
      return latency;
    }
  }
  return goodOrBad === 'good' ? { kind: 'ratio', good: part, total } : { kind: 'ratio', bad: part, total };
}
