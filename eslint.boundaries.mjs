// Layering rules (DESIGN.md §2): pages → api → domain, and only api/ talks HTTP.
// Kept in their own module so scripts/lintBoundaries.test.ts can prove they bite.

const pureDomain = [
  { name: 'react', message: 'domain/ is pure TypeScript: no React.' },
  { name: '@grafana/runtime', message: 'domain/ is pure TypeScript: no Grafana runtime.' },
  { name: '@grafana/ui', message: 'domain/ is pure TypeScript: no Grafana UI.' },
  { name: '@grafana/scenes', message: 'domain/ is pure TypeScript: no scenes.' },
];

export const boundaries = [
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/cli/**', 'src/**/*.test.{ts,tsx}'],
    rules: {
      'no-console': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/api/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@grafana/runtime',
              importNames: ['getBackendSrv', 'BackendSrv'],
              message: 'Only src/api/ may call getBackendSrv: add a typed function there.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: pureDomain,
          patterns: [
            { group: ['**/api/**', '**/api'], message: 'domain/ must not depend on api/.' },
            { group: ['**/pages/**', '**/components/**'], message: 'domain/ must not depend on the UI.' },
            { group: ['react-dom', 'react-dom/*', '@grafana/runtime/*'], message: 'domain/ is pure TypeScript.' },
          ],
        },
      ],
    },
  },
];
