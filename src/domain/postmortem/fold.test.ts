import { postmortemEventAnnotation } from './events';
import { comparePostmortemEvents, foldAllPostmortems, foldPostmortem, foldPostmortemData } from './fold';
import type { Postmortem } from './model';
import { edit, ev, INC, item, prefill, started, T0 } from './testing';

const text = (pm: Postmortem | undefined, key: string) => pm?.sections.find((s) => s.key === key)?.markdown;

/** A reproducible reordering: events sorted by a seeded hash of their ids. */
function shuffled<T extends { id: string }>(list: readonly T[], seed: number): T[] {
  const hash = (s: string) =>
    [...s].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261 ^ seed);
  return [...list].sort((a, b) => hash(a.id) - hash(b.id));
}

describe('foldPostmortem', () => {
  it('starts a draft with the default sections in template order', () => {
    const { postmortem, problems } = foldPostmortem([started()]);
    expect(problems).toEqual([]);
    expect(postmortem?.status).toBe('draft');
    expect(postmortem?.sections.map((s) => s.key)).toEqual([
      'summary',
      'impact',
      'timeline',
      'root_causes',
      'detection',
      'resolution',
      'went_well',
      'went_wrong',
      'got_lucky',
      'action_items',
      'supporting_links',
    ]);
    expect(postmortem?.sections.every((s) => s.revision === 0 && s.markdown === '')).toBe(true);
  });

  it('uses the template and prefilled texts frozen in the start event', () => {
    const start = ev({
      type: 'started',
      prefill: prefill(),
      template: [
        { key: 'impact', title: 'Customer impact', order: 2 },
        { key: 'summary', title: 'TL;DR', order: 1 },
      ],
      sections: [{ key: 'impact', markdown: '3% of checkouts failed' }],
    });
    const pm = foldPostmortem([start]).postmortem!;
    expect(pm.sections.map((s) => [s.key, s.title, s.revision])).toEqual([
      ['summary', 'TL;DR', 0],
      ['impact', 'Customer impact', 1],
    ]);
    expect(text(pm, 'impact')).toBe('3% of checkouts failed');
  });

  it('gives the same state whatever order the events are read in', () => {
    const events = [
      started(),
      edit('summary', 'v1', 0),
      edit('summary', 'v2', 1, 'bob'),
      edit('impact', 'i1', 0, 'carol'),
      edit('summary', 'v2-carol', 1, 'carol'),
      ev({ type: 'action_item_added', itemId: 'ai-1', item: item() }),
      ev({ type: 'action_item_updated', itemId: 'ai-1', baseRevision: 'ai-1', changes: { priority: 'P0' } }),
      ev({ type: 'status_changed', to: 'in_review' }),
    ];
    const expected = foldPostmortem(events);
    for (let seed = 1; seed <= 20; seed++) {
      expect(foldPostmortem(shuffled(events, seed))).toEqual(expected);
    }
  });

  it('sorts by time, then by id when two events share a millisecond', () => {
    const a = edit('summary', 'from a', 0, 'alice', T0 + 5000);
    const b = { ...edit('summary', 'from b', 0, 'bob', T0 + 5000), id: 'pme-000000' };
    expect([a, b].sort(comparePostmortemEvents)[0]).toBe(b);
    expect(text(foldPostmortem([started(), a, b]).postmortem, 'summary')).toBe('from b');
  });

  describe('concurrent section edits', () => {
    it('keeps the first of two edits of the same section from the same revision and surfaces the other', () => {
      const mine = edit('root_causes', "Bob's text", 0, 'bob', T0 + 20_000);
      const theirs = edit('root_causes', "Alice's text", 0, 'alice', T0 + 10_000);
      const pm = foldPostmortem([started(), mine, theirs]).postmortem!;
      expect(text(pm, 'root_causes')).toBe("Alice's text");
      expect(pm.conflicts).toEqual([
        {
          section: 'root_causes',
          base: 0,
          revision: 1,
          theirs: { text: "Alice's text", author: 'alice', at: T0 + 10_000, eventId: theirs.id },
          mine: { text: "Bob's text", author: 'bob', at: T0 + 20_000, eventId: mine.id },
        },
      ]);
    });

    it('keeps edits of different sections from the same moment, with no conflict', () => {
      const pm = foldPostmortem([
        started(),
        edit('summary', 'S', 0, 'alice', T0 + 1000),
        edit('impact', 'I', 0, 'bob', T0 + 1000),
      ]).postmortem!;
      expect([text(pm, 'summary'), text(pm, 'impact')]).toEqual(['S', 'I']);
      expect(pm.conflicts).toEqual([]);
    });

    it('closes a conflict when its author saves a merge, not when someone else edits', () => {
      const mine = edit('summary', 'bob', 0, 'bob', T0 + 20_000);
      const events = [started(), edit('summary', 'alice', 0, 'alice', T0 + 10_000), mine];
      const aliceAgain = edit('summary', 'alice 2', 1, 'alice', T0 + 30_000);
      expect(foldPostmortem([...events, aliceAgain]).postmortem!.conflicts).toHaveLength(1);
      const merged = edit('summary', 'alice + bob', 2, 'bob', T0 + 40_000);
      const pm = foldPostmortem([...events, aliceAgain, merged]).postmortem!;
      expect(pm.conflicts).toEqual([]);
      expect(text(pm, 'summary')).toBe('alice + bob');
      const byCarol = {
        ...edit('summary', 'merged by carol', 1, 'carol', T0 + 40_000),
        resolves: [mine.id],
      };
      expect(foldPostmortem([...events, byCarol]).postmortem!.conflicts).toEqual([]);
    });

    it('loses no event: every edit is applied, or an open conflict until its author merges', () => {
      const authors = ['alice', 'bob', 'carol', 'dan'];
      const sections = ['summary', 'impact', 'root_causes'];
      const events = [started()];
      const revision = new Map(sections.map((s) => [s, 0]));
      const late: Array<ReturnType<typeof edit>> = [];
      for (let i = 0; i < 60; i++) {
        const section = sections[i % 3];
        // Every fourth writer loaded the editor one revision before someone else saved: a concurrent edit.
        const isLate = i % 4 === 0 && revision.get(section)! > 0;
        const e = edit(section, `text ${i}`, revision.get(section)! - (isLate ? 1 : 0), authors[i % 4], T0 + 1000 + i);
        events.push(e);
        if (isLate) {
          late.push(e);
        } else {
          revision.set(section, revision.get(section)! + 1);
        }
      }
      const { postmortem, problems } = foldPostmortem(shuffled(events, 7));
      const pm = postmortem!;
      expect(problems).toEqual([]);
      expect(new Set(pm.history.map((e) => e.id))).toEqual(new Set(events.map((e) => e.id)));
      expect(pm.sections.filter((s) => sections.includes(s.key)).map((s) => s.revision)).toEqual(
        sections.map((s) => revision.get(s))
      );
      expect(late.length).toBeGreaterThan(5);
      const open = new Set(pm.conflicts.map((c) => c.mine.eventId));
      for (const e of late as Array<Extract<(typeof events)[number], { type: 'section_edited' }>>) {
        const mergedLater = events.some(
          (x) =>
            x.type === 'section_edited' &&
            x.section === e.section &&
            x.author === e.author &&
            x.at > e.at &&
            !late.includes(x)
        );
        expect(open.has(e.id)).toBe(!mergedLater);
      }
    });
  });

  it('records edits after publishing as amendments and leaves the text as published', () => {
    const events = [
      started(),
      edit('summary', 'Published summary', 0),
      ev({ type: 'status_changed', to: 'in_review' }),
      ev({ type: 'status_changed', to: 'published' }, { author: 'lead' }),
      edit('summary', 'Rewritten later', 1, 'bob'),
      ev({ type: 'amended', section: 'impact', text: 'Also affected: EU' }, { author: 'carol' }),
    ];
    const pm = foldPostmortem(events).postmortem!;
    expect(pm.status).toBe('published');
    expect(pm.publishedBy).toBe('lead');
    expect(text(pm, 'summary')).toBe('Published summary');
    expect(pm.amendments).toEqual([
      { by: 'bob', at: events[4].at, section: 'summary', text: 'Rewritten later' },
      { by: 'carol', at: events[5].at, section: 'impact', text: 'Also affected: EU' },
    ]);
  });

  it('skips transitions the workflow forbids, saying who tried what', () => {
    const { postmortem, problems } = foldPostmortem([
      started(),
      ev({ type: 'status_changed', to: 'published' }, { author: 'mallory' }),
      ev({ type: 'amended', section: 'summary', text: 'x' }),
    ]);
    expect(postmortem?.status).toBe('draft');
    expect(problems.map((p) => p.message)).toEqual([
      'mallory cannot move the postmortem from draft to published; skipped',
      'amendment by alice before publishing is skipped; edit the section instead',
    ]);
  });

  it('records reviewers once and accepts approvals only from reviewers during review', () => {
    const { postmortem, problems } = foldPostmortem([
      started(),
      ev({ type: 'reviewer_added', reviewer: { login: 'rita', name: 'Rita' } }),
      ev({ type: 'reviewer_added', reviewer: { login: 'rita' } }),
      ev({ type: 'approved' }, { author: 'rita' }),
      ev({ type: 'status_changed', to: 'in_review' }),
      ev({ type: 'approved' }, { author: 'rita' }),
      ev({ type: 'approved' }, { author: 'eve' }),
    ]);
    expect(postmortem?.reviewers).toEqual([{ login: 'rita', name: 'Rita' }]);
    expect(postmortem?.approvals.map((a) => a.login)).toEqual(['rita']);
    expect(problems.map((p) => p.message)).toEqual([
      'approval by rita while draft is skipped; approvals happen in review',
      'eve approved but is not a reviewer; skipped',
    ]);
  });

  describe('action items', () => {
    const added = () => ev({ type: 'action_item_added', itemId: 'ai-1', item: item() }, { at: T0 + 100 });

    it('merges updates made from the same revision field by field', () => {
      const pm = foldPostmortem([
        started(),
        added(),
        ev(
          { type: 'action_item_updated', itemId: 'ai-1', baseRevision: 'ai-1', changes: { priority: 'P0' } },
          { author: 'bob' }
        ),
        ev(
          { type: 'action_item_updated', itemId: 'ai-1', baseRevision: 'ai-1', changes: { owner: { login: 'carol' } } },
          { author: 'carol' }
        ),
      ]).postmortem!;
      expect(pm.actionItems[0]).toMatchObject({ priority: 'P0', owner: { login: 'carol' }, conflicts: [] });
    });

    it('keeps the later of two changes of one field from one revision, and names both', () => {
      const bob = ev(
        { type: 'action_item_updated', itemId: 'ai-1', baseRevision: 'ai-1', changes: { title: 'Bob title' } },
        { author: 'bob' }
      );
      const carol = ev(
        { type: 'action_item_updated', itemId: 'ai-1', baseRevision: 'ai-1', changes: { title: 'Carol title' } },
        { author: 'carol' }
      );
      const pm = foldPostmortem([started(), added(), carol, bob]).postmortem!;
      expect(pm.actionItems[0].title).toBe('Carol title');
      expect(pm.actionItems[0].conflicts).toEqual([
        {
          field: 'title',
          kept: { by: 'carol', at: carol.at, value: 'Carol title' },
          overwritten: { by: 'bob', at: bob.at, value: 'Bob title' },
        },
      ]);
      expect(pm.actionItems[0].revision).toBe(carol.id);
    });

    it('sets closedAt on closing, clears it on reopening, and requires a reason for won’t do', () => {
      const close = ev({ type: 'action_item_closed', itemId: 'ai-1', status: 'done' }, { at: T0 + 5000 });
      const reopen = ev(
        { type: 'action_item_updated', itemId: 'ai-1', baseRevision: close.id, changes: { status: 'in_progress' } },
        { at: T0 + 6000 }
      );
      expect(foldPostmortem([started(), added(), close]).postmortem!.actionItems[0]).toMatchObject({
        status: 'done',
        closedAt: T0 + 5000,
      });
      const reopened = foldPostmortem([started(), added(), close, reopen]).postmortem!.actionItems[0];
      expect(reopened.status).toBe('in_progress');
      expect(reopened.closedAt).toBeUndefined();
      const noReason = ev({
        type: 'action_item_updated',
        itemId: 'ai-1',
        baseRevision: 'ai-1',
        changes: { status: 'wont_do' },
      });
      const { postmortem, problems } = foldPostmortem([started(), added(), noReason]);
      expect(postmortem!.actionItems[0].status).toBe('open');
      expect(problems[0].message).toBe(`change of action item ai-1 by alice is skipped: won't do needs a reason`);
      const wontDo = ev({ type: 'action_item_closed', itemId: 'ai-1', status: 'wont_do', reason: 'Service retired' });
      expect(foldPostmortem([started(), added(), wontDo]).postmortem!.actionItems[0]).toMatchObject({
        status: 'wont_do',
        wontDoReason: 'Service retired',
      });
    });

    it('clears optional fields patched with null and refuses a second item with the same id', () => {
      const withOwner = ev({
        type: 'action_item_added',
        itemId: 'ai-1',
        item: item({ owner: { login: 'bob' }, trackerUrl: 'https://t/1' }),
      });
      const clear = ev({
        type: 'action_item_updated',
        itemId: 'ai-1',
        baseRevision: 'ai-1',
        changes: { owner: null, trackerUrl: null },
      });
      const again = ev({ type: 'action_item_added', itemId: 'ai-1', item: item({ title: 'dup' }) });
      const { postmortem, problems } = foldPostmortem([started(), withOwner, clear, again]);
      expect(postmortem!.actionItems).toHaveLength(1);
      expect(postmortem!.actionItems[0].owner).toBeUndefined();
      expect('trackerUrl' in postmortem!.actionItems[0]).toBe(false);
      expect(problems.map((p) => p.message)).toEqual(['action item ai-1 was already added; skipped']);
    });
  });

  it('applies an edit stamped before the start (a client clock behind) instead of losing it', () => {
    const early = edit('summary', 'written on a slow clock', 0, 'bob', T0 - 5000);
    const { postmortem, problems } = foldPostmortem([started(), early]);
    expect(problems).toEqual([]);
    expect(text(postmortem, 'summary')).toBe('written on a slow clock');
  });

  it('keeps the first of two starts and treats the second one’s texts as competing edits', () => {
    const first = ev({ type: 'started', prefill: prefill(), sections: [{ key: 'impact', markdown: 'A' }] }, { at: T0 });
    const second = ev(
      { type: 'started', prefill: prefill(), sections: [{ key: 'impact', markdown: 'B' }] },
      { at: T0 + 1, author: 'bob' }
    );
    const { postmortem, problems } = foldPostmortem([second, first]);
    expect(postmortem!.startedBy).toBe('alice');
    expect(text(postmortem, 'impact')).toBe('A');
    expect(postmortem!.conflicts.map((c) => c.mine.text)).toEqual(['B']);
    expect(problems[0].message).toMatch(/^bob started this postmortem again/);
  });

  it('takes a second start with the same prefilled texts as no conflict', () => {
    const sections = [{ key: 'impact', markdown: 'A' }];
    const first = ev({ type: 'started', prefill: prefill(), sections }, { at: T0 });
    const second = ev({ type: 'started', prefill: prefill(), sections }, { at: T0 + 1, author: 'bob' });
    const { postmortem, problems } = foldPostmortem([first, second]);
    expect(text(postmortem, 'impact')).toBe('A');
    expect(postmortem!.conflicts).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual([
      'bob started this postmortem again; the first start is kept, its texts are edits',
    ]);
  });

  it('counts a retried append once and reports two different events sharing an id', () => {
    const e = edit('summary', 'x', 0);
    const clash = { ...edit('impact', 'y', 0), id: e.id };
    const { postmortem, problems } = foldPostmortem([started(), e, e, clash]);
    expect(postmortem!.history.filter((h) => h.id === e.id)).toHaveLength(1);
    expect(problems).toEqual([
      { eventId: e.id, message: `event id ${e.id} is used by two different events; kept the first` },
    ]);
  });

  it('reports everything when there is no start, and events of another incident', () => {
    const e = edit('summary', 'x', 0);
    expect(foldPostmortem([e])).toEqual({
      problems: [{ eventId: e.id, message: 'section_edited before the postmortem was started' }],
    });
    const other = { ...edit('summary', 'y', 0), incidentId: 'INC-other' };
    expect(foldPostmortem([started(), other]).problems[0].message).toBe(
      `event of incident INC-other is not part of this postmortem (${INC})`
    );
  });
});

