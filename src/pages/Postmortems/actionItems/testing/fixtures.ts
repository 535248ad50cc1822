/** Postmortems for action item tests, folded from real events, and a stand-in appendPostmortemEvent. */
import type { PostmortemCommand } from '../../../../api/postmortems';
import { foldPostmortem, type Postmortem, type PostmortemEvent } from '../../../../domain/postmortem';
import { T0, ev, item, prefill } from '../../../../domain/postmortem/testing';

export { T0, item };
export const DAY = 86_400_000;
export const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

/** A postmortem of `incidentId` from its started event plus `events`. */
export function postmortemOf(
  events: PostmortemEvent[],
  incidentId = 'INC-20260306-ab12',
  title = 'Checkout errors',
  services = ['checkout']
): Postmortem {
  const all = [
    ev({ type: 'started', prefill: prefill({ title, services }) }, { at: T0, incidentId }),
    ...events.map((e) => ({ ...e, incidentId })),
  ];
  return foldPostmortem(all).postmortem!;
}

export const added = (
  itemId: string,
  over: Parameters<typeof item>[0] = {},
  meta: { at?: number; author?: string } = {}
) => ev({ type: 'action_item_added', itemId, item: item(over) }, meta);

/** Appends like the api would: stamps the command as an event by `author` at `at` and folds again. */
export function appendLike(author: string, at: () => number) {
  return async (pm: Postmortem, command: PostmortemCommand) => {
    const event = ev(command as Parameters<typeof ev>[0], { author, at: at(), incidentId: pm.incidentId });
    return { postmortem: foldPostmortem([...pm.history, event]).postmortem!, problems: [] };
  };
}
