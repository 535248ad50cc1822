import { at, declared, ev, MIN, T0 } from '../incident/__fixtures__/events';
import { foldIncident } from '../incident/fold';
import { incidentResponderToil, pageToil } from './derived';

const incident = (...events: Parameters<typeof foldIncident>[0]) => foldIncident([declared(), ...events]).incident!;
const DAY = { from: T0 - 60 * MIN, to: T0 + 24 * 60 * MIN };

describe('incidentResponderToil', () => {
  it('counts each role holder from assignment to handover, and the new holder to resolution', () => {
    const inc = incident(
      ev('role_assigned', 12, { role: 'commander', to: { login: 'alice' } }),
      ev('role_assigned', 15, { role: 'techLead', to: { login: 'bob' } }),
      ev('role_assigned', 40, { role: 'commander', to: { login: 'carol' }, from: { login: 'alice' } }),
      ev('resolved', 100, {})
    );
    const entries = incidentResponderToil(inc, DAY, at(200));
    expect(entries.map((e) => [e.who, new Date(e.at).toISOString(), e.durationMinutes])).toEqual([
      ['alice', new Date(at(12)).toISOString(), 28],
      ['bob', new Date(at(15)).toISOString(), 85],
      ['carol', new Date(at(40)).toISOString(), 60],
    ]);
    expect(entries.every((e) => e.derived === 'incident' && e.team === 'checkout' && e.link === 'INC-1')).toBe(true);
  });

  it('counts an open incident until now and clips to the range', () => {
    const inc = incident(ev('role_assigned', 12, { role: 'commander', to: { login: 'alice' } }));
    expect(incidentResponderToil(inc, DAY, at(42))[0].durationMinutes).toBe(30);
    expect(incidentResponderToil(inc, { from: at(32), to: at(37) }, at(42))[0]).toMatchObject({
      at: at(32),
      durationMinutes: 5,
    });
  });

  it('leaves a role emptied by an assignment to nobody', () => {
    const inc = incident(
      ev('role_assigned', 12, { role: 'commsLead', to: { login: 'dana' } }),
      ev('role_assigned', 22, { role: 'commsLead', to: null }),
      ev('resolved', 100, {})
    );
    expect(incidentResponderToil(inc, DAY, at(200)).map((e) => [e.who, e.durationMinutes])).toEqual([['dana', 10]]);
  });
});

describe('pageToil', () => {
  const step = 60_000;
  const points = (from: number, n: number): Array<[number, number]> =>
    Array.from({ length: n }, (_, i) => [from + i * step, 1]);

  it('splits a series at gaps into episodes, newest first', () => {
    const entries = pageToil(
      [
        {
          labels: { alertname: 'SLOErrorBudgetBurn', slo_id: 'checkout', slo_service: 'checkout' },
          points: [...points(T0, 30), ...points(T0 + 60 * step, 10)],
        },
      ],
      step
    );
    expect(entries.map((e) => [e.at, e.durationMinutes, e.task, e.team])).toEqual([
      [T0 + 60 * step, 10, 'Page: SLOErrorBudgetBurn (checkout)', 'checkout'],
      [T0, 30, 'Page: SLOErrorBudgetBurn (checkout)', 'checkout'],
    ]);
  });

  it('keeps one-step blips and ignores non-firing values', () => {
    expect(
      pageToil(
        [
          {
            labels: { alertname: 'X' },
            points: [
              [T0, 0],
              [T0 + step, 1],
            ],
          },
        ],
        step
      )
    ).toEqual([expect.objectContaining({ at: T0 + step, durationMinutes: 1, team: 'unassigned', task: 'Page: X' })]);
  });
});
