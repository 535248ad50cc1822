/**
 * @jest-environment node
 */
import { at, declared, ev } from './__fixtures__/events';
import type { IncidentEvent } from './events';
import { foldIncident } from './fold';
import type { Incident, IncidentStatus } from './model';
import { canTransition, validateCommand } from './stateMachine';

describe('canTransition', () => {
  const table: Array<[IncidentStatus, IncidentStatus, boolean]> = [
    ['detected', 'detected', false],
    ['detected', 'triage', true],
    ['detected', 'mitigating', true],
    ['detected', 'resolved', true],
    ['triage', 'detected', false],
    ['triage', 'triage', false],
    ['triage', 'mitigating', true],
    ['triage', 'resolved', true],
    ['mitigating', 'detected', false],
    ['mitigating', 'triage', false],
    ['mitigating', 'mitigating', false],
    ['mitigating', 'resolved', true],
    ['resolved', 'detected', false],
    ['resolved', 'triage', true],
    ['resolved', 'mitigating', true],
    ['resolved', 'resolved', false],
  ];
  it.each(table)('%s → %s is %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });
});

function state(...events: IncidentEvent[]): Incident {
  const { incident, problems } = foldIncident([declared(), ...events]);
  expect(problems).toEqual([]);
  return incident!;
}

const message = (s: Incident | undefined, e: IncidentEvent): string | undefined => validateCommand(s, e)?.message;

describe('validateCommand', () => {
  it('refuses anything but a declaration for an unknown incident', () => {
    const e = ev('resolved', 20, {}, { incidentId: 'INC-12' });
    expect(validateCommand(undefined, e)).toEqual({
      eventId: e.id,
      message: 'cannot resolve incident INC-12: it was never declared',
    });
    expect(validateCommand(undefined, declared())).toBeNull();
  });

  it('checks a declaration: id, title and the order of start, detection and declaration', () => {
    expect(message(undefined, declared({}, { incidentId: 'INC 1<b>' }))).toBe(
      'cannot declare incident INC 1<b>: an incident id may only hold letters, digits, ".", "_" and "-" (at most 64)'
    );
    expect(message(undefined, declared({ title: '   ' }))).toBe('cannot declare incident INC-1: it needs a title');
    expect(message(undefined, declared({ startedAt: at(6), detectedAt: at(5) }))).toBe(
      'cannot declare incident INC-1: impact cannot start (2026-11-28T10:06:00.000Z) after it was detected (2026-11-28T10:05:00.000Z)'
    );
    expect(message(undefined, declared({ startedAt: at(0), detectedAt: at(11) }))).toBe(
      'cannot declare incident INC-1: it cannot be detected (2026-11-28T10:11:00.000Z) after it is declared (2026-11-28T10:10:00.000Z)'
    );
  });

  it('refuses a second declaration and events timed before the declaration', () => {
    const s = state();
    expect(message(s, declared())).toBe('incident INC-1 is already declared');
    expect(message(s, ev('note', 9, { kind: 'observation', text: 'x' }))).toBe(
      'cannot add a note to incident INC-1: the event is timed 2026-11-28T10:09:00.000Z, before the declaration at 2026-11-28T10:10:00.000Z'
    );
  });

  it('guards status changes', () => {
    const triage = state(ev('status_changed', 11, { to: 'triage' }));
    expect(message(triage, ev('status_changed', 12, { to: 'mitigating' }))).toBeUndefined();
    expect(message(triage, ev('status_changed', 12, { to: 'triage' }))).toBe(
      'cannot change the status of incident INC-1: it is already in triage'
    );
    expect(message(triage, ev('status_changed', 12, { to: 'detected' }))).toBe(
      'cannot change the status of incident INC-1: it cannot go back from triage to detected'
    );
    expect(message(triage, ev('status_changed', 12, { to: 'resolved' }))).toBe(
      'cannot change the status of incident INC-1: use a "resolved" event to resolve it'
    );
    const resolved = state(ev('resolved', 11, {}));
    expect(message(resolved, ev('status_changed', 12, { to: 'mitigating' }))).toBe(
      'cannot change the status of incident INC-1: it is resolved; reopen it with a reason first'
    );
  });

  it('allows a forward skip straight from detected to mitigating', () => {
    expect(validateCommand(state(), ev('status_changed', 11, { to: 'mitigating' }))).toBeNull();
  });

  it('guards resolving and reopening', () => {
    const resolved = state(ev('resolved', 11, {}));
    expect(message(resolved, ev('resolved', 12, {}))).toBe('cannot resolve incident INC-1: it is already resolved');
    expect(message(resolved, ev('reopened', 12, { reason: '' }))).toBe(
      'cannot reopen incident INC-1: reopening a resolved incident needs a reason'
    );
    expect(message(resolved, ev('reopened', 12, { reason: 'errors are back' }))).toBeUndefined();
    expect(message(state(), ev('reopened', 12, { reason: 'why not' }))).toBe(
      'cannot reopen incident INC-1: it is not resolved (status: detected)'
    );
  });

  it('guards severity and roles', () => {
    const s = state(ev('role_assigned', 11, { role: 'commander', to: { login: 'bob' } }));
    expect(message(s, ev('severity_changed', 12, { to: 2 }))).toBe(
      'cannot change the severity of incident INC-1: it is already SEV2'
    );
    expect(message(s, ev('severity_changed', 12, { to: 1 }))).toBeUndefined();
    expect(message(s, ev('role_assigned', 12, { role: 'commander', to: { login: 'bob', name: 'Bob' } }))).toBe(
      'cannot assign a role in incident INC-1: bob is already its Incident commander'
    );
    expect(message(s, ev('role_assigned', 12, { role: 'commsLead', to: null }))).toBe(
      'cannot assign a role in incident INC-1: nobody is its Communication lead'
    );
    expect(
      message(s, ev('role_assigned', 12, { role: 'commander', to: null, from: { login: 'bob' } }))
    ).toBeUndefined();
  });

  it('refuses duplicate links', () => {
    const s = state(ev('slo_linked', 11, { sloId: 'avail' }), ev('log_selector_added', 11, { selector: '{a="b"}' }));
    expect(message(s, ev('slo_linked', 12, { sloId: 'avail' }))).toBe(
      'cannot link an SLO to incident INC-1: SLO avail is already linked'
    );
    expect(message(s, ev('service_added', 12, { service: 'checkout' }))).toBe(
      'cannot add a service to incident INC-1: service checkout is already listed'
    );
    expect(message(s, ev('log_selector_added', 12, { selector: '{a="b"}' }))).toBe(
      'cannot add a log selector to incident INC-1: that log selector is already listed'
    );
  });

  it('guards the end of impact', () => {
    const s = state();
    expect(message(s, ev('impact_ended', 20, { endedAt: at(-1) }))).toBe(
      'cannot record the end of impact of incident INC-1: impact cannot end (2026-11-28T09:59:00.000Z) before it started (2026-11-28T10:00:00.000Z)'
    );
    expect(message(s, ev('impact_ended', 20, { endedAt: at(21) }))).toBe(
      'cannot record the end of impact of incident INC-1: the end of impact (2026-11-28T10:21:00.000Z) is in the future of the event'
    );
    // Back-dating to before the declaration is fine: impact often ends while people are still declaring.
    expect(message(s, ev('impact_ended', 20, { endedAt: at(8) }))).toBeUndefined();
    const ended = state(ev('impact_ended', 20, {}));
    expect(message(ended, ev('impact_ended', 21, {}))).toBe(
      'cannot record the end of impact of incident INC-1: the end of impact is already recorded (2026-11-28T10:20:00.000Z)'
    );
  });

  it('still produces a message for a time no Date can show', () => {
    expect(message(state(), ev('impact_ended', 20, { endedAt: 1e17 }))).toBe(
      'cannot record the end of impact of incident INC-1: the end of impact (100000000000000000 ms) is in the future of the event'
    );
  });

  it('accepts notes, updates and summary changes even after resolution', () => {
    const resolved = state(ev('resolved', 11, {}));
    expect(validateCommand(resolved, ev('note', 12, { kind: 'observation', text: 'graphs flat' }))).toBeNull();
    expect(
      validateCommand(resolved, ev('status_update', 12, { audience: 'external', message: 'Resolved' }))
    ).toBeNull();
    expect(validateCommand(resolved, ev('summary_changed', 12, { summary: 'Bad deploy' }))).toBeNull();
  });
});
