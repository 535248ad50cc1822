import type { SloStatus } from '../../domain/slo/budget';
import { SLO_STATUSES } from '../../components/sloStatusMeta';

/** How many SLOs are in each status, every status present (zero included), worst first. */
export function countByStatus(statuses: SloStatus[]): Array<{ status: SloStatus; count: number }> {
  return SLO_STATUSES.map((status) => ({ status, count: statuses.filter((s) => s === status).length }));
}
