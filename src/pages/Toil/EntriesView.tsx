import React, { useState } from 'react';
import { EmptyState } from '@grafana/ui';
import type { ToilEntry } from '../../domain/toil';
import { ListPager } from '../../components/ListPager';
import { pageFromParam, pageOf } from '../../components/paging';
import { testIds } from '../../components/testIds';
import { DeleteEntryModal } from './DeleteEntryModal';
import { EditEntryModal } from './EditEntryModal';
import { EntriesTable } from './EntriesTable';

const ENTRY_NOUN = { one: 'entry', many: 'entries' };

interface Props {
  entries: ToilEntry[];
  teams: string[];
  canWrite: boolean;
  page: string | null;
  onPage: (page: number) => void;
  /** The "Log toil" call to action of the empty state; absent when the user may not write. */
  logButton?: React.ReactNode;
  /** After an edit or delete (or a conflict the user settled): reload the entries. */
  onChanged: () => void;
}

/** The range's entries, newest first, one page at a time, with edit and delete for logged (not derived) ones. */
export function EntriesView({ entries, teams, canWrite, page, onPage, logButton, onChanged }: Props) {
  const [editing, setEditing] = useState<ToilEntry>();
  const [deleting, setDeleting] = useState<ToilEntry>();
  if (entries.length === 0) {
    return (
      <div data-testid={testIds.toil.empty}>
        <EmptyState variant="call-to-action" message="No toil logged in this range" button={logButton}>
          Log a piece of manual, repetitive work when you finish it; each team sees its toil against its budget.
        </EmptyState>
      </div>
    );
  }
  const shown = pageOf(entries, pageFromParam(page));
  const done = () => {
    setEditing(undefined);
    setDeleting(undefined);
    onChanged();
  };
  return (
    <>
      <EntriesTable entries={shown.rows} canWrite={canWrite} onEdit={setEditing} onDelete={setDeleting} />
      <ListPager shown={shown} total={entries.length} noun={ENTRY_NOUN} onNavigate={onPage} />
      {editing && (
        <EditEntryModal entry={editing} teams={teams} onDone={done} onDismiss={() => setEditing(undefined)} />
      )}
      {deleting && <DeleteEntryModal entry={deleting} onDone={done} onDismiss={() => setDeleting(undefined)} />}
    </>
  );
}
