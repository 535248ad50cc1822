/**
 * Toil entries as CSV, for teams that keep toil in spreadsheets today. Parsing and writing go through papaparse
 * (quoting, embedded newlines, BOMs); this file only maps columns to fields and reports problems by line and column.
 */
import Papa from 'papaparse';
import { type ToilFields, type ToilKind, type ToilTraits, TOIL_KIND_LABELS, TOIL_KINDS, TOIL_TRAITS } from './model';
import { parseToilDuration, validateToilFields } from './validate';

/** The columns, in the order export writes them; import takes them in any order. */
export const TOIL_CSV_COLUMNS = [
  'task',
  'team',
  'who',
  'at',
  'minutes',
  'kind',
  ...TOIL_TRAITS,
  'link',
  'note',
] as const;
export type ToilCsvColumn = (typeof TOIL_CSV_COLUMNS)[number];

const REQUIRED: ToilCsvColumn[] = ['task', 'team', 'who', 'at', 'minutes'];
/** A file this large is not a toil log; Grafana would take minutes to store it one entry at a time. */
export const MAX_CSV_ROWS = 10_000;

/**
 * OWASP's CSV injection triggers: a spreadsheet runs a cell starting with = + - @ tab or CR as a formula. Such a
 * cell is written with a leading `'`. A cell that already starts with quotes before a trigger gets one more, so
 * import can strip exactly one and give back what was exported.
 */
const FORMULA = /^'*[=+\-@\t\r]/;

/** One problem of an imported file: the file line the row starts on (1 is the header) and the column. */
export interface ToilCsvProblem {
  line: number;
  column: string;
  message: string;
}

export interface ToilCsvRow {
  line: number;
  fields: ToilFields;
}

export interface ToilCsvParse {
  /** Rows that passed every check, ready for logToilBatch. */
  rows: ToilCsvRow[];
  /** Problems of the other rows, or of the file itself (line 1: the header; then `rows` is empty). */
  problems: ToilCsvProblem[];
  /** Data rows in the file (blank lines not counted). */
  total: number;
  /** Lines with at least one problem. */
  badLines: number[];
}

const VALIDATION_COLUMN: Record<string, string> = { durationMinutes: 'minutes' };
const columnOf = (field: string): string => VALIDATION_COLUMN[field] ?? field.replace(/^traits\./, '');

/** A cell as the user meant it: a spreadsheet formula guard added by export is removed. */
const cell = (value: string | undefined): string => {
  const v = value ?? '';
  return FORMULA.test(v) && v.startsWith("'") ? v.slice(1) : v;
};

/** ISO 8601 with a zone (Z or ±hh:mm): a spreadsheet time without one would be read in some unknown zone. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

function parseAt(text: string): number | undefined {
  const t = text.trim();
  if (!ISO_TIME.test(t)) {
    return undefined;
  }
  const ms = Date.parse(t.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isFinite(ms) ? ms : undefined;
}

function parseKind(text: string): ToilKind | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') {
    return 'other';
  }
  return TOIL_KINDS.find((k) => k === t || TOIL_KIND_LABELS[k].toLowerCase() === t);
}

function parseBool(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (['true', 'yes', 'y', '1', 'x'].includes(t)) {
    return true;
  }
  if (['false', 'no', 'n', '0', ''].includes(t)) {
    return false;
  }
  return undefined;
}

/** The file's header problems; an empty list means every required column is there and none is unknown. */
function headerProblems(header: string[]): ToilCsvProblem[] {
  const problems: ToilCsvProblem[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (!(TOIL_CSV_COLUMNS as readonly string[]).includes(name)) {
      problems.push({
        line: 1,
        column: name || '(empty)',
        message: `unknown column; the columns are ${TOIL_CSV_COLUMNS.join(', ')}`,
      });
    } else if (seen.has(name)) {
      problems.push({ line: 1, column: name, message: 'appears twice' });
    }
    seen.add(name);
  }
  for (const name of REQUIRED) {
    if (!seen.has(name)) {
      problems.push({ line: 1, column: name, message: 'is missing: every file needs task, team, who, at and minutes' });
    }
  }
  return problems;
}

