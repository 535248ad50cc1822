// Prints the gzip size of dist/module.js (what Grafana loads for every user at start) and of each lazy chunk,
// and fails when module.js exceeds its budget.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const BUDGET_BYTES = 30 * 1024;
const dist = path.resolve(__dirname, '..', 'dist');
const gz = (file) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

const chunks = fs.readdirSync(dist).filter((f) => f.endsWith('.js') && f !== 'module.js');
const moduleSize = gz('module.js');
const chunkSizes = chunks.map((f) => [f, gz(f)]).sort((a, b) => b[1] - a[1]);

process.stdout.write(`module.js: ${kb(moduleSize)} gzip (budget ${kb(BUDGET_BYTES)})\n`);
process.stdout.write(`lazy chunks: ${chunks.length}, largest: ${chunkSizes.slice(0, 3).map(([f, n]) => `${f} ${kb(n)}`).join(', ')}\n`);
if (moduleSize > BUDGET_BYTES) {
  process.stderr.write(`module.js is ${kb(moduleSize)} gzip, over the ${kb(BUDGET_BYTES)} budget\n`);
  process.exit(1);
}
