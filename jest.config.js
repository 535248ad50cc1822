// force timezone to UTC to allow tests to work regardless of local timezone
// generally used by snapshots, but can affect specific tests
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');
const { grafanaESModules, nodeModulesToTransform } = require('./.config/jest/utils');

const swc = base.transform['^.+\\.(t|j)sx?$'];

module.exports = {
  ...base,
  moduleNameMapper: {
    ...base.moduleNameMapper,
    // Under jsdom jest picks yaml's ESM browser build; the CommonJS build is the same code.
    '^yaml$': require.resolve('yaml'),
    // Same key as the template's mapping, so it replaces it: see the stub for why.
    'react-inlinesvg': '<rootDir>/src/components/testing/inlineSvgStub.tsx',
  },
  // Grafana UI components in jsdom take seconds on a busy 2-core machine; 5 s made page tests flaky.
  testTimeout: 20_000,
  testMatch: [
    '<rootDir>/src/**/*.test.{ts,tsx}',
    '<rootDir>/demo/**/*.test.ts',
    '<rootDir>/scripts/**/*.test.ts',
    '<rootDir>/bench/**/*.test.ts',
  ],
  // The built-bundle smoke test has its own config (jest.bundle.config.js): it needs dist/.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '\\.bundle\\.test\\.'],
  transform: {
    ...base.transform,
    // d3-color and a few others ship .mjs only.
    '^.+\\.mjs$': swc,
  },
  transformIgnorePatterns: [
    nodeModulesToTransform([
      ...grafanaESModules,
      '@lezer',
      '@prometheus-io',
      '@grafana/lezer-logql',
      // The blameless check's unified/retext/micromark stack is ESM-only.
      'unified',
      'bail',
      'trough',
      'is-plain-obj',
      'devlop',
      'vfile[^/]*',
      'unist-util-[^/]+',
      'nlcst-[^/]+',
      'parse-english',
      'parse-latin',
      'retext-english',
      'array-iterate',
      'mdast-util-[^/]+',
      'micromark[^/]*',
      'decode-named-character-reference',
      'character-entities',
      'ccount',
      'escape-string-regexp',
    ]),
  ],
};
