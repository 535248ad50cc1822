import Ajv, { type SchemaObject } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

interface Crd {
  spec: {
    group: string;
    names: { kind: string };
    versions: Array<{ name: string; schema: { openAPIV3Schema: SchemaObject } }>;
  };
}

const crd: Crd = parse(readFileSync(join(__dirname, 'prometheusrule-crd.yaml'), 'utf8'));
const version = crd.spec.versions.find((v) => v.name === 'v1')!;

/** Resources of this CRD carry exactly this apiVersion and kind. */
export const PROMETHEUS_RULE_TYPE = {
  apiVersion: `${crd.spec.group}/${version.name}`,
  kind: crd.spec.names.kind,
};

/**
 * The API server prunes or (with strict field validation) refuses fields the structural schema does not declare;
 * JSON Schema allows them. Closing every object that lists its properties makes ajv refuse them too.
 */
function strict(schema: unknown): unknown {
  if (Array.isArray(schema)) {
    return schema.map(strict);
  }
  if (schema === null || typeof schema !== 'object') {
    return schema;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    // `properties` maps names to schemas: recurse into the schemas, never treat a field name as a keyword.
    out[k] =
      k === 'properties'
        ? Object.fromEntries(Object.entries(v as object).map(([name, s]) => [name, strict(s)]))
        : strict(v);
  }
  if (out.properties !== undefined && out.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  return out;
}

/**
 * Kubernetes patterns are Go (RE2) regular expressions; the CRD's `^(?i)(abort|warn)?$` uses a leading inline
 * flag that JavaScript lacks, so it becomes the `i` flag.
 */
const goRegExp = Object.assign(
  (pattern: string, flags: string) => {
    const m = /^(\^?)\(\?i\)/.exec(pattern);
    return m ? new RegExp(m[1] + pattern.slice(m[0].length), `${flags}i`) : new RegExp(pattern, flags);
  },
  { code: 'goRegExp' }
);

const ajv = new Ajv({ strict: false, allErrors: true, code: { regExp: goRegExp } });
const validate = ajv.compile(strict(version.schema.openAPIV3Schema) as SchemaObject);

/** Problems of a PrometheusRule resource against the stored CRD (empty when the API server would accept it). */
export function checkPrometheusRule(resource: unknown): string[] {
  const out = validate(resource)
    ? []
    : (validate.errors ?? []).map(
        (e) =>
          `${e.instancePath || '/'} ${e.message}${e.keyword === 'additionalProperties' ? `: ${e.params.additionalProperty}` : ''}`
      );
  const r = resource as { apiVersion?: unknown; kind?: unknown; spec?: { groups?: unknown } };
  if (r?.apiVersion !== PROMETHEUS_RULE_TYPE.apiVersion) {
    out.push(`/apiVersion must be ${PROMETHEUS_RULE_TYPE.apiVersion}`);
  }
  if (r?.kind !== PROMETHEUS_RULE_TYPE.kind) {
    out.push(`/kind must be ${PROMETHEUS_RULE_TYPE.kind}`);
  }
  // x-kubernetes-list-type: map keyed by name: the API server refuses two groups with one name.
  const groups = Array.isArray(r?.spec?.groups) ? (r.spec.groups as Array<{ name?: unknown }>) : [];
  const seen = new Set<unknown>();
  groups.forEach((g, i) => {
    if (seen.has(g?.name)) {
      out.push(`/spec/groups/${i}/name duplicate "${String(g.name)}"`);
    }
    seen.add(g?.name);
  });
  return out;
}
