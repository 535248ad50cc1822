import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { BUILD_DIR } from './build';

const root = path.resolve(__dirname, '../..');
const mod = (p: string) => path.join(root, 'node_modules', p);
const PLUGIN_ID = 'sre-reliability-app';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.css': 'text/css',
  '.html': 'text/html',
};

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>SRE Reliability</title>
<script>window.__grafana_public_path__ = '/public/'; window.grafanaBootData = { settings: {}, user: {}, navTree: [] };</script>
<style>body{margin:0}</style></head><body><div id="root"></div><script src="/harness/harness.js"></script></body></html>`;

/** Maps a URL path to a file: the plugin's dist/, the harness build, Grafana's fonts and icons from npm packages. */
function resolveFile(urlPath: string): string | undefined {
  const rules: Array<[string, (rest: string) => string[]]> = [
    [`/public/plugins/${PLUGIN_ID}/`, (r) => [path.join(root, 'dist', r)]],
    ['/harness/', (r) => [path.join(BUILD_DIR, r)]],
    ['/public/fonts/inter/', (r) => [mod(`inter-ui/web/${r}`)]],
    ['/public/fonts/roboto/', () => [mod('@fontsource/roboto-mono/files/roboto-mono-latin-400-normal.woff2')]],
    [
      '/public/build/img/icons/',
      (r) => [mod(`@grafana/ui/dist/public/img/icons/${r}`), mod(`@iconscout/unicons/svg/line/${path.basename(r)}`)],
    ],
  ];
  for (const [prefix, candidates] of rules) {
    if (urlPath.startsWith(prefix)) {
      const rest = decodeURIComponent(urlPath.slice(prefix.length));
      return candidates(rest).find((f) => !f.includes('..') && fs.existsSync(f) && fs.statSync(f).isFile());
    }
  }
  return undefined;
}

/** A static server on 127.0.0.1 that serves the harness page for every app URL. */
export async function startServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const urlPath = new URL(req.url ?? '/', 'http://x').pathname;
    if (urlPath.startsWith(`/a/${PLUGIN_ID}`)) {
      res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      return;
    }
    const file = resolveFile(urlPath);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
