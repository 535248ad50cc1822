/** Prometheus rule-file shapes (https://prometheus.io/docs/prometheus/latest/configuration/recording_rules/). */

export interface RecordingRule {
  record: string;
  expr: string;
  labels?: Record<string, string>;
}

export interface AlertingRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export type Rule = RecordingRule | AlertingRule;

export interface RuleGroup {
  name: string;
  interval?: string;
  rules: Rule[];
}

export interface PrometheusRuleFile {
  groups: RuleGroup[];
}

export interface RuleOptions {
  /** Grafana root URL used for SLO page links in annotations; empty gives a relative `/a/...` link. */
  grafanaUrl?: string;
  /** Rule group evaluation interval; unset uses Prometheus' global `evaluation_interval`. */
  interval?: string;
}
