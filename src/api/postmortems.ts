/**
 * Postmortems stored as annotations (issue 11): one point annotation per event, tagged `sre-postmortem` and
 * `incident:<id>`, folded on read (src/domain/postmortem). Events are only ever appended, so two writers never
 * overwrite each other: concurrent edits of one section become a conflict in the fold, never a lost text.
 */
import type { Incident } from '../domain/incident/model';
import {
  eventSizeProblem,
  foldAllPostmortems,
  foldPostmortem,
  newPostmortemEventId,
  orderedSections,
  type Postmortem,
  type PostmortemEvent,
  type PostmortemFoldResult,
  type PostmortemProblem,
  POSTMORTEM_SCHEMA,
  POSTMORTEM_TAG,
  postmortemEventAnnotation,
  postmortemTags,
  type SectionTemplate,
  type StartedEvent,
  validateSectionTemplate,
} from '../domain/postmortem';
import { type AnnotationDto, getAnnotations, postAnnotation } from './annotations';
import { currentLogin } from './permissions';
import { gatherPrefill, timelineMarkdown } from './postmortemPrefill';

/** Distributes Omit over a union, so each event type keeps its own fields. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event as a page writes it: the api fills schema, id, incidentId, at and author. */
export type PostmortemCommand = DistributiveOmit<PostmortemEvent, 'schema' | 'id' | 'incidentId' | 'at' | 'author'>;

/** The event is larger than Grafana can store; nothing was sent. The message names the section and the sizes. */
export class PostmortemSizeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PostmortemSizeError';
  }
}

/**
 * Events read for a range (listPostmortems), in ONE request. Grafana returns at most `limit` annotations (a plain
 * int64 query parameter with no maximum in its API spec; 100 when absent). A postmortem has typically 20-100
 * events (11 sections edited a few times, 10 action items added, updated and closed, the review), so 50,000 holds
 * 500 busy postmortems in full. The cap bounds one response only when a range really holds that many events: at
 * roughly 1-3 kB per event (a section edit carries the section's text) that is 50-150 MB.
 */
export const MAX_LIST_POSTMORTEM_EVENTS = 50_000;
/** One postmortem's events (getPostmortem): far more than any single review. */
export const MAX_POSTMORTEM_EVENTS = 5_000;
/** "No time limit" for one postmortem's events: from the epoch to the largest time a JS Date can hold. */
const WIDE = { from: 0, to: 8_640_000_000_000_000 };

const hasStart = (data: readonly unknown[]): boolean =>
  data.some((d) => typeof d === 'object' && d !== null && (d as { type?: unknown }).type === 'started');

function groupData(events: readonly AnnotationDto[]): Map<string, unknown[]> {
  const groups = new Map<string, unknown[]>();
  for (const e of events) {
    const id =
      typeof e.data === 'object' &&
      e.data !== null &&
      typeof (e.data as { incidentId?: unknown }).incidentId === 'string'
        ? (e.data as { incidentId: string }).incidentId
        : '';
    const group = groups.get(id);
    if (group) {
      group.push(e.data);
    } else {
      groups.set(id, [e.data]);
    }
  }
  return groups;
}

const withIncident = (id: string, problems: readonly PostmortemProblem[]): PostmortemProblem[] =>
  problems.map((p) => ({ ...p, message: `postmortem of ${id}: ${p.message}` }));

/**
 * The postmortems started in [from, to] with all their events up to now, newest start first: ONE request for every
 * `sre-postmortem` event from `from` to now (events never precede their postmortem's start). Postmortems started
 * before `from` (only their later events are read) or after `to` are not of the range and are skipped silently.
 * Hitting the cap is reported as a problem.
 */
