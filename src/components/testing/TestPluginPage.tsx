import React from 'react';
import type { PluginPageProps } from '@grafana/runtime';

/**
 * Stands in for Grafana's page chrome, which jest does not have: the title, the actions, then the page. Kept apart
 * from the page modules so a `jest.mock('@grafana/runtime')` factory can require it without loading them.
 */
export function TestPluginPage({ pageNav, actions, children }: PluginPageProps) {
  return (
    <div>
      <h1>{pageNav?.text}</h1>
      <div aria-label="Page actions">{actions}</div>
      {children}
    </div>
  );
}
