/**
 * Releases of a service: the annotations the release gate writes (`sre-reliability gate --annotate`), tagged
 * `sre-release`, `service:<name>`, `version:<v>`, `decision:<ship|blocked|no_data>` and `exception` when an
 * exception let the release through a freeze, with the gate's decision JSON in `data`. And the error budget each
 * release has burned since, with the same queries and arithmetic as an incident's budget (incidentBudget.ts).
 */
import { sanitizeTagValue } from '../domain/incident/annotations';
import { windowDuration } from '../domain/slo/defaults';
import type { DataSourceRef, Slo } from '../domain/slo/model';
import { type AnnotationDto, getAnnotations } from './annotations';
import { NO_DATASOURCE, queryPrometheus, type PromQuery } from './dsQuery';
import { budgetFromResults, type IncidentBudget, incidentBudgetQueries } from './incidentBudget';

export const RELEASE_TAG = 'sre-release';
/** Releases read per range: several a day for months. More is reported as cut off. */
export const RELEASE_LIMIT = 500;

export type ReleaseDecision = 'ship' | 'blocked' | 'no_data' | 'unknown';

export interface Release {
  annotationId: number;
  time: number;
  version?: string;
  decision: ReleaseDecision;
  /** Set when an exception let the release through a freeze. */
  exception?: { reason?: string; approver?: string };
}

const tagValue = (tags: readonly string[], key: string): string | undefined =>
  tags.find((t) => t.startsWith(`${key}:`))?.slice(key.length + 1);

const text = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() !== '' ? x.trim() : undefined);

/**
 * The exception's reason and approver from the decision JSON: `exception: {reason, approver}`, or `exception` as
 * the reason with a top-level `approver` (the gate's flags are `--exception <reason> --approver <login>`).
 */
function exceptionOf(data: unknown, tagged: boolean): Release['exception'] {
  const d = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const ex = d.exception;
  const nested = typeof ex === 'object' && ex !== null ? (ex as Record<string, unknown>) : undefined;
  const reason = text(nested?.reason) ?? text(ex);
  const approver = text(nested?.approver) ?? text(d.approver);
  if (!tagged && reason === undefined) {
    return undefined;
  }
  return { ...(reason && { reason }), ...(approver && { approver }) };
}

/** One gate annotation as a release; its tags decide, its data only adds the exception's details. */
export function parseRelease(a: AnnotationDto): Release {
  const tags = a.tags ?? [];
  const decision = tagValue(tags, 'decision');
  const version = tagValue(tags, 'version');
  const exception = exceptionOf(a.data, tags.includes('exception'));
  return {
    annotationId: a.id,
    time: a.time ?? 0,
    ...(version && { version }),
    decision: decision === 'ship' || decision === 'blocked' || decision === 'no_data' ? decision : 'unknown',
    ...(exception && { exception }),
  };
}

/** The releases of `service` in [from, to], newest first, in ONE request; `truncated` when more exist. */
export async function listReleases(params: {
  service: string;
  from: number;
  to: number;
  limit?: number;
}): Promise<{ releases: Release[]; truncated: boolean }> {
  const limit = params.limit ?? RELEASE_LIMIT;
  // One more than the cap, so exactly `limit` releases are not reported as cut off.
  const found = await getAnnotations({
    tags: [RELEASE_TAG, `service:${sanitizeTagValue(params.service)}`],
    from: params.from,
    to: params.to,
    limit: limit + 1,
  });
  const releases = found
    .slice(0, limit)
    .map(parseRelease)
    .sort((a, b) => b.time - a.time || b.annotationId - a.annotationId);
  return { releases, truncated: found.length > limit };
}

/**
 * The share of the SLO's error budget burned since each release, keyed by annotation id: bad events over
 * [release, now] ÷ all events over the SLO window ending now, × 1/(1 − objective), exactly as an incident's budget.
 * ONE /api/ds/query request for all releases (one bad query per release, one total shared by all); a failure marks
 * every release with the error instead of throwing.
 */
export async function fetchReleaseBudgets(
  slo: Slo,
  releases: ReadonlyArray<Pick<Release, 'annotationId' | 'time'>>,
  datasource: DataSourceRef | undefined,
  now: number
): Promise<Map<number, IncidentBudget>> {
  const out = new Map<number, IncidentBudget>();
  const window = windowDuration(slo);
  if (releases.length === 0) {
    return out;
  }
  if (!datasource?.uid) {
    releases.forEach((r) =>
      out.set(r.annotationId, { window, error: NO_DATASOURCE })
    );
    return out;
  }
  const queries: PromQuery[] = releases.map((r, i) => ({
    refId: `bad${i}`,
    expr: incidentBudgetQueries(slo, r.time, now).bad,
  }));
  queries.push({ refId: 'total', expr: incidentBudgetQueries(slo, now, now).total });
  try {
    const from = Math.min(...releases.map((r) => r.time));
    const results = await queryPrometheus(datasource, queries, { from: Math.min(from, now), to: now, instant: true });
    releases.forEach((r, i) => out.set(r.annotationId, budgetFromResults(slo, results, `bad${i}`, 'total')));
  } catch (e) {
    releases.forEach((r) => out.set(r.annotationId, { window, error: (e as Error).message }));
  }
  return out;
}
