import { makeSlo, makeSnapshot } from './__fixtures__/slos';
import {
  DEFAULT_QUERY,
  filterOptions,
  filterRows,
  PAGE_SIZE,
  pageOf,
  parseLabelFilter,
  queryFromParams,
  queryToParams,
  sortRows,
  worstFirst,
  type SloRow,
} from './listModel';

const rows: SloRow[] = [
  {
    slo: makeSlo('checkout-availability', { service: 'checkout', labels: { team: 'payments', tier: '1' } }),
    snapshot: makeSnapshot(0.8, 0.5),
  },
  {
    slo: makeSlo('search-latency', {
      service: 'search',
      description: 'p99 under 300ms',
      labels: { team: 'discovery' },
    }),
    snapshot: makeSnapshot(-0.5, 3),
  },
  {
    slo: makeSlo('login-errors', { service: 'auth', objective: { target: 0.99 } }),
    snapshot: makeSnapshot(null, null, 'no series'),
  },
  {
    slo: makeSlo('cart-errors', { service: 'checkout', labels: { team: 'payments', tier: '2' } }),
    snapshot: makeSnapshot(0.1, 2),
  },
];

const ids = (list: SloRow[]) => list.map((r) => r.slo.id);

describe('URL round trip', () => {
  it('leaves defaults out and ignores unknown values', () => {
    expect(queryToParams(DEFAULT_QUERY).toString()).toBe('');
    const query = { ...DEFAULT_QUERY, q: 'cart', team: 'payments', sort: 'burn' as const, dir: 'desc' as const };
    expect(queryFromParams(queryToParams(query))).toEqual(query);
    expect(queryFromParams(new URLSearchParams('sort=bogus&dir=sideways'))).toEqual(DEFAULT_QUERY);
  });
});

describe('filterRows', () => {
  it('searches name, id and description', () => {
    expect(ids(filterRows(rows, { ...DEFAULT_QUERY, q: 'P99' }))).toEqual(['search-latency']);
    expect(ids(filterRows(rows, { ...DEFAULT_QUERY, q: 'login-err' }))).toEqual(['login-errors']);
  });

  it('filters by service, team and any label', () => {
    expect(ids(filterRows(rows, { ...DEFAULT_QUERY, service: 'checkout' }))).toEqual([
      'checkout-availability',
      'cart-errors',
    ]);
    expect(ids(filterRows(rows, { ...DEFAULT_QUERY, team: 'discovery' }))).toEqual(['search-latency']);
    expect(ids(filterRows(rows, { ...DEFAULT_QUERY, label: 'tier=2' }))).toEqual(['cart-errors']);
    expect(filterRows(rows, { ...DEFAULT_QUERY, label: 'tier' })).toEqual([]);
  });

  it('parses key=value label filters', () => {
    expect(parseLabelFilter(' team = payments ')).toEqual(['team', 'payments']);
    expect(parseLabelFilter('a=b=c')).toEqual(['a', 'b=c']);
    expect(parseLabelFilter('=x')).toBeNull();
  });
});

describe('sortRows', () => {
  it('puts no data last in both directions', () => {
    expect(ids(sortRows(rows, 'budget', 'asc'))).toEqual([
      'search-latency',
      'cart-errors',
      'checkout-availability',
      'login-errors',
    ]);
    expect(ids(sortRows(rows, 'budget', 'desc'))).toEqual([
      'checkout-availability',
      'cart-errors',
      'search-latency',
      'login-errors',
    ]);
    expect(ids(sortRows(rows, 'sli', 'desc')).pop()).toBe('login-errors');
  });

  it('sorts status worst first and text alphabetically', () => {
    expect(ids(sortRows(rows, 'status', 'asc'))).toEqual([
      'search-latency',
      'cart-errors',
      'checkout-availability',
      'login-errors',
    ]);
    expect(ids(sortRows(rows, 'name', 'desc'))).toEqual([
      'search-latency',
      'login-errors',
      'checkout-availability',
      'cart-errors',
    ]);
    expect(ids(sortRows(rows, 'objective', 'asc'))[0]).toBe('login-errors');
  });

  it('does not mutate its input', () => {
    const before = ids(rows);
    sortRows(rows, 'name', 'asc');
    expect(ids(rows)).toEqual(before);
  });
});

describe('filterOptions / worstFirst', () => {
  it('collects distinct services, teams and labels', () => {
    expect(filterOptions(rows)).toEqual({
      services: ['auth', 'checkout', 'search'],
      teams: ['discovery', 'payments'],
      labels: ['team=discovery', 'team=payments', 'tier=1', 'tier=2'],
    });
  });

  it('limits to the worst budgets', () => {
    expect(ids(worstFirst(rows, 2))).toEqual(['search-latency', 'cart-errors']);
  });
});

describe('pages', () => {
  it('reads the page from the URL, ignoring nonsense, and writes only pages after the first', () => {
    expect(queryFromParams(new URLSearchParams('page=3')).page).toBe(3);
    expect(queryFromParams(new URLSearchParams('page=-2')).page).toBe(1);
    expect(queryFromParams(new URLSearchParams('page=abc')).page).toBe(1);
    expect(queryToParams({ ...DEFAULT_QUERY, page: 1 }).toString()).toBe('');
    expect(queryToParams({ ...DEFAULT_QUERY, page: 2 }).toString()).toBe('page=2');
  });

  it('slices one page and clamps a page past the end to the last one', () => {
    const items = Array.from({ length: PAGE_SIZE * 2 + 5 }, (_, i) => i);
    expect(pageOf(items, 1)).toMatchObject({ page: 1, pages: 3 });
    expect(pageOf(items, 1).rows).toHaveLength(PAGE_SIZE);
    expect(pageOf(items, 9)).toEqual({ rows: items.slice(PAGE_SIZE * 2), page: 3, pages: 3 });
    expect(pageOf([], 1)).toEqual({ rows: [], page: 1, pages: 1 });
  });
});
