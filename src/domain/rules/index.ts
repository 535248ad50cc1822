/** Public API of rule generation. */
export {
  generatePrometheusRules,
  ruleNotes,
  toYaml,
  sloRuleGroup,
  sloRuleGroups,
  sloHourlyRuleGroup,
  alertingRules,
  tierAlertExpr,
} from './prometheus';
export { recordingRules, hourlyRecordingRules, allRecordingRules, seriesLabels } from './recording';
export {
  generateGrafanaAlertingFile,
  grafanaRulesForSlo,
  grafanaRuleUid,
  provisionedAlertRules,
  toProvisionedAlertRule,
} from './grafana';
export type {
  GrafanaAlertOptions,
  GrafanaAlertingFile,
  GrafanaFileRule,
  ProvisionedAlertRule,
  AlertQuery,
} from './grafana';
export {
  generatePrometheusRuleResource,
  resourceNameFromPath,
  dns1123SubdomainProblem,
  dns1123LabelProblem,
  labelKeyProblem,
  labelValueProblem,
} from './operator';
export type { PrometheusRuleResource, PrometheusRuleOptions } from './operator';
export { generateMimirNamespace, mimirNamespaceProblem, DEFAULT_MIMIR_NAMESPACE } from './mimir';
export type { MimirRuleNamespace } from './mimir';
export {
  SERIES,
  errorRatioSeries,
  sliceBadRatioSeries,
  groupName,
  hourlyGroupName,
  HOURLY_INTERVAL,
  sloPageUrl,
  PLUGIN_ID,
} from './names';
export type { PrometheusRuleFile, RuleGroup, Rule, RecordingRule, AlertingRule, RuleOptions } from './types';
