/**
 * HTTP request handling: a tiny shop API with simulated latency and errors, the chaos admin endpoints,
 * /metrics and /healthz. Every request except /metrics and /healthz gets exactly one JSON log line;
 * /api/* and unknown paths are also measured in http_server_requests_seconds (admin calls are logged but
 * not measured, so they never count against an SLO).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

import { applyChaosUpdate, type ChaosSettings, ConfigError } from './config';
import type { Level, Logger } from './log';
import { type Metrics, outcomeOf } from './metrics';

export interface AppState {
  chaos: ChaosSettings;
  /** Start-up chaos settings; DELETE /admin/chaos restores them. */
  readonly initialChaos: ChaosSettings;
}

interface Result {
  status: number;
  body: unknown;
  error?: string;
  /** Overrides the log line's `msg` and adds fields to it (admin calls say what they changed). */
  log?: { level: Level; msg: string; fields: Record<string, unknown> };
}

type Handler = (params: Record<string, string>, req: IncomingMessage) => Result | Promise<Result>;

interface Route {
  /** Micrometer-style URI template, used as the `uri` label. */
  uri: string;
  pattern: RegExp;
  methods: Record<string, Handler>;
  /** Whether chaos (extra latency, injected errors) applies. */
  chaos: boolean;
  measured: boolean;
}

/** Micrometer's label for requests that matched no route (keeps the `uri` label bounded). */
export const NOT_FOUND_URI = 'NOT_FOUND';
const PRODUCT_COUNT = 100;
const MAX_BODY_BYTES = 16 * 1024;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (min: number, max: number) => min + Math.random() * (max - min);

function createRoutes(state: AppState, onChaosChange: (chaos: ChaosSettings) => void): Route[] {
  const api = (uri: string, pattern: RegExp, methods: Record<string, Handler>): Route => ({
    uri,
    pattern,
    methods,
    chaos: true,
    measured: true,
  });
  const chaosRoute: Route = {
    uri: '/admin/chaos',
    pattern: /^\/admin\/chaos$/,
    chaos: false,
    measured: false,
    methods: {
      GET: () => ({ status: 200, body: state.chaos }),
      POST: async (_params, req) => {
        let body: unknown;
        try {
          body = JSON.parse(await readBody(req));
        } catch (e) {
          const error = e instanceof BodyTooLargeError ? e.message : 'body must be valid JSON';
          return { status: 400, body: { error, field: 'body' }, error };
        }
        try {
          const previous = state.chaos;
          state.chaos = applyChaosUpdate(state.chaos, body);
          onChaosChange(state.chaos);
          const fields = { chaos: state.chaos, previous_chaos: previous };
          return { status: 200, body: state.chaos, log: { level: 'warn', msg: 'chaos settings changed', fields } };
        } catch (e) {
          if (e instanceof ConfigError) {
            return { status: 400, body: { error: e.message, field: e.field }, error: e.message };
          }
          throw e;
        }
      },
      DELETE: () => {
        const previous = state.chaos;
        state.chaos = { ...state.initialChaos };
        onChaosChange(state.chaos);
        const fields = { chaos: state.chaos, previous_chaos: previous };
        return { status: 200, body: state.chaos, log: { level: 'warn', msg: 'chaos settings reset', fields } };
      },
    },
  };

  return [
    api('/api/products/{id}', /^\/api\/products\/(?<id>[^/]+)$/, {
      GET: async ({ id }) => {
        await sleep(between(10, 60));
        const n = Number(id);
        if (!Number.isInteger(n) || n < 1 || n > PRODUCT_COUNT) {
          return { status: 404, body: { error: `product ${id} not found` }, error: `product ${id} not found` };
        }
        return { status: 200, body: { id: n, name: `Product ${n}`, price: Math.round(n * 3.7 * 100) / 100 } };
      },
    }),
    api('/api/cart', /^\/api\/cart$/, {
      GET: async () => {
        await sleep(between(20, 90));
        return { status: 200, body: { items: [{ productId: 7, quantity: 2 }], total: 51.8 } };
      },
    }),
    api('/api/checkout', /^\/api\/checkout$/, {
      POST: async () => {
        // Mostly quick, with a small slow tail (about 2% above 300 ms), like a payment call.
        await sleep(Math.random() < 0.02 ? between(300, 900) : between(80, 250));
        return { status: 200, body: { orderId: randomBytes(6).toString('hex'), status: 'CONFIRMED' } };
      },
    }),
    chaosRoute,
  ];
}

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new BodyTooLargeError(`body must be at most ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Takes the trace id from a W3C `traceparent` header when present, else makes one up. */
function traceIdOf(req: IncomingMessage): string {
  const match = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/.exec(String(req.headers.traceparent ?? ''));
  return match && !/^0+$/.test(match[1]) ? match[1] : randomBytes(16).toString('hex');
}

function send(res: ServerResponse, status: number, body: unknown, contentType = 'application/json') {
  if (res.writableEnded || res.destroyed) {
    return;
  }
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

async function dispatch(routes: Route[], state: AppState, method: string, path: string, req: IncomingMessage) {
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) {
      continue;
    }
    const handler = route.methods[method];
    if (!handler) {
      const error = `method ${method} not allowed; use ${Object.keys(route.methods).join(', ')}`;
      return { route, result: { status: 405, body: { error }, error } };
    }
    if (route.chaos) {
      const { latencyMs, errorRate } = state.chaos;
      if (latencyMs > 0) {
        await sleep(latencyMs);
      }
      if (Math.random() < errorRate) {
        const error = `injected failure (chaos errorRate=${errorRate})`;
        return { route, result: { status: 500, body: { error }, error } };
      }
    }
    return { route, result: await handler(match.groups ?? {}, req) };
  }
  const error = `no route for ${method} ${path}`;
  return { route: undefined, result: { status: 404, body: { error }, error } };
}

export function createApp(state: AppState, metrics: Metrics, logger: Logger): RequestListener {
  metrics.setChaos(state.chaos);
  const routes = createRoutes(state, (chaos) => metrics.setChaos(chaos));

  return async (req, res) => {
    const start = process.hrtime.bigint();
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;

    if (path === '/healthz') {
      return send(res, 200, { status: 'ok' });
    }
    if (path === '/metrics') {
      return send(res, 200, await metrics.registry.metrics(), metrics.registry.contentType);
    }

    const traceId = traceIdOf(req);
    res.setHeader('x-trace-id', traceId);
    let uri = NOT_FOUND_URI;
    let measured = true;
    let result: Result;
    try {
      const dispatched = await dispatch(routes, state, method, path, req);
      uri = dispatched.route?.uri ?? NOT_FOUND_URI;
      measured = dispatched.route?.measured ?? true;
      result = dispatched.result;
    } catch (e) {
      const error = `unexpected error: ${e instanceof Error ? e.message : String(e)}`;
      result = { status: 500, body: { error: 'internal server error' }, error };
    }
    send(res, result.status, result.body);

    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (measured) {
      metrics.observeRequest(uri, method, result.status, seconds);
    }
    const level: Level = result.status >= 500 ? 'error' : result.status >= 400 ? 'warn' : 'info';
    logger.log(result.log?.level ?? level, result.log?.msg ?? `${method} ${path} ${result.status}`, {
      method,
      uri,
      path,
      status: result.status,
      outcome: outcomeOf(result.status),
      duration_ms: Math.round(seconds * 10_000) / 10,
      trace_id: traceId,
      ...(result.error ? { error: result.error } : {}),
      ...result.log?.fields,
    });
  };
}
