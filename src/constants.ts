import pluginJson from './plugin.json';

export const PLUGIN_ID = pluginJson.id;
export const PLUGIN_BASE_URL = `/a/${PLUGIN_ID}`;

/** Every top-level route of the app. Each has a matching `includes` page in plugin.json. */
export enum ROUTES {
  Overview = 'overview',
  Slos = 'slos',
  Incidents = 'incidents',
  Postmortems = 'postmortems',
  Slas = 'slas',
  Toil = 'toil',
}

/** Prefixes an app-relative route with the app's base URL. */
export function prefixRoute(route: string): string {
  return `${PLUGIN_BASE_URL}/${route}`;
}
