/**
 * The review workflow: draft → in review → published, and back from review to draft. Publishing has
 * requirements (what a useful postmortem must say); this module lists the unmet ones as sentences the page can
 * show, and the blameless flags still to acknowledge. It warns about flags, it never blocks on them.
 */
import { crossesIncidentShare } from '../incident/budgetRule';
import type { Postmortem, PostmortemStatus, Section, SloBudgetConsumption } from './model';

const TRANSITIONS: Readonly<Record<PostmortemStatus, readonly PostmortemStatus[]>> = {
  draft: ['in_review'],
  in_review: ['draft', 'published'],
  // Published is final: later changes are amendments.
  published: [],
};

/** Whether the workflow allows moving from `from` to `to`. */
export function canTransition(from: PostmortemStatus, to: PostmortemStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The statuses reachable from `from` in one step, for the page's buttons. */
export function nextStatuses(from: PostmortemStatus): readonly PostmortemStatus[] {
  return TRANSITIONS[from];
}

/** A blameless-language flag as the check reports it (only what the workflow needs). */
export interface OpenFlag {
  section: string;
  message: string;
}

export interface PublishInput {
  /** The current flags of every section (from the blameless check). */
  flags: readonly OpenFlag[];
  /** The reason for having no action items, if the author gives one while publishing. */
  noActionReason?: string;
  /** The budget consumed per linked SLO; defaults to the prefill's snapshot. */
  budgets?: readonly SloBudgetConsumption[];
  /** The share above which a P0 item is needed when an SLO has no share of its own (policy.ts: 0.2). */
  p0BudgetShare: number;
}

export interface PublishCheck {
  /** True when `unmet` is empty: the page may offer "Publish" (after acknowledging `flagsToAcknowledge`). */
  ready: boolean;
  /** Each unmet requirement as a sentence. */
  unmet: string[];
  /** Flags not yet acknowledged: publishing lists them and asks for an acknowledgement, it does not block. */
  flagsToAcknowledge: OpenFlag[];
}

const hasText = (s: Section | undefined): boolean => s !== undefined && s.markdown.trim() !== '';
const sectionTitle = (pm: Postmortem, key: string, fallback: string): string =>
  pm.sections.find((s) => s.key === key)?.title ?? fallback;
const pct = (x: number): string => `${Number((x * 100).toFixed(2))}%`;

/** What stands between a postmortem and publishing, as messages; and the flags to acknowledge. */
export function publishCheck(pm: Postmortem, input: PublishInput): PublishCheck {
  const unmet: string[] = [];
  if (pm.status !== 'in_review') {
    unmet.push(
      pm.status === 'published'
        ? 'It is already published.'
        : 'Send it for review first: only a postmortem in review can be published.'
    );
  }
  const byKey = new Map(pm.sections.map((s) => [s.key, s]));
  for (const [key, fallback] of [
    ['summary', 'Summary'],
    ['impact', 'Impact'],
  ] as const) {
    if (!hasText(byKey.get(key))) {
      unmet.push(`Write the ${sectionTitle(pm, key, fallback)} section.`);
    }
  }
  if (!hasText(byKey.get('root_causes'))) {
    unmet.push(`Name at least one root cause in ${sectionTitle(pm, 'root_causes', 'Root causes and trigger')}.`);
  }
  const reason = (input.noActionReason ?? pm.noActionReason ?? '').trim();
  if (pm.actionItems.length === 0 && reason === '') {
    unmet.push('Add at least one action item, or state why none is needed.');
  }
  const over = (input.budgets ?? pm.prefill.budgets ?? []).filter((b) =>
    crossesIncidentShare(b.consumed, b.share ?? input.p0BudgetShare)
  );
  if (over.length > 0 && !pm.actionItems.some((i) => i.priority === 'P0' && i.status !== 'wont_do')) {
    const names = over.map((b) => `${b.sloName ?? b.sloId} (${pct(b.consumed!)} of its budget)`).join(', ');
    unmet.push(
      `Add a P0 action item: this incident consumed more than ${pct(over[0].share ?? input.p0BudgetShare)} of an SLO's error budget: ${names}.`
    );
  }
  const acked = new Set(pm.acknowledged.map((a) => flagKey(a)));
  const seen = new Set<string>();
  const flagsToAcknowledge = input.flags.filter((f) => {
    const k = flagKey(f);
    const open = !acked.has(k) && !seen.has(k);
    seen.add(k);
    return open;
  });
  return { ready: unmet.length === 0, unmet, flagsToAcknowledge };
}

/** Flags match on section and message: the same wording in the same section is the same flag. */
export const flagKey = (f: OpenFlag): string => `${f.section}\u0000${f.message}`;
