import React, { useState } from 'react';
import { Alert, ConfirmModal, Modal } from '@grafana/ui';
import { ToilConflictError, deleteToil } from '../../api/toil';
import type { ToilEntry } from '../../domain/toil';
import { errorMessage } from '../data/queryClient';
import { ConflictChoice } from './ConflictChoice';
import { formatWhen } from './format';

interface Props {
  entry: ToilEntry;
  onDone: () => void;
  onDismiss: () => void;
}

/**
 * Confirms, then deletes an entry. A delete is refused when someone changed the entry since it was loaded: the
 * changes are shown and the user deletes the version now stored, or keeps it.
 */
export function DeleteEntryModal({ entry, onDone, onDismiss }: Props) {
  const [conflict, setConflict] = useState<ToilConflictError>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  const remove = async (target: ToilEntry) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await deleteToil(target);
      onDone();
    } catch (e) {
      if (e instanceof ToilConflictError) {
        setConflict(e);
      } else {
        setConflict(undefined);
        setFailure(errorMessage(e));
      }
    } finally {
      setBusy(false);
    }
  };

  if (conflict || failure) {
    return (
      <Modal title="Delete toil entry" isOpen onDismiss={onDismiss}>
        {failure && (
          <Alert severity="error" title="Could not delete the entry">
            {failure}
          </Alert>
        )}
        {conflict && (
          <ConflictChoice
            error={conflict}
            applyLabel="Delete anyway"
            onApply={() => conflict.current && void remove(conflict.current)}
            onKeepTheirs={onDone}
            busy={busy}
          />
        )}
      </Modal>
    );
  }
  return (
    <ConfirmModal
      isOpen
      title="Delete toil entry"
      body={`Delete “${entry.task}” (${entry.team}, ${formatWhen(entry.at)})? It stops counting against the team's budget.`}
      confirmText="Delete"
      onConfirm={() => remove(entry)}
      onDismiss={onDismiss}
    />
  );
}
