import { dataLayers } from '@grafana/scenes';
import type { DataQuery } from '@grafana/schema';
import { sanitizeTagValue } from '../../../domain/incident/annotations';
import { FREEZE_TAG } from '../../../domain/policy/freeze';
import type { Slo } from '../../../domain/slo/model';
import { RELEASE_TAG } from '../../../api/releases';

/**
 * An annotation layer on Grafana's built-in annotation store, filtered by tags: every tag must match (matchAny
 * false), as the incidents layer does. The same query works on any dashboard's annotation settings.
 */
function tagLayer(name: string, tags: string[], iconColor: string) {
  // Grafana's tags query; DataQuery only types refId, so the target is built outside the literal.
  const target: DataQuery & Record<string, unknown> = {
    refId: 'Anno',
    type: 'tags',
    tags,
    matchAny: false,
    limit: 100,
  };
  return new dataLayers.AnnotationsDataLayer({
    name,
    isEnabled: true,
    query: { datasource: { type: 'datasource', uid: 'grafana' }, enable: true, iconColor, name, target },
  });
}

/** The tags of the SLO service's releases, as the release gate writes them. */
export function releaseLayerTags(slo: Pick<Slo, 'service'>): string[] {
  return [RELEASE_TAG, `service:${sanitizeTagValue(slo.service)}`];
}

/** The tags of the SLO service's freezes, as the SLO page writes them. */
export function freezeLayerTags(slo: Pick<Slo, 'service'>): string[] {
  return [FREEZE_TAG, `service:${sanitizeTagValue(slo.service)}`];
}

/** Releases (passed and blocked gate runs) of the SLO's service, drawn on every time series of the SLO page. */
export function releasesLayer(slo: Slo) {
  return tagLayer('Releases', releaseLayerTags(slo), 'blue');
}

/** Release freezes of the SLO's service. */
export function freezesLayer(slo: Slo) {
  return tagLayer('Freezes', freezeLayerTags(slo), 'orange');
}
