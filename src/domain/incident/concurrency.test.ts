/**
 * @jest-environment node
 *
 * Two responders act at the same instant on the same stale view. Each validates its own events against that
 * view (as the UI does), both append, and every reader must then compute one and the same state.
 */
import { at, declared, ev } from './__fixtures__/events';
import type { IncidentEvent } from './events';
import { foldIncident } from './fold';
import { validateCommand } from './stateMachine';

/** A seeded shuffle (mulberry32) so the "any order" runs are many but reproducible. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let s = seed;
  const rand = (): number => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('concurrent writers', () => {
  const history = [declared(), ev('status_changed', 12, { to: 'triage' })];
  const stale = foldIncident(history).incident!;
  const now = 20;

  const fromA: IncidentEvent[] = [
    ev('note', now, { kind: 'debugging', text: 'A: connection pool exhausted' }, { id: 'a-1', author: 'ann' }),
    ev('status_changed', now, { to: 'mitigating' }, { id: 'a-2', author: 'ann' }),
    ev('role_assigned', now, { role: 'commander', to: { login: 'ann' } }, { id: 'a-3', author: 'ann' }),
  ];
  const fromB: IncidentEvent[] = [
    ev('note', now, { kind: 'observation', text: 'B: only EU users affected' }, { id: 'b-1', author: 'ben' }),
    ev('status_changed', now, { to: 'mitigating' }, { id: 'b-2', author: 'ben' }),
    ev('role_assigned', now, { role: 'commander', to: { login: 'ben' } }, { id: 'b-3', author: 'ben' }),
    ev('note', now, { kind: 'mitigation', text: 'B: failing over to us-east' }, { id: 'b-4', author: 'ben' }),
  ];
  const union = [...history, ...fromA, ...fromB];

  it('lets each client validate its events against its stale view', () => {
    for (const e of [...fromA, ...fromB]) {
      expect(validateCommand(stale, e)).toBeNull();
    }
  });

  it('computes the same state from the union in any order, with every note kept', () => {
    const reference = foldIncident(union);
    for (let seed = 1; seed <= 50; seed++) {
      expect(foldIncident(shuffled(union, seed))).toEqual(reference);
    }
    expect(foldIncident([...union].reverse())).toEqual(reference);

    const incident = reference.incident!;
    expect(incident.notes.map((n) => n.id)).toEqual(['a-1', 'b-1', 'b-4']);
    expect(incident.status).toBe('mitigating');
    // Both commander assignments are kept in the timeline; with equal times the later id (b-3) is applied last.
    expect(incident.roles.commander).toEqual({ login: 'ben' });
    expect(incident.acknowledgedAt).toBe(at(now));
  });

  it('reports the one redundant status change instead of dropping it silently', () => {
    const { incident, problems } = foldIncident(union);
    expect(problems).toEqual([
      { eventId: 'b-2', message: 'cannot change the status of incident INC-1: it is already in mitigating' },
    ]);
    const kept = incident!.timeline.map((e) => e.id);
    for (const e of union.filter((x) => x.id !== 'b-2')) {
      expect(kept).toContain(e.id);
    }
    expect(kept).toHaveLength(union.length - 1);
  });
});
