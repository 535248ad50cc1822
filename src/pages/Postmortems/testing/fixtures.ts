/** Postmortems for the page tests, folded from events by the real domain fold (not used by the app). */
import {
  foldPostmortem,
  type Postmortem,
  type PostmortemEvent,
  type PostmortemPrefill,
} from '../../../domain/postmortem';
import { ev, INC, T0 } from '../../../domain/postmortem/testing';

export { INC, T0 };

export const PREFILL: PostmortemPrefill = {
  title: 'Checkout errors',
  severity: 2,
  services: ['checkout', 'payments'],
  sloIds: ['checkout-avail'],
  startedAt: T0 - 3_600_000,
  detectedAt: T0 - 3_300_000,
  acknowledgedAt: T0 - 3_000_000,
  mitigatedAt: T0 - 1_200_000,
  resolvedAt: T0 - 600_000,
  responders: [
    { role: 'commander', user: { login: 'bob', name: 'Bob Jones' }, from: T0 - 3_000_000 },
    { role: 'techLead', user: { login: 'carol' } },
  ],
  budgets: [{ sloId: 'checkout-avail', sloName: 'Checkout availability', consumed: 0.3512, share: 0.2 }],
  exploreUrl: '/explore?left=%7B%7D',
};

/** A started postmortem plus `more` events, folded. */
export function postmortem(more: PostmortemEvent[] = [], prefill: PostmortemPrefill = PREFILL): Postmortem {
  const { postmortem: pm } = foldPostmortem([ev({ type: 'started', prefill }, { at: T0 }), ...more]);
  if (!pm) {
    throw new Error('fixture did not fold');
  }
  return pm;
}

/** A postmortem whose summary, impact and root causes are written, with one P0 item (publishable once in review). */
export const written = (more: PostmortemEvent[] = []) =>
  postmortem([
    ev({
      type: 'section_edited',
      section: 'summary',
      markdown: 'Checkout failed for **40 minutes**.',
      baseRevision: 0,
    }),
    ev({ type: 'section_edited', section: 'impact', markdown: '12% of checkouts failed.', baseRevision: 0 }),
    ev({
      type: 'section_edited',
      section: 'root_causes',
      markdown: 'A config push without a canary.',
      baseRevision: 0,
    }),
    ev({
      type: 'action_item_added',
      itemId: 'ai-1',
      item: {
        title: 'Canary config pushes',
        type: 'prevent',
        priority: 'P0',
        due: T0 + 7 * 86_400_000,
        status: 'open',
      },
    }),
    // Arguments are built before the events above, so their stamps are earlier: move them after, in order.
    ...more.map((e, i) => ({ ...e, at: T0 + 1_000_000 + i * 1000 })),
  ]);

export { ev };
