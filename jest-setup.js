// Jest setup provided by Grafana scaffolding. It assumes a DOM, so tests that declare
// `@jest-environment node` (real processes, CLI, promtool) skip it.
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');
  // The app's query cache is a module singleton (src/pages/data/queryClient.ts): start every test empty.
  // Unmount first: this hook runs before Testing Library's own cleanup, and a page still mounted after the clear
  // refetches into the emptied cache, so the next test briefly rendered the previous test's data.
  // Required here, at setup time: Testing Library registers its own hooks when first required, which jest refuses
  // inside a hook (files that never import it would fail).
  const { cleanup } = require('@testing-library/react');
  afterEach(() => {
    cleanup();
    require('./src/pages/data/queryClient').queryClient.clear();
  });
}
