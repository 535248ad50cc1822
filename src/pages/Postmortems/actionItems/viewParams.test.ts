import { parseViewParams, viewToParams } from './viewParams';

describe('action items view URL', () => {
  it('round-trips every filter', () => {
    const text = 'days=30&owner=ann&service=checkout&priority=P0%2CP1&status=open%2Cin_progress&overdue=1';
    const view = parseViewParams(new URLSearchParams(text));
    expect(view).toEqual({
      days: 30,
      filter: {
        owner: 'ann',
        service: 'checkout',
        priorities: ['P0', 'P1'],
        statuses: ['open', 'in_progress'],
        overdue: true,
      },
      page: null,
    });
    expect(viewToParams(view).toString()).toBe(text);
  });

  it('keeps an empty owner, which selects unassigned items', () => {
    const view = parseViewParams(new URLSearchParams('owner='));
    expect(view.filter).toEqual({ owner: '' });
    expect(viewToParams(view).toString()).toBe('owner=');
  });

  it('drops unknown values and falls back to 90 days', () => {
    const view = parseViewParams(new URLSearchParams('days=7&priority=P9,P2&status=closed&overdue=yes'));
    expect(view).toEqual({ days: 90, filter: { priorities: ['P2'] }, page: null });
    expect(viewToParams(view).toString()).toBe('priority=P2');
  });
});
