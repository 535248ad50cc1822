import { validateSla } from '../../../domain/sla/validate';
import { NEW_SLA, formFromSla, problemsByField, slaFromForm } from './slaForm';

describe('SLA form', () => {
  const values = { ...NEW_SLA, id: 'acme', name: 'Acme', services: 'api, web', sloId: 'api-avail', customer: 'Acme' };

  it('turns percents into exact fractions, and back', () => {
    const { sla, problems } = slaFromForm({ ...values, method: 'uptime', unavailableAbovePercent: '5' });
    expect(problems).toEqual([]);
    expect(sla).toMatchObject({
      target: 0.999,
      services: ['api', 'web'],
      method: { kind: 'uptime', unavailableAbove: 0.05 },
      credits: [
        { below: 0.999, creditPercent: 10 },
        { below: 0.99, creditPercent: 25 },
        { below: 0.95, creditPercent: 100 },
      ],
    });
    expect(validateSla(sla, 'sla', new Set(['api-avail']))).toEqual([]);
    expect(formFromSla(sla)).toEqual({ ...values, method: 'uptime', unavailableAbovePercent: '5' });
  });

  it('lets the validator name a field typed as text, and maps problems to form fields', () => {
    const { sla } = slaFromForm({
      ...values,
      targetPercent: 'abc',
      credits: [{ belowPercent: 'x', creditPercent: '' }],
    });
    const byField = problemsByField(validateSla(sla, 'sla'));
    expect(Object.keys(byField).sort()).toEqual(['credits[0].below', 'credits[0].creditPercent', 'target']);
  });

  it('reports an own SLI that is not JSON under indicator.sli', () => {
    const { problems } = slaFromForm({ ...values, indicatorKind: 'sli', sliJson: '{kind:' });
    expect(problemsByField(problems)['indicator.sli'][0]).toMatch(/must be JSON/);
  });
});
