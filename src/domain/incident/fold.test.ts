/**
 * @jest-environment node
 */
import { at, declared, ev, T0 } from './__fixtures__/events';
import type { IncidentEvent } from './events';
import { applyEvent, foldAnnotationData, foldIncident } from './fold';

const bob = { login: 'bob', name: 'Bob' };

function lifecycle(): IncidentEvent[] {
  return [
    declared(),
    ev('role_assigned', 12, { role: 'commander', to: bob }),
    ev('status_changed', 13, { to: 'triage' }, { author: 'bob' }),
    ev('note', 15, { kind: 'debugging', text: 'p99 up since deploy 42' }, { author: 'bob' }),
    ev('status_changed', 20, { to: 'mitigating', reason: 'rolling back deploy 42' }, { author: 'bob' }),
    ev('status_update', 21, { audience: 'external', message: 'We are investigating checkout errors' }),
    ev('severity_changed', 22, { from: 2, to: 1 }),
    ev('slo_linked', 23, { sloId: 'checkout-availability' }),
    ev('impact_ended', 32, { endedAt: at(30) }, { author: 'bob' }),
    ev('resolved', 45, { summary: 'Rolled back deploy 42' }, { author: 'bob' }),
  ];
}

describe('foldIncident', () => {
  it('folds a whole lifecycle into the expected state', () => {
    const events = lifecycle();
    const { incident, problems } = foldIncident(events);
    expect(problems).toEqual([]);
    expect(incident).toEqual({
      id: 'INC-1',
      title: 'Checkout errors',
      summary: 'Rolled back deploy 42',
      severity: 1,
      status: 'resolved',
      roles: { commander: { login: 'bob', name: 'Bob' } },
      services: ['checkout'],
      sloIds: ['checkout-availability'],
      logSelectors: [],
      startedAt: T0,
      detectedAt: T0 + 5 * 60_000,
      declaredAt: T0 + 10 * 60_000,
      acknowledgedAt: T0 + 12 * 60_000,
      mitigatedAt: T0 + 30 * 60_000,
      resolvedAt: T0 + 45 * 60_000,
      statusHistory: [
        { to: 'detected', at: T0 + 10 * 60_000, author: 'alice' },
        { from: 'detected', to: 'triage', at: T0 + 13 * 60_000, author: 'bob' },
        { from: 'triage', to: 'mitigating', at: T0 + 20 * 60_000, author: 'bob', reason: 'rolling back deploy 42' },
        { from: 'mitigating', to: 'resolved', at: T0 + 45 * 60_000, author: 'bob' },
      ],
      timeline: events,
      statusUpdates: [events[5]],
      notes: [events[3]],
    });
  });

  it('gives the same state whatever order the events arrive in', () => {
    const events = lifecycle();
    const expected = foldIncident(events);
    const reversed = foldIncident([...events].reverse());
    const interleaved = foldIncident([9, 0, 8, 1, 7, 2, 6, 3, 5, 4].map((i) => events[i]));
    expect(reversed).toEqual(expected);
    expect(interleaved).toEqual(expected);
  });

  it('defaults startedAt and detectedAt to the declaration time', () => {
    const { incident } = foldIncident([declared({ startedAt: undefined, detectedAt: undefined })]);
    expect(incident?.startedAt).toBe(at(10));
    expect(incident?.detectedAt).toBe(at(10));
    expect(incident?.status).toBe('detected');
  });

  it('returns no incident and no problem for no events', () => {
    expect(foldIncident([])).toEqual({ incident: undefined, problems: [] });
  });

  it('skips and reports illegal events, and keeps folding after them', () => {
    const early = ev('note', 1, { kind: 'observation', text: 'errors?' }, { id: 'early' });
    const again = ev('declared', 11, { title: 'Dup', severity: 1, services: [] }, { id: 'again' });
    const back = ev('status_changed', 14, { to: 'detected' }, { id: 'back' });
    const same = ev('status_changed', 15, { to: 'triage' }, { id: 'same' });
    const reopenOpen = ev('reopened', 16, { reason: 'flapping' }, { id: 'reopen-open' });
    const resolved = ev('resolved', 40, {}, { id: 'resolved' });
    const twice = ev('resolved', 41, {}, { id: 'twice' });
    const noReason = ev('reopened', 42, { reason: '  ' }, { id: 'no-reason' });
    const afterAll = ev('note', 43, { kind: 'observation', text: 'all quiet' }, { id: 'after' });
    const { incident, problems } = foldIncident([
      early,
      declared(),
      ev('status_changed', 12, { to: 'triage' }),
      again,
      back,
      same,
      reopenOpen,
      resolved,
      twice,
      noReason,
      afterAll,
    ]);
    expect(problems).toEqual([
      { eventId: 'early', message: 'cannot add a note to incident INC-1: it was never declared' },
      { eventId: 'again', message: 'incident INC-1 is already declared' },
      {
        eventId: 'back',
        message: 'cannot change the status of incident INC-1: it cannot go back from triage to detected',
      },
      { eventId: 'same', message: 'cannot change the status of incident INC-1: it is already in triage' },
      { eventId: 'reopen-open', message: 'cannot reopen incident INC-1: it is not resolved (status: triage)' },
      { eventId: 'twice', message: 'cannot resolve incident INC-1: it is already resolved' },
      { eventId: 'no-reason', message: 'cannot reopen incident INC-1: reopening a resolved incident needs a reason' },
    ]);
    expect(incident?.title).toBe('Checkout errors');
    expect(incident?.status).toBe('resolved');
    expect(incident?.resolvedAt).toBe(at(40));
    expect(incident?.notes.map((n) => n.text)).toEqual(['all quiet']);
    expect(incident?.timeline.map((e) => e.id)).not.toContain('twice');
  });

  it('reopens to triage by default, clearing both end times, and can resolve again', () => {
    const { incident, problems } = foldIncident([
      declared(),
      ev('resolved', 20, {}),
      ev('reopened', 25, { reason: 'errors are back' }, { author: 'carol' }),
    ]);
    expect(problems).toEqual([]);
    expect(incident?.status).toBe('triage');
    expect(incident?.resolvedAt).toBeUndefined();
    expect(incident?.mitigatedAt).toBeUndefined();
    expect(incident?.statusHistory.at(-1)).toEqual({
      from: 'resolved',
      to: 'triage',
      at: at(25),
      author: 'carol',
      reason: 'errors are back',
    });

    const again = foldIncident([
      declared(),
      ev('resolved', 20, {}),
      ev('reopened', 25, { reason: 'errors are back', to: 'mitigating' }),
      ev('resolved', 50, {}),
    ]).incident;
    expect(again?.statusHistory.map((t) => t.to)).toEqual(['detected', 'resolved', 'mitigating', 'resolved']);
    expect(again?.resolvedAt).toBe(at(50));
    expect(again?.mitigatedAt).toBe(at(50));
  });

  it('records handovers, unassignments and the first acknowledgement', () => {
    const { incident, problems } = foldIncident([
      declared(),
      ev('role_assigned', 11, { role: 'commander', to: { login: 'bob' } }),
      ev('role_assigned', 12, { role: 'techLead', to: { login: 'dave', id: 7 } }),
      ev('role_assigned', 30, { role: 'commander', from: { login: 'bob' }, to: { login: 'erin' } }),
      ev('role_assigned', 31, { role: 'techLead', from: { login: 'dave', id: 7 }, to: null }),
    ]);
    expect(problems).toEqual([]);
    expect(incident?.roles).toEqual({ commander: { login: 'erin' } });
    expect(incident?.acknowledgedAt).toBe(at(11));
  });

  it('adds services, SLOs and log selectors once each', () => {
    const { incident } = foldIncident([
      declared({ services: ['checkout', 'checkout'], sloIds: ['slo-a'], logSelectors: ['{app="checkout"}'] }),
      ev('service_added', 11, { service: 'cart' }),
      ev('slo_linked', 12, { sloId: 'slo-b' }),
      ev('log_selector_added', 13, { selector: '{app="cart"}' }),
    ]);
    expect(incident?.services).toEqual(['checkout', 'cart']);
    expect(incident?.sloIds).toEqual(['slo-a', 'slo-b']);
    expect(incident?.logSelectors).toEqual(['{app="checkout"}', '{app="cart"}']);
  });

  it('ignores an identical duplicate silently but reports two different events sharing an id', () => {
    const note = ev('note', 12, { kind: 'observation', text: 'first' }, { id: 'n1' });
    const clash = ev('note', 12, { kind: 'observation', text: 'second' }, { id: 'n1' });
    const retried = foldIncident([declared(), note, { ...note }]);
    expect(retried.problems).toEqual([]);
    expect(retried.incident?.notes).toHaveLength(1);

    const clashed = foldIncident([declared(), clash, note]);
    expect(clashed.problems).toEqual([
      { eventId: 'n1', message: 'event id n1 is used by two different events; kept the first' },
    ]);
    // "first" sorts before "second" in the content tie-break, whichever order they arrive in.
    expect(clashed.incident?.notes.map((n) => n.text)).toEqual(['first']);
    expect(foldIncident([declared(), note, clash]).incident?.notes.map((n) => n.text)).toEqual(['first']);
  });

  it('refuses events of another incident', () => {
    const stray = ev('note', 12, { kind: 'observation', text: 'wrong place' }, { id: 'stray', incidentId: 'INC-2' });
    const { problems, incident } = foldIncident([declared(), stray]);
    expect(problems).toEqual([{ eventId: 'stray', message: 'event stray belongs to incident INC-2, not INC-1' }]);
    expect(incident?.notes).toEqual([]);
  });
});

describe('foldAnnotationData', () => {
  it('folds parseable payloads and reports the rest', () => {
    const good = declared({}, { id: 'd1' });
    const { incident, problems } = foldAnnotationData([
      JSON.parse(JSON.stringify(good)),
      'not an event',
      { id: 'x1', type: 'teleported', incidentId: 'INC-1', at: at(11), author: 'alice' },
    ]);
    expect(incident?.title).toBe('Checkout errors');
    expect(problems).toEqual([
      { message: 'event data is not an object' },
      { eventId: 'x1', message: 'invalid event x1: unknown event type "teleported"' },
    ]);
  });
});

describe('applyEvent', () => {
  it('leaves the previous state untouched', () => {
    const before = foldIncident([declared()]).incident!;
    const snapshot = JSON.parse(JSON.stringify(before));
    const after = applyEvent(before, ev('note', 12, { kind: 'mitigation', text: 'scaled out' }));
    expect(after.notes).toHaveLength(1);
    expect(before).toEqual(snapshot);
  });
});
