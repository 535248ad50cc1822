/** Public API of the SLO domain: model, defaults, durations, PromQL helpers, SLI queries, validation, budget maths. */
export * from './model';
export {
  DEFAULT_TIERS,
  TIER_NAMES,
  DEFAULT_ALERT_NAME,
  ABSENT_ALERT_NAME,
  resolveTiers,
  withDefaults,
  windowDuration,
  windowMs,
  errorBudget,
  tierFactor,
  requiredWindows,
} from './defaults';
export type { ResolvedTier, TierDefaults, ResolvedAlerting, SloWithDefaults } from './defaults';
export {
  parseDuration,
  formatDuration,
  normalizeDuration,
  durationSeconds,
  isDuration,
  DurationError,
} from './durations';
export {
  escapeLabelValue,
  matchersToSelector,
  matchersToString,
  parsePromQL,
  formatSyntaxError,
  expandWindow,
  hasWindowPlaceholder,
  isPlainSelector,
  isValidLabelName,
  isValidMetricName,
  WINDOW_PLACEHOLDER,
} from './promql';
export type { PromQLSyntaxError } from './promql';
export { badRateQuery, totalRateQuery, errorRatioQuery, goodRateQuery, leMatcher } from './sli';
export { validateSlo, validateSlos, isValidTimeZone } from './validate';
export { isHttpUrl } from './validateAlerting';
export {
  remainingBudget,
  burnRate,
  timeToExhaustion,
  allowedDowntime,
  detectionTime,
  classifyStatus,
  BURNING_FAST_RATE,
  AT_RISK_REMAINING,
} from './budget';
export type { SloStatus } from './budget';
