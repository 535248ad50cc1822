/** Builders for postmortem tests (not used by the app). */
import { POSTMORTEM_SCHEMA, type PostmortemEvent } from './events';
import type { ActionItemFields, PostmortemPrefill } from './model';

export const T0 = Date.UTC(2026, 2, 6, 12, 0, 0);
export const INC = 'INC-20260306-ab12';

export const prefill = (over: Partial<PostmortemPrefill> = {}): PostmortemPrefill => ({
  title: 'Checkout errors',
  severity: 2,
  services: ['checkout'],
  startedAt: T0 - 3_600_000,
  resolvedAt: T0 - 600_000,
  ...over,
});

type Payload<E> = E extends PostmortemEvent ? Omit<E, 'schema' | 'id' | 'incidentId' | 'at' | 'author'> : never;

let counter = 0;

/** An event of `incidentId` INC; `id` defaults to a fresh one, `at` to T0 + 1 s × the counter. */
export function ev(
  payload: Payload<PostmortemEvent>,
  over: Partial<Pick<PostmortemEvent, 'id' | 'at' | 'author' | 'incidentId'>> = {}
): PostmortemEvent {
  counter++;
  return {
    schema: POSTMORTEM_SCHEMA,
    id: `pme-${String(counter).padStart(6, '0')}`,
    incidentId: INC,
    at: T0 + counter * 1000,
    author: 'alice',
    ...payload,
    ...over,
  } as PostmortemEvent;
}

export const started = (over: Partial<Pick<PostmortemEvent, 'id' | 'at' | 'author'>> = {}) =>
  ev({ type: 'started', prefill: prefill() }, { at: T0, ...over });

export const edit = (section: string, markdown: string, baseRevision: number, author = 'alice', at?: number) =>
  ev({ type: 'section_edited', section, markdown, baseRevision }, { author, ...(at !== undefined && { at }) });

export const item = (over: Partial<ActionItemFields> = {}): ActionItemFields => ({
  title: 'Add a canary for config pushes',
  type: 'prevent',
  priority: 'P1',
  due: T0 + 30 * 86_400_000,
  status: 'open',
  ...over,
});
