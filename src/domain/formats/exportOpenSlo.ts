import { stringify } from 'yaml';
import { type BurnRateTierOverride, type Sli, type Slo } from '../slo/model';
import { importDocuments } from './import';
import { formatSelector, isRecord } from './normalize';
import { MODEL_ANNOTATION } from './opensloCommon';

type Rec = Record<string, unknown>;

const metric = (query: string): Rec => ({ metricSource: { type: 'Prometheus', spec: { query } } });

function indicatorSpec(sli: Sli): Rec {
  switch (sli.kind) {
    case 'ratio':
      return {
        ratioMetric: compactRec({
          counter: true,
          good: sli.good !== undefined ? metric(sli.good) : undefined,
          bad: sli.bad !== undefined ? metric(sli.bad) : undefined,
          total: metric(sli.total),
        }),
      };
    case 'latency':
      return {
        ratioMetric: {
          counter: true,
          good: metric(
            formatSelector(`${sli.metric}_bucket`, [
              ...sli.matchers,
              { name: 'le', op: '=', value: String(sli.threshold) },
            ])
          ),
          total: metric(formatSelector(`${sli.metric}_count`, sli.matchers)),
        },
      };
    case 'availability':
      // Plain OpenSLO has no 0/1-gauge indicator: the error ratio is exported as a raw ratio (and the exact SLI rides
      // in the model annotation).
      return {
        ratioMetric: {
          counter: false,
          rawType: 'failure',
          raw: metric(`1 - avg(avg_over_time(${formatSelector(sli.metric, sli.matchers)}[{{.window}}]))`),
        },
      };
    case 'freeform':
      return { ratioMetric: { counter: false, rawType: 'failure', raw: metric(sli.errorRatio) } };
  }
}

function compactRec(o: Rec): Rec {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** Tiers OpenSLO can carry as a burnrate AlertCondition: enabled, with an explicit long window and factor. */
function conditionTiers(tiers: BurnRateTierOverride[] | undefined): BurnRateTierOverride[] {
  return (tiers ?? []).filter((t) => t.enabled !== false && t.longWindow !== undefined && t.factor !== undefined);
}

function standardDocs(slo: Slo): Rec[] {
  const tiers = conditionTiers(slo.alerting?.tiers);
  const policyName = `${slo.id}-burn-rate`;
  const w = slo.window;
  const timeWindow =
    w.type === 'rolling'
      ? { duration: w.duration, isRolling: true }
      : {
          duration: w.unit === 'month' ? '1M' : '1Q',
          isRolling: false,
          calendar: { startTime: '2020-01-01 00:00:00', timeZone: w.timeZone },
        };
  const b = slo.budgeting;
  const sloDoc: Rec = {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: compactRec({ name: slo.id, displayName: slo.name, labels: slo.labels }),
    spec: compactRec({
      description: slo.description,
      service: slo.service,
      indicator: { metadata: { name: `${slo.id}-sli` }, spec: indicatorSpec(slo.sli) },
      timeWindow: [timeWindow],
      budgetingMethod: b?.method === 'timeslices' ? 'Timeslices' : 'Occurrences',
      objectives: [
        compactRec({
          target: slo.objective.target,
          timeSliceTarget: b?.method === 'timeslices' ? b.sliceTarget : undefined,
          timeSliceWindow: b?.method === 'timeslices' ? b.sliceDuration : undefined,
        }),
      ],
      alertPolicies: tiers.length ? [{ alertPolicyRef: policyName }] : undefined,
    }),
  };
  if (!tiers.length) {
    return [sloDoc];
  }
  const policy: Rec = {
    apiVersion: 'openslo/v1',
    kind: 'AlertPolicy',
    metadata: { name: policyName },
    spec: {
      description: `Burn-rate alerts of SLO ${slo.id}`,
      alertWhenBreaching: true,
      conditions: tiers.map((t) => ({
        kind: 'AlertCondition',
        metadata: { name: `${slo.id}-${t.tier}` },
        spec: compactRec({
          severity: t.severity,
          condition: compactRec({
            kind: 'burnrate',
            op: 'gte',
            threshold: t.factor,
            lookbackWindow: t.longWindow,
            alertAfter: t.for,
          }),
        }),
      })),
    },
  };
  return [sloDoc, policy];
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) {
    return false;
  }
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
}

const toYaml = (docs: Rec[]): string => docs.map((d) => stringify(d, { lineWidth: 0 })).join('---\n');

/**
 * OpenSLO v1 multi-document YAML: one SLO with an inline indicator per SLO, plus an AlertPolicy for tiers that
 * OpenSLO can express. Model fields plain OpenSLO cannot carry go, as JSON, into the `sre-reliability/model`
 * annotation, holding only the top-level fields that would otherwise be lost, so re-import is exact.
 */
export function exportOpenSLO(slos: Slo[]): string {
  const out: Rec[] = [];
  for (const slo of slos) {
    const docs = standardDocs(slo);
    const back = importDocuments(toYaml(docs)).slos[0] as unknown as Rec | undefined;
    const orig = slo as unknown as Rec;
    const overlay: Rec = {};
    for (const k of new Set([...Object.keys(orig), ...Object.keys(back ?? {})])) {
      if (!deepEqual(orig[k], back?.[k])) {
        overlay[k] = orig[k] ?? null;
      }
    }
    if (Object.keys(overlay).length) {
      const meta = docs[0].metadata as Rec;
      meta.annotations = { [MODEL_ANNOTATION]: JSON.stringify(overlay) };
    }
    out.push(...docs);
  }
  return toYaml(out);
}
