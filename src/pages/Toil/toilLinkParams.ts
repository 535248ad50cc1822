/**
 * Reads back what buildQuickLogPath (toilLink.ts) writes: `log=1` opens the quick-log form on the Toil page, and
 * `task`, `team`, `link`, `at` (epoch ms) and `minutes` prefill it. A shared link is untrusted input: malformed
 * values are dropped, never shown as if they were right.
 */
import { type ToilFields, isToilLink, MAX_ENTRY_MINUTES, MAX_LINK, MAX_TASK } from '../../domain/toil';
import type { QuickLogPrefill } from './toilLink';

/** The parameters the quick-log link uses; closing the form removes exactly these. */
export const QUICK_LOG_PARAMS = ['log', 'task', 'team', 'link', 'at', 'minutes'] as const;

const epochMs = (value: string | null): number | undefined =>
  value !== null && /^\d{1,16}$/.test(value) && Number(value) > 0 ? Number(value) : undefined;

const text = (value: string | null, max: number): string | undefined => {
  const t = value?.trim();
  return t && t.length <= max ? t : undefined;
};

/** Whether the URL asks for the quick-log form, and its prefill; malformed values are left out. */
export function parseQuickLogParams(params: URLSearchParams): { open: boolean; prefill: QuickLogPrefill } {
  const minutesText = params.get('minutes');
  const minutes = minutesText !== null && /^\d+(\.\d+)?$/.test(minutesText) ? Number(minutesText) : undefined;
  const link = text(params.get('link'), MAX_LINK);
  const at = epochMs(params.get('at'));
  const prefill: QuickLogPrefill = {
    ...(text(params.get('task'), MAX_TASK) && { task: text(params.get('task'), MAX_TASK) }),
    ...(text(params.get('team'), 100) && { team: text(params.get('team'), 100) }),
    ...(link && isToilLink(link) && { link }),
    ...(at !== undefined && { at }),
    ...(minutes !== undefined && minutes > 0 && minutes <= MAX_ENTRY_MINUTES && { minutes }),
  };
  return { open: params.get('log') === '1', prefill };
}

/** The prefill as the entry form's `initial`. */
export function prefillToFields(prefill: QuickLogPrefill): Partial<ToilFields> {
  const { minutes, ...rest } = prefill;
  return { ...rest, ...(minutes !== undefined && { durationMinutes: minutes }) };
}
