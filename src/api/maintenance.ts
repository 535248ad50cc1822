/**
 * Scheduled maintenance as annotations (domain/sla/maintenance.ts): a region per window, tagged so every dashboard
 * shows it, and append-only cancellation events, folded on read. A read is two requests whatever the number of
 * windows; writes never rewrite what someone else wrote (the only PATCH shortens a cancelled window's region).
 */
import {
  MAINTENANCE_EVENT_TAG,
  MAINTENANCE_TAG,
  MAX_MAINTENANCE_MS,
  type MaintenanceCancelled,
  type MaintenanceInput,
  type MaintenanceProblem,
  type MaintenanceRecord,
  type MaintenanceWindow,
  foldMaintenance,
  maintenanceCancelAnnotation,
  maintenanceRegionAnnotation,
  newMaintenanceEventId,
  newMaintenanceId,
  validateMaintenanceInput,
} from '../domain/sla/maintenance';
import { getAnnotations, patchAnnotation, postAnnotation } from './annotations';
import { currentLogin } from './permissions';

export type { MaintenanceWindow } from '../domain/sla/maintenance';

/** Windows read per range: a service maintained daily for a year stays under it. */
export const MAINTENANCE_LIMIT = 500;

/** The input is invalid or the window can no longer change; nothing was sent. Each problem names its form field. */
export class MaintenanceValidationError extends Error {
  constructor(readonly problems: Array<{ field: string; message: string }>) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('\n'));
    this.name = 'MaintenanceValidationError';
  }
}

/**
 * Every maintenance window overlapping [from, to] (newest first), with what was skipped reading them. Grafana
 * matches a region that overlaps the range; cancellations are stored at their window's start, which is at most
 * MAX_MAINTENANCE_MS before the range for a window overlapping it, so the second read starts that much earlier.
 */
export async function listMaintenance(range: {
  from: number;
  to: number;
}): Promise<{ windows: MaintenanceWindow[]; problems: MaintenanceProblem[] }> {
  const from = Math.max(0, Math.floor(range.from));
  const to = Math.floor(range.to);
  const [regions, events] = await Promise.all([
    getAnnotations({ tags: [MAINTENANCE_TAG], from, to, limit: MAINTENANCE_LIMIT + 1 }),
    getAnnotations({
      tags: [MAINTENANCE_EVENT_TAG],
      from: Math.max(0, from - MAX_MAINTENANCE_MS),
      to,
      limit: MAINTENANCE_LIMIT + 1,
    }),
  ]);
  const folded = foldMaintenance(regions.slice(0, MAINTENANCE_LIMIT), events.slice(0, MAINTENANCE_LIMIT));
  if (regions.length > MAINTENANCE_LIMIT) {
    folded.problems.push({ message: `only the newest ${MAINTENANCE_LIMIT} maintenance windows of the range are read` });
  }
  if (events.length > MAINTENANCE_LIMIT) {
    folded.problems.push({ message: `more than ${MAINTENANCE_LIMIT} cancellations; some may be missing` });
  }
  return folded;
}

/** Plans a window: one region annotation. Throws MaintenanceValidationError, sending nothing. Returns its id. */
export async function planMaintenance(input: MaintenanceInput): Promise<string> {
  const now = Date.now();
  const problems = validateMaintenanceInput(input, now);
  if (problems.length > 0) {
    throw new MaintenanceValidationError(problems);
  }
  const record: MaintenanceRecord = {
    kind: 'maintenance',
    id: newMaintenanceId(now, Math.random),
    title: input.title.trim(),
    services: Array.from(new Set(input.services.map((s) => s.trim()).filter((s) => s !== ''))),
    start: Math.floor(input.start),
    end: Math.floor(input.end),
    by: currentLogin(),
  };
  await postAnnotation(maintenanceRegionAnnotation(record));
  return record.id;
}

/**
 * Cancels a window that has not ended: the event (the source of truth), then the region's end, so dashboards stop
 * drawing what will not happen. Ended windows are history: cancelling one would remove excluded time after the fact.
 */
export async function cancelMaintenance(w: MaintenanceWindow): Promise<void> {
  const now = Date.now();
  if (w.cancelled) {
    throw new MaintenanceValidationError([{ field: 'maintenance', message: `${w.title} is already cancelled` }]);
  }
  if (w.end <= now) {
    throw new MaintenanceValidationError([{ field: 'maintenance', message: `${w.title} has already ended` }]);
  }
  const event: MaintenanceCancelled = {
    kind: 'maintenance_cancelled',
    id: newMaintenanceEventId(now, Math.random),
    maintenanceId: w.id,
    at: now,
    by: currentLogin(),
  };
  await postAnnotation(maintenanceCancelAnnotation(event, w.start));
  await patchAnnotation(w.annotationId, { timeEnd: Math.max(w.start, now) });
}
