import { PLUGIN_ID } from '../constants';
import { request } from './client';
import type { AppJsonData, PluginSettings } from './types';

const settingsUrl = `/api/plugins/${PLUGIN_ID}/settings`;

/**
 * Another save landed between our write and its read-back, so what is stored is not what we wrote. The user's
 * edit is NOT stored; `stored` is what is, so the caller can show it and offer to re-apply the edit on top.
 */
export class LostUpdateError extends Error {
  constructor(
    message: string,
    readonly stored: AppJsonData
  ) {
    super(message);
    this.name = 'LostUpdateError';
  }
}

/** Reads the app's plugin settings (GET /api/plugins/:id/settings). */
export async function getPluginSettings(): Promise<PluginSettings> {
  const dto = await request<PluginSettings>({ method: 'GET', url: settingsUrl });
  return { enabled: Boolean(dto.enabled), pinned: Boolean(dto.pinned), jsonData: dto.jsonData ?? {} };
}

/** JSON with object keys sorted: Grafana stores jsonData as a JSON blob and may give keys back in another order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v
  );
}

/** True when two JSON values are equal whatever the order of their object keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

export interface UpdateOptions {
  /**
   * Whether the read-back `stored` jsonData still holds this write's change. The default demands the whole
   * jsonData be what was written; callers that change one part check only that part, so an unrelated save that
   * landed after ours is not reported as a lost update.
   */
  verify?: (stored: AppJsonData, written: AppJsonData) => boolean;
}

/**
 * Re-reads the settings, applies `change` to the freshest jsonData, writes it back, then reads it again to check
 * that the write is what is stored. The POST always carries `enabled` and `pinned`: Grafana treats a missing
 * `enabled` as false and would disable the app. `change` may throw (for example on a revision conflict) and then
 * nothing is written.
 *
 * Grafana has no compare-and-swap on plugin settings: HTTPServer.UpdatePluginSetting (pkg/api/plugins.go) binds
 * {enabled, pinned, jsonData, ...} and calls pluginsettings.Service.UpdatePluginSetting with UpdateArgs, which carry
 * no version or revision, so the last POST wins (grafana/grafana, pkg/api/plugins.go and
 * pkg/services/pluginsettings). The read-back turns a silently lost write into a LostUpdateError; a save that
 * lands between our GET and POST and is then overwritten by us is still possible, see the README.
 */
export async function updateJsonData(
  change: (current: AppJsonData) => AppJsonData,
  { verify = (stored, written) => sameJson(stored, written) }: UpdateOptions = {}
): Promise<AppJsonData> {
  const current = await getPluginSettings();
  const jsonData = change(current.jsonData ?? {});
  await request({
    method: 'POST',
    url: settingsUrl,
    data: { enabled: current.enabled, pinned: current.pinned, jsonData },
  });
  const stored = (await getPluginSettings()).jsonData ?? {};
  if (!verify(stored, jsonData)) {
    throw new LostUpdateError(
      'Another save replaced yours at the same moment, so your change is not stored. Your edit is kept: apply it again.',
      stored
    );
  }
  return jsonData;
}
