import type { Slo } from '../../../domain/slo/model';
import { validateSlo } from '../../../domain/slo/validate';
import { emptyForm, formFromSlo, fromPercentText, sloFromForm, toPercentText, updateForm } from './editorModel';
import { setTier } from './tierOverrides';

const base = {
  name: 'Checkout works',
  service: 'checkout',
  objective: { target: 0.999 },
  window: { type: 'rolling', duration: '28d' },
} as const;

const slos: Slo[] = [
  {
    ...base,
    id: 'checkout-errors',
    description: 'Requests that do not fail',
    labels: { team: 'payments', tier: '1' },
    datasource: { uid: 'mimir', type: 'prometheus' },
    sli: {
      kind: 'ratio',
      good: 'http_requests_total{job="checkout",code!~"5.."}',
      total: 'http_requests_total{job="checkout"}',
    },
    budgeting: { method: 'timeslices', sliceDuration: '5m', sliceTarget: 0.95 },
    alerting: {
      name: 'CheckoutBurn',
      tiers: [
        { tier: 'slow', enabled: false },
        { tier: 'fast', factor: 10, for: '5m' },
      ],
      minEvents: 100,
      runbookUrl: 'https://runbooks.example.com/checkout',
      absentAlert: true,
    },
    logs: { selector: '{service="checkout"}' },
    revision: 4,
  },
  {
    ...base,
    id: 'checkout-latency',
    sli: {
      kind: 'latency',
      metric: 'http_server_requests_seconds',
      threshold: 0.3,
      matchers: [{ name: 'application', op: '=', value: 'check"out' }],
    },
    window: { type: 'calendar', unit: 'quarter', timeZone: 'Europe/Berlin' },
  },
  {
    ...base,
    id: 'checkout-probe',
    sli: { kind: 'availability', metric: 'probe_success', matchers: [] },
    objective: { target: 0.995 },
  },
  {
    ...base,
    id: 'checkout-freeform',
    sli: {
      kind: 'freeform',
      errorRatio: 'sum(rate(errors_total[{{.window}}])) / sum(rate(requests_total[{{.window}}]))',
    },
    objective: { target: 0.99 },
  },
];

describe('editor model', () => {
  it.each(slos.map((s) => [s.sli.kind, s]))('round-trips a %s SLO through the form unchanged', (_kind, slo) => {
    expect(validateSlo(slo, 'slo')).toEqual([]);
    expect(sloFromForm(formFromSlo(slo))).toEqual(slo);
  });

  it('converts percent text to a fraction without float noise, and back', () => {
    expect(fromPercentText('99.9')).toBe(0.999);
    expect(fromPercentText(' 99.95 ')).toBe(0.9995);
    expect(fromPercentText('')).toBeNaN();
    expect(fromPercentText('abc')).toBeNaN();
    expect(toPercentText(0.999)).toBe('99.9');
    expect(toPercentText(0.99999)).toBe('99.999');
  });

  it('builds a blank SLO that validation rejects field by field', () => {
    const paths = validateSlo(sloFromForm(emptyForm()), 'slo').map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['slo.id', 'slo.name', 'slo.service', 'slo.sli.bad', 'slo.sli.total'])
    );
  });

  it('derives the id from the name until the user edits the id', () => {
    let f = updateForm(emptyForm(), { name: 'Checkout API: errors!' });
    expect(f.id).toBe('checkout-api-errors');
    f = updateForm(f, { id: 'mine' });
    f = updateForm(f, { name: 'Other' });
    expect(f.id).toBe('mine');
    expect(updateForm(formFromSlo(slos[0]), { name: 'Renamed' }).id).toBe('checkout-errors');
  });

  it('keeps only the selected kind in the SLI, and skips blank rows', () => {
    const f = {
      ...emptyForm(),
      kind: 'availability' as const,
      ratioEvents: 'leftover',
      availabilityMetric: ' up ',
      availabilityMatchers: [
        { name: 'job', op: '=' as const, value: 'api' },
        { name: '', op: '=' as const, value: '' },
      ],
      labels: [{ key: '', value: '' }],
      minEvents: 'x',
    };
    const slo = sloFromForm(f);
    expect(slo.sli).toEqual({ kind: 'availability', metric: 'up', matchers: [{ name: 'job', op: '=', value: 'api' }] });
    expect(slo.labels).toBeUndefined();
    expect(slo.alerting?.minEvents).toBeNaN();
  });

  it('stores only tier settings that differ from the defaults', () => {
    const defaults = { enabled: true, severity: 'page' as const };
    let tiers = setTier([], 'fast', { enabled: false }, defaults);
    expect(tiers).toEqual([{ tier: 'fast', enabled: false }]);
    tiers = setTier(tiers, 'fast', { enabled: true, severity: 'ticket' }, defaults);
    expect(tiers).toEqual([{ tier: 'fast', severity: 'ticket' }]);
    tiers = setTier(tiers, 'fast', { severity: 'page', factor: undefined }, defaults);
    expect(tiers).toEqual([{ tier: 'fast' }]);
    expect(sloFromForm({ ...emptyForm(), tiers }).alerting).toBeUndefined();
  });
});
