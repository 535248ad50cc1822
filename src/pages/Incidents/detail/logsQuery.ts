import { buildLogSelector } from '../../../domain/logs/logql';

/**
 * The LogQL queries of an incident's logs panel: the stream selector of its services, then every selector added
 * to the incident, each as its own query. They are shown together (a union) rather than merged with
 * mergeSelectors, which intersects: an added selector naming another service would otherwise match nothing.
 * An error (invalid label setting) is returned, not thrown, so the page can explain it.
 */
export function incidentLogQueries(
  incident: { services: readonly string[]; logSelectors: readonly string[] },
  labelName: string
): { exprs: string[] } | { error: string } {
  const exprs: string[] = [];
  if (incident.services.some((s) => s.trim() !== '')) {
    try {
      exprs.push(buildLogSelector(incident.services, labelName));
    } catch (e) {
      return { error: (e as Error).message };
    }
  }
  for (const selector of incident.logSelectors) {
    if (!exprs.includes(selector)) {
      exprs.push(selector);
    }
  }
  return exprs.length === 0 ? { error: 'The incident names no service and no log selector.' } : { exprs };
}
