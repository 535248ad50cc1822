/**
 * Pure helpers for putting SLO rule groups into a data source's own ruler (Mimir, Cortex) through Grafana's ruler
 * proxy. The HTTP side is src/api/ruler.ts.
 */
import { groupName } from './names';

/** The ruler namespace SLO rule groups go to unless the user picks another. */
export const DEFAULT_RULER_NAMESPACE = 'sre-reliability';

/** Prefix of every group we generate (`groupName`), and so the only groups we ever remove. */
export const SLO_GROUP_PREFIX = groupName('');

/** Why a ruler namespace cannot be used, or undefined when it can. */
export function namespaceProblem(namespace: string): string | undefined {
  if (namespace.trim() === '') {
    return 'Namespace: must not be empty';
  }
  if (namespace !== namespace.trim()) {
    return 'Namespace: must not start or end with spaces';
  }
  // The namespace is one path segment of the ruler API, and older Grafana proxies pass it upstream unescaped
  // (lotex_ruler.go: "TODO: handle path escaping"), so a '/' would split it into namespace and group.
  if (namespace.includes('/')) {
    return `Namespace: must not contain "/" (got "${namespace}")`;
  }
  return undefined;
}

/**
 * Groups in a namespace we generated that are no longer wanted: named `sre-slo-*` (an SLO's group or its `.hourly`
 * group) and not among `wantedGroups` (see sloGroupNames). Groups that someone else put in the namespace are never
 * touched.
 */
export function staleGroupNames(installed: string[], wantedGroups: string[]): string[] {
  const wanted = new Set(wantedGroups);
  return installed.filter((name) => name.startsWith(SLO_GROUP_PREFIX) && !wanted.has(name)).sort();
}

/** What kind of system a Prometheus data source's buildinfo answer says it is. */
export type RulerKind = 'mimir' | 'mimir-no-ruler' | 'prometheus';

/**
 * Reads `GET <datasource>/api/v1/status/buildinfo` the way Grafana's alerting UI does: Mimir lists `features`
 * (with `ruler_config_api`), vanilla Prometheus answers without them. Cortex has no buildinfo (404), handled by the
 * caller.
 */
export function rulerKindFromBuildInfo(body: unknown): RulerKind {
  const features = (body as { data?: { features?: Record<string, string> } } | null)?.data?.features;
  if (!features) {
    return 'prometheus';
  }
  return features.ruler_config_api === 'true' ? 'mimir' : 'mimir-no-ruler';
}
