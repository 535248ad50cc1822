/** @jest-environment node */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Proves the layering rules bite: snippets are written to a scratch tree that mirrors src/, and the real
// eslint CLI lints them with exactly the rules from eslint.boundaries.mjs (the same module eslint.config.mjs uses).
const root = path.resolve(__dirname, '..');

const snippets: Record<string, string> = {
  'src/domain/slo/react.ts': "import React from 'react';\nexport const x = React;\n",
  'src/domain/slo/runtime.ts': "import { config } from '@grafana/runtime';\nexport const x = config;\n",
  'src/domain/slo/api.ts': "import { request } from '../../api/client';\nexport const x = request;\n",
  'src/domain/slo/log.ts': "export function f() {\n  console.log('x');\n}\n",
  'src/pages/Slos/srv.ts': "import { getBackendSrv } from '@grafana/runtime';\nexport const x = getBackendSrv;\n",
  'src/api/srv.ts': "import { getBackendSrv } from '@grafana/runtime';\nexport const x = getBackendSrv;\n",
  'src/domain/slo/pure.ts': "import { parse } from 'yaml';\nexport const x = parse;\n",
};

function lintScratchTree(): Record<string, string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sre-lint-'));
  try {
    for (const [file, code] of Object.entries(snippets)) {
      fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), code);
    }
    const parser = require.resolve('@typescript-eslint/parser', { paths: [root] });
    fs.writeFileSync(
      path.join(dir, 'eslint.config.mjs'),
      `import parser from ${JSON.stringify(parser)};\n` +
        `import { boundaries } from ${JSON.stringify(path.join(root, 'eslint.boundaries.mjs'))};\n` +
        `export default [{ files: ['**/*.ts'], languageOptions: { parser } }, ...boundaries];\n`
    );
    let out: string;
    try {
      out = execFileSync(path.join(root, 'node_modules', '.bin', 'eslint'), ['--format', 'json', 'src'], {
        cwd: dir,
        encoding: 'utf8',
      });
    } catch (e) {
      out = (e as { stdout: string }).stdout; // eslint exits 1 when it finds errors
    }
    const results = JSON.parse(out.slice(out.indexOf('['))) as Array<{
      filePath: string;
      messages: Array<{ ruleId: string; message: string }>;
    }>;
    return Object.fromEntries(
      results.map((r) => [path.relative(dir, r.filePath), r.messages.map((m) => `${m.ruleId}: ${m.message}`)])
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('import boundaries', () => {
  jest.setTimeout(60_000);
  const found = lintScratchTree();

  it.each([
    ['src/domain/slo/react.ts', 'domain/ is pure TypeScript: no React.'],
    ['src/domain/slo/runtime.ts', 'domain/ is pure TypeScript: no Grafana runtime.'],
    ['src/domain/slo/api.ts', 'domain/ must not depend on api/.'],
    ['src/domain/slo/log.ts', 'no-console'],
    ['src/pages/Slos/srv.ts', 'Only src/api/ may call getBackendSrv'],
  ])('refuses %s', (file, expected) => {
    expect(found[file].join('\n')).toContain(expected);
  });

  it.each(['src/api/srv.ts', 'src/domain/slo/pure.ts'])('allows %s', (file) => {
    expect(found[file]).toEqual([]);
  });
});
