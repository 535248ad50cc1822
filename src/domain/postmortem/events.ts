/**
 * Postmortem events: the only thing stored. Each is one point annotation, stamped at the time it was written,
 * tagged `sre-postmortem` and `incident:<id>`, whose `data` is the event. Events are never edited or deleted,
 * so two writers never overwrite each other; the postmortem is their fold (fold.ts).
 *
 * The `incident:<id>` tag is shared with the incident's own events, so every event carries `schema` as well:
 * a reader that lists an incident's annotations by that tag alone can tell the two streams apart.
 */
import { timeRandomId } from '../ids';
import { INCIDENT_ID_PATTERN } from '../incident/ids';
import { escapeHtml } from '../incident/html';
import type { ActionItemFields, ActionItemOwner, PostmortemPrefill, PostmortemStatus, SectionTemplate } from './model';

export const POSTMORTEM_TAG = 'sre-postmortem';
export const POSTMORTEM_SCHEMA = 'sre-postmortem/v1';

interface EventBase {
  schema: typeof POSTMORTEM_SCHEMA;
  /** Unique, chosen by the writer (newPostmortemEventId) so a retried append is recognised as the same event. */
  id: string;
  incidentId: string;
  at: number;
  /** Grafana login of the person who wrote the event. */
  author: string;
}

export interface StartedEvent extends EventBase {
  type: 'started';
  prefill: PostmortemPrefill;
  /** The section template in force when started; later admin changes do not reshape this postmortem. */
  template?: SectionTemplate[];
  /** Prefilled section texts (timeline, impact, ...): revision 1 of each, by the starter. */
  sections?: Array<{ key: string; markdown: string }>;
}

export interface SectionEditedEvent extends EventBase {
  type: 'section_edited';
  section: string;
  markdown: string;
  /** The section revision the author's editor was loaded from. */
  baseRevision: number;
  /** Ids of conflicting edits (SectionConflict.mine.eventId) this edit merged, closing those conflicts. */
  resolves?: string[];
}

export interface StatusChangedEvent extends EventBase {
  type: 'status_changed';
  to: PostmortemStatus;
  /** What the writer saw; informational, the fold checks the transition against its own state. */
  from?: PostmortemStatus;
  /** Publishing without action items needs this stated reason (workflow.ts). */
  noActionReason?: string;
}

export interface ReviewerAddedEvent extends EventBase {
  type: 'reviewer_added';
  reviewer: ActionItemOwner;
}

export interface ApprovedEvent extends EventBase {
  type: 'approved';
}

/** A change after publishing; a `section_edited` after publishing is recorded the same way. */
export interface AmendedEvent extends EventBase {
  type: 'amended';
  section: string;
  text: string;
}

export interface ActionItemAddedEvent extends EventBase {
  type: 'action_item_added';
  itemId: string;
  item: ActionItemFields;
}

/** A field-level patch of one item: fields absent from `changes` are left as they are. */
export interface ActionItemUpdatedEvent extends EventBase {
  type: 'action_item_updated';
  itemId: string;
  /** The item revision (its id, or the id of its last change) the author's form was loaded from. */
  baseRevision: string;
  /** `null` clears an optional field (owner, trackerUrl, wontDoReason). */
  changes: { [K in keyof ActionItemFields]?: ActionItemFields[K] | null };
}

export interface ActionItemClosedEvent extends EventBase {
  type: 'action_item_closed';
  itemId: string;
  status: 'done' | 'wont_do';
  /** Required for `wont_do`. */
  reason?: string;
}

export interface FlagsAcknowledgedEvent extends EventBase {
  type: 'flags_acknowledged';
  flags: Array<{ section: string; message: string }>;
}

export type PostmortemEvent =
  | StartedEvent
  | SectionEditedEvent
  | StatusChangedEvent
  | ReviewerAddedEvent
  | ApprovedEvent
  | AmendedEvent
  | ActionItemAddedEvent
  | ActionItemUpdatedEvent
  | ActionItemClosedEvent
  | FlagsAcknowledgedEvent;

export type PostmortemEventType = PostmortemEvent['type'];

export const POSTMORTEM_EVENT_TYPES: readonly PostmortemEventType[] = [
  'started',
  'section_edited',
  'status_changed',
  'reviewer_added',
  'approved',
  'amended',
  'action_item_added',
  'action_item_updated',
  'action_item_closed',
  'flags_acknowledged',
];

/** A new event id, unique among concurrent writers. */
export function newPostmortemEventId(now: number, random: () => number): string {
  return timeRandomId('pme', now, random, 10);
}

/** A new action item id such as `ai-mi3k2a1b-x7p2q9ab`. */
export function newActionItemId(now: number, random: () => number): string {
  return timeRandomId('ai', now, random, 8);
}

const INCIDENT_TAG_PREFIX = 'incident:';

/** The tag naming the incident a postmortem belongs to (the same tag the incident's events carry). */
export function postmortemIncidentTag(incidentId: string): string {
  if (!INCIDENT_ID_PATTERN.test(incidentId)) {
    // Ids come from our own incidents; anything else would make a tag that matches the wrong annotations.
    throw new RangeError(`not an incident id: ${JSON.stringify(incidentId)}`);
  }
  return `${INCIDENT_TAG_PREFIX}${incidentId}`;
}

/** Tags of every postmortem event: `sre-postmortem` lists all postmortems, the second narrows to one. */
export function postmortemTags(incidentId: string): string[] {
  return [POSTMORTEM_TAG, postmortemIncidentTag(incidentId)];
}

/** What the API layer POSTs to /api/annotations. Grafana refuses an empty `text`, so there always is one. */
export interface PostmortemAnnotationBody {
  time: number;
  tags: string[];
  text: string;
  data: PostmortemEvent;
}

/** A one-line plain-text description of an event for the annotation tooltip (escaped by the caller). */
export function describePostmortemEvent(event: PostmortemEvent): string {
  switch (event.type) {
    case 'started':
      return `Postmortem started: ${event.prefill.title}`;
    case 'section_edited':
      return `Postmortem section edited: ${event.section}`;
    case 'status_changed':
      return `Postmortem ${event.to.replace('_', ' ')}`;
    case 'reviewer_added':
      return `Postmortem reviewer added: ${event.reviewer.name ?? event.reviewer.login}`;
    case 'approved':
      return 'Postmortem approved';
    case 'amended':
      return `Postmortem amended: ${event.section}`;
    case 'action_item_added':
      return `Action item added (${event.item.priority}): ${event.item.title}`;
    case 'action_item_updated':
      return `Action item updated (${Object.keys(event.changes).join(', ')})`;
    case 'action_item_closed':
      return `Action item ${event.status === 'done' ? 'done' : "won't do"}`;
    case 'flags_acknowledged':
      return `Blameless flags acknowledged: ${event.flags.length}`;
  }
}

/** The point annotation of one event; `data` is the event, the source of truth; `text` is escaped HTML. */
export function postmortemEventAnnotation(event: PostmortemEvent): PostmortemAnnotationBody {
  return {
    time: event.at,
    tags: postmortemTags(event.incidentId),
    text: `${escapeHtml(describePostmortemEvent(event))} <i>(${escapeHtml(event.author)}, ${escapeHtml(event.incidentId)})</i>`,
    data: event,
  };
}
