import type { Slo } from '../../../domain/slo/model';
import { generateGrafanaAlertingFile } from '../../../domain/rules/grafana';
import { generatePrometheusRules, ruleNotes, toYaml } from '../../../domain/rules/prometheus';

export type RulesFormat = 'prometheus' | 'grafana';

export interface Download {
  filename: string;
  text: string;
  mimeType: string;
}

/**
 * The SLO's rules as a file: Prometheus recording and alerting rules, or the same alerts as a Grafana alerting
 * provisioning file (which reads the recorded series, so it needs the Prometheus file loaded too).
 */
export function rulesDownload(
  slo: Slo,
  format: RulesFormat,
  opts: { datasourceUid?: string; grafanaUrl?: string }
): Download {
  if (format === 'prometheus') {
    return {
      filename: `slo-${slo.id}.rules.yaml`,
      text: toYaml(generatePrometheusRules([slo], { grafanaUrl: opts.grafanaUrl }), ruleNotes([slo])),
      mimeType: 'application/yaml',
    };
  }
  const file = generateGrafanaAlertingFile([slo], {
    datasourceUid: opts.datasourceUid ?? '',
    grafanaUrl: opts.grafanaUrl,
  });
  return { filename: `slo-${slo.id}.grafana-alerting.yaml`, text: toYaml(file, ruleNotes([slo])), mimeType: 'application/yaml' };
}

/** Saves text as a file in the browser (Blob + a temporary anchor). */
export function saveFile({ filename, text, mimeType }: Download): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}
