/**
 * A Grafana stand-in over real HTTP on 127.0.0.1, for code that talks to Grafana with fetch (the CLI gate) rather
 * than through getBackendSrv: POST /api/ds/query is answered by the dsQueryAdapter over a REAL Prometheus (Grafana's
 * Prometheus data source translation), POST /api/annotations is stored. Every request must carry
 * `Authorization: Bearer <token>`, as a service-account token is sent; anything else gets 401 as Grafana answers.
 * Every request is recorded with its headers.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { firstValueFrom } from 'rxjs';
import { createPrometheusBackend } from './dsQueryAdapter';
import { freePort } from './server';

export interface HttpRecord {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface GrafanaHttp {
  url: string;
  requests: HttpRecord[];
  annotations: unknown[];
  close: () => Promise<void>;
}

export async function startGrafanaHttp(promUrl: string, token: string): Promise<GrafanaHttp> {
  const backend = createPrometheusBackend({ promUrl, settings: { enabled: true, pinned: false, jsonData: {} } });
  const requests: HttpRecord[] = [];
  const annotations: unknown[] = [];
  const answer = async (rec: HttpRecord): Promise<{ status: number; data: unknown }> => {
    if (rec.headers.authorization !== `Bearer ${token}`) {
      return { status: 401, data: { message: 'Unauthorized' } };
    }
    if (rec.method === 'POST' && rec.url === '/api/annotations') {
      annotations.push(rec.body);
      return { status: 200, data: { id: annotations.length, message: 'Annotation added' } };
    }
    if (rec.method === 'POST' && rec.url === '/api/ds/query') {
      try {
        const res = await firstValueFrom(backend.srv.fetch({ method: 'POST', url: rec.url, data: rec.body }));
        return { status: res.status, data: res.data };
      } catch (e) {
        const err = e as { status?: number; data?: unknown };
        return { status: err.status ?? 500, data: err.data ?? { message: String(e) } };
      }
    }
    return { status: 404, data: { message: 'Not found' } };
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // kept as text: the test sees what was sent
      }
      const rec = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body };
      requests.push(rec);
      answer(rec).then(({ status, data }) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(data));
      });
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    annotations,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
