/**
 * Checks a request to Grafana's data-source ruler proxy against cortex-ruler.json (see cortex-ruler.md), the way
 * openapi.ts checks the routes in api-merged.json: a path template matches, the method exists on it, every query
 * parameter is declared (with an allowed value), and the body validates against the route's schema, which refuses
 * unknown fields.
 */
import Ajv from 'ajv';
import contract from './cortex-ruler.json';
import { checkRequest, type ContractRequest } from './openapi';

interface Route {
  id: string;
  method: string;
  path: string;
  query: string[];
  body?: string;
}

const routes = contract.routes as Route[];
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema({ $id: 'ruler', definitions: contract.definitions });
const queryValues = contract.query as Record<string, { enum: string[] }>;

const compiled = routes.map((route) => ({
  route,
  // Each {param} is one path segment; our api/ layer escapes namespace and group names with encodeURIComponent.
  re: new RegExp('^' + route.path.replace(/\{[^}]+\}/g, '[^/]+') + '$'),
}));

/** True for the ruler proxy routes this file covers. */
export const isRulerPath = (url: string) => new URL(url, 'http://grafana.local').pathname.startsWith('/api/ruler/');

/** Returns every way a ruler request departs from the contract; an empty list means it conforms. */
export function checkRulerRequest(req: ContractRequest): string[] {
  const url = new URL(req.url, 'http://grafana.local');
  const matching = compiled.filter((c) => c.re.test(url.pathname));
  if (matching.length === 0) {
    return [`${url.pathname}: no such ruler route`];
  }
  const found = matching.find((c) => c.route.method === req.method.toUpperCase());
  if (!found) {
    return [
      `${req.method} ${matching[0].route.path}: method not in the contract (has ${matching.map((c) => c.route.method).join(', ')})`,
    ];
  }
  const { route } = found;
  const problems: string[] = [];
  const query = new Map<string, unknown>([...url.searchParams.entries(), ...Object.entries(req.params ?? {})]);
  for (const [name, value] of query) {
    if (!route.query.includes(name)) {
      problems.push(`${route.method} ${route.path}: query parameter "${name}" is not in the contract`);
    } else if (queryValues[name] && !queryValues[name].enum.includes(String(value))) {
      problems.push(
        `${route.method} ${route.path}: query parameter "${name}" must be one of ${queryValues[name].enum.join(', ')}`
      );
    }
  }
  if (route.body === undefined) {
    if (req.body !== undefined) {
      problems.push(`${route.method} ${route.path}: the route takes no body`);
    }
    return problems;
  }
  if (req.body === undefined) {
    return [...problems, `${route.method} ${route.path}: body is required`];
  }
  const validate = ajv.getSchema(`ruler#/definitions/${route.body}`)!;
  if (!validate(req.body)) {
    for (const e of validate.errors ?? []) {
      const extra = (e.params as { additionalProperty?: string }).additionalProperty;
      problems.push(`${route.method} ${route.path}: body${e.instancePath} ${e.message}${extra ? ` "${extra}"` : ''}`);
    }
  }
  return problems;
}

/** Checks any request our api/ layer makes: ruler routes against cortex-ruler.json, the rest against api-merged.json. */
export function checkAnyRequest(req: ContractRequest): string[] {
  return isRulerPath(req.url) ? checkRulerRequest(req) : checkRequest(req);
}
