import { importDocuments } from './import';

const SLO = `
  - id: api
    name: API
    service: api
    sli: { kind: freeform, errorRatio: 'sum(rate(errors[{{.window}}])) / sum(rate(requests[{{.window}}]))' }
    objective: { target: 0.999 }
    window: { type: rolling, duration: 30d }
    policy: strict`;

const POLICY = `
  - id: strict
    name: Strict
    exhaustedAtOrBelow: 0.1
    atRiskBelow: 0.5
    fastBurn: { rate: 2, window: 5m }
    actions: { healthy: ship, at_risk: ship_with_approval, fast_burn: freeze, exhausted: freeze }
    incidentBudgetShare: 0.2`;

const doc = (policies: string) => `apiVersion: sre-reliability/v1
kind: SLOList
policies:${policies}
slos:${SLO}
`;

describe('policies in a native SLOList', () => {
  it('are imported beside the SLOs, with where they stand in the file, and no warning', () => {
    const r = importDocuments(doc(POLICY), 'slos.yaml');
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.policies).toEqual([expect.objectContaining({ id: 'strict', fastBurn: { rate: 2, window: '5m' } })]);
    expect(r.policyOrigins).toEqual([{ path: 'policies[0]', line: 4, column: 5, doc: 0 }]);
    expect(r.slos[0].policy).toBe('strict');
    // Where a missing policy would be reported: the SLO's own `policy` field.
    expect(r.origins[0].policyAt).toEqual({ line: 18, column: 13 });
  });

  it('an invalid policy is a problem at its path in the file, and is not imported', () => {
    const r = importDocuments(
      doc(POLICY.replace('window: 5m', 'window: 6h').replace('atRiskBelow: 0.5', 'atRiskBelow: 0.05')),
      'f'
    );
    expect(r.policies).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({
        path: 'policies[0].atRiskBelow',
        line: 7,
        message: expect.stringMatching(/must be above exhaustedAtOrBelow \(0\.1\)/),
      }),
      expect.objectContaining({
        path: 'policies[0].fastBurn.window',
        line: 8,
        message: expect.stringMatching(/one of 5m, 1h .*got "6h"/),
      }),
    ]);
  });

  it('refuses a second policy with the same id, and a policies value that is not a list', () => {
    const r = importDocuments(doc(POLICY + POLICY), 'f');
    expect(r.policies).toHaveLength(1);
    expect(r.problems).toEqual([
      expect.objectContaining({
        path: 'policies[1].id',
        line: 11,
        message: 'duplicate policy id "strict" (also policies[0])',
      }),
    ]);
    const notList = importDocuments(doc(' strict'), 'f');
    expect(notList.problems).toEqual([
      expect.objectContaining({ path: 'policies', message: 'policies must be a list' }),
    ]);
  });
});
