/**
 * The postmortem model: the state a client gets by folding a postmortem's append-only events (fold.ts). Never
 * stored; only the events are. One postmortem per incident, so the incident id is the postmortem's id.
 * Pure data, JSON-serialisable. Times are epoch milliseconds.
 */
import type { GrafanaUser, Severity } from '../incident/model';
import type { PostmortemEvent } from './events';

export type PostmortemStatus = 'draft' | 'in_review' | 'published';
export const POSTMORTEM_STATUSES: readonly PostmortemStatus[] = ['draft', 'in_review', 'published'];

/** The SRE book's classes of action item (Site Reliability Engineering, "Postmortem Culture"), plus process. */
export const ACTION_ITEM_TYPES = ['investigate', 'mitigate', 'repair', 'detect', 'prevent', 'process'] as const;
export type ActionItemType = (typeof ACTION_ITEM_TYPES)[number];

/** P0 is the most urgent. */
export const ACTION_ITEM_PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
export type ActionItemPriority = (typeof ACTION_ITEM_PRIORITIES)[number];

export const ACTION_ITEM_STATUSES = ['open', 'in_progress', 'done', 'wont_do'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

/** Done and won't-do items are closed: they carry `closedAt` and count as finished in completion rates. */
export const isClosedStatus = (s: ActionItemStatus): boolean => s === 'done' || s === 'wont_do';

export type ActionItemOwner = Pick<GrafanaUser, 'login' | 'name'>;

/** What a person fills in for an action item; everything an update may change. */
export interface ActionItemFields {
  title: string;
  type: ActionItemType;
  priority: ActionItemPriority;
  /** Unassigned until someone picks an owner. */
  owner?: ActionItemOwner;
  /** Due date, epoch ms (defaulted from the priority by policy.ts). */
  due: number;
  /** An http(s) URL of the ticket in the team's tracker; anything else is refused when parsed. */
  trackerUrl?: string;
  status: ActionItemStatus;
  /** Required when status is `wont_do`. */
  wontDoReason?: string;
}

export const ACTION_ITEM_FIELD_NAMES = [
  'title',
  'type',
  'priority',
  'owner',
  'due',
  'trackerUrl',
  'status',
  'wontDoReason',
] as const satisfies ReadonlyArray<keyof ActionItemFields>;
export type ActionItemFieldName = (typeof ACTION_ITEM_FIELD_NAMES)[number];

/** Two updates made from the same revision changed the same field: the later is shown, both are kept here. */
export interface ActionItemConflict {
  field: ActionItemFieldName;
  kept: { by: string; at: number; value: unknown };
  overwritten: { by: string; at: number; value: unknown };
}

export interface ActionItem extends ActionItemFields {
  id: string;
  createdAt: number;
  createdBy: string;
  /** When it last became done or won't-do; absent while open or in progress. */
  closedAt?: number;
  /** The id of the last applied change (the item id when never changed): an update is based on it. */
  revision: string;
  updatedAt: number;
  conflicts: ActionItemConflict[];
}

/** One section of the write-up. `revision` counts accepted edits (0: never edited). */
export interface Section {
  key: string;
  title: string;
  markdown: string;
  revision: number;
  editedBy?: string;
  editedAt?: number;
}

/**
 * Two people edited the same section from the same revision. The first (in fold order) is the section's text
 * ("theirs", from the second author's point of view); the second ("mine") is kept here so the UI can show both
 * and let its author merge. It stays open until an edit based on `revision` or later lands.
 */
export interface SectionConflict {
  section: string;
  /** The revision both edits were based on. */
  base: number;
  /** The section's revision when the losing edit arrived: the one a merge must be based on. */
  revision: number;
  theirs: { text: string; author: string; at: number; eventId?: string };
  mine: { text: string; author: string; at: number; eventId: string };
}

/** A change to a published postmortem: recorded beside the text, never overwriting it. */
export interface Amendment {
  by: string;
  at: number;
  section: string;
  text: string;
}

export interface Approval {
  login: string;
  at: number;
}

/** A blameless-language flag someone acknowledged before publishing (matched on section and message). */
export interface AcknowledgedFlag {
  section: string;
  message: string;
  by: string;
  at: number;
}

export interface ResponderSnapshot {
  role: string;
  user: ActionItemOwner;
  /** When they took the role (handovers give several entries per role). */
  from?: number;
  to?: number;
}

/** The error budget the incident consumed for one linked SLO: 0.25 is a quarter of the window's budget. */
export interface SloBudgetConsumption {
  sloId: string;
  sloName?: string;
  /** Undefined when unknown (no traffic, failed query): never treated as crossing a threshold. */
  consumed?: number;
  /** The SLO's own error-budget policy share (ErrorBudgetPolicy.incidentBudgetShare), when it has one. */
  share?: number;
}

/** What the incident looked like when the postmortem was started: the prefill, frozen in the `started` event. */
export interface PostmortemPrefill {
  title: string;
  severity: Severity;
  services: string[];
  sloIds?: string[];
  startedAt: number;
  detectedAt?: number;
  acknowledgedAt?: number;
  mitigatedAt?: number;
  resolvedAt?: number;
  responders?: ResponderSnapshot[];
  budgets?: SloBudgetConsumption[];
  exploreUrl?: string;
}

export interface Postmortem {
  /** The incident's id: one postmortem per incident. */
  incidentId: string;
  status: PostmortemStatus;
  startedBy: string;
  startedAt: number;
  prefill: PostmortemPrefill;
  /** In template order; sections added later by an edit of an unknown key come last. */
  sections: Section[];
  conflicts: SectionConflict[];
  /** In creation order. */
  actionItems: ActionItem[];
  /** Why there are no action items, stated when publishing without any. */
  noActionReason?: string;
  reviewers: ActionItemOwner[];
  approvals: Approval[];
  amendments: Amendment[];
  acknowledged: AcknowledgedFlag[];
  publishedAt?: number;
  publishedBy?: string;
  updatedAt: number;
  /** Every valid event, in fold order, including edits that became conflicts: nothing read is dropped. */
  history: PostmortemEvent[];
}

/** Why an event was not applied. Never thrown; always returned. */
export interface PostmortemProblem {
  eventId?: string;
  message: string;
}

/** A section as admins configure it (Admin page): rename, reorder and add; `order` sorts ascending. */
export interface SectionTemplate {
  key: string;
  title: string;
  order: number;
}

/**
 * The union of the Google SRE book's postmortem template (Site Reliability Engineering, appendix D) and
 * PagerDuty's (response.pagerduty.com/after/post_mortem_template/).
 */
export const DEFAULT_SECTIONS: readonly SectionTemplate[] = [
  { key: 'summary', title: 'Summary', order: 10 },
  { key: 'impact', title: 'Impact', order: 20 },
  { key: 'timeline', title: 'Timeline', order: 30 },
  { key: 'root_causes', title: 'Root causes and trigger', order: 40 },
  { key: 'detection', title: 'Detection', order: 50 },
  { key: 'resolution', title: 'Resolution', order: 60 },
  { key: 'went_well', title: 'What went well', order: 70 },
  { key: 'went_wrong', title: 'What went wrong', order: 80 },
  { key: 'got_lucky', title: 'Where we got lucky', order: 90 },
  { key: 'action_items', title: 'Action items', order: 100 },
  { key: 'supporting_links', title: 'Supporting links', order: 110 },
];

/** Keys the publish rules read (workflow.ts); a template must keep them, though it may rename them. */
export const REQUIRED_SECTION_KEYS = ['summary', 'impact', 'root_causes'] as const;

/** Lower-case letters, digits and underscores, starting with a letter: safe in URLs, ids and event data. */
export const SECTION_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const MAX_SECTION_TITLE = 80;
export const MAX_SECTIONS = 40;

export interface TemplateProblem {
  /** A path into the template, e.g. `sections[2].key`. */
  field: string;
  message: string;
}

/** Problems of an admin's section template (unknown JSON from plugin settings), each naming its field. */
export function validateSectionTemplate(x: unknown): TemplateProblem[] {
  if (!Array.isArray(x)) {
    return [{ field: 'sections', message: 'must be a list of {key, title, order}' }];
  }
  const problems: TemplateProblem[] = [];
  if (x.length === 0) {
    problems.push({ field: 'sections', message: 'must have at least one section' });
  } else if (x.length > MAX_SECTIONS) {
    problems.push({ field: 'sections', message: `must have at most ${MAX_SECTIONS} sections` });
  }
  const seen = new Map<string, number>();
  x.forEach((s: unknown, i) => {
    const at = `sections[${i}]`;
    if (typeof s !== 'object' || s === null || Array.isArray(s)) {
      problems.push({ field: at, message: 'must be {key, title, order}' });
      return;
    }
    const { key, title, order } = s as Record<string, unknown>;
    if (typeof key !== 'string' || !SECTION_KEY_PATTERN.test(key)) {
      problems.push({
        field: `${at}.key`,
        message: `must be 1-40 lower-case letters, digits or _ starting with a letter, got ${JSON.stringify(key) ?? 'nothing'}`,
      });
    } else if (seen.has(key)) {
      problems.push({ field: `${at}.key`, message: `"${key}" is already used by sections[${seen.get(key)}]` });
    } else {
      seen.set(key, i);
    }
    if (typeof title !== 'string' || title.trim() === '') {
      problems.push({ field: `${at}.title`, message: 'must not be empty' });
    } else if (title.trim().length > MAX_SECTION_TITLE) {
      problems.push({ field: `${at}.title`, message: `must be at most ${MAX_SECTION_TITLE} characters` });
    }
    if (typeof order !== 'number' || !Number.isFinite(order)) {
      problems.push({ field: `${at}.order`, message: 'must be a number' });
    }
  });
  for (const key of REQUIRED_SECTION_KEYS) {
    if (Array.isArray(x) && problems.length === 0 && !seen.has(key)) {
      problems.push({
        field: 'sections',
        message: `must keep the "${key}" section (publishing requires it); rename it instead`,
      });
    }
  }
  return problems;
}

/** The template's sections sorted by `order`, then key, so equal orders sort the same on every client. */
export function orderedSections(template: readonly SectionTemplate[]): SectionTemplate[] {
  return [...template].sort((a, b) => a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