describe('foldPostmortemData and foldAllPostmortems', () => {
  it('reads annotation data back, ignoring unknown kinds and reporting bad data without throwing', () => {
    const data = [
      postmortemEventAnnotation(started()).data,
      postmortemEventAnnotation(edit('summary', 'S', 0)).data,
      { ...postmortemEventAnnotation(edit('impact', 'I', 0)).data, type: 'reaction_added' },
      { schema: 'sre-postmortem/v1', id: 'bad', type: 'section_edited' },
      null,
    ];
    const r = foldPostmortemData(data);
    expect(text(r.postmortem, 'summary')).toBe('S');
    expect(r.ignored).toHaveLength(1);
    expect(r.problems.map((p) => p.message)).toEqual([
      'invalid event bad: incidentId must be a non-empty string',
      'event data is not an object',
    ]);
  });

  it('groups the events of many postmortems read in one request', () => {
    const other = 'INC-20260306-zz99';
    const data = [
      started(),
      { ...started(), id: 'pme-other', incidentId: other },
      edit('summary', 'for INC', 0),
      { ...edit('summary', 'for other', 0), incidentId: other },
    ].map((e) => postmortemEventAnnotation(e).data);
    const all = foldAllPostmortems(data);
    expect([...all.keys()]).toEqual([INC, other]);
    expect(text(all.get(other)!.postmortem, 'summary')).toBe('for other');
    expect(text(all.get(INC)!.postmortem, 'summary')).toBe('for INC');
  });
});
