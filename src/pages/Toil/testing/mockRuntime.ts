import { backend } from '../../../api/testing/fakeApi';
import { TestPluginPage } from '../../../components/testing/TestPluginPage';

/**
 * '@grafana/runtime' for the Toil page tests: requests go to the fake backend (toilPageKit answers them).
 * `jest.mock('@grafana/runtime', () => jest.requireActual('./testing/mockRuntime').mockRuntime())`. A factory runs
 * while the real module is being required, so this module must not import the page.
 */
export function mockRuntime() {
  return { ...jest.requireActual('@grafana/runtime'), getBackendSrv: () => backend.srv, PluginPage: TestPluginPage };
}
