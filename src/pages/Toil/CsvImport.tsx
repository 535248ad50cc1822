import React, { useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, FileUpload, Modal, Stack, Text, useStyles2 } from '@grafana/ui';
import { logToilBatch } from '../../api/toil';
import { parseToilCsv, TOIL_CSV_COLUMNS, type ToilCsvParse } from '../../domain/toil/csv';
import { errorMessage, queryClient } from '../data/queryClient';
import { TOIL_QUERY_KEY } from './queryKeys';

interface Props {
  /** Known teams: rows naming another team are imported, and the new names are listed first. */
  teams?: string[];
  onDismiss: () => void;
}

type State =
  | { step: 'choose'; readError?: string }
  | { step: 'check'; file: string; parsed: ToilCsvParse }
  | { step: 'import'; file: string; done: number; total: number }
  | { step: 'done'; file: string; logged: number; failed: Array<{ line: number; message: string }>; error?: string };

/** Problems listed at most; the count says how many more there are. */
const MAX_SHOWN = 50;

function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(file);
  });
}

/**
 * Imports toil from a CSV file: every row is checked first and problems are listed by line and column. A file
 * with any problem imports nothing unless the user chooses to import only the good rows.
 */
export function CsvImport({ teams = [], onDismiss }: Props) {
  const styles = useStyles2(getStyles);
  const [state, setState] = useState<State>({ step: 'choose' });

  const choose = async (file: File | undefined) => {
    if (!file) {
      return;
    }
    try {
      const text = await readText(file);
      setState({ step: 'check', file: file.name, parsed: parseToilCsv(text, Date.now()) });
    } catch (e) {
      setState({ step: 'choose', readError: errorMessage(e) });
    }
  };

  const run = async (file: string, parsed: ToilCsvParse) => {
    const rows = parsed.rows;
    setState({ step: 'import', file, done: 0, total: rows.length });
    try {
      const result = await logToilBatch(
        rows.map((r) => r.fields),
        (done) => setState({ step: 'import', file, done, total: rows.length })
      );
      setState({
        step: 'done',
        file,
        logged: result.logged,
        failed: result.failed.map((f) => ({ line: rows[f.index]?.line ?? 0, message: f.message })),
      });
    } catch (e) {
      setState({ step: 'done', file, logged: 0, failed: [], error: errorMessage(e) });
    }
    void queryClient.invalidateQueries({ queryKey: TOIL_QUERY_KEY });
  };

  const body = () => {
    switch (state.step) {
      case 'choose':
        return (
          <Stack direction="column" gap={2}>
            <Text element="p">
              {`A CSV file with a header row. Columns: ${TOIL_CSV_COLUMNS.join(', ')}. `}
              {'task, team, who, at (ISO 8601 with a zone, e.g. 2026-11-28T09:30:00Z) and minutes are required; '}
              {'kind and the six traits (true/false) default to other and false.'}
            </Text>
            {state.readError && (
              <Alert severity="error" title="Could not read the file">
                {state.readError}
              </Alert>
            )}
            <FileUpload accept=".csv,text/csv" onFileUpload={(e) => choose(e.currentTarget.files?.[0])}>
              Choose a CSV file
            </FileUpload>
          </Stack>
        );
      case 'check': {
        const { parsed, file } = state;
        const good = parsed.rows.length;
        const known = new Set(teams.map((t) => t.trim().toLowerCase()));
        const newTeams = [...new Set(parsed.rows.map((r) => r.fields.team))].filter((t) => !known.has(t.toLowerCase()));
        return (
          <Stack direction="column" gap={2}>
            {parsed.problems.length === 0 ? (
              <Alert
                severity="success"
                title={`${file}: ${good} ${good === 1 ? 'entry' : 'entries'} ready to import`}
              />
            ) : (
              <Alert
                severity="error"
                title={`${file}: ${parsed.badLines.length} of ${Math.max(parsed.total, 1)} rows have problems`}
              >
                Nothing is imported from a file with problems. Fix them and choose the file again
                {good > 0 ? ', or import only the good rows.' : '.'}
              </Alert>
            )}
            {parsed.problems.length > 0 && (
              <table className={styles.table} aria-label="Problems by line">
                <thead>
                  <tr>
                    <th>Line</th>
                    <th>Column</th>
                    <th>Problem</th>
                  </tr>
                </thead>
                <tbody>
                  {parsed.problems.slice(0, MAX_SHOWN).map((p, i) => (
                    <tr key={i}>
                      <td>{p.line}</td>
                      <td>{p.column}</td>
                      <td>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {parsed.problems.length > MAX_SHOWN && (
              <Text color="secondary">{`…and ${parsed.problems.length - MAX_SHOWN} more problems`}</Text>
            )}
            {newTeams.length > 0 && <Text color="secondary">{`Teams not seen before: ${newTeams.join(', ')}`}</Text>}
            <Stack gap={1}>
              {good > 0 && (
                <Button
                  variant={parsed.problems.length === 0 ? 'primary' : 'secondary'}
                  onClick={() => run(file, parsed)}
                >
                  {parsed.problems.length === 0
                    ? `Import ${good} ${good === 1 ? 'entry' : 'entries'}`
                    : `Import the ${good} good rows`}
                </Button>
              )}
              <Button variant="secondary" onClick={() => setState({ step: 'choose' })}>
                Choose another file
              </Button>
            </Stack>
          </Stack>
        );
      }
      case 'import':
        return (
          <Stack direction="column" gap={1}>
            <Text>{`Importing ${state.done} of ${state.total}…`}</Text>
            <progress aria-label="Import progress" max={state.total} value={state.done} className={styles.progress} />
          </Stack>
        );
      case 'done':
        return (
          <Stack direction="column" gap={2}>
            {state.error ? (
              <Alert severity="error" title="The import stopped">
                {state.error}
              </Alert>
            ) : (
              <Alert
                severity={state.failed.length === 0 ? 'success' : 'warning'}
                title={`Imported ${state.logged} ${state.logged === 1 ? 'entry' : 'entries'} from ${state.file}`}
              >
                {state.failed.length > 0 && (
                  <ul>
                    {state.failed.slice(0, MAX_SHOWN).map((f, i) => (
                      <li key={i}>{`Line ${f.line} was not saved: ${f.message}`}</li>
                    ))}
                  </ul>
                )}
              </Alert>
            )}
            <Stack gap={1}>
              <Button onClick={onDismiss}>Close</Button>
            </Stack>
          </Stack>
        );
    }
  };

  return (
    <Modal title="Import toil from CSV" isOpen onDismiss={state.step === 'import' ? () => undefined : onDismiss}>
      {body()}
    </Modal>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    'th, td': {
      textAlign: 'left',
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
    },
  }),
  progress: css({ width: '100%' }),
});
