import type { Problem } from '../domain/slo/model';

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