/** One data row to fields, or its problems (each naming the column). */
function rowToFields(
  get: (column: ToilCsvColumn) => string,
  line: number,
  now: number
): { fields?: ToilFields; problems: ToilCsvProblem[] } {
  const problems: ToilCsvProblem[] = [];
  const at = parseAt(get('at'));
  if (at === undefined) {
    problems.push({
      line,
      column: 'at',
      message: 'must be an ISO 8601 time with a zone, e.g. 2026-11-28T09:30:00Z',
    });
  }
  const minutes = parseToilDuration(get('minutes'));
  if (minutes === undefined) {
    problems.push({ line, column: 'minutes', message: 'must be a number of minutes, e.g. 90 (or 1h30m)' });
  }
  const kind = parseKind(get('kind'));
  if (kind === undefined) {
    problems.push({ line, column: 'kind', message: `must be one of ${TOIL_KINDS.join(', ')} (or empty for other)` });
  }
  const traits = {} as ToilTraits;
  for (const trait of TOIL_TRAITS) {
    const value = parseBool(get(trait));
    if (value === undefined) {
      problems.push({ line, column: trait, message: 'must be true or false' });
    }
    traits[trait] = value ?? false;
  }
  const link = get('link').trim();
  const note = get('note').trim();
  const fields: ToilFields = {
    task: get('task').trim(),
    team: get('team').trim(),
    who: get('who').trim(),
    at: at ?? Number.NaN,
    durationMinutes: minutes ?? Number.NaN,
    kind: kind ?? 'other',
    traits,
    ...(link !== '' && { link }),
    ...(note !== '' && { note }),
  };
  const parsed = new Set(problems.map((p) => p.column));
  for (const p of validateToilFields(fields, now)) {
    const column = columnOf(p.field);
    // A cell that could not be read already says why; validation would only repeat it less clearly.
    if (!parsed.has(column)) {
      problems.push({ line, column, message: p.message });
    }
  }
  return problems.length > 0 ? { problems } : { fields, problems };
}

/**
 * Reads a toil CSV (header row, columns TOIL_CSV_COLUMNS in any order; kind and traits optional). Every row is
 * checked like a form entry (validateToilFields at `now`); problems name the file line and the column.
 */
export function parseToilCsv(text: string, now: number): ToilCsvParse {
  // Stripped here, not by papaparse, so cursor offsets match `source` when counting lines.
  const source = text.replace(/^\uFEFF/, '');
  const records: Array<{ line: number; cells: string[] }> = [];
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(source, {
    header: false,
    step: (result) => {
      const end = result.meta.cursor;
      const cells = result.data;
      if (cells.some((c) => c.trim() !== '')) {
        records.push({ line, cells });
      }
      for (let i = start; i < end; i++) {
        if (source.charCodeAt(i) === 10) {
          line++;
        }
      }
      start = end;
    },
  });
  if (records.length === 0) {
    return {
      rows: [],
      problems: [{ line: 1, column: 'task', message: 'the file is empty: it needs a header row' }],
      total: 0,
      badLines: [1],
    };
  }
  const [head, ...data] = records;
  // Spreadsheet users retype headers; "NoEnduringValue" and "Minutes" are still those columns.
  const header = head.cells.map((h) => {
    const name = h.trim();
    return TOIL_CSV_COLUMNS.find((c) => c.toLowerCase() === name.toLowerCase()) ?? name;
  });
  const fileProblems = headerProblems(header);
  if (data.length > MAX_CSV_ROWS) {
    fileProblems.push({
      line: 1,
      column: 'task',
      message: `the file has ${data.length} rows; import at most ${MAX_CSV_ROWS} at a time`,
    });
  }
  if (fileProblems.length > 0) {
    return { rows: [], problems: fileProblems, total: data.length, badLines: [1] };
  }
  const index = new Map(header.map((h, i) => [h, i]));
  const rows: ToilCsvRow[] = [];
  const problems: ToilCsvProblem[] = [];
  const badLines: number[] = [];
  for (const record of data) {
    const get = (column: ToilCsvColumn) => {
      const i = index.get(column);
      return i === undefined ? '' : cell(record.cells[i]);
    };
    const result = rowToFields(get, record.line, now);
    if (record.cells.length > header.length && record.cells.slice(header.length).some((c) => c.trim() !== '')) {
      result.problems.push({
        line: record.line,
        column: '(extra)',
        message: `has more cells than the header's ${header.length} columns`,
      });
    }
    if (result.fields && result.problems.length === 0) {
      rows.push({ line: record.line, fields: result.fields });
    } else {
      problems.push(...result.problems);
      badLines.push(record.line);
    }
  }
  return { rows, problems, total: data.length, badLines };
}

/** Entries as CSV with TOIL_CSV_COLUMNS; cells a spreadsheet would run as formulas are neutralised with a `'`. */
export function toilToCsv(entries: ToilFields[]): string {
  const data = entries.map((e) => [
    e.task,
    e.team,
    e.who,
    new Date(e.at).toISOString(),
    String(e.durationMinutes),
    e.kind,
    ...TOIL_TRAITS.map((t) => String(e.traits[t])),
    e.link ?? '',
    e.note ?? '',
  ]);
  return Papa.unparse(
    { fields: [...TOIL_CSV_COLUMNS], data },
    { quotes: true, escapeFormulae: FORMULA, newline: '\r\n' }
  );
}
