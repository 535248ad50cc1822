import '../../components/testing/jsdomPolyfills';
import React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import { setupUser } from '../../components/testing/user';
import { logToilBatch } from '../../api/toil';
import { TOIL_CSV_COLUMNS } from '../../domain/toil/csv';
import { NO_TRAITS } from '../../domain/toil';
import { T0, toilFields } from '../../domain/toil/testing';
import { queryClient } from '../data/queryClient';
import { CsvImport } from './CsvImport';
import { downloadToilCsv } from './csvExport';
import { TOIL_QUERY_KEY } from './queryKeys';

jest.mock('../../api/toil', () => ({ ...jest.requireActual('../../api/toil'), logToilBatch: jest.fn() }));

const user = setupUser();
const batch = jest.mocked(logToilBatch);
const HEADER = TOIL_CSV_COLUMNS.join(',');
const good = (task: string) =>
  `${task},Payments,alice,2026-11-02T09:00:00Z,30,manual_operation,true,true,false,false,false,false,,`;
const file = (lines: string[]) => new File([lines.join('\n')], 'toil.csv', { type: 'text/csv' });
const upload = (f: File) => user.upload(screen.getByLabelText('Choose a CSV file'), f);

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(T0 + 86_400_000);
  batch.mockReset().mockImplementation(async (rows, onProgress) => {
    rows.forEach((_, i) => onProgress?.(i + 1));
    return { logged: rows.length, failed: [] };
  });
});
afterEach(() => jest.restoreAllMocks());

describe('CsvImport', () => {
  it('lists bad rows by line and column and saves nothing until the user chooses the good rows', async () => {
    const invalidate = jest.spyOn(queryClient, 'invalidateQueries');
    render(<CsvImport teams={['payments']} onDismiss={jest.fn()} />);
    await upload(file([HEADER, good('Restart pod'), 'Oops,,alice,yesterday,30,,,,,,,,,', good('Rotate certs')]));

    expect(await screen.findByText('toil.csv: 1 of 3 rows have problems')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Problems by line' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent)
      );
    expect(rows).toEqual([
      ['3', 'at', 'must be an ISO 8601 time with a zone, e.g. 2026-11-28T09:30:00Z'],
      ['3', 'team', 'Pick or type the team'],
    ]);
    expect(screen.getByText(/Nothing is imported from a file with problems/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Import \d+ entr/ })).not.toBeInTheDocument();
    expect(batch).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Import the 2 good rows' }));
    expect(await screen.findByText('Imported 2 entries from toil.csv')).toBeInTheDocument();
    expect(batch).toHaveBeenCalledTimes(1);
    expect(batch.mock.calls[0][0]).toEqual([
      toilFields({ task: 'Restart pod', traits: { ...NO_TRAITS, manual: true, repetitive: true } }),
      toilFields({ task: 'Rotate certs', traits: { ...NO_TRAITS, manual: true, repetitive: true } }),
    ]);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: TOIL_QUERY_KEY });
  });

  it('imports a clean file in one step, shows progress, and reports rows the server refused by line', async () => {
    let finish: () => void = () => undefined;
    batch.mockImplementation(
      (rows, onProgress) =>
        new Promise((resolve) => {
          onProgress?.(1);
          finish = () =>
            resolve({ logged: rows.length - 1, failed: [{ index: 1, message: '500 Internal Server Error' }] });
        })
    );
    render(<CsvImport onDismiss={jest.fn()} />);
    await upload(file([HEADER, good('A'), good('B'), good('C')]));
    expect(await screen.findByText('toil.csv: 3 entries ready to import')).toBeInTheDocument();
    expect(screen.getByText('Teams not seen before: Payments')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Import 3 entries' }));
    expect(await screen.findByText('Importing 1 of 3…')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('value', '1');
    finish();
    expect(await screen.findByText('Imported 2 entries from toil.csv')).toBeInTheDocument();
    expect(screen.getByText('Line 3 was not saved: 500 Internal Server Error')).toBeInTheDocument();
  });

  it('refuses a file with a wrong header outright: no good-rows choice', async () => {
    render(<CsvImport onDismiss={jest.fn()} />);
    await upload(file(['task,team,duration', 'A,B,30']));
    expect(await screen.findByText(/rows have problems/)).toBeInTheDocument();
    expect(screen.getByText(/unknown column/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Import/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Choose another file' }));
    expect(screen.getByLabelText('Choose a CSV file')).toBeInTheDocument();
    expect(batch).not.toHaveBeenCalled();
  });
});

describe('downloadToilCsv', () => {
  it('downloads the entries as CSV with a BOM, formula cells neutralised, under the given name', async () => {
    let blob: Blob | undefined;
    let download = '';
    URL.createObjectURL = jest.fn((b: Blob) => {
      blob = b;
      return 'blob:toil';
    });
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      download = this.download;
    });
    downloadToilCsv(
      [toilFields({ task: '=HYPERLINK("http://evil.example","x")', note: '@SUM(1)' })],
      'toil-2026-11-01-2026-11-30.csv'
    );
    expect(download).toBe('toil-2026-11-01-2026-11-30.csv');
    expect(blob?.type).toBe('text/csv;charset=utf-8');
    const bytes = await new Promise<Uint8Array>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.readAsArrayBuffer(blob!);
    });
    // The UTF-8 BOM, so Excel reads non-ASCII text right.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = Buffer.from(bytes.slice(3)).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(TOIL_CSV_COLUMNS.map((c) => `"${c}"`).join(','));
    expect(lines[1]).toBe(
      `"'=HYPERLINK(""http://evil.example"",""x"")","Payments","alice","2026-11-02T09:00:00.000Z","30","manual_operation",` +
        `"true","true","true","false","false","false","","'@SUM(1)"`
    );
    await waitFor(() => expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:toil'));
  });
});
