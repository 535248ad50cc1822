/**
 * Start-up configuration (environment variables) and the runtime "chaos" settings.
 * Pure functions: no I/O here, so the same validation serves env vars and POST /admin/chaos.
 */

export const SERVICE_NAME = 'demo-api';

export interface ChaosSettings {
  /** Probability (0..1) that an /api request fails with a 500. */
  errorRate: number;
  /** Extra latency in milliseconds added to every /api request. */
  latencyMs: number;
}

export interface DemoConfig {
  host: string;
  /** 0 asks the OS for a free port; the chosen port is logged at start-up. */
  port: number;
  /** Self-generated requests per second; 0 disables the load loop. */
  loadRps: number;
  /** Optional file that receives the same JSON log lines as stdout (tailed by Promtail). */
  logFile?: string;
  chaos: ChaosSettings;
}

export const MAX_LATENCY_MS = 30_000;
export const MAX_LOAD_RPS = 1_000;

export class ConfigError extends Error {
  constructor(
    readonly field: string,
    message: string
  ) {
    super(message);
  }
}

const CHAOS_FIELDS: ReadonlyArray<keyof ChaosSettings> = ['errorRate', 'latencyMs'];

function checkErrorRate(value: unknown, field = 'errorRate'): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new ConfigError(field, `${field} must be a number between 0 and 1, got ${JSON.stringify(value)}`);
  }
  return value;
}

function checkLatencyMs(value: unknown, field = 'latencyMs'): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_LATENCY_MS) {
    throw new ConfigError(
      field,
      `${field} must be a number of milliseconds between 0 and ${MAX_LATENCY_MS}, got ${JSON.stringify(value)}`
    );
  }
  return value;
}

/**
 * Validates a (partial) chaos update such as `{ "errorRate": 0.2, "latencyMs": 500 }` and merges it into
 * `current`. Throws ConfigError naming the offending field.
 */
export function applyChaosUpdate(current: ChaosSettings, body: unknown): ChaosSettings {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ConfigError('body', 'body must be a JSON object like {"errorRate": 0.2, "latencyMs": 500}');
  }
  const input = body as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!CHAOS_FIELDS.includes(key as keyof ChaosSettings)) {
      throw new ConfigError(key, `unknown field "${key}"; allowed fields: ${CHAOS_FIELDS.join(', ')}`);
    }
  }
  if (!CHAOS_FIELDS.some((f) => f in input)) {
    throw new ConfigError('body', `body must set at least one of: ${CHAOS_FIELDS.join(', ')}`);
  }
  return {
    errorRate: 'errorRate' in input ? checkErrorRate(input.errorRate) : current.errorRate,
    latencyMs: 'latencyMs' in input ? checkLatencyMs(input.latencyMs) : current.latencyMs,
  };
}

function envNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): unknown {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') {
    return fallback;
  }
  const n = Number(raw);
  return Number.isNaN(n) ? raw : n;
}

/** Reads the start-up configuration. Throws ConfigError naming the bad environment variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): DemoConfig {
  const port = envNumber(env, 'PORT', 8080);
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError('PORT', `PORT must be an integer between 0 and 65535, got ${JSON.stringify(env.PORT)}`);
  }
  const loadRps = envNumber(env, 'LOAD_RPS', 5);
  if (typeof loadRps !== 'number' || !Number.isFinite(loadRps) || loadRps < 0 || loadRps > MAX_LOAD_RPS) {
    throw new ConfigError(
      'LOAD_RPS',
      `LOAD_RPS must be a number between 0 and ${MAX_LOAD_RPS}, got ${JSON.stringify(env.LOAD_RPS)}`
    );
  }
  return {
    host: env.HOST?.trim() || '0.0.0.0',
    port,
    loadRps,
    logFile: env.LOG_FILE?.trim() || undefined,
    chaos: {
      // A small background error rate keeps dashboards alive; well inside a 99.9% objective.
      errorRate: checkErrorRate(envNumber(env, 'ERROR_RATE', 0.0005), 'ERROR_RATE'),
      latencyMs: checkLatencyMs(envNumber(env, 'LATENCY_MS', 0), 'LATENCY_MS'),
    },
  };
}
