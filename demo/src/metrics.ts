/**
 * Micrometer-style metrics, as a Spring Boot service exposes them at /actuator/prometheus.
 * The `service` label is NOT set here: Prometheus adds it as a target label (see
 * provisioning/prometheus/prometheus.yml), and Promtail sets the same value on the logs.
 */
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

import type { ChaosSettings } from './config';

export type Outcome = 'INFORMATIONAL' | 'SUCCESS' | 'REDIRECTION' | 'CLIENT_ERROR' | 'SERVER_ERROR' | 'UNKNOWN';

/** Same mapping as Micrometer's `Outcome.forStatus`. */
export function outcomeOf(status: number): Outcome {
  if (status >= 100 && status < 200) {
    return 'INFORMATIONAL';
  }
  if (status >= 200 && status < 300) {
    return 'SUCCESS';
  }
  if (status >= 300 && status < 400) {
    return 'REDIRECTION';
  }
  if (status >= 400 && status < 500) {
    return 'CLIENT_ERROR';
  }
  if (status >= 500 && status < 600) {
    return 'SERVER_ERROR';
  }
  return 'UNKNOWN';
}

/** Includes the usual latency-SLO thresholds 0.1 s, 0.3 s and 1 s. */
export const LATENCY_BUCKETS = [0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5];

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requests = new Histogram({
    name: 'http_server_requests_seconds',
    help: 'Duration of HTTP server request handling',
    labelNames: ['uri', 'method', 'status', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const chaosErrorRate = new Gauge({
    name: 'demo_chaos_error_rate',
    help: 'Injected error probability (0..1) currently set via /admin/chaos',
    registers: [registry],
  });
  const chaosLatency = new Gauge({
    name: 'demo_chaos_latency_seconds',
    help: 'Injected extra latency currently set via /admin/chaos',
    registers: [registry],
  });

  return {
    registry,
    observeRequest(uri: string, method: string, status: number, seconds: number) {
      requests.observe({ uri, method, status: String(status), outcome: outcomeOf(status) }, seconds);
    },
    setChaos(chaos: ChaosSettings) {
      chaosErrorRate.set(chaos.errorRate);
      chaosLatency.set(chaos.latencyMs / 1000);
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
