/** What the postmortem pages show, computed outside JSX so it can be tested on its own. */
import {
  isClosedStatus,
  type OpenFlag,
  type Postmortem,
  type PostmortemPrefill,
  type PostmortemStatus,
} from '../../domain/postmortem';
import { checkBlameless } from '../../domain/postmortem/blameless';

export const DAY = 86_400_000;

export const RANGES = [
  { value: '30d', label: 'Last 30 days', days: 30 },
  { value: '90d', label: 'Last 90 days', days: 90 },
  { value: '180d', label: 'Last 180 days', days: 180 },
  { value: '365d', label: 'Last year', days: 365 },
] as const;
export const DEFAULT_RANGE = '90d';

/** The range named by the URL's `range` parameter; anything unknown is the default (90 days). */
export function rangeFromParam(value: string | null) {
  return RANGES.find((r) => r.value === value) ?? RANGES.find((r) => r.value === DEFAULT_RANGE)!;
}

export const STATUS_LABELS: Record<PostmortemStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  published: 'Published',
};

/** Open (not done, not won't-do) and total action items. */
export function itemCounts(pm: Pick<Postmortem, 'actionItems'>): { open: number; total: number } {
  return {
    open: pm.actionItems.filter((i) => !isClosedStatus(i.status)).length,
    total: pm.actionItems.length,
  };
}

/**
 * The incident's response times from the frozen prefill, by the same rules as domain/incident/metrics.ts:
 * detect from the start, acknowledge from detection, mitigate and resolve from the start.
 */
export function prefillDurations(p: PostmortemPrefill) {
  const span = (from: number | undefined, to: number | undefined) =>
    from === undefined || to === undefined ? undefined : to - from;
  return {
    timeToDetect: span(p.startedAt, p.detectedAt),
    timeToAcknowledge: span(p.detectedAt ?? p.startedAt, p.acknowledgedAt),
    timeToMitigate: span(p.startedAt, p.mitigatedAt),
    timeToResolve: span(p.startedAt, p.resolvedAt),
  };
}

/** Names the blameless check looks for: every responder's login and display name, once each. */
export function responderNames(p: PostmortemPrefill): string[] {
  const names = (p.responders ?? []).flatMap((r) => [r.user.login, r.user.name ?? '']);
  return [...new Set(names.map((n) => n.trim()).filter((n) => n !== ''))];
}

/** The blameless flags of every section, as the publish check wants them. */
export function sectionFlags(pm: Postmortem, names: readonly string[]): OpenFlag[] {
  return pm.sections.flatMap((s) =>
    checkBlameless(s.markdown, { responderNames: names }).map((f) => ({ section: s.key, message: f.message }))
  );
}

/** A share as a percentage for people: 0.2345 → "23.45%". */
export function percent(x: number): string {
  return `${Number((x * 100).toFixed(2))}%`;
}

/** A file name for the Markdown export: `postmortem-INC-20260306-ab12.md`. */
export function markdownFilename(incidentId: string): string {
  return `postmortem-${incidentId.replace(/[^A-Za-z0-9_-]/g, '_')}.md`;
}
