import React from 'react';
import { PluginPage } from '@grafana/runtime';

/** One SLO's page (route `slos/:id`). Being built: see issue 5. */
export default function SloDetailPage() {
  return <PluginPage pageNav={{ text: 'SLO' }}>{null}</PluginPage>;
}
