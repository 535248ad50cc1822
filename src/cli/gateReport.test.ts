// jsdom (the default): the release reader lives in api/, which loads @grafana/runtime.
import { parseRelease } from '../api/releases';
import { annotationBody, type GateReport } from './gateReport';

const report = (service: string, version: string): GateReport => ({
  decision: 'ship',
  exitCode: 0,
  time: '2026-12-05T12:00:00.000Z',
  source: { kind: 'prometheus', url: 'http://127.0.0.1:9090' } as GateReport['source'],
  selection: { services: [service], labels: {}, slos: [] },
  onNoData: 'block',
  approver: null,
  exception: null,
  exceptionUsed: false,
  version,
  slos: [
    {
      id: 'a',
      name: 'A',
      service,
      policy: 'workbook',
      state: 'healthy',
      action: 'ship',
      remainingBudget: 0.9,
      burnRate: 0.5,
      burnWindow: '1h',
      verdict: 'ship',
      rule: 'Ship: remaining budget 90% ≥ 25%',
    },
  ],
  errors: [],
});

describe('annotationBody', () => {
  it('cleans service and version as the app cleans tags, so the SLO page finds the release it wrote', () => {
    const body = annotationBody(report('check,out', 'v1\n2'), 0);
    expect(body.tags).toEqual(['sre-release', 'service:check out', 'version:v1 2', 'decision:ship']);
    const read = parseRelease({ id: 1, time: 0, tags: body.tags, text: body.text, data: body.data } as never);
    expect(read).toMatchObject({ version: 'v1 2', decision: 'ship' });
  });
});
