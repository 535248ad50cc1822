/**
 * Response-time metrics of incidents (the "MTTx" family), all in milliseconds and all measured from the folded
 * state so they follow the same rules as the rest of the app.
 *
 * - Time to detect      = detectedAt − startedAt. How long users were hurt before anyone noticed.
 * - Time to acknowledge = acknowledgedAt − detectedAt, where acknowledgedAt is the first time a role was given
 *   to someone. The base is detection, not declaration: the clock starts when the signal (usually an alert)
 *   existed, and a slow declaration is exactly the delay this metric should show.
 * - Time to mitigate    = mitigatedAt − startedAt. SREs read "mitigated" as "user impact ended", not "we
 *   started mitigating", so mitigatedAt is the explicit `impact_ended` event (which may be back-dated), or the
 *   resolution time when nobody recorded it. Moving to the `mitigating` status is deliberately NOT used: it
 *   marks the start of the work, and measuring that would reward declaring "mitigating" early.
 * - Time to resolve     = resolvedAt − startedAt.
 * A reopened incident clears its mitigation and resolution times, so its metrics run to the final ones.
 */
import type { Incident } from './model';

export type MetricName = 'timeToDetect' | 'timeToAcknowledge' | 'timeToMitigate' | 'timeToResolve';

export const METRIC_NAMES: readonly MetricName[] = [
  'timeToDetect',
  'timeToAcknowledge',
  'timeToMitigate',
  'timeToResolve',
];

export type IncidentDurations = Record<MetricName, number | undefined>;

const span = (from: number, to: number | undefined): number | undefined => (to === undefined ? undefined : to - from);

/** The four response durations of one incident; a metric is undefined until its end time exists. */
export function incidentDurations(incident: Incident): IncidentDurations {
  return {
    timeToDetect: incident.detectedAt - incident.startedAt,
    timeToAcknowledge: span(incident.detectedAt, incident.acknowledgedAt),
    timeToMitigate: span(incident.startedAt, incident.mitigatedAt),
    timeToResolve: span(incident.startedAt, incident.resolvedAt),
  };
}

/** The median of a list of numbers (mean of the two middle values for an even count); undefined when empty. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) {
    return undefined;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface MedianDuration {
  /** Undefined when no incident in the range has this metric. */
  median: number | undefined;
  /** How many incidents contributed, so the UI can say "median of 3". */
  count: number;
}

/**
 * Median durations over the incidents that STARTED in [from, to). Start time is used so an incident is
 * counted in exactly one period; incidents lacking a metric (e.g. still open) are left out of that metric only.
 */
export function medianDurations(
  incidents: readonly Incident[],
  from: number,
  to: number
): Record<MetricName, MedianDuration> {
  const inRange = incidents.filter((i) => i.startedAt >= from && i.startedAt < to).map(incidentDurations);
  const result = {} as Record<MetricName, MedianDuration>;
  for (const name of METRIC_NAMES) {
    const values = inRange.map((d) => d[name]).filter((v): v is number => v !== undefined);
    result[name] = { median: median(values), count: values.length };
  }
  return result;
}
