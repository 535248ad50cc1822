import React, { type ReactNode } from 'react';
import { PluginPage } from '@grafana/runtime';

interface Props {
  testId: string;
  /** One sentence on what the page is for. */
  description: string;
  children?: ReactNode;
}

/** A top-level page of the app: Grafana's page chrome (title from the nav) with the page's purpose beneath it. */
export function AreaPage({ testId, description, children }: Props) {
  return (
    <PluginPage subTitle={description}>
      <div data-testid={testId}>{children}</div>
    </PluginPage>
  );
}
