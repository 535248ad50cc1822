import { ROUTES, prefixRoute } from '../../../constants';
import type { Slo } from '../../../domain/slo/model';

/** The SLO list. */
export const sloListUrl = () => prefixRoute(ROUTES.Slos);

/** The SLO's editor. */
export const sloEditUrl = (slo: Pick<Slo, 'id'>) => prefixRoute(`${ROUTES.Slos}/${encodeURIComponent(slo.id)}/edit`);

/** The declare-incident form, prefilled with this SLO, its service and the range being looked at (epoch ms). */
export function declareIncidentUrl(
  slo: Pick<Slo, 'id' | 'name' | 'service'>,
  range: { from: number; to: number }
): string {
  const params = new URLSearchParams({
    slo: slo.id,
    service: slo.service,
    title: `${slo.name} burning error budget`,
    from: String(range.from),
    to: String(range.to),
  });
  return `${prefixRoute(`${ROUTES.Incidents}/new`)}?${params}`;
}
