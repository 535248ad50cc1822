/** Which action item conflicts still need someone to look at them. */
import type { ActionItem, ActionItemConflict, Postmortem, PostmortemEvent } from '../../../domain/postmortem';

function changesField(e: PostmortemEvent, itemId: string, field: ActionItemConflict['field']): boolean {
  if (e.type === 'action_item_updated') {
    return e.itemId === itemId && field in e.changes;
  }
  if (e.type === 'action_item_closed') {
    return e.itemId === itemId && (field === 'status' || field === 'wontDoReason');
  }
  return false;
}

/**
 * The item's conflicts nobody has settled: the fold keeps every conflict forever, so one counts as settled once a
 * later change of that field landed (choosing either value in the UI writes one).
 */
export function openConflicts(pm: Postmortem, item: ActionItem): ActionItemConflict[] {
  return item.conflicts.filter((c) => !pm.history.some((e) => e.at > c.kept.at && changesField(e, item.id, c.field)));
}
