import type { Slo } from '../../../domain/slo/model';
import type { SloSnapshot } from '../../../api/sloStatus';
import { classifyStatus } from '../../../domain/slo/budget';

/** A valid SLO with the given overrides. */
export function makeSlo(id: string, overrides: Partial<Slo> = {}): Slo {
  return {
    id,
    name: id.replace(/-/g, ' '),
    service: 'api',
    sli: { kind: 'ratio', bad: 'http_requests_total{code=~"5.."}', total: 'http_requests_total' },
    objective: { target: 0.999 },
    window: { type: 'rolling', duration: '30d' },
    ...overrides,
  };
}

/** A snapshot with a known remaining budget and burn rate; `null` remaining is no data. */
export function makeSnapshot(remaining: number | null, burnRate1h: number | null = 1, error?: string): SloSnapshot {
  const errorRatio = remaining === null ? null : (1 - remaining) * 0.001;
  return {
    errorRatio,
    sli: errorRatio === null ? null : 1 - errorRatio,
    remaining,
    burnRate1h: remaining === null ? null : burnRate1h,
    status: classifyStatus(remaining, remaining === null ? null : burnRate1h),
    source: remaining === null ? 'none' : 'rules',
    ...(error ? { error } : {}),
  };
}
