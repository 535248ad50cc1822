import React from 'react';
import { useSearchParams } from 'react-router-dom';
import { QuickLog } from './QuickLog';
import { QUICK_LOG_PARAMS, parseQuickLogParams, prefillToFields } from './toilLinkParams';

/**
 * Opens the quick-log dialog when the Toil page's URL says `log=1` (the panel menu's and an incident's "Log toil"
 * links), prefilled from `task`, `team`, `link`, `at` and `minutes`. Closing it removes those parameters except
 * `team`, which is also the page's team filter: after logging for a team, the page shows that team.
 */
export function QuickLogFromUrl({ teams }: { teams: string[] }) {
  const [params, setParams] = useSearchParams();
  const { open, prefill } = parseQuickLogParams(params);
  if (!open) {
    return null;
  }
  const close = () => {
    const next = new URLSearchParams(params);
    QUICK_LOG_PARAMS.filter((p) => p !== 'team').forEach((p) => next.delete(p));
    setParams(next, { replace: true });
  };
  // QuickLog reads `initial` once when it opens, so a later URL change never overwrites what the user typed.
  return <QuickLog teams={teams} initial={prefillToFields(prefill)} onDismiss={close} />;
}
