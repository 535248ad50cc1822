import { defineConfig } from 'eslint/config';
import baseConfig from './.config/eslint.config.mjs';
import { boundaries } from './eslint.boundaries.mjs';

export default defineConfig([
  {
    ignores: [
      'logs/',
      '**/*.log',
      '**/node_modules/',
      '**/coverage',
      '**/dist/',
      '**/artifacts/',
      '**/work/',
      '**/ci/',
      'bench/results/',
      // npm run screenshots bundles the harness here (16 MB of JS; linting it runs eslint out of memory).
      'tests/screenshots/.build/',
      'test-results/',
      'playwright-report/',
      'blob-report/',
      'playwright/.cache/',
      'playwright/.auth/',
      '**/.eslintcache',
    ],
  },
  ...baseConfig,
  {
    files: ['**/*.{ts,tsx}'],
    // .config/ is managed by create-plugin: leave its style to the template.
    ignores: ['.config/**'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  ...boundaries,
]);
