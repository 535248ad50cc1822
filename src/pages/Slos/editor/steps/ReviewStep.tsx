import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, Stack, Text, useStyles2 } from '@grafana/ui';
import { testIds } from '../../../../components/testIds';
import { resolveTiers } from '../../../../domain/slo/defaults';
import { errorRatioQuery } from '../../../../domain/slo/sli';
import type { Slo } from '../../../../domain/slo/model';
import type { PlacedProblems } from '../fieldProblems';
import { openSloText } from '../openSloText';

interface Props {
  slo: Slo;
  placed: PlacedProblems;
  stepTitles: string[];
  onGoTo: (step: number) => void;
}

function describeWindow(slo: Slo): string {
  const w = slo.window;
  return w.type === 'rolling' ? `rolling ${w.duration}` : `calendar ${w.unit} (${w.timeZone})`;
}

function tierSummary(slo: Slo): string {
  try {
    const on = resolveTiers(slo).filter((t) => t.enabled);
    return on.length
      ? on.map((t) => `${t.tier} ×${Number(t.factor.toPrecision(3))} (${t.severity})`).join(', ')
      : 'none';
  } catch {
    return '—';
  }
}

/** Step 6: the SLO as it will be saved, what still needs fixing, and its OpenSLO form. */
export function ReviewStep({ slo, placed, stepTitles, onGoTo }: Props) {
  const styles = useStyles2(getStyles);
  const valid = placed.unplaced.length === 0 && placed.perStep.every((n) => n === 0);
  const yaml = valid ? openSloText(slo) : undefined;
  const rows: Array<[string, string]> = [
    ['Name', slo.name],
    ['Id', slo.id],
    ['Service', slo.service],
    ['Objective', `${Number((slo.objective.target * 100).toPrecision(12))}% over a ${describeWindow(slo)} window`],
    ['SLI', slo.sli.kind],
    ['Error ratio (1h)', valid ? errorRatioQuery(slo, '1h') : '—'],
    ['Alert tiers', tierSummary(slo)],
    [
      'Labels',
      Object.entries(slo.labels ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(', ') || 'none',
    ],
  ];
  return (
    <Stack direction="column" gap={2} data-testid={testIds.sloEditor.review}>
      {!valid && (
        <Alert severity="error" title="Fix these before saving" data-testid={testIds.sloEditor.problems}>
          <ul className={styles.list}>
            {placed.perStep.slice(0, 5).map((n, step) =>
              n > 0 ? (
                <li key={step}>
                  <Button variant="secondary" fill="text" size="sm" onClick={() => onGoTo(step)}>
                    {stepTitles[step]}: {n === 1 ? '1 problem' : `${n} problems`}
                  </Button>
                </li>
              ) : null
            )}
            {placed.unplaced.map((p) => (
              <li key={`${p.path}${p.message}`}>
                <code>{p.path.replace(/^slo\./, '')}</code>: {p.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <dl className={styles.summary}>
        {rows.map(([k, v]) => (
          <React.Fragment key={k}>
            <dt>{k}</dt>
            <dd>{v || '—'}</dd>
          </React.Fragment>
        ))}
      </dl>
      <Text element="h3" variant="h5">
        OpenSLO v1
      </Text>
      <pre className={styles.yaml} data-testid={testIds.sloEditor.openSlo}>
        {yaml ?? 'Shown once the SLO is valid.'}
      </pre>
    </Stack>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({ margin: 0, paddingLeft: theme.spacing(2) }),
  summary: css({
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: theme.spacing(0.5, 2),
    margin: 0,
    dt: { color: theme.colors.text.secondary },
    dd: { margin: 0, wordBreak: 'break-word', fontFamily: theme.typography.fontFamilyMonospace },
  }),
  yaml: css({ maxHeight: 400, overflow: 'auto', fontSize: theme.typography.bodySmall.fontSize }),
});
