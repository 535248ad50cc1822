import React from 'react';
import { config } from '@grafana/runtime';
import { Button, Dropdown, Menu } from '@grafana/ui';
import type { Slo } from '../../../domain/slo/model';
import { rulesDownload, saveFile, type RulesFormat } from './downloads';

interface Props {
  slo: Slo;
  datasourceUid?: string;
  /** Undefined hides the install item (no permission or no data source). */
  onInstall?: () => void;
}

/** Download the SLO's rules in either format, or install its alerts in Grafana alerting. */
export function RulesMenu({ slo, datasourceUid, onInstall }: Props) {
  const download = (format: RulesFormat) =>
    saveFile(rulesDownload(slo, format, { datasourceUid, grafanaUrl: config.appUrl }));
  const menu = (
    <Menu>
      <Menu.Item label="Download Prometheus rules" icon="download-alt" onClick={() => download('prometheus')} />
      <Menu.Item
        label="Download Grafana alerting file"
        icon="download-alt"
        onClick={() => download('grafana')}
        disabled={!datasourceUid}
      />
      {onInstall && <Menu.Item label="Install alerts in Grafana…" icon="bell" onClick={onInstall} />}
    </Menu>
  );
  return (
    <Dropdown overlay={menu} placement="bottom-end">
      <Button variant="secondary" icon="bell" aria-haspopup="menu">
        Alert rules
      </Button>
    </Dropdown>
  );
}
