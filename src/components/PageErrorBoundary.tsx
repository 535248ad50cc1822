import React, { useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { PluginPage } from '@grafana/runtime';
import { ErrorBoundary } from '@grafana/ui';
import { LoadError } from './LoadError';
import { testIds } from './testIds';

interface Props {
  /** The page's name as the nav shows it, used in the message. */
  area: string;
  children: ReactNode;
}

/**
 * Keeps a crash inside one page: the page shows what failed and a Retry while Grafana's nav and the app's other
 * pages keep working. Built on @grafana/ui's ErrorBoundary, which also reports the error to Grafana's Faro like
 * Grafana's own boundaries do; moving to another URL or pressing Retry renders the page afresh.
 */
export function PageErrorBoundary({ area, children }: Props) {
  const { pathname } = useLocation();
  const [attempt, setAttempt] = useState(0);
  return (
    <ErrorBoundary boundaryName={`sre-reliability-app ${area}`} dependencies={[pathname, attempt]}>
      {({ error }) =>
        error ? (
          <PluginPage>
            <div data-testid={testIds.app.pageError}>
              <LoadError
                title={`The ${area} page failed`}
                error={error.message || String(error)}
                onRetry={() => setAttempt((n) => n + 1)}
              />
            </div>
          </PluginPage>
        ) : (
          children
        )
      }
    </ErrorBoundary>
  );
}
