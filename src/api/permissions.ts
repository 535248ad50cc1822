import { config } from '@grafana/runtime';

function user() {
  return config.bootData?.user;
}

function hasPermission(action: string): boolean | undefined {
  return user()?.permissions?.[action];
}

/** Writing plugin settings (SLOs, SLAs, app settings) needs the org Admin role in Grafana. */
export function canEditSettings(): boolean {
  return user()?.orgRole === 'Admin' || Boolean(user()?.isGrafanaAdmin);
}

/**
 * Creating and updating annotations: Grafana's RBAC actions `annotations:create` / `annotations:write` when the
 * boot data lists permissions, otherwise the default role mapping (Editor and above).
 */
export function canWriteAnnotations(): boolean {
  const create = hasPermission('annotations:create');
  const write = hasPermission('annotations:write');
  if (create !== undefined || write !== undefined) {
    return Boolean(create && write);
  }
  return user()?.orgRole === 'Admin' || user()?.orgRole === 'Editor';
}

/** The signed-in user's login, used as the author of events we record. */
export function currentLogin(): string {
  return user()?.login || 'unknown';
}
