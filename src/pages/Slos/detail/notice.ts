import type { ReactNode } from 'react';

/** The outcome of a page action, shown above the scene until dismissed. */
export interface Notice {
  severity: 'success' | 'error' | 'info' | 'warning';
  title: string;
  body?: ReactNode;
}

export type OnNotice = (notice: Notice) => void;

export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
