/**
 * Demo service entry point: `npx tsx demo/src/server.ts` (or `node --import tsx demo/src/server.ts`).
 * Environment: PORT (8080; 0 = any free port), HOST (0.0.0.0), LOAD_RPS (5; 0 = off), ERROR_RATE,
 * LATENCY_MS, LOG_FILE. See demo/README.md.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createApp, type AppState } from './app';
import { ConfigError, type DemoConfig, loadConfig, SERVICE_NAME } from './config';
import { startLoad, type LoadGenerator } from './load';
import { createLogger } from './log';
import { createMetrics } from './metrics';

const SHUTDOWN_GRACE_MS = 10_000;

/** The address the load generator uses to reach this process. */
function loopbackUrl(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '') {
    return `http://127.0.0.1:${port}`;
  }
  if (host === '::') {
    return `http://[::1]:${port}`;
  }
  return host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}

function readConfig(): DemoConfig {
  try {
    return loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      const line = {
        ts: new Date().toISOString(),
        level: 'error',
        service: SERVICE_NAME,
        field: e.field,
        msg: e.message,
      };
      process.stderr.write(JSON.stringify(line) + '\n');
      process.exit(1);
    }
    throw e;
  }
}

function main() {
  const config = readConfig();
  const logger = createLogger(config.logFile);
  const metrics = createMetrics();
  const state: AppState = { chaos: { ...config.chaos }, initialChaos: { ...config.chaos } };
  const server = createServer(createApp(state, metrics, logger));
  let load: LoadGenerator | undefined;

  server.on('error', (e) => {
    logger.log('error', `server error: ${e.message}`);
    void logger.close().then(() => process.exit(1));
  });

  server.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    logger.log('info', 'listening', { host: config.host, port, load_rps: config.loadRps, chaos: state.chaos });
    if (config.loadRps > 0) {
      load = startLoad(loopbackUrl(config.host, port), config.loadRps);
    }
  });

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.log('info', 'shutting down', { signal });
    load?.stop();
    // Stop accepting connections, let in-flight requests finish, then exit. Force it after a grace period.
    const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      logger.log('info', 'stopped');
      void logger.close().then(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main();
