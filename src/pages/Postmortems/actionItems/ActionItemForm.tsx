import React from 'react';
import { Button, Combobox, type ComboboxOption, Field, Input, RadioButtonGroup, Stack, Text } from '@grafana/ui';
import { testIds } from '../../../components/testIds';
import {
  ACTION_ITEM_PRIORITIES,
  ACTION_ITEM_STATUSES,
  ACTION_ITEM_TYPES,
  type ActionItemPriority,
  type ActionItemStatus,
  type ActionItemType,
} from '../../../domain/postmortem';
import { useLoginSuggestions } from '../../Incidents/detail/useLoginSuggestions';
import { STATUS_LABELS, TYPE_LABELS, dateInputValue, fromDateInput } from './format';
import type { ItemErrors, ItemForm } from './itemForm';

interface Props {
  form: ItemForm;
  errors: ItemErrors;
  /** Adding: the status is open and not offered. */
  isNew: boolean;
  busy: boolean;
  onChange: (form: ItemForm) => void;
  onPriority: (priority: ActionItemPriority) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

const TYPE_OPTIONS = ACTION_ITEM_TYPES.map((value) => ({ value, label: TYPE_LABELS[value] }));
const PRIORITY_OPTIONS = ACTION_ITEM_PRIORITIES.map((value) => ({ value, label: value }));
const STATUS_OPTIONS = ACTION_ITEM_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));

/** Title, type, priority, owner, due date, tracker link and (when editing) status of one action item. */
export function ActionItemForm({ form, errors, isNew, busy, onChange, onPriority, onSubmit, onCancel }: Props) {
  const { loadOptions, available } = useLoginSuggestions();
  const owner: ComboboxOption<string> | null = form.owner ? { value: form.owner.login, label: form.owner.login } : null;
  return (
    <form
      data-testid={testIds.actionItems.form}
      aria-label={isNew ? 'New action item' : 'Edit action item'}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Stack direction="column" gap={0}>
        <Field label="Title" invalid={!!errors.title} error={errors.title}>
          <Input
            id="action-item-title"
            placeholder="What will be done, e.g. Alert on config push error rate"
            value={form.title}
            onChange={(e) => onChange({ ...form, title: e.currentTarget.value })}
          />
        </Field>
        <Field label="Type" invalid={!!errors.type} error={errors.type}>
          <RadioButtonGroup<ActionItemType>
            options={TYPE_OPTIONS}
            value={form.type}
            onChange={(type) => onChange({ ...form, type })}
          />
        </Field>
        <Field
          label="Priority"
          description="The due date follows the policy for the priority until you pick one"
          invalid={!!errors.priority}
          error={errors.priority}
        >
          <RadioButtonGroup<ActionItemPriority>
            options={PRIORITY_OPTIONS}
            value={form.priority}
            onChange={onPriority}
          />
        </Field>
        <Field label="Owner" invalid={!!errors.owner} error={errors.owner}>
          <>
            {/* Combobox forwards aria-labelledby but not aria-label; a hidden element still names it. */}
            <span id="action-item-owner-label" hidden>
              Owner
            </span>
            <Combobox<string>
              id="action-item-owner"
              aria-labelledby="action-item-owner-label"
              width={30}
              placeholder="Choose or type a login"
              options={loadOptions}
              createCustomValue
              customValueDescription="Use this login"
              isClearable
              value={owner}
              onChange={(o) => {
                const { owner: _dropped, ...rest } = form;
                const login = o?.value.trim() ?? '';
                onChange(login === '' ? rest : { ...rest, owner: { login } });
              }}
            />
            {!available && (
              <Text variant="bodySmall" color="secondary" element="p">
                Type a Grafana login: listing users needs org admin or team admin rights
              </Text>
            )}
          </>
        </Field>
        <Field label="Due date" invalid={!!errors.due} error={errors.due}>
          <Input
            id="action-item-due"
            type="date"
            width={20}
            value={dateInputValue(form.due)}
            onChange={(e) => {
              const due = fromDateInput(e.currentTarget.value, form.due);
              onChange({ ...form, due: due ?? NaN, dueTouched: true });
            }}
          />
        </Field>
        <Field
          label="Tracker link"
          description="The ticket in your tracker (http or https)"
          invalid={!!errors.trackerUrl}
          error={errors.trackerUrl}
        >
          <Input
            id="action-item-tracker"
            placeholder="https://tracker.example.com/PROJ-123"
            value={form.trackerUrl}
            onChange={(e) => onChange({ ...form, trackerUrl: e.currentTarget.value })}
          />
        </Field>
        {!isNew && (
          <Field label="Status" invalid={!!errors.status} error={errors.status}>
            <RadioButtonGroup<ActionItemStatus>
              options={STATUS_OPTIONS}
              value={form.status}
              onChange={(status) => onChange({ ...form, status })}
            />
          </Field>
        )}
        {form.status === 'wont_do' && (
          <Field label="Why it won't be done" invalid={!!errors.wontDoReason} error={errors.wontDoReason}>
            <Input
              id="action-item-wont-do"
              value={form.wontDoReason}
              onChange={(e) => onChange({ ...form, wontDoReason: e.currentTarget.value })}
            />
          </Field>
        )}
        <Stack gap={1}>
          <Button type="submit" disabled={busy}>
            {busy ? 'Saving…' : isNew ? 'Add action item' : 'Save action item'}
          </Button>
          <Button variant="secondary" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}
