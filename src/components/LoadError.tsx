import React from 'react';
import { Alert, Button, Stack } from '@grafana/ui';

interface Props {
  title: string;
  error: string;
  onRetry: () => void;
}

/** A failed load, shown in place of the content, with a Retry button. */
export function LoadError({ title, error, onRetry }: Props) {
  return (
    <Alert severity="error" title={title}>
      <Stack direction="column" alignItems="flex-start">
        {error}
        <Button size="sm" variant="secondary" onClick={onRetry}>
          Retry
        </Button>
      </Stack>
    </Alert>
  );
}
