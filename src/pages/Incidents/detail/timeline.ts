import { describeEvent } from '../../../domain/incident/annotations';
import type { IncidentEvent } from '../../../domain/incident/events';
import { compareEvents } from '../../../domain/incident/fold';

export type TimelineOrder = 'newest' | 'oldest';

export interface TimelineEntry {
  id: string;
  at: number;
  author: string;
  type: IncidentEvent['type'];
  /** Plain text: rendered as a text node, never as HTML. */
  description: string;
}

/** The timeline in the chosen order, each event with its plain-text description. */
export function timelineEntries(events: readonly IncidentEvent[], order: TimelineOrder): TimelineEntry[] {
  const sorted = [...events].sort(compareEvents);
  if (order === 'newest') {
    sorted.reverse();
  }
  return sorted.map((e) => ({ id: e.id, at: e.at, author: e.author, type: e.type, description: describeEvent(e) }));
}
