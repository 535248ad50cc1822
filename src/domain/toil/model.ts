/**
 * Toil as the Google SRE book defines it (chapter 5, "Eliminating Toil"): operational work that is manual,
 * repetitive, automatable, tactical, without enduring value, and that grows with the service. One entry is one
 * piece of such work someone did; teams hold their toil to a budget, a share of their capacity (the book's cap: 50%).
 */

export const TOIL_KINDS = ['interrupt', 'oncall_page', 'release', 'manual_operation', 'other'] as const;
export type ToilKind = (typeof TOIL_KINDS)[number];

export const TOIL_KIND_LABELS: Record<ToilKind, string> = {
  interrupt: 'Interrupt / ticket',
  oncall_page: 'On-call page',
  release: 'Release',
  manual_operation: 'Manual operation',
  other: 'Other',
};

/** The book's six traits of toil, each a checkbox on an entry. */
export const TOIL_TRAITS = [
  'manual',
  'repetitive',
  'automatable',
  'tactical',
  'noEnduringValue',
  'growsWithService',
] as const;
export type ToilTrait = (typeof TOIL_TRAITS)[number];

export const TOIL_TRAIT_LABELS: Record<ToilTrait, string> = {
  manual: 'Manual',
  repetitive: 'Repetitive',
  automatable: 'Automatable',
  tactical: 'Tactical',
  noEnduringValue: 'No enduring value',
  growsWithService: 'Grows with the service',
};

export type ToilTraits = Record<ToilTrait, boolean>;

/** The fields a person fills in; everything an edit may change. */
export interface ToilFields {
  task: string;
  team: string;
  /** Grafana login of who did the work. */
  who: string;
  /** When the work started, epoch ms. */
  at: number;
  durationMinutes: number;
  kind: ToilKind;
  traits: ToilTraits;
  /** An incident id or an http(s) URL (a ticket). */
  link?: string;
  note?: string;
}

export const TOIL_FIELD_NAMES = [
  'task',
  'team',
  'who',
  'at',
  'durationMinutes',
  'kind',
  'traits',
  'link',
  'note',
] as const satisfies ReadonlyArray<keyof ToilFields>;
export type ToilFieldName = (typeof TOIL_FIELD_NAMES)[number];

/** An entry's annotation `data`, written once by whoever logged it. */
export interface ToilRecord {
  kind: 'toil_entry';
  id: string;
  loggedBy: string;
  fields: ToilFields;
}

/** A later change to some fields of one entry, based on the revision its author saw. */
export interface ToilEditedEvent {
  kind: 'toil_edited';
  id: string;
  entryId: string;
  at: number;
  by: string;
  /** The revision (the entry id, or the id of the last edit) the author's form was loaded from. */
  basedOn: string;
  changes: Partial<ToilFields>;
}

export interface ToilDeletedEvent {
  kind: 'toil_deleted';
  id: string;
  entryId: string;
  at: number;
  by: string;
  basedOn: string;
}

/** A team's estimate of the effort (hours) to automate one task away; the latest per (team, task key) counts. */
export interface ToilEstimateEvent {
  kind: 'toil_estimate';
  id: string;
  team: string;
  taskKey: string;
  effortHours: number;
  at: number;
  by: string;
}

export type ToilEvent = ToilEditedEvent | ToilDeletedEvent | ToilEstimateEvent;

/** Two edits made from the same revision changed the same field: the later one is shown, both are kept here. */
export interface ToilConflict {
  field: ToilFieldName;
  kept: { by: string; at: number; value: unknown };
  overwritten: { by: string; at: number; value: unknown };
}

/** An entry as pages show it: the record with its edits applied. */
export interface ToilEntry extends ToilFields {
  id: string;
  loggedBy: string;
  loggedAt: number;
  /** When the last applied change was made (loggedAt when never edited); a new change is stamped after it. */
  updatedAt: number;
  /** The id of the last applied change (the entry id when never edited); an edit or delete is based on it. */
  revision: string;
  /** Normalised task, the grouping key. */
  taskKey: string;
  conflicts: ToilConflict[];
  /** Someone deleted the entry from an older revision than this one; it is kept until deleted again. */
  staleDelete?: { by: string; at: number };
  /** Derived entries (incident responder time, pages) are computed on read, never stored. */
  derived?: 'incident' | 'page';
  annotationId?: number;
}

/** One team's toil settings (plugin settings, Admin page). */
export interface ToilTeamSettings {
  /** The team name lower-cased and trimmed (toilTeamId): one settings item per team. */
  id: string;
  team: string;
  /** Hours of work a week the team has (people × hours, part-time included). */
  capacityHoursPerWeek: number;
  /** The share of capacity toil may take, in (0, 1]; the SRE book's cap is 0.5. */
  budget: number;
  /** Optimistic-concurrency counter, incremented by every save from the app. */
  revision?: number;
}

/** The settings id of a team: names compare case-insensitively, as Grafana's team names do. */
export const toilTeamId = (team: string): string => team.trim().toLowerCase();

export const DEFAULT_TOIL_BUDGET = 0.5;

export const NO_TRAITS: ToilTraits = {
  manual: false,
  repetitive: false,
  automatable: false,
  tactical: false,
  noEnduringValue: false,
  growsWithService: false,
};
