import type { Sla } from '../../domain/sla/model';
import { lastSlaPeriods, type SlaPeriod } from '../../domain/sla/period';
import { slaReportCsv, slaReportMarkdown, type SlaPeriodResult } from '../../domain/sla/report';

/** The label a report picks by default: the last period that has ended (what an invoice is for). */
export function defaultPeriodLabel(slas: readonly Sla[], now: number): string | undefined {
  const labels = periodLabels(slas, now);
  return labels[1] ?? labels[0];
}

/** The labels of the last 12 periods of the SLAs (months and quarters may mix), newest first. */
export function periodLabels(slas: readonly Sla[], now: number): string[] {
  const set = new Set<string>();
  for (const s of slas) {
    lastSlaPeriods(now, s.period.unit, s.period.timeZone, 12).forEach((p) => set.add(p.label));
  }
  return [...set].sort().reverse();
}

/** The SLA's period with this label among its last 12, if it has one (a quarterly SLA has no "2026-03"). */
export function periodOf(sla: Sla, label: string, now: number): SlaPeriod | undefined {
  return lastSlaPeriods(now, sla.period.unit, sla.period.timeZone, 12).find((p) => p.label === label);
}

/** The customers of the SLAs, sorted; SLAs without one are listed under "". */
export function customersOf(slas: readonly Sla[]): string[] {
  return [...new Set(slas.map((s) => s.customer ?? ''))].sort((a, b) => a.localeCompare(b));
}

/** A file name part: letters, digits and dashes only. */
export const fileSlug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'report';

/** One customer's report as files: each SLA's section (from report.ts), joined. */
export function customerReport(
  customer: string,
  label: string,
  entries: ReadonlyArray<{ sla: Sla; results: SlaPeriodResult[] }>
): { markdown: string; csv: string; filename: string } {
  return {
    markdown: entries.map((e) => slaReportMarkdown(e.sla, e.results)).join('\n---\n\n'),
    // Each SLA's CSV keeps its own header, separated by an empty line: the columns name the SLA on every row.
    csv: entries.map((e) => slaReportCsv(e.sla, e.results)).join('\r\n'),
    filename: `sla-report-${fileSlug(customer || 'no-customer')}-${fileSlug(label)}`,
  };
}
