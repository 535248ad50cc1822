import type { Sla } from '../../domain/sla/model';
import type { SlaPeriodResult, SlaStanding } from '../../domain/sla/report';

/** The SLA list's filters; each round-trips through the URL so a view can be shared. */
export interface SlaListQuery {
  customer: string;
  service: string;
  standing: SlaStanding | '';
}

const STANDINGS: readonly SlaStanding[] = ['met', 'at_risk', 'breached', 'no_data'];

/** The filters in the URL's search params; unknown standings are ignored. */
export function queryFromParams(params: URLSearchParams): SlaListQuery {
  const standing = params.get('standing') ?? '';
  return {
    customer: params.get('customer') ?? '',
    service: params.get('service') ?? '',
    standing: (STANDINGS as readonly string[]).includes(standing) ? (standing as SlaStanding) : '',
  };
}

/** The filters as search params, leaving out the empty ones. */
export function queryToParams(q: SlaListQuery): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of ['customer', 'service', 'standing'] as const) {
    if (q[key]) {
      out.set(key, q[key]);
    }
  }
  return out;
}

/** One SLA with this period's result; `result` is undefined while it loads, `error` when it failed. */
export interface SlaRow {
  sla: Sla;
  result?: SlaPeriodResult;
  error?: string;
}

/** The rows matching every filter; a row still loading matches any standing only when none is chosen. */
export function filterRows(rows: readonly SlaRow[], q: SlaListQuery): SlaRow[] {
  return rows.filter(
    (r) =>
      (!q.customer || (r.sla.customer ?? '') === q.customer) &&
      (!q.service || r.sla.services.includes(q.service)) &&
      (!q.standing || r.result?.standing === q.standing)
  );
}

/** The customers and services to filter by, sorted. */
export function filterOptions(slas: readonly Sla[]): { customers: string[]; services: string[] } {
  const customers = new Set<string>();
  const services = new Set<string>();
  for (const s of slas) {
    if (s.customer) {
      customers.add(s.customer);
    }
    s.services.forEach((x) => services.add(x));
  }
  const sort = (xs: Set<string>) => [...xs].sort((a, b) => a.localeCompare(b));
  return { customers: sort(customers), services: sort(services) };
}
