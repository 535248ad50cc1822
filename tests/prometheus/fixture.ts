/**
 * One call to get a backfilled Prometheus for a test file: writes the counters, backfills them, starts the server.
 * The caller must `await fixture.close()` in afterAll (setUpPrometheus does); close() stops the server by PID and
 * removes the files.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeOpenMetrics, type CounterData } from './data';
import { backfillOpenMetrics, freePort, makeWorkDir, PrometheusServer, requirePrometheusBinaries } from './server';
import { createPrometheusBackend } from './dsQueryAdapter';

export interface PromFixture {
  server: PrometheusServer;
  workDir: string;
  close: () => Promise<void>;
}

/**
 * A test Prometheus on 127.0.0.1 over data that `write` puts into an OpenMetrics file: a work dir, the backfill, the
 * server; `close` stops it and removes the work dir (kept with PROM_TEST_KEEP=1), also when starting fails.
 */
export async function startPrometheusFromOpenMetrics(
  name: string,
  write: (file: string) => Promise<unknown>
): Promise<PromFixture> {
  requirePrometheusBinaries();
  const workDir = makeWorkDir(`sre-prom-${name}`);
  let server: PrometheusServer | undefined;
  const close = async () => {
    await server?.stop();
    if (process.env.PROM_TEST_KEEP !== '1') {
      rmSync(workDir, { recursive: true, force: true });
    }
  };
  try {
    const om = join(workDir, 'data.om');
    await write(om);
    const dataDir = join(workDir, 'tsdb');
    await backfillOpenMetrics(om, dataDir);
    server = new PrometheusServer(workDir, dataDir, await freePort());
    await server.start();
    return { server, workDir, close };
  } catch (e) {
    await close();
    throw e;
  }
}

export async function startBackfilledPrometheus(name: string, data: CounterData): Promise<PromFixture> {
  return startPrometheusFromOpenMetrics(name, (file) => writeOpenMetrics(data, file));
}

/**
 * The jest lifecycle every real-Prometheus test file needs: backfill and start the server once for the file (then
 * `prepare`, e.g. backfilling rules; the server is stopped if it fails), stop it after, and a fresh
 * /api/ds/query adapter per test. `backend()` is what the file's jest.mock of getBackendSrv returns.
 */
export function setUpPrometheus(name: string, data: CounterData, prepare?: (fixture: PromFixture) => Promise<void>) {
  let fixture: PromFixture | undefined;
  let backend: ReturnType<typeof createPrometheusBackend> | undefined;
  beforeAll(async () => {
    fixture = await startBackfilledPrometheus(name, data);
    try {
      await prepare?.(fixture);
    } catch (e) {
      await fixture.close();
      throw e;
    }
  });
  afterAll(async () => {
    await fixture?.close();
  });
  beforeEach(() => {
    backend = createPrometheusBackend({
      promUrl: fixture!.server.url,
      settings: { enabled: true, pinned: false, jsonData: {} },
    });
  });
  return { backend: () => backend! };
}
