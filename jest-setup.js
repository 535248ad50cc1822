// Jest setup provided by Grafana scaffolding. It assumes a DOM, so tests that declare
// `@jest-environment node` (real processes, CLI, promtool) skip it.
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');
}
