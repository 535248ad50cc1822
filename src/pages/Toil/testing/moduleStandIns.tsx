/**
 * Stand-ins for the modules helper "toil-log" owns (ToilEntryForm, QuickLog, CsvImport, csvExport), written to
 * their props contracts, so the page's tests do not depend on how those are drawn. Each test file mocks them:
 * `jest.mock('./ToilEntryForm', () => jest.requireActual('./testing/moduleStandIns').entryForm())`.
 */
import React, { useState } from 'react';
import type { ToilFields } from '../../../domain/toil';
import type { QuickLogProps } from '../QuickLog';
import type { ToilEntryFormProps } from '../ToilEntryForm';

export function entryForm() {
  return {
    ToilEntryForm: ({ initial, teams, mode, submitLabel, onSubmit, onCancel }: ToilEntryFormProps) => {
      const [task, setTask] = useState(initial?.task ?? '');
      const [error, setError] = useState('');
      return (
        <form
          aria-label={`Toil entry (${mode})`}
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit({ ...(initial as ToilFields), task }).catch(
              (err: Error & { problems?: Array<{ field: string; message: string }> }) =>
                setError(err.problems ? err.problems.map((p) => `${p.field}: ${p.message}`).join('; ') : err.message)
            );
          }}
        >
          <label>
            Task
            <input value={task} onChange={(e) => setTask(e.currentTarget.value)} />
          </label>
          <span>Teams: {teams.join(', ')}</span>
          {error && <span role="alert">{error}</span>}
          <button type="submit">{submitLabel}</button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </form>
      );
    },
  };
}

export function quickLog() {
  return {
    QuickLog: ({ teams, initial, onDismiss }: QuickLogProps) => (
      <div role="dialog" aria-label="Log toil">
        Quick log for {teams?.join(', ')}
        {initial?.task && <span>, task {initial.task}</span>}
        <button onClick={onDismiss}>Close quick log</button>
      </div>
    ),
  };
}

export function csvImport() {
  return {
    CsvImport: ({ onDismiss }: { onDismiss: () => void }) => (
      <div role="dialog" aria-label="Import CSV">
        <button onClick={onDismiss}>Close import</button>
      </div>
    ),
  };
}

export function csvExport() {
  return { downloadToilCsv: jest.fn() };
}
