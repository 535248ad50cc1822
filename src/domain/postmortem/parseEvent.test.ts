import {
  newActionItemId,
  newPostmortemEventId,
  POSTMORTEM_EVENT_TYPES,
  postmortemEventAnnotation,
  postmortemTags,
  type PostmortemEvent,
} from './events';
import { parsePostmortemEvent } from './parseEvent';
import { edit, ev, INC, item, prefill, started } from './testing';

const everyKind: PostmortemEvent[] = [
  ev({
    type: 'started',
    prefill: prefill({
      sloIds: ['checkout-availability'],
      responders: [{ role: 'commander', user: { login: 'alice', name: 'Alice' }, from: 1, to: 2 }],
      budgets: [{ sloId: 'checkout-availability', sloName: 'Checkout', consumed: 0.31, share: 0.2 }],
      exploreUrl: '/explore?x=1',
    }),
    template: [{ key: 'summary', title: 'Summary', order: 1 }],
    sections: [{ key: 'timeline', markdown: '- 10:00 alert' }],
  }),
  { ...edit('summary', '', 3), resolves: ['pme-1'] } as PostmortemEvent,
  ev({ type: 'status_changed', to: 'published', from: 'in_review', noActionReason: 'Config rolled back' }),
  ev({ type: 'reviewer_added', reviewer: { login: 'rita', name: 'Rita' } }),
  ev({ type: 'approved' }),
  ev({ type: 'amended', section: 'impact', text: 'Also EU' }),
  ev({ type: 'action_item_added', itemId: 'ai-1', item: item({ owner: { login: 'bob' }, trackerUrl: 'https://t/1' }) }),
  ev({ type: 'action_item_updated', itemId: 'ai-1', baseRevision: 'ai-1', changes: { owner: null, due: 5 } }),
  ev({ type: 'action_item_closed', itemId: 'ai-1', status: 'wont_do', reason: 'Retired' }),
  ev({ type: 'flags_acknowledged', flags: [{ section: 'summary', message: 'blames a person' }] }),
];

const reason = (data: unknown) => {
  const r = parsePostmortemEvent(data);
  return r.ok ? 'ok' : r.reason;
};

