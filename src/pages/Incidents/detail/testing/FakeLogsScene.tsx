import React from 'react';

/**
 * Stands in for IncidentLogsScene (`jest.mock('./IncidentLogsScene', () => jest.requireActual(<this module>))`): the
 * logs panel needs Grafana's panel plugins, which jest does not have; logsScene.test.ts checks the scene.
 */
export default function FakeLogsScene(props: { exprs: string[] }) {
  return <div data-testid="logs-scene">{props.exprs.join(' | ')}</div>;
}
