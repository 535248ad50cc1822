// Jest setup provided by Grafana scaffolding. It assumes a DOM, so tests that declare
// `@jest-environment node` (real processes, CLI, promtool) skip it.
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');
  // The app's query cache is a module singleton (src/pages/data/queryClient.ts): start every test empty.
  afterEach(() => require('./src/pages/data/queryClient').queryClient.clear());
}
