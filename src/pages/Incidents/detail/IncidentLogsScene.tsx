import React, { useMemo } from 'react';
import { buildIncidentLogsScene, type IncidentLogsInput } from './logsScene';

/** The embedded logs panel; its own chunk, so scenes load only when an incident page shows logs. */
export default function IncidentLogsScene(props: IncidentLogsInput) {
  const { lokiUid, from, to } = props;
  const key = props.exprs.join('\n');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `exprs`
  const scene = useMemo(() => buildIncidentLogsScene(props), [lokiUid, from, to, key]);
  return <scene.Component model={scene} />;
}
