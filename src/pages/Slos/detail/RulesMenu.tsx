import React from 'react';
import { config } from '@grafana/runtime';
import { Button, Dropdown, Menu } from '@grafana/ui';
import type { Slo } from '../../../domain/slo/model';
import { rulesDownload, saveFile, type RulesFormat } from './downloads';

interface Props {
  slo: Slo;
  datasourceUid?: string;
  /** Undefined hides the install item (no data source to install against). */
  onInstall?: () => void;
  /** Set when the user may not install alert rules: the item shows disabled with this reason. */
  installNotAllowed?: string;
}

/** Download the SLO's rules in either format, or install its alerts in Grafana alerting. */
export function RulesMenu({ slo, datasourceUid, onInstall, installNotAllowed }: Props) {
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
      {onInstall && (
        <Menu.Item
          label="Install alerts in Grafana…"
          icon="bell"
          onClick={onInstall}
          disabled={installNotAllowed !== undefined}
          description={installNotAllowed}
        />
      )}
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
