/**
 * Postmortem state = the fold of its events, sorted by (`at`, `id`) first so that every client computes the same
 * state whatever order the API returned them in. The fold never throws and loses nothing: every valid event is
 * applied, or kept as a conflict or an amendment, and appears in `history`; the rest are reported as problems.
 */
import type { ActionItemUpdatedEvent, PostmortemEvent, SectionEditedEvent, StartedEvent } from './events';
import {
  type ActionItem,
  type ActionItemFieldName,
  type ActionItemFields,
  DEFAULT_SECTIONS,
  isClosedStatus,
  orderedSections,
  type Postmortem,
  type PostmortemProblem,
  type Section,
} from './model';
import { compareEvents } from '../incident/fold';
import { parsePostmortemEvent } from './parseEvent';
import { canTransition, flagKey } from './workflow';

export interface PostmortemFoldResult {
  /** Undefined until a valid `started` event is seen. */
  postmortem?: Postmortem;
  problems: PostmortemProblem[];
  /** Well-formed events of kinds this version does not know (newer writers): skipped, not errors. */
  ignored: string[];
}

/** The total order events are folded in: time, then id, then content; the same order as incident events. */
export const comparePostmortemEvents: (a: PostmortemEvent, b: PostmortemEvent) => number = compareEvents;

interface ItemChange {
  index: number;
  by: string;
  at: number;
  value: unknown;
}

/** Mutable bookkeeping of one fold; the Postmortem it returns is a fresh object. */
class Folder {
  readonly problems: PostmortemProblem[] = [];
  private readonly lastEdit = new Map<string, string>();
  private readonly itemRevisions = new Map<string, string[]>();
  private readonly itemChanges = new Map<string, Map<ActionItemFieldName, ItemChange>>();

  constructor(readonly pm: Postmortem) {}

  problem(eventId: string, message: string): void {
    this.problems.push({ eventId, message });
  }

  apply(e: PostmortemEvent): boolean {
    const pm = this.pm;
    switch (e.type) {
      case 'started':
        // A second start (two people pressed "Write postmortem" at once): its prefilled texts compete as edits.
        for (const s of e.sections ?? []) {
          // The same prefill twice (the usual case: both read the same incident) is no competing text.
          if (pm.sections.find((x) => x.key === s.key)?.markdown === s.markdown) {
            continue;
          }
          this.editSection({ ...e, type: 'section_edited', section: s.key, markdown: s.markdown, baseRevision: 0 });
        }
        this.problem(e.id, `${e.author} started this postmortem again; the first start is kept, its texts are edits`);
        return true;
      case 'section_edited':
        return this.editSection(e);
      case 'amended':
        if (pm.status !== 'published') {
          this.problem(e.id, `amendment by ${e.author} before publishing is skipped; edit the section instead`);
          return false;
        }
        pm.amendments.push({ by: e.author, at: e.at, section: e.section, text: e.text });
        return true;
      case 'status_changed':
        if (!canTransition(pm.status, e.to)) {
          this.problem(e.id, `${e.author} cannot move the postmortem from ${pm.status} to ${e.to}; skipped`);
          return false;
        }
        pm.status = e.to;
        if (e.noActionReason !== undefined) {
          pm.noActionReason = e.noActionReason;
        }
        if (e.to === 'published') {
          pm.publishedAt = e.at;
          pm.publishedBy = e.author;
        }
        return true;
      case 'reviewer_added':
        if (!pm.reviewers.some((r) => r.login === e.reviewer.login)) {
          pm.reviewers.push(e.reviewer);
        }
        return true;
      case 'approved':
        if (pm.status !== 'in_review') {
          this.problem(e.id, `approval by ${e.author} while ${pm.status} is skipped; approvals happen in review`);
          return false;
        }
        if (!pm.reviewers.some((r) => r.login === e.author)) {
          this.problem(e.id, `${e.author} approved but is not a reviewer; skipped`);
          return false;
        }
        if (!pm.approvals.some((a) => a.login === e.author)) {
          pm.approvals.push({ login: e.author, at: e.at });
        }
        return true;
      case 'flags_acknowledged':
        for (const f of e.flags) {
          if (!pm.acknowledged.some((a) => flagKey(a) === flagKey(f))) {
            pm.acknowledged.push({ ...f, by: e.author, at: e.at });
          }
        }
        return true;
      case 'action_item_added':
        return this.addItem(e.id, e.itemId, e.item, e.author, e.at);
      case 'action_item_updated':
        return this.updateItem(e);
      case 'action_item_closed':
        return this.updateItem({
          ...e,
          type: 'action_item_updated',
          baseRevision: this.itemRevisions.get(e.itemId)?.at(-1) ?? e.itemId,
          changes: { status: e.status, ...(e.reason !== undefined && { wontDoReason: e.reason }) },
        });
    }
  }

