import React from 'react';
import { Pagination, Stack, Text } from '@grafana/ui';
import { type Noun, type Page, pageCountText } from './paging';
import { testIds } from './testIds';

/** Under a paged list: "1–50 of 120 SLOs" on the left, the page buttons (hidden for a single page) on the right. */
export function ListPager({
  shown,
  total,
  noun,
  onNavigate,
}: {
  shown: Page<unknown>;
  total: number;
  noun: Noun;
  onNavigate: (page: number) => void;
}) {
  return (
    <div data-testid={testIds.app.listPager}>
      <Stack justifyContent="space-between" alignItems="center">
        <Text color="secondary" variant="bodySmall">
          {pageCountText(shown, total, noun)}
        </Text>
        <Pagination currentPage={shown.page} numberOfPages={shown.pages} onNavigate={onNavigate} hideWhenSinglePage />
      </Stack>
    </div>
  );
}
