import { OrgRole } from '@grafana/data';
import { config } from '@grafana/runtime';
import { canEditSettings } from './permissions';

type User = typeof config.bootData.user;
const asUser = (user: Partial<User>) => {
  config.bootData = { ...config.bootData, user: { ...config.bootData?.user, ...user } as User };
};

describe('canEditSettings (POST /api/plugins/:id/settings needs plugins:write)', () => {
  it('lets an Editor who was granted plugins:write edit', () => {
    asUser({ orgRole: OrgRole.Editor, isGrafanaAdmin: false, permissions: { 'plugins:write': true, 'annotations:create': true } });
    expect(canEditSettings()).toBe(true);
  });

  it('refuses an Admin whose permissions do not include plugins:write', () => {
    asUser({ orgRole: OrgRole.Admin, isGrafanaAdmin: false, permissions: { 'annotations:create': true } });
    expect(canEditSettings()).toBe(false);
  });

  it('falls back to the org Admin role when Grafana lists no permissions', () => {
    asUser({ orgRole: OrgRole.Admin, isGrafanaAdmin: false, permissions: {} });
    expect(canEditSettings()).toBe(true);
    asUser({ orgRole: OrgRole.Editor, isGrafanaAdmin: false, permissions: undefined });
    expect(canEditSettings()).toBe(false);
  });
});
