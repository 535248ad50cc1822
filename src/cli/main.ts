/** CLI entry point: `npm run cli -- <command>` or `bin/sre-reliability.js`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { runCliAsync } from './run';

const fail = (e: unknown) => {
  // runCli reports every expected failure itself; whatever escapes is still one line for a CI log, not a trace.
  process.stderr.write(`error: ${(e as Error)?.message ?? String(e)}\n`);
  process.exitCode = 1;
};

try {
  runCliAsync(process.argv.slice(2), {
    readFile: (p) => readFileSync(p, 'utf8'),
    writeFile: (p, text) => writeFileSync(p, text),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    fetch: (...args) => fetch(...args),
    now: () => Date.now(),
    env: process.env,
  }).then((code) => (process.exitCode = code), fail);
} catch (e) {
  fail(e);
}
