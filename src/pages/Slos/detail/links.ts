import { ROUTES } from '../../../constants';
import { appHref } from '../../../components/links';
import type { Slo } from '../../../domain/slo/model';

// hrefs for anchors (with Grafana's sub-path): for navigate(), use prefixRoute.

/** The SLO list. */
export const sloListUrl = () => appHref(ROUTES.Slos);

/** The SLO's editor. */
export const sloEditUrl = (slo: Pick<Slo, 'id'>) => appHref(`${ROUTES.Slos}/${encodeURIComponent(slo.id)}/edit`);

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
  return appHref(`${ROUTES.Incidents}/new?${params}`);
}
