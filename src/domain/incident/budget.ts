/**
 * How much of an SLO's error budget one incident burned. Pure arithmetic: the API layer gets the counts from
 * Prometheus (e.g. `increase(bad[incident window])` and `increase(total[SLO window])`).
 *
 *   consumed = badEvents / ((1 − objective) × totalEvents)
 *
 * - badEvents: bad events (errors, slow requests) during the incident, from startedAt to resolvedAt or now.
 * - totalEvents: ALL events over the SLO's whole window (e.g. 30 days) containing the incident. When the window
 *   is not over yet, pass the expected total (observed rate × window length); it is the budget's base.
 * - objective: the SLO target as a fraction in (0, 1), e.g. 0.999.
 * The error budget is (1 − objective) × totalEvents bad events, so the result is the share of that budget the
 * incident used: 0.25 means a quarter. It can exceed 1 when one incident blew the whole budget.
 * Occurrence-based SLOs only; for time-slice SLOs pass bad slices and total slices, which is the same maths.
 */

export interface IncidentBudgetInput {
  badEvents: number;
  totalEvents: number;
  objective: number;
}

/**
 * The fraction of the SLO window's error budget that an incident's bad events consumed. Undefined when there
 * was no traffic in the window (no budget to speak of); throws RangeError on impossible inputs, which are bugs.
 */
export function incidentBudgetConsumed({ badEvents, totalEvents, objective }: IncidentBudgetInput): number | undefined {
  if (!(objective > 0 && objective < 1)) {
    throw new RangeError(`objective must be a fraction in (0, 1), got ${objective}`);
  }
  if (!(badEvents >= 0) || !(totalEvents >= 0) || !Number.isFinite(badEvents) || !Number.isFinite(totalEvents)) {
    throw new RangeError(`event counts must be finite and non-negative, got bad=${badEvents} total=${totalEvents}`);
  }
  if (totalEvents === 0) {
    return undefined;
  }
  return badEvents / ((1 - objective) * totalEvents);
}
