import React from 'react';
import { PluginPage } from '@grafana/runtime';
import { EmptyState, LinkButton } from '@grafana/ui';
import { ROUTES } from '../../constants';
import { appHref } from '../links';
import { testIds } from '../testIds';

/** Shown for any URL under the app that no route matches, instead of silently showing another page. */
export function NotFound() {
  return (
    <PluginPage pageNav={{ text: 'Page not found' }}>
      <div data-testid={testIds.app.notFound}>
        <EmptyState
          variant="not-found"
          message="This page does not exist in SRE Reliability."
          button={<LinkButton href={appHref(ROUTES.Overview)}>Go to the overview</LinkButton>}
        />
      </div>
    </PluginPage>
  );
}
