import type { Slo } from '../../domain/slo/model';
import type { SloSnapshot } from '../../api/sloStatus';
import { windowMs } from '../../domain/slo/defaults';
import { SLO_STATUS_META } from '../../components/sloStatusMeta';
import { pageFromParam } from '../../components/paging';

// Paging is shared with the incident list; re-exported for the SLO list's callers.
export { PAGE_SIZE, pageOf } from '../../components/paging';

/** One SLO with its current numbers. */
export interface SloRow {
  slo: Slo;
  snapshot: SloSnapshot;
  /** The status read for this SLO has not answered yet: the row shows without numbers until it does. */
  pending?: boolean;
}

export const SORT_KEYS = ['name', 'service', 'objective', 'sli', 'budget', 'burn', 'status'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

/** What the list shows; every field round-trips through the URL. */
export interface ListQuery {
  q: string;
  service: string;
  team: string;
  /** `key=value`. */
  label: string;
  sort: SortKey;
  dir: SortDir;
  /** 1-based page of PAGE_SIZE rows. */
  page: number;
}

export const DEFAULT_QUERY: ListQuery = {
  q: '',
  service: '',
  team: '',
  label: '',
  sort: 'status',
  dir: 'asc',
  page: 1,
};

/** Reads the list state from URL search params, ignoring anything unknown. */
export function queryFromParams(params: URLSearchParams): ListQuery {
  const sort = params.get('sort');
  const dir = params.get('dir');
  return {
    q: params.get('q') ?? '',
    service: params.get('service') ?? '',
    team: params.get('team') ?? '',
    label: params.get('label') ?? '',
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : DEFAULT_QUERY.sort,
    dir: dir === 'desc' ? 'desc' : dir === 'asc' ? 'asc' : DEFAULT_QUERY.dir,
    page: pageFromParam(params.get('page')),
  };
}

/** Writes the list state as URL search params, leaving defaults out so plain URLs stay plain. */
export function queryToParams(query: ListQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['q', 'service', 'team', 'label'] as const) {
    if (query[key]) {
      params.set(key, query[key]);
    }
  }
  if (query.sort !== DEFAULT_QUERY.sort || query.dir !== DEFAULT_QUERY.dir) {
    params.set('sort', query.sort);
    params.set('dir', query.dir);
  }
  if (query.page > 1) {
    params.set('page', String(query.page));
  }
  return params;
}

/** "team=payments" → ["team", "payments"]; null when there is no "=". */
export function parseLabelFilter(text: string): [string, string] | null {
  const i = text.indexOf('=');
  if (i <= 0) {
    return null;
  }
  return [text.slice(0, i).trim(), text.slice(i + 1).trim()];
}

function matchesSearch(slo: Slo, q: string): boolean {
  const needle = q.trim().toLowerCase();
  if (!needle) {
    return true;
  }
  return [slo.name, slo.id, slo.description ?? ''].some((text) => text.toLowerCase().includes(needle));
}

/** Rows that pass the search and every filter. An unparseable label filter matches nothing. */
export function filterRows(rows: SloRow[], query: ListQuery): SloRow[] {
  const label = query.label ? parseLabelFilter(query.label) : undefined;
  return rows.filter(({ slo }) => {
    if (!matchesSearch(slo, query.q)) {
      return false;
    }
    if (query.service && slo.service !== query.service) {
      return false;
    }
    if (query.team && slo.labels?.team !== query.team) {
      return false;
    }
    if (label === null) {
      return false;
    }
    return !label || slo.labels?.[label[0]] === label[1];
  });
}

type SortValue = string | number | null;

function sortValue(row: SloRow, key: SortKey): SortValue {
  const { slo, snapshot } = row;
  switch (key) {
    case 'name':
      return slo.name.toLowerCase();
    case 'service':
      return slo.service.toLowerCase();
    case 'objective':
      // Stricter objectives first within equal windows; the window breaks ties below.
      return slo.objective.target;
    case 'sli':
      return snapshot.sli;
    case 'budget':
      return snapshot.remaining;
    case 'burn':
      return snapshot.burnRate1h;
    case 'status':
      return SLO_STATUS_META[snapshot.status].rank;
  }
}

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'string' && typeof b === 'string') {
    return a.localeCompare(b);
  }
  return (a as number) - (b as number);
}

function safeWindowMs(slo: Slo): number {
  try {
    return windowMs(slo);
  } catch {
    return 0;
  }
}

/**
 * Sorts a copy of the rows. Unknown values (no data) always go last whatever the direction, so "No data" never
 * poses as the best or the worst. Ties fall back to the name, then the id, so the order is stable.
 */
export function sortRows(rows: SloRow[], sort: SortKey, dir: SortDir): SloRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((ra, rb) => {
    const a = sortValue(ra, sort);
    const b = sortValue(rb, sort);
    if (a === null || b === null || Number.isNaN(a) || Number.isNaN(b)) {
      const aMissing = a === null || Number.isNaN(a);
      const bMissing = b === null || Number.isNaN(b);
      if (aMissing !== bMissing) {
        return aMissing ? 1 : -1;
      }
    } else {
      const primary = compareValues(a, b) || (sort === 'objective' ? safeWindowMs(ra.slo) - safeWindowMs(rb.slo) : 0);
      if (primary !== 0) {
        return sign * primary;
      }
    }
    return ra.slo.name.localeCompare(rb.slo.name) || ra.slo.id.localeCompare(rb.slo.id);
  });
}

/** Distinct values for the filter pickers, sorted. */
export function filterOptions(rows: SloRow[]): { services: string[]; teams: string[]; labels: string[] } {
  const services = new Set<string>();
  const teams = new Set<string>();
  const labels = new Set<string>();
  for (const { slo } of rows) {
    services.add(slo.service);
    for (const [key, value] of Object.entries(slo.labels ?? {})) {
      labels.add(`${key}=${value}`);
      if (key === 'team') {
        teams.add(value);
      }
    }
  }
  const sorted = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b));
  return { services: sorted(services), teams: sorted(teams), labels: sorted(labels) };
}

/** Rows worst first: the lowest remaining budget first, no data last. */
export function worstFirst(rows: SloRow[], limit: number): SloRow[] {
  return sortRows(rows, 'budget', 'asc').slice(0, limit);
}