  private editSection(e: SectionEditedEvent): boolean {
    const pm = this.pm;
    if (pm.status === 'published') {
      pm.amendments.push({ by: e.author, at: e.at, section: e.section, text: e.markdown });
      return true;
    }
    let section = pm.sections.find((s) => s.key === e.section);
    if (!section) {
      // A section the template did not have (an admin added it later): kept, titled by its key until renamed.
      section = { key: e.section, title: e.section, markdown: '', revision: 0 };
      pm.sections.push(section);
    }
    if (e.baseRevision < section.revision) {
      pm.conflicts.push({
        section: e.section,
        base: e.baseRevision,
        revision: section.revision,
        theirs: {
          text: section.markdown,
          author: section.editedBy ?? pm.startedBy,
          at: section.editedAt ?? pm.startedAt,
          ...(this.lastEdit.has(e.section) && { eventId: this.lastEdit.get(e.section) }),
        },
        mine: { text: e.markdown, author: e.author, at: e.at, eventId: e.id },
      });
      return true;
    }
    if (e.baseRevision > section.revision) {
      // Only possible when some events were not read (a query limit): the edit is the newest text we know.
      this.problem(
        e.id,
        `edit of ${e.section} is based on revision ${e.baseRevision} but only ${section.revision} were read`
      );
    }
    const resolves = new Set(e.resolves ?? []);
    pm.conflicts = pm.conflicts.filter(
      (c) => c.section !== e.section || !(resolves.has(c.mine.eventId) || c.mine.author === e.author)
    );
    Object.assign(section, {
      markdown: e.markdown,
      revision: section.revision + 1,
      editedBy: e.author,
      editedAt: e.at,
    });
    this.lastEdit.set(e.section, e.id);
    return true;
  }

  private addItem(eventId: string, itemId: string, fields: ActionItemFields, by: string, at: number): boolean {
    if (this.itemRevisions.has(itemId)) {
      this.problem(eventId, `action item ${itemId} was already added; skipped`);
      return false;
    }
    const item: ActionItem = {
      ...fields,
      id: itemId,
      createdAt: at,
      createdBy: by,
      ...(isClosedStatus(fields.status) && { closedAt: at }),
      revision: itemId,
      updatedAt: at,
      conflicts: [],
    };
    const bad = itemProblem(item);
    if (bad) {
      this.problem(eventId, `action item ${itemId} is skipped: ${bad}`);
      return false;
    }
    this.pm.actionItems.push(item);
    this.itemRevisions.set(itemId, [itemId]);
    this.itemChanges.set(itemId, new Map());
    return true;
  }

  /** Field-level merge, as toil entries do: see toil/fold.ts. */
  private updateItem(e: ActionItemUpdatedEvent): boolean {
    const items = this.pm.actionItems;
    const index = items.findIndex((i) => i.id === e.itemId);
    if (index < 0) {
      this.problem(e.id, `change of unknown action item ${e.itemId} is skipped`);
      return false;
    }
    const item = items[index];
    const revisions = this.itemRevisions.get(item.id)!;
    const changed = this.itemChanges.get(item.id)!;
    // An unknown base (its event was not read) counts as the original item: conflicts over-reported, never missed.
    const baseIndex = Math.max(0, revisions.indexOf(e.baseRevision));
    const next: ActionItem = { ...item, revision: e.id, updatedAt: e.at, conflicts: [...item.conflicts] };
    const record = next as unknown as Record<string, unknown>;
    const pending: Array<[ActionItemFieldName, ItemChange]> = [];
    for (const [field, value] of Object.entries(e.changes) as Array<[ActionItemFieldName, unknown]>) {
      const previous = changed.get(field);
      if (previous && previous.index > baseIndex && JSON.stringify(previous.value) !== JSON.stringify(value)) {
        next.conflicts.push({
          field,
          kept: { by: e.author, at: e.at, value },
          overwritten: { by: previous.by, at: previous.at, value: previous.value },
        });
      }
      pending.push([field, { index: revisions.length, by: e.author, at: e.at, value }]);
      if (value === null) {
        delete record[field];
      } else {
        record[field] = value;
      }
    }
    if (isClosedStatus(next.status) && !isClosedStatus(item.status)) {
      next.closedAt = e.at;
    } else if (!isClosedStatus(next.status)) {
      delete next.closedAt;
    }
    if (next.status !== 'wont_do') {
      delete next.wontDoReason;
    }
    const bad = itemProblem(next);
    if (bad) {
      this.problem(e.id, `change of action item ${item.id} by ${e.author} is skipped: ${bad}`);
      return false;
    }
    pending.forEach(([field, change]) => changed.set(field, change));
    revisions.push(e.id);
    items[index] = next;
    return true;
  }
}

