import { foldPostmortem } from './fold';
import type { PostmortemEvent } from './events';
import { canTransition, nextStatuses, publishCheck } from './workflow';
import { edit, ev, item, prefill, started } from './testing';

const inReview = (...more: PostmortemEvent[]) =>
  foldPostmortem([started(), ...more, ev({ type: 'status_changed', to: 'in_review' })]).postmortem!;
const complete = [edit('summary', 'S', 0), edit('impact', 'I', 0), edit('root_causes', 'R', 0)];
const check = { flags: [], p0BudgetShare: 0.2 };

describe('workflow', () => {
  it('allows draft → in review → published, and back from review to draft only', () => {
    expect(canTransition('draft', 'in_review')).toBe(true);
    expect(canTransition('in_review', 'draft')).toBe(true);
    expect(canTransition('in_review', 'published')).toBe(true);
    expect(canTransition('draft', 'published')).toBe(false);
    expect(canTransition('published', 'draft')).toBe(false);
    expect(nextStatuses('published')).toEqual([]);
  });

  it('lists every unmet requirement as a sentence', () => {
    expect(publishCheck(foldPostmortem([started()]).postmortem!, check).unmet).toEqual([
      'Send it for review first: only a postmortem in review can be published.',
      'Write the Summary section.',
      'Write the Impact section.',
      'Name at least one root cause in Root causes and trigger.',
      'Add at least one action item, or state why none is needed.',
    ]);
  });

  it('is ready with summary, impact, a root cause and an action item, or a stated reason for none', () => {
    const withItem = inReview(...complete, ev({ type: 'action_item_added', itemId: 'ai-1', item: item() }));
    expect(publishCheck(withItem, check)).toEqual({ ready: true, unmet: [], flagsToAcknowledge: [] });
    const noItems = inReview(...complete);
    expect(publishCheck(noItems, check).ready).toBe(false);
    expect(
      publishCheck(noItems, { ...check, noActionReason: 'The vendor fixed it; nothing for us to change' }).ready
    ).toBe(true);
    expect(publishCheck(noItems, { ...check, noActionReason: '   ' }).ready).toBe(false);
  });

  it('counts whitespace-only sections as not written', () => {
    const pm = inReview(edit('summary', ' \n ', 0), edit('impact', 'I', 0), edit('root_causes', 'R', 0));
    expect(publishCheck(pm, { ...check, noActionReason: 'n/a' }).unmet).toEqual(['Write the Summary section.']);
  });

  it('needs a P0 item when the incident consumed more than the share of an SLO budget', () => {
    const budgets = [
      { sloId: 'checkout-availability', sloName: 'Checkout availability', consumed: 0.35 },
      { sloId: 'search-latency', consumed: 0.05 },
    ];
    const p1 = ev({ type: 'action_item_added', itemId: 'ai-1', item: item({ priority: 'P1' }) });
    const pm = inReview(...complete, p1);
    expect(publishCheck(pm, { ...check, budgets }).unmet).toEqual([
      "Add a P0 action item: this incident consumed more than 20% of an SLO's error budget: Checkout availability (35% of its budget).",
    ]);
    // Exactly 20% does not cross 20%, and an SLO's own policy share wins over the default.
    expect(publishCheck(pm, { ...check, budgets: [{ sloId: 's', consumed: 0.2 }] }).ready).toBe(true);
    expect(publishCheck(pm, { ...check, budgets: [{ sloId: 's', consumed: 0.35, share: 0.5 }] }).ready).toBe(true);
    const p0 = ev({ type: 'action_item_added', itemId: 'ai-2', item: item({ priority: 'P0' }) });
    expect(publishCheck(inReview(...complete, p1, p0), { ...check, budgets }).ready).toBe(true);
    const wontDoP0 = ev({
      type: 'action_item_added',
      itemId: 'ai-2',
      item: item({ priority: 'P0', status: 'wont_do', wontDoReason: 'no' }),
    });
    expect(publishCheck(inReview(...complete, p1, wontDoP0), { ...check, budgets }).ready).toBe(false);
  });

  it('reads the budgets from the prefill snapshot when none are given', () => {
    const start = ev({ type: 'started', prefill: prefill({ budgets: [{ sloId: 's', consumed: 0.5 }] }) });
    const pm = foldPostmortem([start, ...complete, ev({ type: 'status_changed', to: 'in_review' })]).postmortem!;
    expect(publishCheck(pm, { ...check, noActionReason: 'x' }).unmet[0]).toMatch(/^Add a P0 action item/);
  });

  it('lists open blameless flags to acknowledge without blocking', () => {
    const flags = [
      { section: 'summary', message: '"human error" blames a person' },
      { section: 'impact', message: '"should have" judges in hindsight' },
      { section: 'impact', message: '"should have" judges in hindsight' },
    ];
    const ack = ev({ type: 'flags_acknowledged', flags: [flags[0]] });
    const pm = inReview(...complete, ack);
    const r = publishCheck(pm, { ...check, flags, noActionReason: 'n/a' });
    expect(r.ready).toBe(true);
    expect(r.flagsToAcknowledge).toEqual([flags[1]]);
  });
});
