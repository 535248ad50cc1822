import type { ToilFields } from '../../domain/toil';
import { toilToCsv } from '../../domain/toil/csv';

/**
 * Downloads entries as CSV (columns TOIL_CSV_COLUMNS, formula cells neutralised). The BOM makes Excel read the
 * file as UTF-8; the importer strips it.
 */
export function downloadToilCsv(entries: ToilFields[], filename = 'toil.csv'): void {
  const blob = new Blob([`\uFEFF${toilToCsv(entries)}`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked after the click has started the download; revoking at once cancels it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
