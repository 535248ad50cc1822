/**
 * Release freezes of an SLO as annotations (domain/policy/freeze.ts): a region per freeze and append-only events,
 * folded on read. Reads are two requests whatever the number of freezes; writes never rewrite what another Editor
 * wrote (the only PATCH sets the end of the freeze's region, leaving its text, tags and data alone).
 */
import {
  type Freeze,
  type FreezeEvent,
  type FreezeProblem,
  type FreezeRecord,
  foldFreezes,
  freezeEventAnnotation,
  freezeEventQueryTags,
  freezeRegionAnnotation,
  freezeRegionQueryTags,
  newFreezeEventId,
  newFreezeId,
  validateFreezeException,
  validateFreezeStart,
} from '../domain/policy/freeze';
import type { Slo } from '../domain/slo/model';
import { getAnnotations, patchAnnotation, postAnnotation } from './annotations';
import { currentLogin } from './permissions';

/** Freezes read per SLO, newest first: years of freezes for a team that freezes weekly. */
export const FREEZE_LIMIT = 200;
/** Events of those freezes: exceptions are rare, so 10 per freeze is ample. */
export const FREEZE_EVENT_LIMIT = FREEZE_LIMIT * 10;
/** A freeze may have started long before the range on screen and still be active, so reads are not time-bound. */
const WIDE = { from: 0, to: 8_640_000_000_000_000 };

/** The input is invalid; nothing was sent. Each problem names the form field it belongs to. */
export class FreezeValidationError extends Error {
  constructor(readonly problems: Array<{ field: string; message: string }>) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('\n'));
    this.name = 'FreezeValidationError';
  }
}

/** Every freeze of one SLO (newest first) with what was skipped reading them; a hit cap is reported. */
export async function listFreezes(sloId: string): Promise<{ freezes: Freeze[]; problems: FreezeProblem[] }> {
  // One more than each cap, so exactly `limit` items are not reported as cut short.
  const [regions, events] = await Promise.all([
    getAnnotations({ tags: freezeRegionQueryTags(sloId), ...WIDE, limit: FREEZE_LIMIT + 1 }),
    getAnnotations({ tags: freezeEventQueryTags(sloId), ...WIDE, limit: FREEZE_EVENT_LIMIT + 1 }),
  ]);
  const folded = foldFreezes(regions.slice(0, FREEZE_LIMIT), events.slice(0, FREEZE_EVENT_LIMIT));
  if (regions.length > FREEZE_LIMIT) {
    folded.problems.push({ message: `only the newest ${FREEZE_LIMIT} freezes of this SLO are read` });
  }
  if (events.length > FREEZE_EVENT_LIMIT) {
    folded.problems.push({ message: `more than ${FREEZE_EVENT_LIMIT} freeze events; some exceptions may be missing` });
  }
  return folded;
}

/** Starts a freeze of the SLO's service: one region annotation. Throws FreezeValidationError, sending nothing. */
export async function startFreeze(slo: Pick<Slo, 'id' | 'service'>, input: { reason: string }): Promise<string> {
  const problems = validateFreezeStart(input);
  if (problems.length > 0) {
    throw new FreezeValidationError(problems);
  }
  const now = Date.now();
  const record: FreezeRecord = {
    kind: 'freeze',
    id: newFreezeId(now, Math.random),
    sloId: slo.id,
    reason: input.reason.trim(),
    startedBy: currentLogin(),
    services: [slo.service],
  };
  await postAnnotation(freezeRegionAnnotation(record, now));
  return record.id;
}

function refuseEnded(freeze: Freeze) {
  if (freeze.status === 'ended') {
    throw new FreezeValidationError([{ field: 'freeze', message: `freeze ${freeze.id} has already ended` }]);
  }
}

/**
 * Records one release let through an active freeze: an event annotation. `approvers` are the policy's (empty:
 * any named approver). Throws FreezeValidationError, sending nothing, on invalid input or an ended freeze.
 */
export async function recordFreezeException(
  freeze: Freeze,
  input: { reason: string; approver: string },
  approvers: readonly string[]
): Promise<void> {
  refuseEnded(freeze);
  const problems = validateFreezeException(input, approvers);
  if (problems.length > 0) {
    throw new FreezeValidationError(problems);
  }
  const now = Date.now();
  const event: FreezeEvent = {
    kind: 'freeze_exception',
    id: newFreezeEventId(now, Math.random),
    freezeId: freeze.id,
    at: Math.max(now, freeze.startedAt),
    by: currentLogin(),
    reason: input.reason.trim(),
    approver: input.approver.trim(),
  };
  await postAnnotation(freezeEventAnnotation(event, freeze.sloId));
}

/**
 * Ends an active freeze: the `freeze_ended` event (the source of truth), then the region's end, so dashboards draw
 * the freeze as a region from start to end. The PATCH carries only timeEnd: Grafana keeps the fields it is not sent.
 */
export async function endFreeze(freeze: Freeze): Promise<void> {
  refuseEnded(freeze);
  const now = Date.now();
  const at = Math.max(now, freeze.startedAt);
  const event: FreezeEvent = {
    kind: 'freeze_ended',
    id: newFreezeEventId(now, Math.random),
    freezeId: freeze.id,
    at,
    by: currentLogin(),
  };
  await postAnnotation(freezeEventAnnotation(event, freeze.sloId));
  await patchAnnotation(freeze.regionAnnotationId, { timeEnd: at });
}
