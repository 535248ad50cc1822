import React, { useState } from 'react';
import { cx } from '@emotion/css';
import { Alert, Badge, Button, Field, Input, Stack, Text, TextLink, useStyles2 } from '@grafana/ui';
import { appendPostmortemEvent, type PostmortemCommand, PostmortemSizeError } from '../../../api/postmortems';
import { NotAllowedButton } from '../../../components/NotAllowedButton';
import { testIds } from '../../../components/testIds';
import { isSafeHref } from '../../../domain/incident/html';
import {
  type ActionItem,
  type ActionItemConflict,
  type ActionItemPriority,
  isClosedStatus,
  isOverdue,
  newActionItemId,
  type Postmortem,
  type PostmortemPolicy,
} from '../../../domain/postmortem';
import { ActionItemForm } from './ActionItemForm';
import { DueDate, getItemTableStyles } from './itemTable';
import {
  FIELD_LABELS,
  PRIORITY_COLORS,
  STATUS_LABELS,
  TYPE_LABELS,
  viewerTimeZone,
  formatFieldValue,
  ownerText,
} from './format';
import { openConflicts } from './itemConflicts';
import {
  type ItemErrors,
  type ItemForm,
  changesOf,
  checkItem,
  editItemForm,
  fieldsOf,
  newItemForm,
  withPriority,
} from './itemForm';

interface Props {
  postmortem: Postmortem;
  policy: PostmortemPolicy;
  /** The user may not write annotations: the items are shown, no action is offered. */
  readOnly: boolean;
  onChange: (pm: Postmortem) => void;
}

const NOT_ALLOWED = 'Editors can add and update action items: it needs permission to write annotations.';

type Editing = { kind: 'add'; createdAt: number } | { kind: 'edit'; item: ActionItem };

/** A tracker link only when it is an absolute http(s) URL; anything else is shown as inert text. */
export function TrackerLink({ url }: { url?: string }) {
  if (!url) {
    return <Text color="secondary">—</Text>;
  }
  if (!isSafeHref(url) || !/^https?:\/\//i.test(url)) {
    return <Text color="secondary">{url}</Text>;
  }
  return (
    <TextLink href={url} external inline={false}>
      Tracker
    </TextLink>
  );
}

