/** The add/edit form of an action item: its state, checks and the command it writes. */
import {
  ACTION_ITEM_FIELD_NAMES,
  type ActionItem,
  type ActionItemFieldName,
  type ActionItemFields,
  type ActionItemOwner,
  type ActionItemPriority,
  type ActionItemStatus,
  type ActionItemType,
  type PostmortemPolicy,
  defaultActionItemDue,
  validateActionItemFields,
} from '../../../domain/postmortem';
import type { PostmortemCommand } from '../../../api/postmortems';
import { FIELD_LABELS } from './format';

export interface ItemForm {
  title: string;
  type: ActionItemType;
  priority: ActionItemPriority;
  owner?: ActionItemOwner;
  due: number;
  /** Once someone picks a date, a priority change no longer moves it. */
  dueTouched: boolean;
  trackerUrl: string;
  status: ActionItemStatus;
  wontDoReason: string;
}

export type ItemErrors = Partial<Record<ActionItemFieldName, string>>;

/** A blank item: P2, open, due when the policy says a P2 is due. */
export function newItemForm(policy: PostmortemPolicy, now: number, timeZone: string): ItemForm {
  return {
    title: '',
    type: 'prevent',
    priority: 'P2',
    due: defaultActionItemDue('P2', now, policy, timeZone),
    dueTouched: false,
    trackerUrl: '',
    status: 'open',
    wontDoReason: '',
  };
}

export function editItemForm(item: ActionItem): ItemForm {
  return {
    title: item.title,
    type: item.type,
    priority: item.priority,
    ...(item.owner && { owner: item.owner }),
    due: item.due,
    dueTouched: true,
    trackerUrl: item.trackerUrl ?? '',
    status: item.status,
    wontDoReason: item.wontDoReason ?? '',
  };
}

/** The form after a priority change: an untouched due date follows the policy from `createdAt`. */
export function withPriority(
  form: ItemForm,
  priority: ActionItemPriority,
  policy: PostmortemPolicy,
  createdAt: number,
  timeZone: string
): ItemForm {
  return {
    ...form,
    priority,
    due: form.dueTouched ? form.due : defaultActionItemDue(priority, createdAt, policy, timeZone),
  };
}

export function fieldsOf(form: ItemForm): ActionItemFields {
  const trackerUrl = form.trackerUrl.trim();
  const reason = form.wontDoReason.trim();
  return {
    title: form.title.trim(),
    type: form.type,
    priority: form.priority,
    ...(form.owner && { owner: form.owner }),
    due: form.due,
    ...(trackerUrl !== '' && { trackerUrl }),
    status: form.status,
    ...(form.status === 'wont_do' && reason !== '' && { wontDoReason: reason }),
  };
}

/** The domain's problems, each starting with the field's label ("Tracker link must be an http(s) URL"). */
export function checkItem(fields: ActionItemFields): ItemErrors {
  const errors: ItemErrors = {};
  for (const p of validateActionItemFields(fields)) {
    const starts = p.message.charAt(0);
    errors[p.field] ??= starts === starts.toLowerCase() ? `${FIELD_LABELS[p.field]} ${p.message}` : p.message;
  }
  return errors;
}

/** The changes an edit makes, `null` clearing an optional field; empty when nothing changed. */
export function changesOf(
  item: ActionItem,
  fields: ActionItemFields
): Extract<PostmortemCommand, { type: 'action_item_updated' }>['changes'] {
  const changes: Record<string, unknown> = {};
  for (const name of ACTION_ITEM_FIELD_NAMES) {
    const before = item[name];
    const after = fields[name];
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      changes[name] = after === undefined ? null : after;
    }
  }
  return changes;
}
