/**
 * The rules as a Prometheus Operator `PrometheusRule` resource (monitoring.coreos.com/v1): the operator turns it
 * into a rule file for every Prometheus (or Thanos Ruler) whose ruleSelector matches its labels.
 * Name rules follow Kubernetes' apimachinery validation (IsDNS1123Subdomain, IsDNS1123Label, IsQualifiedName,
 * IsValidLabelValue), so a name we accept is one the API server accepts.
 */
import type { Slo } from '../slo/model';
import { generatePrometheusRules } from './prometheus';
import type { RuleGroup, RuleOptions } from './types';

export interface PrometheusRuleResource {
  apiVersion: 'monitoring.coreos.com/v1';
  kind: 'PrometheusRule';
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec: { groups: RuleGroup[] };
}

export interface PrometheusRuleOptions extends RuleOptions {
  /** metadata.name: a DNS-1123 subdomain. */
  name: string;
  /** metadata.namespace; unset leaves it to `kubectl apply -n` or the current context. */
  namespace?: string;
  /** metadata.labels, for the `ruleSelector` of the Prometheus resources that should load the rules. */
  labels?: Record<string, string>;
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** Why `name` is not a DNS-1123 subdomain (a resource name), or undefined when it is one. */
export function dns1123SubdomainProblem(name: string): string | undefined {
  if (name.length > 253) {
    return `must be at most 253 characters, got ${name.length}`;
  }
  return DNS1123_SUBDOMAIN.test(name)
    ? undefined
    : 'must be lowercase letters, digits, "-" and ".", starting and ending with a letter or digit';
}

/** Why `name` is not a DNS-1123 label (a namespace name), or undefined when it is one. */
export function dns1123LabelProblem(name: string): string | undefined {
  if (name.length > 63) {
    return `must be at most 63 characters, got ${name.length}`;
  }
  return DNS1123_LABEL.test(name)
    ? undefined
    : 'must be lowercase letters, digits and "-", starting and ending with a letter or digit';
}

/** Why `key` is not a Kubernetes label key (`[prefix/]name`), or undefined when it is one. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = key.slice(slash + 1);
  if (prefix !== undefined) {
    const p = prefix === '' ? 'must not be empty' : dns1123SubdomainProblem(prefix);
    if (p) {
      return `prefix "${prefix}" ${p}`;
    }
  }
  if (name.length === 0 || name.length > 63) {
    return `name part must be 1 to 63 characters, got ${name.length}`;
  }
  return QUALIFIED_NAME.test(name)
    ? undefined
    : 'name part must be letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
}

/** Why `value` is not a Kubernetes label value, or undefined when it is one (empty is allowed). */
export function labelValueProblem(value: string): string | undefined {
  if (value.length > 63) {
    return `must be at most 63 characters, got ${value.length}`;
  }
  return value === '' || QUALIFIED_NAME.test(value)
    ? undefined
    : 'must be empty or letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
}

/**
 * A resource name made from a spec file's path (`specs/Checkout_API.yaml` gives `checkout-api`), or undefined
 * when nothing usable is left.
 */
export function resourceNameFromPath(path: string): string | undefined {
  const base = path.split(/[/\\]/).pop() ?? '';
  const stem = base.replace(/\.[^.]*$/, '');
  const name = stem
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/[-.]{2,}/g, (run) => (run.includes('.') ? '.' : '-'))
    .slice(0, 253)
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return name !== '' && dns1123SubdomainProblem(name) === undefined ? name : undefined;
}

/** One PrometheusRule holding the same groups as generatePrometheusRules (labels sorted, so output is stable). */
export function generatePrometheusRuleResource(slos: Slo[], opts: PrometheusRuleOptions): PrometheusRuleResource {
  const { name, namespace, labels, ...ruleOpts } = opts;
  const metadata: PrometheusRuleResource['metadata'] = { name };
  if (namespace !== undefined) {
    metadata.namespace = namespace;
  }
  const sorted = Object.keys(labels ?? {}).sort();
  if (sorted.length) {
    metadata.labels = Object.fromEntries(sorted.map((k) => [k, labels![k]]));
  }
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata,
    spec: { groups: generatePrometheusRules(slos, ruleOpts).groups },
  };
}
