import { locationUtil, type GrafanaConfig } from '@grafana/data';
import { config } from '@grafana/runtime';

/**
 * Test-only: Grafana served under `subPath` (`root_url` with `serve_from_sub_path`), as Grafana sets it up at boot:
 * `config.appSubUrl`, and locationUtil initialised with that config (LinkButton, TextLink and our links read it).
 * Call `serveUnder('')` after the test.
 */
export function serveUnder(subPath: string) {
  config.appSubUrl = subPath;
  locationUtil.initialize({
    config: config as unknown as GrafanaConfig,
    getTimeRangeForUrl: () => ({ from: 'now-1h', to: 'now' }),
    getVariablesUrlParams: () => ({}),
  });
}