export async function listPostmortems(range: {
  from: number;
  to: number;
}): Promise<{ postmortems: Postmortem[]; problems: PostmortemProblem[] }> {
  // One more than the cap, so a range with exactly the cap's events is not reported as cut short.
  const events = await getAnnotations({
    tags: [POSTMORTEM_TAG],
    from: range.from,
    to: Math.max(range.to, Date.now()),
    limit: MAX_LIST_POSTMORTEM_EVENTS + 1,
  });
  const problems: PostmortemProblem[] = [];
  if (events.length > MAX_LIST_POSTMORTEM_EVENTS) {
    problems.push({
      message: `more than ${MAX_LIST_POSTMORTEM_EVENTS} postmortem events since this range began; some postmortems may be missing or incomplete; narrow the range`,
    });
  }
  // Grafana answers newest first, so the cap drops the oldest events: those are the starts of the oldest ones.
  const read = events.slice(0, MAX_LIST_POSTMORTEM_EVENTS);
  const raw = groupData(read);
  const folded = foldAllPostmortems(read.map((e) => e.data));
  const postmortems: Postmortem[] = [];
  for (const [id, result] of folded) {
    if (id === '') {
      problems.push(...result.problems);
      continue;
    }
    if (!result.postmortem) {
      // Without any start in the group, these are later events of a postmortem started before the range.
      if (hasStart(raw.get(id) ?? [])) {
        problems.push(...withIncident(id, result.problems));
      }
      continue;
    }
    if (result.postmortem.startedAt < range.from || result.postmortem.startedAt > range.to) {
      continue;
    }
    postmortems.push(result.postmortem);
    problems.push(...withIncident(id, result.problems));
  }
  postmortems.sort((a, b) => b.startedAt - a.startedAt || (a.incidentId < b.incidentId ? -1 : 1));
  return { postmortems, problems };
}

/** The fold of one incident's group; events whose data names another incident are reported, not folded. */
function foldOne(incidentId: string, events: readonly AnnotationDto[]): PostmortemFoldResult {
  const raw = groupData(events);
  const mine = foldAllPostmortems(raw.get(incidentId) ?? []).get(incidentId) ?? { problems: [], ignored: [] };
  const count = events.length - (raw.get(incidentId)?.length ?? 0);
  const problems = [...mine.problems];
  if (count > 0) {
    problems.push({
      message: `${count} annotation(s) tagged for ${incidentId} are not its postmortem events; skipped`,
    });
  }
  return { ...mine, problems };
}

function readEvents(incidentId: string): Promise<AnnotationDto[]> {
  return getAnnotations({ tags: postmortemTags(incidentId), ...WIDE, limit: MAX_POSTMORTEM_EVENTS + 1 });
}

/** One incident's postmortem folded from all its events (one request), or undefined when none was started. */
export async function getPostmortem(
  incidentId: string
): Promise<{ postmortem: Postmortem | undefined; problems: PostmortemProblem[] }> {
  let events: AnnotationDto[];
  try {
    events = await readEvents(incidentId);
  } catch (e) {
    if (e instanceof RangeError) {
      return { postmortem: undefined, problems: [{ message: `"${incidentId}" is not a valid incident id` }] };
    }
    throw e;
  }
  if (events.length === 0) {
    return { postmortem: undefined, problems: [] };
  }
  const { postmortem, problems } = foldOne(incidentId, events.slice(0, MAX_POSTMORTEM_EVENTS));
  if (events.length > MAX_POSTMORTEM_EVENTS) {
    problems.push({ message: `more than ${MAX_POSTMORTEM_EVENTS} events; the newest are shown, some may be missing` });
  }
  return { postmortem, problems };
}

/** The next event time: now, but never before the newest event the writer saw, so its own edits fold after them. */
function nextAt(pm: Postmortem | undefined, now: number): number {
  const newest = Math.max(pm?.startedAt ?? 0, ...(pm?.history.map((e) => e.at) ?? []));
  return Math.max(now, newest + 1);
}

/** A valid template to freeze in the event, or an error naming the field (nothing was sent). */
function checkedTemplate(template: readonly SectionTemplate[]): SectionTemplate[] {
  const problems = validateSectionTemplate(template);
  if (problems.length > 0) {
    throw new Error(`The section template is invalid: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`);
  }
  return orderedSections(template).map(({ key, title, order }) => ({ key, title: title.trim(), order }));
}

