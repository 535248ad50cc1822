import React, { useState } from 'react';
import { Alert, Modal } from '@grafana/ui';
import { ToilConflictError, ToilValidationError, editToil } from '../../api/toil';
import { TOIL_FIELD_NAMES, type ToilEntry, type ToilFields } from '../../domain/toil';
import { errorMessage } from '../data/queryClient';
import { ConflictChoice } from './ConflictChoice';
import { ToilEntryForm } from './ToilEntryForm';

/** The editable fields of an entry. */
export function fieldsOf(entry: ToilEntry): ToilFields {
  const out: Partial<Record<keyof ToilFields, unknown>> = {};
  for (const f of TOIL_FIELD_NAMES) {
    if (entry[f] !== undefined) {
      out[f] = entry[f];
    }
  }
  return out as ToilFields;
}

/** The fields the form changed, so an edit touches only those (and cannot overwrite someone's other changes). */
export function changedFields(entry: ToilEntry, fields: ToilFields): Partial<ToilFields> {
  const before = fieldsOf(entry);
  const out: Partial<Record<keyof ToilFields, unknown>> = {};
  for (const f of TOIL_FIELD_NAMES) {
    if (JSON.stringify(before[f] ?? '') !== JSON.stringify(fields[f] ?? '')) {
      out[f] = fields[f] ?? '';
    }
  }
  return out as Partial<ToilFields>;
}

interface Props {
  entry: ToilEntry;
  teams: string[];
  onDone: () => void;
  onDismiss: () => void;
}

/** Edits an entry in the full form; a conflicting concurrent edit shows both values and lets the user choose. */
export function EditEntryModal({ entry, teams, onDone, onDismiss }: Props) {
  const [conflict, setConflict] = useState<{ error: ToilConflictError; changes: Partial<ToilFields> }>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  const save = async (fields: ToilFields) => {
    const changes = changedFields(entry, fields);
    setFailure(undefined);
    try {
      await editToil(entry, changes);
      onDone();
    } catch (e) {
      if (e instanceof ToilConflictError) {
        setConflict({ error: e, changes });
        return;
      }
      if (e instanceof ToilValidationError) {
        throw e;
      }
      setFailure(errorMessage(e));
    }
  };

  const applyMine = async () => {
    if (!conflict?.error.current) {
      return;
    }
    setBusy(true);
    try {
      await editToil(conflict.error.current, conflict.changes);
      onDone();
    } catch (e) {
      if (e instanceof ToilConflictError) {
        setConflict({ error: e, changes: conflict.changes });
      } else {
        setConflict(undefined);
        setFailure(errorMessage(e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="Edit toil entry" isOpen onDismiss={onDismiss}>
      {failure && (
        <Alert severity="error" title="Could not save the entry">
          {failure}
        </Alert>
      )}
      {conflict ? (
        <ConflictChoice
          error={conflict.error}
          applyLabel="Save my version"
          onApply={applyMine}
          onKeepTheirs={onDone}
          busy={busy}
        />
      ) : (
        <ToilEntryForm
          initial={fieldsOf(entry)}
          teams={teams}
          mode="full"
          submitLabel="Save"
          onSubmit={save}
          onCancel={onDismiss}
        />
      )}
    </Modal>
  );
}
