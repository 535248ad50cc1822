import type { Problem } from '../../../domain/slo/model';
import type { Sla } from '../../../domain/sla/model';

/** The editor's fields as typed; percents are shown as percents (99.9) and stored as fractions (0.999). */
export interface SlaFormValues {
  id: string;
  name: string;
  customer: string;
  /** Comma-separated. */
  services: string;
  indicatorKind: 'slo' | 'sli';
  sloId: string;
  /** The SLA's own SLI in the SLO model's form, as JSON. */
  sliJson: string;
  datasourceUid: string;
  targetPercent: string;
  method: 'events' | 'intervals' | 'uptime';
  unavailableAbovePercent: string;
  periodUnit: 'month' | 'quarter';
  timeZone: string;
  credits: Array<{ belowPercent: string; creditPercent: string }>;
  effectiveFrom: string;
  effectiveTo: string;
  contractUrl: string;
}

/** Percent ↔ fraction without float noise (99.9 / 100 is 0.9990000000000001). */
const toFraction = (p: string): number => (p.trim() === '' ? NaN : Number((Number(p) / 100).toPrecision(12)));
const toPercent = (f: number): string => String(Number((f * 100).toPrecision(12)));
const num = (s: string): number => (s.trim() === '' ? NaN : Number(s));

/** A new SLA's defaults: the public-cloud style tiers (AWS EC2, Azure VMs) at a 99.9% target. */
export const NEW_SLA: SlaFormValues = {
  id: '',
  name: '',
  customer: '',
  services: '',
  indicatorKind: 'slo',
  sloId: '',
  sliJson: '',
  datasourceUid: '',
  targetPercent: '99.9',
  method: 'events',
  unavailableAbovePercent: '5',
  periodUnit: 'month',
  timeZone: 'UTC',
  credits: [
    { belowPercent: '99.9', creditPercent: '10' },
    { belowPercent: '99', creditPercent: '25' },
    { belowPercent: '95', creditPercent: '100' },
  ],
  effectiveFrom: '',
  effectiveTo: '',
  contractUrl: '',
};

/** A stored SLA as form values. */
export function formFromSla(sla: Sla): SlaFormValues {
  const ind = sla.indicator;
  return {
    id: sla.id,
    name: sla.name,
    customer: sla.customer ?? '',
    services: sla.services.join(', '),
    indicatorKind: 'sloId' in ind ? 'slo' : 'sli',
    sloId: 'sloId' in ind ? ind.sloId : '',
    sliJson: 'sli' in ind ? JSON.stringify(ind.sli, null, 2) : '',
    datasourceUid: 'sli' in ind ? (ind.datasource?.uid ?? '') : '',
    targetPercent: toPercent(sla.target),
    method: sla.method.kind,
    unavailableAbovePercent: sla.method.kind === 'uptime' ? toPercent(sla.method.unavailableAbove) : '5',
    periodUnit: sla.period.unit,
    timeZone: sla.period.timeZone,
    credits: sla.credits.map((c) => ({ belowPercent: toPercent(c.below), creditPercent: String(c.creditPercent) })),
    effectiveFrom: sla.effective?.from ?? '',
    effectiveTo: sla.effective?.to ?? '',
    contractUrl: sla.contractUrl ?? '',
  };
}

/**
 * The form as an SLA for validateSla. Text that is not a number becomes NaN so the validator names the field; an
 * SLI that is not JSON is returned as a problem of `indicator.sli`.
 */
export function slaFromForm(v: SlaFormValues, revision?: number): { sla: Sla; problems: Problem[] } {
  const problems: Problem[] = [];
  let indicator: Sla['indicator'];
  if (v.indicatorKind === 'slo') {
    indicator = { sloId: v.sloId.trim() };
  } else {
    let sli: unknown;
    try {
      sli = JSON.parse(v.sliJson);
    } catch (e) {
      problems.push({
        path: 'sla.indicator.sli',
        message: `must be JSON in the SLO model's SLI form: ${(e as Error).message}`,
      });
    }
    indicator = {
      sli: sli as never,
      ...(v.datasourceUid.trim() ? { datasource: { uid: v.datasourceUid.trim() } } : {}),
    };
  }
  const effective = {
    ...(v.effectiveFrom.trim() ? { from: v.effectiveFrom.trim() } : {}),
    ...(v.effectiveTo.trim() ? { to: v.effectiveTo.trim() } : {}),
  };
  const sla: Sla = {
    id: v.id.trim(),
    name: v.name.trim(),
    ...(v.customer.trim() ? { customer: v.customer.trim() } : {}),
    services: v.services
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    indicator,
    target: toFraction(v.targetPercent),
    method:
      v.method === 'uptime'
        ? { kind: 'uptime', unavailableAbove: toFraction(v.unavailableAbovePercent) }
        : { kind: v.method },
    period: { unit: v.periodUnit, timeZone: v.timeZone.trim() },
    credits: v.credits.map((c) => ({ below: toFraction(c.belowPercent), creditPercent: num(c.creditPercent) })),
    ...(Object.keys(effective).length ? { effective } : {}),
    ...(v.contractUrl.trim() ? { contractUrl: v.contractUrl.trim() } : {}),
    ...(revision !== undefined ? { revision } : {}),
  };
  return { sla, problems };
}

/**
 * Problems by form field: `sla.target` → `target`, `sla.credits[1].below` → `credits[1].below`,
 * `sla.indicator.sli.good` → `indicator.sli`. Problems of no field on the form are listed under ''.
 */
export function problemsByField(problems: readonly Problem[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of problems) {
    const rest = p.path.replace(/^sla\.?/, '');
    const m =
      /^(credits\[\d+\]\.(below|creditPercent)|credits|indicator\.sli|indicator\.sloId|indicator|method\.unavailableAbove|method|period\.unit|period\.timeZone|period|effective\.from|effective\.to|effective|services|[a-zA-Z]+)/.exec(
        rest
      );
    const key = m ? m[1].replace(/^services\[\d+\]$/, 'services') : '';
    (out[key] ??= []).push(p.message);
  }
  return out;
}
