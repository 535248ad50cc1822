import { validateSla, slaWarnings } from './validate';
import type { Sla } from './model';
import type { Slo } from '../slo/model';

const good: Sla = {
  id: 'acme-api',
  name: 'ACME API',
  customer: 'ACME Corp',
  services: ['api'],
  indicator: { sloId: 'api-availability' },
  target: 0.999,
  method: { kind: 'uptime', unavailableAbove: 0.05 },
  period: { unit: 'month', timeZone: 'Europe/Berlin' },
  credits: [
    { below: 0.999, creditPercent: 10 },
    { below: 0.99, creditPercent: 25 },
    { below: 0.95, creditPercent: 100 },
  ],
  effective: { from: '2026-01-01' },
  contractUrl: 'https://contracts.example.com/acme',
};
const ids = new Set(['api-availability']);
const paths = (x: unknown) => validateSla(x, 'slas[0]', ids).map((p) => p.path);

describe('validateSla', () => {
  it('accepts an SLA on an existing SLO', () => {
    expect(validateSla(good, 'slas[0]', ids)).toEqual([]);
  });

  it('requires strictly decreasing thresholds and increasing credits in (0, 100]', () => {
    const problems = validateSla(
      {
        ...good,
        credits: [
          { below: 0.999, creditPercent: 10 },
          { below: 0.999, creditPercent: 10 },
          { below: 0.9, creditPercent: 150 },
        ],
      },
      'slas[0]',
      ids
    );
    expect(problems).toEqual([
      { path: 'slas[0].credits[1].below', message: 'thresholds must strictly decrease: 0.999 is not below 0.999' },
      {
        path: 'slas[0].credits[1].creditPercent',
        message: 'credits must increase as thresholds fall: 10 is not above 10',
      },
      { path: 'slas[0].credits[2].creditPercent', message: 'must be a percent in (0, 100], got 150' },
    ]);
  });

  it('names a credit tier above the target', () => {
    expect(paths({ ...good, credits: [{ below: 0.9999, creditPercent: 10 }] })).toEqual(['slas[0].credits[0].below']);
  });

  it('names each bad field', () => {
    expect(
      paths({
        ...good,
        id: 'ACME',
        services: [],
        indicator: { sloId: 'nope' },
        target: 99.9,
        method: { kind: 'uptime' },
        period: { unit: 'week', timeZone: 'Mars/Olympus' },
        effective: { from: '2026-02-30' },
        contractUrl: 'javascript:alert(1)',
        extra: 1,
      })
    ).toEqual([
      'slas[0].extra',
      'slas[0].id',
      'slas[0].services',
      'slas[0].indicator.sloId',
      'slas[0].target',
      'slas[0].method.unavailableAbove',
      'slas[0].period.unit',
      'slas[0].period.timeZone',
      'slas[0].effective.from',
      'slas[0].contractUrl',
    ]);
  });

  it('checks an SLA-only SLI with the SLO validator', () => {
    const own = { ...good, indicator: { sli: { kind: 'ratio', good: 'x{', total: 'y' } } };
    expect(paths(own).some((p) => p.startsWith('slas[0].indicator.sli'))).toBe(true);
  });
});

describe('slaWarnings', () => {
  it('warns when the SLA is as strict as the SLO it builds on', () => {
    const slo = { id: 'api-availability', objective: { target: 0.999 } } as Slo;
    expect(slaWarnings(good, [slo])).toEqual([expect.stringContaining('no early warning')]);
    expect(slaWarnings(good, [{ ...slo, objective: { target: 0.9995 } }])).toEqual([]);
  });
});
