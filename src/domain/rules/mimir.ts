/**
 * The rules as a Mimir (or Cortex) ruler namespace file, the input of `mimirtool rules load` / `cortextool rules
 * load`: a Prometheus rule file with a top-level `namespace:` (grafana/mimir pkg/mimirtool/rules/rules.go,
 * `RuleNamespace`). mimirtool decodes it with unknown fields refused, so it carries nothing else.
 */
import type { Slo } from '../slo/model';
import { generatePrometheusRules } from './prometheus';
import type { RuleGroup, RuleOptions } from './types';

export interface MimirRuleNamespace {
  namespace: string;
  groups: RuleGroup[];
}

/** Namespace used when none is given. */
export const DEFAULT_MIMIR_NAMESPACE = 'sre-reliability';

/**
 * Why `namespace` cannot name a ruler namespace, or undefined when it can. mimirtool would use the file name for
 * an empty one, and a namespace that differs from what the user typed only in whitespace is a trap.
 */
export function mimirNamespaceProblem(namespace: string): string | undefined {
  if (namespace.trim() === '') {
    return 'must not be empty';
  }
  if (namespace !== namespace.trim()) {
    return 'must not start or end with whitespace';
  }
  if (/[\u0000-\u001f\u007f]/.test(namespace)) {
    return 'must not contain control characters';
  }
  return undefined;
}

/** One ruler namespace holding the same groups as generatePrometheusRules. */
export function generateMimirNamespace(slos: Slo[], namespace: string, opts: RuleOptions = {}): MimirRuleNamespace {
  return { namespace, groups: generatePrometheusRules(slos, opts).groups };
}
