import { config } from '@grafana/runtime';

function user() {
  return config.bootData?.user;
}

function hasPermission(action: string): boolean | undefined {
  return user()?.permissions?.[action];
}

/** True when Grafana sent the user's RBAC permissions (boot data always has them since Grafana 9 with RBAC on). */
function hasPermissionList(): boolean {
  return Object.keys(user()?.permissions ?? {}).length > 0;
}

/**
 * Writing plugin settings (SLOs, SLAs, app settings). Grafana guards POST /api/plugins/:id/settings with the RBAC
 * action `plugins:write` on scope `plugins:id:<app id>` (pkg/api/api.go, pluginaccesscontrol.ActionWrite), which
 * basic Admins hold by default and custom roles can grant to anyone. The boot data lists actions without scopes,
 * so `plugins:write` is checked there; without a permission list (RBAC off) the org Admin role decides.
 */
export function canEditSettings(): boolean {
  if (hasPermissionList()) {
    return Boolean(hasPermission('plugins:write'));
  }
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
