import type { Problem } from '../domain/slo/model';
import { sameJson, updateJsonData } from './pluginSettings';
import type { AppJsonData } from './types';

/** One stored item that failed validation: where it is, what it claims to be, and every problem found. */
export interface BrokenItem {
  /** `slos`, `slas`, …: the jsonData key the item lives under. */
  kind: string;
  /** Position in the stored list; -1 when the list itself is not a list. */
  index: number;
  /** The item's id and name when they are usable strings, so the row can name it and link to its editor. */
  id?: string;
  name?: string;
  problems: Problem[];
  /** The stored value as is, for an editor that lets someone fix it. */
  raw: unknown;
}

/** A stored list split into the items that passed validation and those that did not. */
export interface StoredList<T> {
  items: T[];
  broken: BrokenItem[];
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

/**
 * Validates a list read from plugin settings (`jsonData[kind]`) item by item with the same validator the CLI
 * uses, so one hand-edited or outdated item is reported on its own and every other item still works. Provisioning
 * and older versions write jsonData without going through our editor, so nothing read from it is trusted.
 * A second item with an id already seen is broken too: ids key every map and URL.
 */
export function readStoredList<T extends { id: string }>(
  raw: unknown,
  kind: string,
  validate: (item: unknown, path: string) => Problem[]
): StoredList<T> {
  if (raw === undefined || raw === null) {
    return { items: [], broken: [] };
  }
  if (!Array.isArray(raw)) {
    return {
      items: [],
      broken: [{ kind, index: -1, problems: [{ path: kind, message: `must be a list, got ${typeof raw}` }], raw }],
    };
  }
  const items: T[] = [];
  const broken: BrokenItem[] = [];
  const seen = new Set<string>();
  raw.forEach((item: unknown, index) => {
    const path = `${kind}[${index}]`;
    const record = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
    const id = text(record.id);
    const problems = validate(item, path);
    if (problems.length === 0 && id !== undefined && seen.has(id)) {
      problems.push({ path: `${path}.id`, message: `"${id}" is already used by an earlier item` });
    }
    if (problems.length > 0) {
      broken.push({ kind, index, id, name: text(record.name), problems, raw: item });
      return;
    }
    seen.add((item as T).id);
    items.push(item as T);
  });
  return { items, broken };
}

/** Someone else changed the item since the editor loaded it; the user must reload before saving. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** The item is invalid; nothing was saved. Each problem names the field and the reason. */
export class ValidationError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    this.name = 'ValidationError';
  }
}

/** A stored list and how its messages name an item: `{key: 'slos', a: 'An SLO', the: 'SLO'}`. */
export interface StoredKind {
  key: string;
  a: string;
  the: string;
}

/** The raw stored entries (valid or not), so a write keeps broken items it does not touch as they are. */
const entriesOf = (current: AppJsonData, key: string): unknown[] =>
  Array.isArray(current[key]) ? (current[key] as unknown[]) : [];
const idOf = (entry: unknown): unknown =>
  entry && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
const revisionOf = (entry: unknown): number => {
  const revision = (entry as { revision?: unknown }).revision;
  return typeof revision === 'number' ? revision : 0;
};

/**
 * Saves one validated item of a stored list. `loadedRevision` is the revision the editor started from, or undefined
 * for a new item. The settings are re-read first; `check` may refuse against them (by throwing), and if the stored
 * item moved on (or a new id is taken) nothing is written. After the write the settings are read back: if another
 * save replaced ours, a LostUpdateError says so. Returns the item as stored, with its new revision.
 */
export async function saveStoredItem<T extends { id: string; revision?: number }>(
  kind: StoredKind,
  item: T,
  loadedRevision: number | undefined,
  check: (current: AppJsonData) => void = () => undefined
): Promise<T> {
  let saved: T = item;
  await updateJsonData(
    (current) => {
      check(current);
      const entries = entriesOf(current, kind.key);
      const index = entries.findIndex((e) => idOf(e) === item.id);
      if (loadedRevision === undefined) {
        if (index >= 0) {
          throw new ConflictError(`${kind.a} with id "${item.id}" already exists. Choose another id.`);
        }
        saved = { ...item, revision: 1 };
        return { ...current, [kind.key]: [...entries, saved] };
      }
      if (index < 0) {
        throw new ConflictError(`${kind.the} "${item.id}" was deleted by someone else since you opened it.`);
      }
      const storedRevision = revisionOf(entries[index]);
      if (storedRevision !== loadedRevision) {
        throw new ConflictError(
          `${kind.the} "${item.id}" was changed by someone else since you opened it (revision ${loadedRevision} → ${storedRevision}). Reload to see their change.`
        );
      }
      saved = { ...item, revision: storedRevision + 1 };
      return { ...current, [kind.key]: entries.map((e, i) => (i === index ? saved : e)) };
    },
    {
      verify: (stored) =>
        sameJson(
          entriesOf(stored, kind.key).find((e) => idOf(e) === item.id),
          saved
        ),
    }
  );
  return saved;
}

/**
 * Deletes one item of a stored list (a broken one too), refusing if it changed since it was loaded; `check` may
 * refuse against the current settings (by throwing) after that. The write is read back as for saveStoredItem.
 */
export async function deleteStoredItem(
  kind: StoredKind,
  id: string,
  loadedRevision: number | undefined,
  check: (current: AppJsonData) => void = () => undefined
): Promise<void> {
  await updateJsonData(
    (current) => {
      const entries = entriesOf(current, kind.key);
      const stored = entries.find((e) => idOf(e) === id);
      if (!stored) {
        throw new ConflictError(`${kind.the} "${id}" no longer exists.`);
      }
      if (revisionOf(stored) !== (loadedRevision ?? 0)) {
        throw new ConflictError(`${kind.the} "${id}" was changed by someone else since you opened it. Reload first.`);
      }
      check(current);
      return { ...current, [kind.key]: entries.filter((e) => idOf(e) !== id) };
    },
    { verify: (stored) => !entriesOf(stored, kind.key).some((e) => idOf(e) === id) }
  );
}
