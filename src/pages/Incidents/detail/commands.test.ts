import { at, declared, ev } from '../../../domain/incident/__fixtures__/events';
import type { IncidentEvent } from '../../../domain/incident/events';
import { foldIncident } from '../../../domain/incident/fold';
import { availableActions, nextStatuses, reopenProblem, stamp } from './commands';
import { timelineEntries } from './timeline';

const fold = (...extra: IncidentEvent[]) => foldIncident([declared(), ...extra]).incident!;
const NOW = at(60);

describe('availableActions', () => {
  it.each([
    ['detected', [], ['triage', 'mitigating'], true, false],
    ['triage', [ev('status_changed', 20, { to: 'triage' })], ['mitigating'], true, false],
    ['mitigating', [ev('status_changed', 20, { to: 'mitigating' })], [], true, false],
    ['resolved', [ev('resolved', 20, {})], [], false, true],
  ] as const)('from %s offers only the legal moves', (_name, extra, statuses, resolve, reopen) => {
    const actions = availableActions(fold(...extra), NOW);
    expect(actions.statuses).toEqual(statuses);
    expect(actions.resolve).toBe(resolve);
    expect(actions.reopen).toBe(reopen);
  });

  it('offers "impact ended" once, and not after resolution', () => {
    expect(availableActions(fold(), NOW).impactEnded).toBe(true);
    expect(availableActions(fold(ev('impact_ended', 20, {})), NOW).impactEnded).toBe(false);
    expect(availableActions(fold(ev('resolved', 20, {})), NOW).impactEnded).toBe(false);
  });

  it('never offers a move timed before the declaration', () => {
    expect(nextStatuses(fold(), at(0))).toEqual([]);
  });
});

describe('stamp and reopenProblem', () => {
  it('wraps a payload in the envelope of the incident', () => {
    expect(
      stamp({ id: 'INC-9' }, { type: 'note', kind: 'debugging', text: 'x' }, { id: 'e', at: 5, author: 'bob' })
    ).toEqual({
      id: 'e',
      at: 5,
      author: 'bob',
      incidentId: 'INC-9',
      type: 'note',
      kind: 'debugging',
      text: 'x',
    });
  });

  it('needs a non-blank reason to reopen', () => {
    expect(reopenProblem('  ')).toMatch(/needs a reason/);
    expect(reopenProblem('back again')).toBeUndefined();
  });
});

describe('timelineEntries', () => {
  it('orders events newest or oldest first with plain-text descriptions', () => {
    const incident = fold(ev('note', 20, { kind: 'observation', text: '<b>EU</b>' }, { author: 'bob' }));
    expect(timelineEntries(incident.timeline, 'newest').map((e) => [e.author, e.description])).toEqual([
      ['bob', 'Note (observation): <b>EU</b>'],
      ['alice', 'Declared SEV2: Checkout errors'],
    ]);
    expect(timelineEntries(incident.timeline, 'oldest')[0].type).toBe('declared');
  });
});
