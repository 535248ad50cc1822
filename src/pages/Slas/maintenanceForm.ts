/** The plan-maintenance form's text fields and their conversion; times are the browser's local time. */
export interface MaintenanceFormValues {
  title: string;
  services: string;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a datetime-local input value in the browser's zone. */
export function toLocalInput(t: number): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value as an instant (NaN when empty or invalid). */
export function fromLocalInput(s: string): number {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(s) ? new Date(s).getTime() : NaN;
}

/** The form's defaults: the SLA's services, from the next whole hour for two hours. */
export function defaultMaintenance(services: string[], now: number): MaintenanceFormValues {
  const start = Math.ceil(now / 3_600_000) * 3_600_000;
  return {
    title: '',
    services: services.join(', '),
    start: toLocalInput(start),
    end: toLocalInput(start + 2 * 3_600_000),
  };
}

/** The form as planMaintenance's input. */
export function maintenanceInput(v: MaintenanceFormValues) {
  return {
    title: v.title,
    services: v.services
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    start: fromLocalInput(v.start),
    end: fromLocalInput(v.end),
  };
}
