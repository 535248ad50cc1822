// Renders README screenshots of the built plugin (dist/) in headless Chromium, in dark and light themes.
// Usage: npm run build && npm run screenshots [-- scenario ...]. Writes docs/screenshots/<scenario>-<theme>.png.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { buildHarness } from './build';
import { startServer } from './server';
import { SCENARIOS } from './scenarios';
import { NOW } from './fixtures';

const OUT = path.resolve(__dirname, '../../docs/screenshots');

async function main() {
  const wanted = process.argv.slice(2);
  const names = wanted.length ? wanted : Object.keys(SCENARIOS);
  const t0 = Date.now();
  await buildHarness();
  process.stdout.write(`harness built in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  fs.mkdirSync(OUT, { recursive: true });
  let failures = 0;
  try {
    for (const name of names) {
      const scenario = SCENARIOS[name];
      for (const theme of ['dark', 'light']) {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
        // Nothing leaves the machine: every request that is not to our server is refused.
        await page.route('**/*', (route) =>
          route.request().url().startsWith(server.url) ? route.continue() : route.abort()
        );
        // The fixtures are dated around NOW: the page's clock is NOW too, so ages, ranges and "since" budgets agree
        // with them and the pictures do not change from day to day. Timers keep running.
        await page.clock.setFixedTime(NOW);
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        const url = `${server.url}/a/sre-reliability-app/${scenario.route}${scenario.route.includes('?') ? '&' : '?'}scenario=${name}&theme=${theme}`;
        try {
          await page.goto(url);
          await page.getByText(scenario.waitFor, { exact: false }).first().waitFor({ timeout: 20_000 });
          await scenario.interact?.(page);
          await page.waitForLoadState('networkidle');
          await page.evaluate(() => document.fonts.ready);
          const file = path.join(OUT, `${name}-${theme}.png`);
          await page.screenshot({ path: file, fullPage: scenario.fullPage ?? false });
          process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
        } catch (e) {
          failures++;
          const body = await page.evaluate(() => document.body.innerText.slice(0, 500)).catch(() => '');
          process.stderr.write(
            `${name} (${theme}) failed: ${(e as Error).message}\n  page errors: ${errors.join(' | ')}\n  page text: ${body}\n`
          );
        } finally {
          await page.close();
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  process.exit(failures ? 1 : 0);
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
