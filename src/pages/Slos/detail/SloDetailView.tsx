import React, { useMemo, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { SceneTimeRange } from '@grafana/scenes';
import { Alert, Stack, Text, useStyles2 } from '@grafana/ui';
import type { SloSnapshot } from '../../../api/sloStatus';
import { DataProblem } from '../../../components/DataProblem';
import { SloStatusBadge } from '../../../components/SloStatusBadge';
import { testIds } from '../../../components/testIds';
import type { Slo } from '../../../domain/slo/model';
import { formatObjective } from '../format';
import { BudgetPolicyCard } from './BudgetPolicyCard';
import type { Notice } from './notice';
import { SloActions } from './SloActions';
import { DEFAULT_RANGE, makeSloDetailScene } from './sloDetailScene';
import { SloScene } from './SloScene';
import { FreezeSection } from './FreezeSection';
import { ReleasesSection } from './ReleasesSection';

interface Props {
  slo: Slo;
  datasourceUid?: string;
  snapshot?: SloSnapshot;
}

/** One loaded SLO: status, policy, actions and the scene. */
export function SloDetailView({ slo, datasourceUid, snapshot }: Props) {
  const styles = useStyles2(getStyles);
  const [notice, setNotice] = useState<Notice>();
  const scene = useMemo(
    () => (datasourceUid ? makeSloDetailScene(slo, datasourceUid) : undefined),
    [slo, datasourceUid]
  );
  // The scene's time range is the one in the URL; without a data source there is no scene, so use the default.
  const timeRange = useMemo(() => scene?.state.$timeRange ?? new SceneTimeRange({ ...DEFAULT_RANGE }), [scene]);
  const { value: range } = timeRange.useState();

  return (
    <PluginPage
      pageNav={{ text: slo.name }}
      subTitle={slo.description || `${slo.service} · ${formatObjective(slo)}`}
      actions={<SloActions slo={slo} datasourceUid={datasourceUid} timeRange={range} onNotice={setNotice} />}
    >
      <div data-testid={testIds.sloDetail.page} className={styles.body}>
        <Stack direction="column" gap={2}>
          <Stack gap={1} alignItems="center">
            <Text color="secondary">Status</Text>
            <SloStatusBadge status={snapshot?.status ?? 'no_data'} error={snapshot?.error} />
          </Stack>
          {snapshot?.dataProblem && (
            <Alert severity="warning" title="The SLI data is impossible">
              <DataProblem problem={snapshot.dataProblem} />
            </Alert>
          )}
          {notice && (
            <div data-testid={testIds.sloDetail.notice}>
              <Alert severity={notice.severity} title={notice.title} onRemove={() => setNotice(undefined)}>
                {notice.body}
              </Alert>
            </div>
          )}
          <BudgetPolicyCard slo={slo} snapshot={snapshot} />
          <FreezeSection slo={slo} snapshot={snapshot} />
          {scene ? (
            <SloScene scene={scene} />
          ) : (
            <Alert severity="warning" title="No Prometheus data source">
              Set a data source on this SLO, or a default Prometheus data source on the app&apos;s Admin page.
            </Alert>
          )}
          <ReleasesSection slo={slo} datasourceUid={datasourceUid} from={range.from.valueOf()} to={range.to.valueOf()} />
        </Stack>
      </div>
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  body: css({
    paddingBottom: theme.spacing(4),
  }),
});
