/**
 * Checks an HTTP request that our api/ layer builds against Grafana's published HTTP API spec
 * (api-merged.json, Swagger 2.0, copied from grafana/grafana; see SOURCES.md).
 *
 * A request passes when: a path template matches, the method exists on it, every query parameter is declared,
 * and the body validates against the operation's body schema, where objects may only use the properties the
 * schema defines (additionalProperties is forced to false) and must have every required one.
 */
import Ajv from 'ajv';
import spec from './api-merged.json';

export interface ContractRequest {
  method: string;
  url: string;
  body?: unknown;
  params?: Record<string, unknown>;
}

interface Operation {
  operationId?: string;
  parameters?: Array<{ name: string; in: string; schema?: object; required?: boolean }>;
}

type Json = Record<string, unknown>;

/** Forbids unknown properties in every object schema that lists its properties, so extra fields are caught. */
function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) {
    return node.map(closeObjects);
  }
  if (node && typeof node === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(node as Json)) {
      out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v as Json).map(([p, s]) => [p, closeObjects(s)])) : closeObjects(v);
    }
    if (out.properties && out.additionalProperties === undefined) {
      out.additionalProperties = false;
    }
    return out;
  }
  return node;
}

const definitions = closeObjects((spec as unknown as Json).definitions) as Json;
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema({ $id: 'grafana', definitions });

const paths = (spec as unknown as { paths: Record<string, Record<string, Operation>> }).paths;
const templates = Object.keys(paths).map((template) => ({
  template,
  // {datasource_proxy_route} is the rest of the path, slashes included (e.g. api/v1/status/buildinfo).
  re: new RegExp('^' + template.replace('{datasource_proxy_route}', '.+').replace(/\{[^}]+\}/g, '[^/]+') + '$'),
}));

/** Finds the spec path template for a concrete path (without the /api base path). */
export function matchPath(path: string): string | undefined {
  const exact = templates.find((t) => t.template === path);
  return (exact ?? templates.find((t) => t.re.test(path)))?.template;
}

/** Returns every way the request departs from the spec; an empty list means it conforms. */
export function checkRequest(req: ContractRequest): string[] {
  const url = new URL(req.url, 'http://grafana.local');
  if (!url.pathname.startsWith('/api/')) {
    return [`${req.url}: not under /api`];
  }
  const path = url.pathname.slice('/api'.length);
  const template = matchPath(path);
  if (!template) {
    return [`${path}: no such path in the Grafana API spec`];
  }
  const op = paths[template][req.method.toLowerCase()];
  if (!op) {
    return [`${req.method} ${template}: method not in the spec (has ${Object.keys(paths[template]).join(', ')})`];
  }
  const problems: string[] = [];
  const params = op.parameters ?? [];
  const queryNames = new Set([...url.searchParams.keys(), ...Object.keys(req.params ?? {})]);
  for (const name of queryNames) {
    if (!params.some((p) => p.in === 'query' && p.name === name)) {
      problems.push(`${req.method} ${template}: query parameter "${name}" is not in the spec`);
    }
  }
  const bodyParam = params.find((p) => p.in === 'body');
  if (req.body !== undefined && !bodyParam) {
    problems.push(`${req.method} ${template}: the spec takes no body`);
  }
  if (bodyParam?.schema) {
    if (req.body === undefined && bodyParam.required) {
      problems.push(`${req.method} ${template}: body is required`);
    } else if (req.body !== undefined) {
      const validate = ajv.compile(resolveRoot(closeObjects(bodyParam.schema) as Json));
      if (!validate(req.body)) {
        for (const e of validate.errors ?? []) {
          const extra = (e.params as { additionalProperty?: string }).additionalProperty;
          problems.push(`${req.method} ${template}: body${e.instancePath} ${e.message}${extra ? ` "${extra}"` : ''}`);
        }
      }
    }
  }
  return problems;
}

/** Rewrites local `#/definitions/X` refs so that a body schema compiles against the shared definitions. */
function resolveRoot(schema: Json): Json {
  const text = JSON.stringify(schema).replace(/"#\/definitions\//g, '"grafana#/definitions/');
  const { $ref, ...rest } = JSON.parse(text) as Json;
  return $ref ? { allOf: [{ $ref }], ...rest } : rest;
}

/** The operation id for a request, for readable test names. */
export function operationId(method: string, url: string): string | undefined {
  const path = new URL(url, 'http://grafana.local').pathname.slice('/api'.length);
  const template = matchPath(path);
  return template ? paths[template][method.toLowerCase()]?.operationId : undefined;
}
