import { QueryClient } from '@tanstack/react-query';

/**
 * The app's one cache of server state (TanStack Query 5). Every data hook reads through it, so the overview,
 * the SLO list and an SLO's page share one settings read and one set of statuses, and navigating between them
 * shows the cached answer at once. A module singleton rather than a provider: pages are lazy chunks rendered by
 * Grafana, and tests render pages on their own; both get the same client without wrapping.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Errors are shown with a Retry button; silent retries would only delay them.
      retry: false,
      refetchOnWindowFocus: false,
      // Annotations (incidents) change from dashboards too: refetch on mount, showing the cached answer meanwhile.
      staleTime: 0,
    },
  },
});

/** How long settings and SLO statuses count as fresh: a navigation inside this window sends no request. */
export const SETTINGS_STALE_MS = 30_000;

/** The message of whatever a query threw. */
export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));
