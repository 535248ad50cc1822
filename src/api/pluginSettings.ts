import { PLUGIN_ID } from '../constants';
import { request } from './client';
import type { AppJsonData, PluginSettings } from './types';

const settingsUrl = `/api/plugins/${PLUGIN_ID}/settings`;

/** Reads the app's plugin settings (GET /api/plugins/:id/settings). */
export async function getPluginSettings(): Promise<PluginSettings> {
  const dto = await request<PluginSettings>({ method: 'GET', url: settingsUrl });
  return { enabled: Boolean(dto.enabled), pinned: Boolean(dto.pinned), jsonData: dto.jsonData ?? {} };
}

/**
 * Re-reads the settings, applies `change` to the freshest jsonData and writes it back.
 * The POST always carries `enabled` and `pinned`: Grafana treats a missing `enabled` as false and would
 * disable the app. `change` may throw (for example on a revision conflict) and then nothing is written.
 */
export async function updateJsonData(change: (current: AppJsonData) => AppJsonData): Promise<AppJsonData> {
  const current = await getPluginSettings();
  const jsonData = change(current.jsonData ?? {});
  await request({
    method: 'POST',
    url: settingsUrl,
    data: { enabled: current.enabled, pinned: current.pinned, jsonData },
  });
  return jsonData;
}
