import { importDocuments } from './import';

const SLO = `
  - id: api
    name: API
    service: api
    sli: { kind: freeform, errorRatio: 'sum(rate(errors[{{.window}}])) / sum(rate(requests[{{.window}}]))' }
    objective: { target: 0.999 }
    window: { type: rolling, duration: 30d }`;

const SLA = `
  - id: acme-api
    name: Acme API
    customer: Acme
    services: [api]
    indicator: { sloId: api }
    target: 0.995
    method: { kind: uptime, unavailableAbove: 0.05 }
    period: { unit: month, timeZone: Europe/Berlin }
    credits:
      - { below: 0.995, creditPercent: 10 }
      - { below: 0.99, creditPercent: 25 }`;

const doc = (slas: string) => `apiVersion: sre-reliability/v1
kind: SLOList
slos:${SLO}
slas:${slas}
`;

describe('SLAs in a native SLOList', () => {
  it('are imported beside the SLOs, with where they stand in the file, and no warning', () => {
    const r = importDocuments(doc(SLA), 'slos.yaml');
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.slas).toEqual([expect.objectContaining({ id: 'acme-api', target: 0.995, customer: 'Acme' })]);
    expect(r.slaOrigins).toEqual([{ path: 'slas[0]', line: 11, column: 5, doc: 0 }]);
  });

  it('an invalid SLA is a problem naming the field, at its line, and is not imported', () => {
    const r = importDocuments(doc(SLA.replace('creditPercent: 25', 'creditPercent: 5')), 'f');
    expect(r.slas).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({
        path: 'slas[0].credits[1].creditPercent',
        line: 21,
        message: 'credits must increase as thresholds fall: 5 is not above 10',
      }),
    ]);
  });

  it('an SLA naming an SLO the file does not define is refused, naming the indicator', () => {
    const r = importDocuments(doc(SLA.replace('sloId: api', 'sloId: web')), 'f');
    expect(r.slas).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({ path: 'slas[0].indicator.sloId', line: 15, message: 'no SLO has the id "web"' }),
    ]);
  });

  it('a second SLA with the same id, and slas that are not a list, are problems', () => {
    expect(importDocuments(doc(SLA + SLA), 'f').problems).toEqual([
      expect.objectContaining({ path: 'slas[1].id', message: 'duplicate SLA id "acme-api" (also slas[0])' }),
    ]);
    expect(importDocuments(doc(' 3'), 'f').problems).toEqual([
      expect.objectContaining({ path: 'slas', message: 'slas must be a list' }),
    ]);
  });
});
