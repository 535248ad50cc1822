import type { SloStatus } from '../../domain/slo/budget';
import { SLO_STATUSES } from '../../components/sloStatusMeta';

/**
 * How many SLOs are in each status, worst first; every budget status is present (zero included), while
 * `bad_data` (impossible numbers) only shows when some SLO has it.
 */
export function countByStatus(statuses: SloStatus[]): Array<{ status: SloStatus; count: number }> {
  return SLO_STATUSES.map((status) => ({ status, count: statuses.filter((s) => s === status).length })).filter(
    ({ status, count }) => status !== 'bad_data' || count > 0
  );
}
