/**
 * "Log toil" from a dashboard panel's menu: the link extension module.tsx registers, and the Toil page URL that
 * opens the quick-log form prefilled. module.tsx imports this file, so it is loaded with Grafana itself: import
 * nothing here but @grafana/data (a Grafana-provided external) and types. Reading the URL back (which needs the
 * domain's checks) lives in toilLinkParams.ts.
 */
import {
  dateMath,
  type PluginExtensionAddedLinkConfig,
  type PluginExtensionPanelContext,
  PluginExtensionPoints,
  type RawTimeRange,
} from '@grafana/data';

/** Must equal `extensions.addedLinks[].title` in plugin.json, or Grafana ignores the link. */
export const TOIL_LINK_TITLE = 'Log toil from this panel';
/** `prefixRoute(ROUTES.Toil)`, spelled out to keep constants.ts (and plugin.json) out of module.js. */
export const TOIL_PATH = '/a/sre-reliability-app/toil';
/** One entry is at most a day of work (MAX_ENTRY_MINUTES); a longer panel range says nothing about the work. */
const MAX_PREFILL_MINUTES = 24 * 60;

/** What the quick-log form can be prefilled with from a URL. `at` is epoch milliseconds. */
export interface QuickLogPrefill {
  task?: string;
  team?: string;
  link?: string;
  at?: number;
  minutes?: number;
}

/** The Toil page URL that opens the quick-log form (`log=1`) with the given prefill. */
export function buildQuickLogPath(prefill: QuickLogPrefill): string {
  const params = new URLSearchParams({ log: '1' });
  (['task', 'team', 'link'] as const).forEach((k) => prefill[k] && params.set(k, prefill[k]!));
  if (prefill.at !== undefined) {
    params.set('at', String(Math.round(prefill.at)));
  }
  if (prefill.minutes !== undefined) {
    params.set('minutes', String(prefill.minutes));
  }
  return `${TOIL_PATH}?${params.toString()}`;
}

function resolveTime(raw: RawTimeRange['from'] | undefined, roundUp: boolean): number | undefined {
  if (raw === undefined || raw === null) {
    return undefined;
  }
  const parsed = dateMath.toDateTime(raw, { roundUp });
  const ms = parsed?.isValid() ? parsed.valueOf() : undefined;
  return ms !== undefined && Number.isFinite(ms) ? Math.round(ms) : undefined;
}

/**
 * The link's target for one panel: its dashboard's time range as when the work started and how long it took.
 * Ranges longer than a day (a dashboard's default "last 7 days") are not one sitting of work, so they prefill nothing.
 */
export function configureToilLink(context: Readonly<PluginExtensionPanelContext> | undefined): { path: string } {
  const from = resolveTime(context?.timeRange?.from, false);
  const to = resolveTime(context?.timeRange?.to, true);
  if (from === undefined || to === undefined || to <= from) {
    return { path: buildQuickLogPath({}) };
  }
  const minutes = Math.round((to - from) / 60_000);
  if (minutes < 1 || minutes > MAX_PREFILL_MINUTES) {
    return { path: buildQuickLogPath({}) };
  }
  return { path: buildQuickLogPath({ at: from, minutes }) };
}

/** The extension registered in module.tsx (declared in plugin.json under extensions.addedLinks). */
export const logToilLink: PluginExtensionAddedLinkConfig<PluginExtensionPanelContext> = {
  title: TOIL_LINK_TITLE,
  description: "Log toil prefilled with this dashboard's time range",
  targets: [PluginExtensionPoints.DashboardPanelMenu],
  icon: 'clock-nine',
  path: buildQuickLogPath({}),
  configure: configureToilLink,
};
