import React, { useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, Field, Stack, Text, TextArea, useStyles2 } from '@grafana/ui';
import { testIds } from '../../../components/testIds';
import { importDocuments } from '../../../domain/formats/import';
import type { ImportResult } from '../../../domain/formats/types';
import type { Problem, Slo } from '../../../domain/slo/model';
import { openSloText } from './openSloText';

interface Props {
  slo: Slo;
  readOnly: boolean;
  onImport: (slo: Slo) => void;
}

type Outcome =
  | { kind: 'rejected'; items: Array<{ path: string; reason: string }> }
  | { kind: 'choose'; result: ImportResult }
  | { kind: 'imported'; name: string; warnings: Problem[] };

/** Shows the current SLO as OpenSLO, and imports OpenSLO, Sloth, Pyrra or native YAML into the form. */
export function YamlTab({ slo, readOnly, onImport }: Props) {
  const styles = useStyles2(getStyles);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>();
  const yaml = openSloText(slo);

  const pick = (result: ImportResult, index: number) => {
    onImport(result.slos[index]);
    setOutcome({ kind: 'imported', name: result.slos[index].name, warnings: result.warnings });
  };
  const runImport = () => {
    const result = importDocuments(text, 'pasted');
    const items = [
      ...result.refused.map((r) => ({ path: r.path, reason: `not supported: ${r.reason}` })),
      ...result.problems.map((p) => ({ path: p.path, reason: p.message })),
    ];
    if (items.length || result.slos.length === 0) {
      const none = result.ignored.map((i) => ({ path: i.path, reason: `${i.kind}: ${i.reason}` }));
      setOutcome({
        kind: 'rejected',
        items: items.length ? items : [{ path: 'pasted', reason: 'no SLO found' }, ...none],
      });
    } else if (result.slos.length === 1) {
      pick(result, 0);
    } else {
      setOutcome({ kind: 'choose', result });
    }
  };

  return (
    <Stack direction="column" gap={2}>
      <div>
        <Text element="h3" variant="h5">
          This SLO as OpenSLO v1
        </Text>
        <pre className={styles.yaml}>{yaml ?? 'Shown once the SLO is complete enough to export.'}</pre>
      </div>
      {!readOnly && (
        <>
          <Field
            label="Import YAML"
            description="Paste an OpenSLO, Sloth, Pyrra or SRE Reliability spec; it replaces the form."
          >
            <TextArea
              rows={12}
              className={styles.input}
              value={text}
              data-testid={testIds.sloEditor.yamlInput}
              onChange={(e) => setText(e.currentTarget.value)}
            />
          </Field>
          <div>
            <Button onClick={runImport} disabled={!text.trim()} data-testid={testIds.sloEditor.yamlImport}>
              Import
            </Button>
          </div>
        </>
      )}
      <div data-testid={testIds.sloEditor.yamlResult} aria-live="polite">
        {outcome?.kind === 'rejected' && (
          <Alert severity="error" title="Nothing was imported">
            <ul>
              {outcome.items.map((i) => (
                <li key={`${i.path}${i.reason}`}>
                  <code>{i.path}</code>: {i.reason}
                </li>
              ))}
            </ul>
          </Alert>
        )}
        {outcome?.kind === 'choose' && (
          <Alert severity="info" title="The YAML holds several SLOs: pick one">
            <Stack direction="column" gap={1} alignItems="flex-start">
              {outcome.result.slos.map((s, i) => (
                <Button key={`${s.id}${i}`} variant="secondary" size="sm" onClick={() => pick(outcome.result, i)}>
                  Use {s.name} ({s.id})
                </Button>
              ))}
            </Stack>
          </Alert>
        )}
        {outcome?.kind === 'imported' && (
          <Alert severity="success" title={`Imported "${outcome.name}" into the form`}>
            {outcome.warnings.length > 0 && (
              <ul>
                {outcome.warnings.map((w) => (
                  <li key={`${w.path}${w.message}`}>
                    <code>{w.path}</code>: {w.message}
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        )}
      </div>
    </Stack>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  yaml: css({ maxHeight: 400, overflow: 'auto', fontSize: theme.typography.bodySmall.fontSize }),
  input: css({ fontFamily: theme.typography.fontFamilyMonospace }),
});