/** A postmortem's action items: the table, the add/edit form, closing as done or won't do, and conflicts. */
export function ActionItemsSection({ postmortem, policy, readOnly, onChange }: Props) {
  const styles = useStyles2(getItemTableStyles);
  const [editing, setEditing] = useState<Editing>();
  const [form, setForm] = useState<ItemForm>();
  const [errors, setErrors] = useState<ItemErrors>({});
  const [closing, setClosing] = useState<{ item: ActionItem; reason: string; error?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const now = Date.now();
  const timeZone = viewerTimeZone();

  const run = async (command: PostmortemCommand, done: () => void) => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await appendPostmortemEvent(postmortem, command);
      done();
      onChange(result.postmortem);
    } catch (e) {
      setError(e instanceof PostmortemSizeError ? e.message : `Not saved: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const startAdd = () => {
    setEditing({ kind: 'add', createdAt: now });
    setForm(newItemForm(policy, now, timeZone));
    setErrors({});
    setClosing(undefined);
  };
  const startEdit = (item: ActionItem) => {
    setEditing({ kind: 'edit', item });
    setForm(editItemForm(item));
    setErrors({});
    setClosing(undefined);
  };
  const stopEditing = () => {
    setEditing(undefined);
    setForm(undefined);
    setErrors({});
  };

  const submit = () => {
    if (!form || !editing) {
      return;
    }
    const fields = fieldsOf(form);
    const found = checkItem(fields);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    if (editing.kind === 'add') {
      void run(
        { type: 'action_item_added', itemId: newActionItemId(Date.now(), Math.random), item: fields },
        stopEditing
      );
      return;
    }
    const changes = changesOf(editing.item, fields);
    if (Object.keys(changes).length === 0) {
      stopEditing();
      return;
    }
    void run(
      { type: 'action_item_updated', itemId: editing.item.id, baseRevision: editing.item.revision, changes },
      stopEditing
    );
  };

  const close = (item: ActionItem, status: 'done' | 'wont_do', reason?: string) => {
    if (status === 'wont_do' && !reason?.trim()) {
      setClosing({ item, reason: reason ?? '', error: "Say why it won't be done" });
      return;
    }
    void run(
      {
        type: 'action_item_closed',
        itemId: item.id,
        status,
        ...(status === 'wont_do' && { reason: reason!.trim() }),
      },
      () => setClosing(undefined)
    );
  };

  const settle = (item: ActionItem, c: ActionItemConflict, value: unknown) =>
    void run(
      {
        type: 'action_item_updated',
        itemId: item.id,
        baseRevision: item.revision,
        changes: { [c.field]: value ?? null },
      },
      () => undefined
    );

  const items = postmortem.actionItems;
  return (
    <section data-testid={testIds.actionItems.section} aria-label="Action items">
      <Stack direction="column" gap={1}>
        {error && (
          <Alert severity="error" title="Action item not saved" data-testid={testIds.actionItems.error}>
            {error}
          </Alert>
        )}
        {items.length === 0 ? (
          <Text color="secondary" italic data-testid={testIds.actionItems.empty}>
            No action items yet.
          </Text>
        ) : (
          <table className={styles.table}>
            <thead>
              <tr>
                <th>Action item</th>
                <th>Type</th>
                <th>Priority</th>
                <th>Owner</th>
                <th>Due</th>
                <th>Status</th>
                <th>Tracker</th>
                {!readOnly && <th>Actions</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const overdue = isOverdue(item, now);
                const conflicts = openConflicts(postmortem, item);
                return (
                  <React.Fragment key={item.id}>
                    <tr data-testid={testIds.actionItems.row} className={cx(overdue && styles.overdue)}>
                      <td>
                        {item.title}
                        {item.status === 'wont_do' && item.wontDoReason && (
                          <Text element="p" variant="bodySmall" color="secondary">
                            Won&apos;t do: {item.wontDoReason}
                          </Text>
                        )}
                      </td>
                      <td>{TYPE_LABELS[item.type]}</td>
                      <td>
                        <Badge text={item.priority} color={PRIORITY_COLORS[item.priority as ActionItemPriority]} />
                      </td>
                      <td>{ownerText(item.owner)}</td>
                      <td>
                        <DueDate due={item.due} overdue={overdue} />
                      </td>
                      <td>{STATUS_LABELS[item.status]}</td>
                      <td>
                        <TrackerLink url={item.trackerUrl} />
                      </td>
                      {!readOnly && (
                        <td>
                          <Stack gap={0.5}>
                            <Button size="sm" variant="secondary" disabled={busy} onClick={() => startEdit(item)}>
                              Edit
                            </Button>
                            {!isClosedStatus(item.status) && (
                              <>
                                <Button
                                  size="sm"
                                  variant="secondary"
                                  disabled={busy}
                                  onClick={() => close(item, 'done')}
                                >
                                  Done
                                </Button>
                                <Button
                                  size="sm"
                                  variant="secondary"
                                  fill="outline"
                                  disabled={busy}
                                  onClick={() => {
                                    stopEditing();
                                    setClosing({ item, reason: '' });
                                  }}
                                >
                                  Won&apos;t do
                                </Button>
                              </>
                            )}
                          </Stack>
                        </td>
                      )}
                    </tr>
                    {conflicts.length > 0 && (
                      <tr>
                        <td colSpan={readOnly ? 7 : 8}>
                          {conflicts.map((c, i) => (
                            <Alert
                              key={`${c.field}-${i}`}
                              severity="warning"
                              data-testid={testIds.actionItems.conflict}
                              title={`${FIELD_LABELS[c.field]} was changed by two people at once`}
                            >
                              <p>
                                {c.kept.by} set it to “{formatFieldValue(c.field, c.kept.value)}” (shown);{' '}
                                {c.overwritten.by} had set it to “{formatFieldValue(c.field, c.overwritten.value)}”.
                              </p>
                              {!readOnly && (
                                <Stack gap={1}>
                                  <Button
                                    size="sm"
                                    variant="secondary"
                                    disabled={busy}
                                    onClick={() => settle(item, c, c.kept.value)}
                                  >
                                    Keep “{formatFieldValue(c.field, c.kept.value)}”
                                  </Button>
                                  <Button
                                    size="sm"
                                    variant="secondary"
                                    disabled={busy}
                                    onClick={() => settle(item, c, c.overwritten.value)}
                                  >
                                    Use “{formatFieldValue(c.field, c.overwritten.value)}”
                                  </Button>
                                </Stack>
                              )}
                            </Alert>
                          ))}
                        </td>
                      </tr>
                    )}
                  </React.Fragment>
                );
              })}
            </tbody>
          </table>
        )}
        {closing && (
          <form
            aria-label={`Close ${closing.item.title} as won't do`}
            onSubmit={(e) => {
              e.preventDefault();
              close(closing.item, 'wont_do', closing.reason);
            }}
          >
            <Field label={`Why won't “${closing.item.title}” be done?`} invalid={!!closing.error} error={closing.error}>
              <Input
                id="action-item-close-reason"
                value={closing.reason}
                onChange={(e) => setClosing({ ...closing, reason: e.currentTarget.value, error: undefined })}
              />
            </Field>
            <Stack gap={1}>
              <Button type="submit" variant="destructive" disabled={busy}>
                Close as won&apos;t do
              </Button>
              <Button variant="secondary" onClick={() => setClosing(undefined)}>
                Cancel
              </Button>
            </Stack>
          </form>
        )}
        {form && editing ? (
          <ActionItemForm
            form={form}
            errors={errors}
            isNew={editing.kind === 'add'}
            busy={busy}
            onChange={setForm}
            onPriority={(p) =>
              setForm(
                withPriority(
                  form,
                  p,
                  policy,
                  editing.kind === 'add' ? editing.createdAt : editing.item.createdAt,
                  timeZone
                )
              )
            }
            onSubmit={submit}
            onCancel={stopEditing}
          />
        ) : readOnly ? (
          <div>
            <NotAllowedButton icon="plus" reason={NOT_ALLOWED}>
              Add action item
            </NotAllowedButton>
          </div>
        ) : (
          <div>
            <Button icon="plus" variant="secondary" onClick={startAdd} disabled={busy}>
              Add action item
            </Button>
          </div>
        )}
      </Stack>
    </section>
  );
}
