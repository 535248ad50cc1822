import { type Sli, type Slo } from '../slo/model';
import { compact, idFromName, isRecord, readTarget, str, stringLabels, warnUnknownKeys } from './normalize';
import { mapWindow, objectiveIds } from './opensloCommon';
import { type FieldSources, type ImportContext } from './types';

type Rec = Record<string, unknown>;

const UNITS: Record<string, string> = {
  Second: 's',
  Minute: 'm',
  Hour: 'h',
  Day: 'd',
  Week: 'w',
  Month: 'M',
  Quarter: 'Q',
  Year: 'Y',
};

const SPEC_KEYS = ['description', 'service', 'indicator', 'timeWindows', 'budgetingMethod', 'objectives'];
const OBJECTIVE_KEYS = [
  'displayName',
  'op',
  'value',
  'target',
  'timeSliceTarget',
  'timeSliceWindow',
  'ratioMetrics',
  'thresholdMetric',
];

/** OpenSLO v1alpha as Sloth reads it: `objectives[].ratioMetrics` with PromQL `{{.window}}` templates. */
export function importOpenSloV1alpha(doc: Rec, path: string, ctx: ImportContext): void {
  if (doc.kind !== 'SLO') {
    ctx.ignore(path, str(doc.kind) ?? '(no kind)', 'OpenSLO v1alpha non-SLO document; not an SLO');
    return;
  }
  const meta = isRecord(doc.metadata) ? doc.metadata : {};
  const spec = isRecord(doc.spec) ? doc.spec : undefined;
  const name = str(meta.name);
  if (!spec || !name) {
    ctx.problem(path, 'SLO needs metadata.name and spec');
    return;
  }
  const sp = `${path}.spec`;
  const reasons: string[] = [];
  warnUnknownKeys(doc, ['apiVersion', 'kind', 'metadata', 'spec'], path, ctx);
  warnUnknownKeys(spec, SPEC_KEYS, sp, ctx);
  const method = str(spec.budgetingMethod) ?? 'Occurrences';
  if (method !== 'Occurrences') {
    reasons.push(`budgetingMethod ${method} is not supported for v1alpha (Sloth reads Occurrences only)`);
  }
  const tw = Array.isArray(spec.timeWindows) ? spec.timeWindows[0] : undefined;
  const unit = isRecord(tw) ? UNITS[str(tw.unit) ?? ''] : undefined;
  const count = isRecord(tw) ? Number(tw.count) : NaN;
  if (!isRecord(tw) || !unit || !Number.isInteger(count) || count <= 0) {
    ctx.problem(
      `${sp}.timeWindows`,
      'timeWindows needs one entry with a positive count and a unit (Day, Week, Month...)'
    );
    return;
  }
  const rolling = tw.isRolling !== false && !isRecord(tw.calendar);
  const window = mapWindow(`${count}${unit}`, rolling, isRecord(tw.calendar) ? str(tw.calendar.timeZone) : undefined);
  if (typeof window === 'string') {
    reasons.push(window);
  }
  const objectives = Array.isArray(spec.objectives) ? spec.objectives : [];
  if (objectives.length === 0) {
    ctx.problem(`${sp}.objectives`, 'objectives must be a non-empty list');
    return;
  }
  const slis = objectives.map((o, i) => mapRatioMetrics(o, `${sp}.objectives[${i}]`, reasons));
  if (reasons.length || typeof window === 'string') {
    ctx.refuse(path, `OpenSLO v1alpha SLO "${name}": ${reasons.join('; ')}`);
    return;
  }
  const service = str(spec.service) ?? name;
  idFromName(service, name, `${path}.metadata.name`, ctx);
  const ids = objectiveIds(service, name, objectives);
  const displayName = str(meta.displayName) ?? name;
  objectives.forEach((o, i) => {
    const op = `${sp}.objectives[${i}]`;
    const obj = o as Rec;
    warnUnknownKeys(obj, OBJECTIVE_KEYS, op, ctx);
    // v1alpha defines target as a fraction in [0, 1), like v1; Sloth reads it the same way.
    const target = readTarget(obj.target, `${op}.target`, 'fraction', 'OpenSLO v1alpha target is a fraction');
    if (!target.ok) {
      ctx.problem(target.problem.path, target.problem.message);
      return;
    }
    const slo = compact<Slo>({
      id: ids[i],
      name: objectives.length > 1 ? `${displayName} / ${str(obj.displayName) ?? i}` : displayName,
      description: str(spec.description),
      service,
      labels: stringLabels(meta.labels),
      sli: slis[i]!,
      objective: { target: target.value },
      window,
    });
    const rm = `${op}.ratioMetrics`;
    const fields: FieldSources = {
      id: `${path}.metadata.name`,
      name: `${path}.metadata.${meta.displayName !== undefined ? 'displayName' : 'name'}`,
      description: `${sp}.description`,
      service: `${sp}.service`,
      labels: `${path}.metadata.labels`,
      sli: rm,
      'sli.good': `${rm}.good.query`,
      'sli.bad': `${rm}.bad.query`,
      'sli.total': `${rm}.total.query`,
      'objective.target': `${op}.target`,
      window: `${sp}.timeWindows[0]`,
    };
    ctx.addSlo(slo, { path: objectives.length > 1 ? op : path, format: 'openslo/v1alpha' }, fields);
  });
}

function mapRatioMetrics(o: unknown, path: string, reasons: string[]): Sli | undefined {
  if (!isRecord(o)) {
    reasons.push(`${path} is not a mapping`);
    return undefined;
  }
  if (o.thresholdMetric) {
    reasons.push('thresholdMetric has no equivalent SLI; use ratioMetrics');
    return undefined;
  }
  const rm = isRecord(o.ratioMetrics) ? o.ratioMetrics : undefined;
  if (!rm) {
    reasons.push('objective has no ratioMetrics');
    return undefined;
  }
  const q = (k: string): string | undefined => {
    const m = rm[k];
    if (!isRecord(m)) {
      return undefined;
    }
    const source = str(m.source) ?? 'prometheus';
    if (source.toLowerCase() !== 'prometheus') {
      reasons.push(`ratioMetrics.${k} source ${source} is not prometheus`);
      return undefined;
    }
    return str(m.query)?.trim();
  };
  const good = q('good');
  const bad = good ? undefined : q('bad');
  const total = q('total');
  if ((!good && !bad) || !total) {
    reasons.push('ratioMetrics needs total and one of good, bad (PromQL queries)');
    return undefined;
  }
  return good ? { kind: 'ratio', good, total } : { kind: 'ratio', bad: bad!, total };
}
