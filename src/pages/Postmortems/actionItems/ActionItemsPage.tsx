import React from 'react';
import { PluginPage } from '@grafana/runtime';
import { ActionItemsView } from './ActionItemsView';

/** The route `/postmortems/action-items`: every postmortem's action items in one list. */
export default function ActionItemsPage() {
  return (
    <PluginPage
      pageNav={{ text: 'Action items' }}
      subTitle="Follow postmortem action items to done: who owns what, what is overdue, and how fast items close."
    >
      <ActionItemsView />
    </PluginPage>
  );
}
