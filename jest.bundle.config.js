// The built-bundle smoke test: loads dist/module.js as Grafana does. Run after `npm run build`.
const base = require('./jest.config');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/tests/bundle/**/*.bundle.test.{ts,tsx}'],
  testPathIgnorePatterns: ['/node_modules/'],
};