describe('postmortem event annotations', () => {
  it('tags every event sre-postmortem and incident:<id>, and escapes the tooltip text', () => {
    const body = postmortemEventAnnotation(
      ev({ type: 'action_item_added', itemId: 'ai-1', item: item({ title: '<img src=x onerror=alert(1)>' }) })
    );
    expect(body.tags).toEqual(['sre-postmortem', `incident:${INC}`]);
    expect(body.text).not.toContain('<img');
    expect(body.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(postmortemTags(INC)).toEqual(body.tags);
  });

  it('refuses to build a tag from something that is not an incident id', () => {
    expect(() => postmortemTags('a,b')).toThrow('not an incident id: "a,b"');
  });

  it('makes distinct ids with the shared random-id helper', () => {
    expect(newPostmortemEventId(0, () => 0)).toBe('pme-0-0000000000');
    expect(newActionItemId(36, () => 0.999)).toBe('ai-10-zzzzzzzz');
  });
});

describe('parsePostmortemEvent', () => {
  it('reads back every kind exactly as written', () => {
    expect(new Set(everyKind.map((e) => e.type))).toEqual(new Set(POSTMORTEM_EVENT_TYPES));
    for (const e of everyKind) {
      const data = JSON.parse(JSON.stringify(postmortemEventAnnotation(e).data));
      expect(parsePostmortemEvent(data)).toEqual({ ok: true, event: e });
    }
  });

  it('names the field and the reason when an event is bad', () => {
    const base = JSON.parse(JSON.stringify(edit('summary', 'x', 0)));
    expect(reason({ ...base, baseRevision: -1 })).toBe(
      `invalid event ${base.id}: baseRevision must be a whole number >= 0`
    );
    expect(reason({ ...base, section: '../x' })).toBe(`invalid event ${base.id}: section must be a section key`);
    expect(reason({ ...base, at: 'yesterday' })).toBe(
      `invalid event ${base.id}: at must be a time in epoch milliseconds`
    );
    expect(reason({ ...base, id: undefined })).toBe('invalid event: id must be a non-empty string');
    const start = JSON.parse(JSON.stringify(started()));
    expect(reason({ ...start, prefill: { ...start.prefill, severity: 9 } })).toBe(
      `invalid event ${start.id}: prefill.severity must be a severity 1-4`
    );
    expect(reason({ ...start, prefill: { ...start.prefill, budgets: [{ sloId: 's', consumed: -1 }] } })).toBe(
      `invalid event ${start.id}: prefill.budgets[0].consumed must be a share >= 0`
    );
    const added = JSON.parse(JSON.stringify(ev({ type: 'action_item_added', itemId: 'ai-1', item: item() })));
    expect(reason({ ...added, item: { ...added.item, priority: 'P9' } })).toBe(
      `invalid event ${added.id}: item.priority must be one of P0, P1, P2, P3`
    );
    const { due: _due, ...noDue } = added.item;
    expect(reason({ ...added, item: noDue })).toBe(`invalid event ${added.id}: item.due is missing`);
    expect(reason({ ...added, item: { ...added.item, owner: null } })).toBe(
      `invalid event ${added.id}: item.owner must be an object`
    );
    const closed = JSON.parse(
      JSON.stringify(ev({ type: 'action_item_closed', itemId: 'ai-1', status: 'wont_do', reason: 'r' }))
    );
    expect(reason({ ...closed, reason: undefined })).toBe(
      `invalid event ${closed.id}: reason must be a non-empty string`
    );
    const updated = JSON.parse(JSON.stringify(everyKind[7]));
    expect(reason({ ...updated, changes: { colour: 'red' } })).toBe(
      `invalid event ${updated.id}: changes must change at least one known field`
    );
    expect(reason({ ...updated, changes: { title: null } })).toBe(
      `invalid event ${updated.id}: changes.title must be a non-empty string`
    );
  });

  it('ignores kinds a newer version may write, and refuses other streams on the same tag', () => {
    const newer = { ...JSON.parse(JSON.stringify(edit('summary', 'x', 0))), type: 'comment_added' };
    expect(parsePostmortemEvent(newer)).toEqual({
      ok: false,
      ignored: true,
      eventId: newer.id,
      reason: `event ${newer.id} has kind "comment_added", unknown to this version; ignored`,
    });
    const incidentEvent = { id: 'evt-1', type: 'status_changed', incidentId: INC, at: 1, author: 'a', to: 'triage' };
    expect(reason(incidentEvent)).toBe('not a postmortem event (schema is missing)');
  });

  it('copies only known fields, so hostile keys never reach the state', () => {
    const data = JSON.parse(
      '{"schema":"sre-postmortem/v1","id":"e","incidentId":"I","at":1,"author":"a","type":"action_item_updated",' +
        '"itemId":"ai-1","baseRevision":"ai-1","changes":{"__proto__":{"polluted":true},"title":"t","constructor":"x"}}'
    );
    const r = parsePostmortemEvent(data);
    expect(r.ok && r.event.type === 'action_item_updated' && r.event.changes).toEqual({ title: 't' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws on hostile data', () => {
    const hostile: unknown[] = [
      undefined,
      null,
      0,
      'str',
      [],
      [1, 2],
      { schema: 'sre-postmortem/v1' },
      { schema: 'sre-postmortem/v1', type: { toString: 1 } },
      { schema: 'sre-postmortem/v1', id: 1, type: 'started', prefill: [] },
      { schema: 'sre-postmortem/v1', id: 'x', incidentId: 'I', at: 1e300, author: 'a', type: 'started' },
      {
        schema: 'sre-postmortem/v1',
        id: 'x',
        incidentId: 'I',
        at: 1,
        author: 'a',
        type: 'flags_acknowledged',
        flags: [null],
      },
      {
        schema: 'sre-postmortem/v1',
        id: 'x',
        incidentId: 'I',
        at: 1,
        author: 'a',
        type: 'action_item_added',
        item: 'x',
      },
    ];
    // Every kind with each field in turn replaced by junk.
    for (const e of everyKind) {
      const data = JSON.parse(JSON.stringify(e)) as Record<string, unknown>;
      for (const key of Object.keys(data)) {
        for (const junk of [null, 1, 'x', [], {}, [null], { a: [] }]) {
          hostile.push({ ...data, [key]: junk });
        }
      }
    }
    for (const h of hostile) {
      expect(() => parsePostmortemEvent(h)).not.toThrow();
    }
    expect(hostile.filter((h) => parsePostmortemEvent(h).ok).length).toBeLessThan(hostile.length);
  });
});
