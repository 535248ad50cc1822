import type { IncidentBudget } from '../../../api/incidentBudget';

/** A budget share for people: "0%", "<0.1%", "12.3%", "250%". */
export function formatShare(fraction: number): string {
  const pct = fraction * 100;
  if (pct === 0) {
    return '0%';
  }
  if (pct < 0.1) {
    return '<0.1%';
  }
  return `${pct >= 100 ? Math.round(pct) : Number(pct.toFixed(1))}%`;
}

/** "consumed 12.3% of the 30d error budget", or "No data" (with the reason when there is one). */
export function budgetText(budget: IncidentBudget | undefined): string {
  if (budget === undefined || budget.consumed === undefined) {
    return budget?.error ? `No data: ${budget.error}` : 'No data';
  }
  return `consumed ${formatShare(budget.consumed)} of the ${budget.window} error budget`;
}