/**
 * Starts the incident's postmortem, prefilled (title, severity, services, responders and handovers, impact window,
 * TTD/TTA/TTM/TTR, the budget consumed per linked SLO, timeline with the SLO alerts that fired, Explore link), with
 * the section template in force. If one was started already, returns it and writes nothing. Two people starting at
 * once both write a start; the fold keeps the first and both get that postmortem back.
 */
export async function startPostmortem(incident: Incident, template: readonly SectionTemplate[]): Promise<Postmortem> {
  const frozen = checkedTemplate(template);
  const author = currentLogin();
  const existing = await getPostmortem(incident.id);
  if (existing.postmortem) {
    return existing.postmortem;
  }
  const now = Date.now();
  const gathered = await gatherPrefill(incident, now);
  const keys = new Set(frozen.map((s) => s.key));
  const build = (keep: number): StartedEvent => ({
    schema: POSTMORTEM_SCHEMA,
    id: newPostmortemEventId(now, Math.random),
    incidentId: incident.id,
    at: now,
    author,
    type: 'started',
    prefill: gathered.prefill,
    template: frozen,
    sections: [
      { key: 'timeline', markdown: timelineMarkdown(gathered.timeline, keep) },
      { key: 'impact', markdown: gathered.impact },
    ].filter((s) => keys.has(s.key)),
  });
  const event = fitTimeline(build, gathered.timeline.length);
  await postAnnotation(postmortemEventAnnotation(event));
  const reread = await getPostmortem(incident.id);
  // A read that lags the write must not hide the postmortem just started.
  return reread.postmortem ?? foldPostmortem([event]).postmortem!;
}

/**
 * The started event with as many timeline lines as fit in one annotation (a long incident with many alerts can
 * exceed Grafana's 64 KB); the rest are counted, not silently dropped. Throws when even no lines do not fit.
 */
function fitTimeline(build: (keep: number) => StartedEvent, lines: number): StartedEvent {
  const full = build(lines);
  if (eventSizeProblem(full) === undefined) {
    return full;
  }
  let lo = 0;
  let hi = lines - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (eventSizeProblem(build(mid)) === undefined) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  const event = build(lo);
  const problem = eventSizeProblem(event);
  if (problem) {
    throw new PostmortemSizeError(problem);
  }
  return event;
}

/**
 * Appends one event (size-checked first), then re-reads and returns the folded postmortem with its problems.
 * The api fills schema, id, incidentId, author and the time (now, or just after the newest event the writer saw).
 */
export async function appendPostmortemEvent(
  postmortem: Postmortem,
  command: PostmortemCommand
): Promise<{ postmortem: Postmortem; problems: PostmortemProblem[] }> {
  const event = {
    ...command,
    schema: POSTMORTEM_SCHEMA,
    id: newPostmortemEventId(Date.now(), Math.random),
    incidentId: postmortem.incidentId,
    at: nextAt(postmortem, Date.now()),
    author: currentLogin(),
  } as PostmortemEvent;
  const section =
    event.type === 'section_edited' || event.type === 'amended'
      ? postmortem.sections.find((s) => s.key === event.section)?.title
      : undefined;
  const tooBig = eventSizeProblem(event, section);
  if (tooBig) {
    throw new PostmortemSizeError(tooBig);
  }
  await postAnnotation(postmortemEventAnnotation(event));
  const reread = await getPostmortem(postmortem.incidentId);
  if (
    reread.postmortem?.history.some((e) => e.id === event.id) ||
    (reread.postmortem && readAfter(reread.problems, event.id))
  ) {
    return { postmortem: reread.postmortem, problems: reread.problems };
  }
  // A read that lags the write must not lose our event in the view we return.
  const local = foldPostmortem([...postmortem.history, event]);
  return { postmortem: local.postmortem ?? postmortem, problems: local.problems };
}

/** The event was read but the fold skipped it (a problem names it): the re-read is the truth. */
const readAfter = (problems: readonly PostmortemProblem[], eventId: string): boolean =>
  problems.some((p) => p.eventId === eventId);
