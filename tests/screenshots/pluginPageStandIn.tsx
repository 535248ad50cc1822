import React, { type ReactNode } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, NavModelItem } from '@grafana/data';
import { Stack, useStyles2 } from '@grafana/ui';
import pluginJson from '../../src/plugin.json';

interface Props {
  children?: ReactNode;
  pageNav?: NavModelItem;
  subTitle?: ReactNode;
  actions?: ReactNode;
}

/**
 * Grafana's page chrome, approximated: the title comes from pageNav, or from the plugin.json include that matches
 * the URL (as Grafana's nav does), with the subtitle and actions beneath it and Grafana's page padding.
 */
export function PluginPageStandIn({ children, pageNav, subTitle, actions }: Props) {
  const styles = useStyles2(getStyles);
  const include = pluginJson.includes.find((i) =>
    window.location.pathname.startsWith(i.path.replace('%PLUGIN_ID%', pluginJson.id))
  );
  return (
    <div className={styles.page}>
      <div className={styles.breadcrumbs}>
        Home › Apps › SRE Reliability{include && pageNav ? ` › ${include.name}` : ''}
      </div>
      <Stack justifyContent="space-between" alignItems="flex-start">
        <div>
          <h1 className={styles.title}>{pageNav?.text ?? include?.name}</h1>
          {subTitle && <div className={styles.subTitle}>{subTitle}</div>}
        </div>
        {actions && <Stack gap={1}>{actions}</Stack>}
      </Stack>
      {children}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ padding: theme.spacing(2, 4), minHeight: '100vh', background: theme.colors.background.primary }),
  breadcrumbs: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    marginBottom: theme.spacing(2),
  }),
  title: css({ margin: 0, fontSize: theme.typography.h2.fontSize }),
  subTitle: css({ color: theme.colors.text.secondary, margin: theme.spacing(0.5, 0, 2) }),
});
