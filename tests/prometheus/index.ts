/** Shared helpers for tests against a real Prometheus (see dsQueryAdapter.ts for the Grafana stand-in). */
export * from './data';
export * from './server';
export * from './rules';
export * from './dsQueryAdapter';
export * from './fixture';
export * from './recorded';
export * from './grafanaHttp';
