import { locationUtil } from '@grafana/data';
import { prefixRoute } from '../constants';

/*
 * Every href in the app is built here, one way. Grafana may be served under a sub-path (`root_url` with
 * `serve_from_sub_path`, e.g. https://example.com/grafana/). A plain anchor (LinkButton, Card, <a>) must carry that
 * sub-path, or "open in new tab" and copied links 404. TextLink and Link from @grafana/ui strip it again
 * (locationUtil.stripBaseFromUrl) and let the router, whose basename is the sub-path, add it back. Grafana's own
 * locationUtil.assureBaseUrl adds the sub-path exactly once, so its result suits both kinds of link.
 * Paths given to react-router's navigate() stay without it (use prefixRoute): the router adds the base itself.
 */

/** The href of an app route (`slos/checkout`), with Grafana's sub-path. */
export function appHref(route: string): string {
  return grafanaHref(prefixRoute(route));
}

/** The href of any path on this Grafana (`/explore?...`, `/alerting/list`), with Grafana's sub-path once. */
export function grafanaHref(path: string): string {
  return locationUtil.assureBaseUrl(path);
}