function itemProblem(item: ActionItem): string | undefined {
  if (item.status === 'wont_do' && (item.wontDoReason ?? '').trim() === '') {
    return "won't do needs a reason";
  }
  return undefined;
}

function initialState(e: StartedEvent): Postmortem {
  const sections: Section[] = orderedSections(e.template ?? DEFAULT_SECTIONS).map((t) => ({
    key: t.key,
    title: t.title,
    markdown: '',
    revision: 0,
  }));
  return {
    incidentId: e.incidentId,
    status: 'draft',
    startedBy: e.author,
    startedAt: e.at,
    prefill: e.prefill,
    sections,
    conflicts: [],
    actionItems: [],
    reviewers: [],
    approvals: [],
    amendments: [],
    acknowledged: [],
    updatedAt: e.at,
    history: [],
  };
}

/** Folds one postmortem's events into its state, reporting every event it had to skip. */
export function foldPostmortem(events: readonly PostmortemEvent[]): Omit<PostmortemFoldResult, 'ignored'> {
  const problems: PostmortemProblem[] = [];
  const seen = new Map<string, string>();
  const unique: PostmortemEvent[] = [];
  for (const e of [...events].sort(comparePostmortemEvents)) {
    const json = JSON.stringify(e);
    const previous = seen.get(e.id);
    if (previous === undefined) {
      seen.set(e.id, json);
      unique.push(e);
    } else if (previous !== json) {
      problems.push({ eventId: e.id, message: `event id ${e.id} is used by two different events; kept the first` });
    }
  }
  // The start comes first whatever its stamp: an edit from a client whose clock is behind must not be lost.
  const start = unique.find((e): e is StartedEvent => e.type === 'started');
  if (!start) {
    return {
      problems: [
        ...problems,
        ...unique.map((e) => ({ eventId: e.id, message: `${e.type} before the postmortem was started` })),
      ],
    };
  }
  const folder = new Folder(initialState(start));
  folder.pm.history.push(start);
  for (const s of start.sections ?? []) {
    folder.apply({ ...start, type: 'section_edited', section: s.key, markdown: s.markdown, baseRevision: 0 });
  }
  for (const e of unique) {
    if (e === start) {
      continue;
    }
    if (e.incidentId !== start.incidentId) {
      folder.problem(e.id, `event of incident ${e.incidentId} is not part of this postmortem (${start.incidentId})`);
      continue;
    }
    if (folder.apply(e)) {
      folder.pm.history.push(e);
      folder.pm.updatedAt = Math.max(folder.pm.updatedAt, e.at);
    }
  }
  return { postmortem: folder.pm, problems: [...problems, ...folder.problems] };
}

/** Parses raw annotation `data` payloads of one postmortem and folds the valid ones. */
export function foldPostmortemData(data: readonly unknown[]): PostmortemFoldResult {
  const events: PostmortemEvent[] = [];
  const problems: PostmortemProblem[] = [];
  const ignored: string[] = [];
  for (const d of data) {
    const parsed = parsePostmortemEvent(d);
    if (parsed.ok) {
      events.push(parsed.event);
    } else if (parsed.ignored) {
      ignored.push(parsed.reason);
    } else {
      problems.push({ eventId: parsed.eventId, message: parsed.reason });
    }
  }
  const folded = foldPostmortem(events);
  return { ...folded, problems: [...problems, ...folded.problems], ignored };
}

/**
 * Folds the events of many postmortems read in one request (tag `sre-postmortem`), grouped by incident.
 * Data that is not a postmortem event at all (no incident id) is reported under the empty key.
 */
export function foldAllPostmortems(data: readonly unknown[]): Map<string, PostmortemFoldResult> {
  const groups = new Map<string, unknown[]>();
  for (const d of data) {
    const id =
      typeof d === 'object' && d !== null && typeof (d as { incidentId?: unknown }).incidentId === 'string'
        ? (d as { incidentId: string }).incidentId
        : '';
    const group = groups.get(id);
    if (group) {
      group.push(d);
    } else {
      groups.set(id, [d]);
    }
  }
  return new Map([...groups].map(([id, group]) => [id, foldPostmortemData(group)]));
}
