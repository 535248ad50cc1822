import React from 'react';
import { PluginPage } from '@grafana/runtime';

/** Create or edit one SLO (route `slos/new` and `slos/:id/edit`). Being built: see issue 5. */
export default function SloEditorPage() {
  return <PluginPage pageNav={{ text: "SLO editor" }}>{null}</PluginPage>;
}
