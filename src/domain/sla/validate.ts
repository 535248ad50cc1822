import type { Problem, Slo } from '../slo/model';
import { isValidTimeZone } from '../slo/validate';
import { validateSli } from '../slo/validateSli';
import { Collector, isObj, show } from '../slo/validateUtil';
import type { Sla } from './model';

const SLUG_RE = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const KEYS = [
  'id',
  'name',
  'customer',
  'services',
  'indicator',
  'target',
  'method',
  'period',
  'credits',
  'effective',
  'contractUrl',
  'revision',
];

const isFraction = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0 && v < 1;

function validDate(s: string): boolean {
  if (!DATE_RE.test(s)) {
    return false;
  }
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function validateCredits(c: Collector, credits: unknown, target: unknown, path: string): void {
  if (credits === undefined) {
    return;
  }
  if (!Array.isArray(credits)) {
    c.add(path, `must be a list of {below, creditPercent}, got ${show(credits)}`);
    return;
  }
  let previous: { below: number; creditPercent: number } | undefined;
  credits.forEach((tier: unknown, i) => {
    const p = `${path}[${i}]`;
    if (!isObj(tier)) {
      c.add(p, `must be {below, creditPercent}, got ${show(tier)}`);
      return;
    }
    c.unknownKeys(tier, ['below', 'creditPercent'], p);
    const { below, creditPercent } = tier;
    let ok = true;
    if (!isFraction(below)) {
      c.add(`${p}.below`, `must be a fraction between 0 and 1 (0.999 for 99.9%), got ${show(below)}`);
      ok = false;
    } else if (typeof target === 'number' && below > target) {
      c.add(`${p}.below`, `must not be above the target ${target}: a credit is owed only below the target`);
    }
    if (typeof creditPercent !== 'number' || !(creditPercent > 0 && creditPercent <= 100)) {
      c.add(`${p}.creditPercent`, `must be a percent in (0, 100], got ${show(creditPercent)}`);
      ok = false;
    }
    if (!ok) {
      previous = undefined;
      return;
    }
    const t = { below: below as number, creditPercent: creditPercent as number };
    if (previous && !(t.below < previous.below)) {
      c.add(`${p}.below`, `thresholds must strictly decrease: ${t.below} is not below ${previous.below}`);
    }
    if (previous && !(t.creditPercent > previous.creditPercent)) {
      c.add(
        `${p}.creditPercent`,
        `credits must increase as thresholds fall: ${t.creditPercent} is not above ${previous.creditPercent}`
      );
    }
    previous = t;
  });
}

function validateMethod(c: Collector, m: unknown, path: string): void {
  if (!isObj(m)) {
    c.add(path, m === undefined ? 'is required' : `must be an object, got ${show(m)}`);
    return;
  }
  if (m.kind === 'events' || m.kind === 'intervals') {
    c.unknownKeys(m, ['kind'], path);
  } else if (m.kind === 'uptime') {
    c.unknownKeys(m, ['kind', 'unavailableAbove'], path);
    if (!isFraction(m.unavailableAbove)) {
      c.add(
        `${path}.unavailableAbove`,
        `must be the error ratio above which a minute is unavailable, in (0, 1) (0.05 for 5%), got ${show(m.unavailableAbove)}`
      );
    }
  } else {
    c.add(`${path}.kind`, `must be "events", "intervals" or "uptime", got ${show(m.kind)}`);
  }
}

/** Every problem of one SLA, each naming its field; `sloIds` are the SLOs an indicator may name. */
export function validateSla(sla: unknown, path: string, sloIds?: ReadonlySet<string>): Problem[] {
  const c = new Collector();
  if (!isObj(sla)) {
    c.add(path, `must be an object, got ${show(sla)}`);
    return c.problems;
  }
  c.unknownKeys(sla, KEYS, path);
  const id = c.str(sla, 'id', path);
  if (id !== undefined && (!SLUG_RE.test(id) || id.length > 63)) {
    c.add(`${path}.id`, `must be a slug of at most 63 lower-case letters, digits and dashes, got ${show(id)}`);
  }
  c.str(sla, 'name', path);
  c.str(sla, 'customer', path, false);
  const services = sla.services;
  if (!Array.isArray(services) || services.length === 0) {
    c.add(`${path}.services`, 'must list at least one service');
  } else {
    services.forEach((s, i) => {
      if (typeof s !== 'string' || s.trim() === '') {
        c.add(`${path}.services[${i}]`, `must be a service name, got ${show(s)}`);
      }
    });
  }
  const ind = sla.indicator;
  if (!isObj(ind)) {
    c.add(`${path}.indicator`, 'is required: {sloId} of an existing SLO, or {sli} of its own');
  } else if (ind.sloId !== undefined) {
    c.unknownKeys(ind, ['sloId'], `${path}.indicator`);
    if (typeof ind.sloId !== 'string' || !SLUG_RE.test(ind.sloId)) {
      c.add(`${path}.indicator.sloId`, `must be an SLO id, got ${show(ind.sloId)}`);
    } else if (sloIds && !sloIds.has(ind.sloId)) {
      c.add(`${path}.indicator.sloId`, `no SLO has the id "${ind.sloId}"`);
    }
  } else {
    c.unknownKeys(ind, ['sli', 'datasource'], `${path}.indicator`);
    validateSli(c, ind.sli, `${path}.indicator.sli`);
  }
  if (!isFraction(sla.target)) {
    c.add(`${path}.target`, `must be a fraction between 0 and 1 (0.999 for 99.9%), got ${show(sla.target)}`);
  }
  validateMethod(c, sla.method, `${path}.method`);
  const period = sla.period;
  if (!isObj(period)) {
    c.add(`${path}.period`, 'is required: {unit: month | quarter, timeZone}');
  } else {
    c.unknownKeys(period, ['unit', 'timeZone'], `${path}.period`);
    if (period.unit !== 'month' && period.unit !== 'quarter') {
      c.add(`${path}.period.unit`, `must be "month" or "quarter", got ${show(period.unit)}`);
    }
    if (typeof period.timeZone !== 'string' || !isValidTimeZone(period.timeZone)) {
      c.add(
        `${path}.period.timeZone`,
        `must be an IANA time zone such as "Europe/Berlin", got ${show(period.timeZone)}`
      );
    }
  }
  validateCredits(c, sla.credits, sla.target, `${path}.credits`);
  const eff = sla.effective;
  if (eff !== undefined) {
    if (!isObj(eff)) {
      c.add(`${path}.effective`, `must be {from, to} dates, got ${show(eff)}`);
    } else {
      c.unknownKeys(eff, ['from', 'to'], `${path}.effective`);
      for (const k of ['from', 'to'] as const) {
        if (eff[k] !== undefined && (typeof eff[k] !== 'string' || !validDate(eff[k] as string))) {
          c.add(`${path}.effective.${k}`, `must be a date YYYY-MM-DD, got ${show(eff[k])}`);
        }
      }
      if (typeof eff.from === 'string' && typeof eff.to === 'string' && eff.from > eff.to) {
        c.add(`${path}.effective.to`, `must not be before effective.from (${eff.from})`);
      }
    }
  }
  if (
    sla.contractUrl !== undefined &&
    (typeof sla.contractUrl !== 'string' || !/^https?:\/\/\S+$/i.test(sla.contractUrl))
  ) {
    c.add(`${path}.contractUrl`, `must be an http(s) URL, got ${show(sla.contractUrl)}`);
  }
  return c.problems;
}

/** Warnings that do not block saving: an SLA at least as strict as its SLO gets no early warning from it. */
export function slaWarnings(sla: Sla, slos: readonly Slo[]): string[] {
  if (!('sloId' in sla.indicator)) {
    return [];
  }
  const sloId = sla.indicator.sloId;
  const slo = slos.find((s) => s.id === sloId);
  if (slo && sla.target >= slo.objective.target) {
    return [
      `target ${sla.target} is not below SLO "${slo.id}"'s objective ${slo.objective.target}: the SLO's alerts give no early warning before the SLA is breached`,
    ];
  }
  return [];
}
