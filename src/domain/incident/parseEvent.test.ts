/**
 * @jest-environment node
 */
import { EVENT_TYPES, type IncidentEvent } from './events';
import { parseEvent } from './parseEvent';

const base = { incidentId: 'INC-1', at: 1_700_000_000_000, author: 'alice' };

const examples: IncidentEvent[] = [
  {
    ...base,
    id: '1',
    type: 'declared',
    title: 'Down',
    severity: 1,
    services: ['api'],
    startedAt: 1,
    detectedAt: 2,
    summary: 's',
    sloIds: ['x'],
    logSelectors: ['{a="b"}'],
  },
  { ...base, id: '2', type: 'declared', title: 'Minimal', severity: 4, services: [] },
  { ...base, id: '3', type: 'severity_changed', from: 3, to: 2 },
  { ...base, id: '4', type: 'status_changed', to: 'triage', reason: 'looking' },
  { ...base, id: '5', type: 'role_assigned', role: 'techLead', to: { login: 'bob', name: 'Bob', id: 4 }, from: null },
  { ...base, id: '6', type: 'role_assigned', role: 'commander', to: null },
  { ...base, id: '7', type: 'note', kind: 'mitigation', text: 'rolled back' },
  { ...base, id: '8', type: 'status_update', audience: 'internal', message: 'still on it' },
  { ...base, id: '9', type: 'slo_linked', sloId: 'avail' },
  { ...base, id: '10', type: 'service_added', service: 'cart' },
  { ...base, id: '11', type: 'log_selector_added', selector: '{app="cart"}' },
  { ...base, id: '12', type: 'impact_ended', endedAt: 5 },
  { ...base, id: '13', type: 'resolved', summary: 'fixed' },
  { ...base, id: '14', type: 'reopened', reason: 'back', to: 'mitigating' },
  { ...base, id: '15', type: 'summary_changed', summary: 'bad deploy' },
];

describe('parseEvent', () => {
  it('has an example of every event type', () => {
    expect(new Set(examples.map((e) => e.type))).toEqual(new Set(EVENT_TYPES));
  });

  it.each(examples.map((e) => [e.type, e] as const))('reads back a %s event as written', (_type, event) => {
    expect(parseEvent(JSON.parse(JSON.stringify(event)))).toEqual({ ok: true, event });
  });

  it('drops fields it does not know, so junk never reaches the state', () => {
    const result = parseEvent({ ...base, id: 'n', type: 'note', kind: 'observation', text: 'hi', html: '<b>x</b>' });
    expect(result).toEqual({ ok: true, event: { ...base, id: 'n', type: 'note', kind: 'observation', text: 'hi' } });
  });

  it('keeps an empty reopen reason for the fold to report as a domain rule', () => {
    const result = parseEvent({ ...base, id: 'r', type: 'reopened', reason: '' });
    expect(result.ok).toBe(true);
  });

  const bad: Array<[string, unknown, string]> = [
    ['null', null, 'event data is not an object'],
    ['an array', [1], 'event data is not an object'],
    [
      'no id',
      { ...base, type: 'note', kind: 'observation', text: 'x' },
      'invalid event: "id" must be a non-empty string',
    ],
    ['an unknown type', { ...base, id: 'u', type: 'exploded' }, 'invalid event u: unknown event type "exploded"'],
    [
      'a string time',
      { ...base, id: 't', at: '2026-01-01', type: 'resolved' },
      'invalid event t: "at" must be a time in epoch milliseconds',
    ],
    [
      'no author',
      { ...base, id: 'a', author: '', type: 'resolved' },
      'invalid event a: "author" must be a non-empty string',
    ],
    [
      'severity 5',
      { ...base, id: 's', type: 'severity_changed', to: 5 },
      'invalid event s: "to" must be a severity 1-4, got 5',
    ],
    [
      'a bad note kind',
      { ...base, id: 'k', type: 'note', kind: 'rant', text: 'x' },
      'invalid event k: "kind" must be debugging | mitigation | observation, got "rant"',
    ],
    [
      'a bad role',
      { ...base, id: 'r', type: 'role_assigned', role: 'ceo', to: null },
      'invalid event r: "role" must be a role name, got "ceo"',
    ],
    [
      'a user without login',
      { ...base, id: 'w', type: 'role_assigned', role: 'commander', to: { name: 'Bob' } },
      'invalid event w: "to" must be a user with a login',
    ],
    [
      'services not a list',
      { ...base, id: 'v', type: 'declared', title: 'x', severity: 1, services: 'api' },
      'invalid event v: "services" must be a list of non-empty strings',
    ],
    [
      'a blank title',
      { ...base, id: 'b', type: 'declared', title: ' ', severity: 1, services: [] },
      'invalid event b: "title" must be a non-empty string',
    ],
    [
      'a bad reopen target',
      { ...base, id: 'o', type: 'reopened', reason: 'x', to: 'resolved' },
      'invalid event o: "to" must be triage | mitigating, got "resolved"',
    ],
  ];
  it.each(bad)('reports %s as a problem instead of throwing', (_what, data, msg) => {
    const result = parseEvent(data);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem.message).toBe(msg);
  });
});
