// Module names only the screenshot harness uses (see build.ts for the alias).
declare module 'grafana-plugin-page-internal' {
  import type { ComponentType } from 'react';
  export function setPluginPage(component: ComponentType<any>): void;
}

// @grafana/runtime publishes this entry only through package.json "exports", which this tsconfig's module
// resolution does not read; webpack does.
declare module '@grafana/runtime/unstable';
