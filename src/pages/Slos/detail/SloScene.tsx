import React from 'react';
import { UrlSyncContextProvider, type EmbeddedScene } from '@grafana/scenes';
import { testIds } from '../../../components/testIds';

interface Props {
  scene: EmbeddedScene;
}

/** Renders the detail scene with its time range and refresh interval synced to the URL (`from`, `to`, `refresh`). */
export function SloScene({ scene }: Props) {
  return (
    <div data-testid={testIds.sloDetail.scene}>
      <UrlSyncContextProvider scene={scene} updateUrlOnInit createBrowserHistorySteps>
        <scene.Component model={scene} />
      </UrlSyncContextProvider>
    </div>
  );
}
