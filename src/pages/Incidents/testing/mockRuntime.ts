import { backend } from '../../../api/testing/fakeApi';
import { TestPluginPage } from '../../../components/testing/TestPluginPage';

/**
 * '@grafana/runtime' for the Incidents page tests: requests go to the fake backend, and PluginPage draws the title
 * from pageNav as Grafana does, so the title can be checked. Use it as the factory in each test file:
 * `jest.mock('@grafana/runtime', () => jest.requireActual('./testing/mockRuntime').mockRuntime())`.
 * A factory runs while the real module is being required, so this module must not import the pages.
 */
export function mockRuntime() {
  return { ...jest.requireActual('@grafana/runtime'), getBackendSrv: () => backend.srv, PluginPage: TestPluginPage };
}
