/**
 * An SLA: the contract a provider signs with a customer. A target over a calendar period in the customer's time
 * zone, measured a stated way, with maintenance excluded and service credits owed below the target.
 */
import type { DataSourceRef, Sli } from '../slo/model';
import type { SlaPeriodKind } from './period';

/**
 * How the period's figure is computed, each as a public cloud SLA defines it:
 * - `events`: 1 − bad events ÷ all events in the period (request-based);
 * - `intervals`: 1 − the mean of the 5-minute error rates over the period (Amazon S3's "Error Rate" definition);
 * - `uptime`: the share of minutes that were available, a minute being unavailable when its error ratio is above
 *   `unavailableAbove` (Amazon EC2's and Google Compute Engine's style).
 */
export type SlaMethod = { kind: 'events' } | { kind: 'intervals' } | { kind: 'uptime'; unavailableAbove: number };

/** Credit owed when the achieved figure is strictly below `below` (a fraction), as a percent of the bill. */
export interface CreditTier {
  below: number;
  creditPercent: number;
}

/** The indicator: an existing SLO's SLI by id, or the SLA's own SLI in the SLO model's form. */
export type SlaIndicator = { sloId: string } | { sli: Sli; datasource?: DataSourceRef };

export interface Sla {
  /** Slug, unique among SLAs. */
  id: string;
  name: string;
  customer?: string;
  services: string[];
  indicator: SlaIndicator;
  /** The promised figure as a fraction, e.g. 0.999. */
  target: number;
  method: SlaMethod;
  period: { unit: SlaPeriodKind; timeZone: string };
  /** Strictly decreasing thresholds with increasing credits. */
  credits: CreditTier[];
  /** Local dates (YYYY-MM-DD) in the SLA's time zone; a period counts when it starts within them. */
  effective?: { from?: string; to?: string };
  contractUrl?: string;
  revision?: number;
}
