/**
 * Client-side paging shared by the lists (SLOs, incidents): pure helpers; ListPager.tsx draws the counter and the
 * page buttons. The page number lives in the URL as `page` (1-based, left out on page 1).
 */

/** Rows per page: a page renders in roughly constant time however many rows there are. */
export const PAGE_SIZE = 50;

/** One page of rows, its number (clamped to the pages that exist) and how many pages there are. */
export interface Page<T> {
  rows: T[];
  page: number;
  pages: number;
}

/** The `page` URL parameter as a page number: 1 when absent or not a positive number. */
export function pageFromParam(value: string | null): number {
  return Math.max(1, Math.floor(Number(value) || 1));
}

/** The rows of one page, with the page clamped to the last one (a shared URL may outlive some rows). */
export function pageOf<T>(rows: T[], page: number): Page<T> {
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  return { rows: rows.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE), page: current, pages };
}

/** Singular and plural name of what is listed, e.g. `{ one: 'incident', many: 'incidents' }`. */
export interface Noun {
  one: string;
  many: string;
}

/** "51–100 of 120 incidents" when there are several pages, else "1 incident" / "7 incidents". */
export function pageCountText(shown: Page<unknown>, total: number, noun: Noun): string {
  if (shown.pages <= 1) {
    return `${total} ${total === 1 ? noun.one : noun.many}`;
  }
  const first = (shown.page - 1) * PAGE_SIZE + 1;
  return `${first}–${first + shown.rows.length - 1} of ${total} ${noun.many}`;
}
