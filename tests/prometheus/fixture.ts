/**
 * One call to get a backfilled Prometheus for a test file: writes the counters, backfills them, starts the server.
 * The caller must `await fixture.close()` in afterAll; close() stops the server by PID and removes the files.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeOpenMetrics, type CounterData } from './data';
import { backfillOpenMetrics, freePort, makeWorkDir, PrometheusServer, requirePrometheusBinaries } from './server';

export interface PromFixture {
  server: PrometheusServer;
  workDir: string;
  close: () => Promise<void>;
}

export async function startBackfilledPrometheus(name: string, data: CounterData): Promise<PromFixture> {
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
    await writeOpenMetrics(data, om);
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
