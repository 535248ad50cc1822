import { config } from '@grafana/runtime';
import { request } from './client';

export interface SavedDashboard {
  uid: string;
  url: string;
}

/** Creates a new dashboard (POST /api/dashboards/db); never overwrites one with the same uid or title. */
export async function createDashboard(dashboard: object, folderUid?: string): Promise<SavedDashboard> {
  const response = await request<{ uid: string; url: string }>({
    method: 'POST',
    url: '/api/dashboards/db',
    data: {
      dashboard,
      overwrite: false,
      message: 'Created by SRE Reliability',
      ...(folderUid ? { folderUid } : {}),
    },
  });
  return { uid: response.uid, url: response.url };
}

/**
 * Creating dashboards: RBAC `dashboards:create` when the boot data lists permissions, otherwise Editor and above.
 */
export function canCreateDashboards(): boolean {
  const user = config.bootData?.user;
  const create = user?.permissions?.['dashboards:create'];
  if (create !== undefined) {
    return Boolean(create);
  }
  return user?.orgRole === 'Admin' || user?.orgRole === 'Editor' || Boolean(user?.isGrafanaAdmin);
}
