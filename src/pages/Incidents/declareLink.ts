/**
 * "Declare incident" from a dashboard panel's menu: the link extension module.tsx registers, and the URL
 * parameters the declare form reads back. module.tsx imports this file, so it is loaded with Grafana itself:
 * import nothing here but @grafana/data (a Grafana-provided external) and types.
 */
import {
  dateMath,
  type PluginExtensionAddedLinkConfig,
  type PluginExtensionPanelContext,
  PluginExtensionPoints,
  type RawTimeRange,
} from '@grafana/data';

/** Must equal `extensions.addedLinks[].title` in plugin.json, or Grafana ignores the link. */
export const DECLARE_LINK_TITLE = 'Declare incident';
/** `${prefixRoute(ROUTES.Incidents)}/new`, spelled out to keep constants.ts (and plugin.json) out of module.js. */
export const DECLARE_PATH = '/a/sre-reliability-app/incidents/new';

/** What the declare form can be prefilled with. Times are epoch milliseconds. */
export interface DeclarePrefill {
  title?: string;
  services: string[];
  sloIds: string[];
  from?: number;
  to?: number;
}

/** The declare form's URL with the given prefill (repeatable `service` and `slo` parameters). */
export function buildDeclarePath(prefill: Partial<DeclarePrefill>): string {
  const params = new URLSearchParams();
  if (prefill.title) {
    params.set('title', prefill.title);
  }
  prefill.services?.forEach((s) => params.append('service', s));
  prefill.sloIds?.forEach((s) => params.append('slo', s));
  if (prefill.from !== undefined) {
    params.set('from', String(prefill.from));
  }
  if (prefill.to !== undefined) {
    params.set('to', String(prefill.to));
  }
  const query = params.toString();
  return query === '' ? DECLARE_PATH : `${DECLARE_PATH}?${query}`;
}

const epochMs = (value: string | null): number | undefined => {
  if (value === null || !/^\d{1,16}$/.test(value)) {
    return undefined;
  }
  return Number(value);
};

const cleanList = (values: string[]): string[] =>
  Array.from(new Set(values.map((v) => v.trim()).filter((v) => v !== '')));

/** Reads the prefill from the declare form's URL; malformed values are dropped, never trusted. */
export function parseDeclareParams(params: URLSearchParams): DeclarePrefill {
  const title = params.get('title')?.trim();
  return {
    ...(title ? { title } : {}),
    services: cleanList(params.getAll('service')),
    sloIds: cleanList(params.getAll('slo')),
    ...(epochMs(params.get('from')) !== undefined && { from: epochMs(params.get('from')) }),
    ...(epochMs(params.get('to')) !== undefined && { to: epochMs(params.get('to')) }),
  };
}

/** A panel time range end as epoch ms: relative ("now-6h"), absolute, or a DateTime; undefined if unreadable. */
function resolveTime(raw: RawTimeRange['from'] | undefined, roundUp: boolean): number | undefined {
  if (raw === undefined || raw === null) {
    return undefined;
  }
  const parsed = dateMath.toDateTime(raw, { roundUp });
  const ms = parsed?.isValid() ? parsed.valueOf() : undefined;
  return ms !== undefined && Number.isFinite(ms) ? Math.round(ms) : undefined;
}

/** The link's target for one panel: its title as the incident title and its time range as from/to. */
export function configureDeclareLink(context: Readonly<PluginExtensionPanelContext> | undefined): { path: string } {
  if (!context) {
    return { path: DECLARE_PATH };
  }
  return {
    path: buildDeclarePath({
      title: context.title,
      from: resolveTime(context.timeRange?.from, false),
      to: resolveTime(context.timeRange?.to, true),
    }),
  };
}

/** The extension registered in module.tsx (declared in plugin.json under extensions.addedLinks). */
export const declareIncidentLink: PluginExtensionAddedLinkConfig<PluginExtensionPanelContext> = {
  title: DECLARE_LINK_TITLE,
  description: "Declare an incident prefilled with this panel's title and time range",
  targets: [PluginExtensionPoints.DashboardPanelMenu],
  icon: 'fire',
  path: DECLARE_PATH,
  configure: configureDeclareLink,
};
