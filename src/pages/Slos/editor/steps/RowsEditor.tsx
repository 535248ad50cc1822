import React from 'react';
import { Button, Combobox, IconButton, Input, Stack } from '@grafana/ui';
import type { LabelMatchOp } from '../../../../domain/slo/model';
import type { LabelRow, MatcherRow } from '../editorModel';

const OPS: Array<{ label: string; value: LabelMatchOp }> = ['=', '!=', '=~', '!~'].map((op) => ({
  label: op,
  value: op as LabelMatchOp,
}));

interface Props<T> {
  rows: T[];
  onChange: (rows: T[]) => void;
  readOnly: boolean;
  what: string;
}

function replaceAt<T>(rows: T[], i: number, patch: Partial<T>): T[] {
  return rows.map((r, j) => (j === i ? { ...r, ...patch } : r));
}

/** Label matchers (name, operator, value) as editable rows. */
export function MatchersEditor({ rows, onChange, readOnly, what }: Props<MatcherRow>) {
  return (
    <Stack direction="column" gap={1}>
      {rows.map((row, i) => (
        <Stack key={i} gap={1} alignItems="center">
          <Input
            aria-label={`${what} ${i + 1} name`}
            width={20}
            value={row.name}
            placeholder="job"
            disabled={readOnly}
            onChange={(e) => onChange(replaceAt(rows, i, { name: e.currentTarget.value }))}
          />
          <Combobox
            aria-label={`${what} ${i + 1} operator`}
            width={10}
            options={OPS}
            value={row.op}
            disabled={readOnly}
            onChange={(o) => onChange(replaceAt(rows, i, { op: o.value }))}
          />
          <Input
            aria-label={`${what} ${i + 1} value`}
            width={30}
            value={row.value}
            placeholder="api"
            disabled={readOnly}
            onChange={(e) => onChange(replaceAt(rows, i, { value: e.currentTarget.value }))}
          />
          {!readOnly && (
            <IconButton
              name="trash-alt"
              tooltip={`Remove ${what.toLowerCase()} ${i + 1}`}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            />
          )}
        </Stack>
      ))}
      {!readOnly && (
        <div>
          <Button
            variant="secondary"
            size="sm"
            icon="plus"
            onClick={() => onChange([...rows, { name: '', op: '=', value: '' }])}
          >
            Add {what.toLowerCase()}
          </Button>
        </div>
      )}
    </Stack>
  );
}

/** SLO labels (key, value) as editable rows. */
export function LabelsEditor({ rows, onChange, readOnly, what }: Props<LabelRow>) {
  return (
    <Stack direction="column" gap={1}>
      {rows.map((row, i) => (
        <Stack key={i} gap={1} alignItems="center">
          <Input
            aria-label={`${what} ${i + 1} key`}
            width={20}
            value={row.key}
            placeholder="team"
            disabled={readOnly}
            onChange={(e) => onChange(replaceAt(rows, i, { key: e.currentTarget.value }))}
          />
          <Input
            aria-label={`${what} ${i + 1} value`}
            width={30}
            value={row.value}
            placeholder="payments"
            disabled={readOnly}
            onChange={(e) => onChange(replaceAt(rows, i, { value: e.currentTarget.value }))}
          />
          {!readOnly && (
            <IconButton
              name="trash-alt"
              tooltip={`Remove ${what.toLowerCase()} ${i + 1}`}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            />
          )}
        </Stack>
      ))}
      {!readOnly && (
        <div>
          <Button variant="secondary" size="sm" icon="plus" onClick={() => onChange([...rows, { key: '', value: '' }])}>
            Add {what.toLowerCase()}
          </Button>
        </div>
      )}
    </Stack>
  );
}
