import React, { type ReactNode, useId } from 'react';
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

interface EditableRowsProps<T> extends Props<T> {
  /** What "Add ..." appends. */
  emptyRow: T;
  /** The row's inputs; `update` merges a patch into row `i`. */
  renderRow: (row: T, i: number, update: (patch: Partial<T>) => void) => ReactNode;
}

/** A list of rows, each with a remove button, and an "Add ..." button below. */
function EditableRows<T extends object>({ rows, onChange, readOnly, what, emptyRow, renderRow }: EditableRowsProps<T>) {
  const noun = what.toLowerCase();
  return (
    <Stack direction="column" gap={1}>
      {rows.map((row, i) => (
        <Stack key={i} gap={1} alignItems="center">
          {renderRow(row, i, (patch) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r))))}
          {!readOnly && (
            <IconButton
              name="trash-alt"
              tooltip={`Remove ${noun} ${i + 1}`}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            />
          )}
        </Stack>
      ))}
      {!readOnly && (
        <div>
          <Button variant="secondary" size="sm" icon="plus" onClick={() => onChange([...rows, { ...emptyRow }])}>
            Add {noun}
          </Button>
        </div>
      )}
    </Stack>
  );
}

/** Label matchers (name, operator, value) as editable rows. */
export function MatchersEditor(props: Props<MatcherRow>) {
  const { what, readOnly } = props;
  const labelId = useId();
  return (
    <EditableRows
      {...props}
      emptyRow={{ name: '', op: '=', value: '' }}
      renderRow={(row, i, update) => (
        <>
          <Input
            aria-label={`${what} ${i + 1} name`}
            width={20}
            value={row.name}
            placeholder="job"
            disabled={readOnly}
            onChange={(e) => update({ name: e.currentTarget.value })}
          />
          {/* Combobox forwards aria-labelledby but not aria-label; a hidden element still names it. */}
          <span id={`${labelId}-op-${i}`} hidden>
            {`${what} ${i + 1} operator`}
          </span>
          <Combobox
            aria-labelledby={`${labelId}-op-${i}`}
            width={10}
            options={OPS}
            value={row.op}
            disabled={readOnly}
            onChange={(o) => update({ op: o.value })}
          />
          <Input
            aria-label={`${what} ${i + 1} value`}
            width={30}
            value={row.value}
            placeholder="api"
            disabled={readOnly}
            onChange={(e) => update({ value: e.currentTarget.value })}
          />
        </>
      )}
    />
  );
}

/** SLO labels (key, value) as editable rows. */
export function LabelsEditor(props: Props<LabelRow>) {
  const { what, readOnly } = props;
  return (
    <EditableRows
      {...props}
      emptyRow={{ key: '', value: '' }}
      renderRow={(row, i, update) => (
        <>
          <Input
            aria-label={`${what} ${i + 1} key`}
            width={20}
            value={row.key}
            placeholder="team"
            disabled={readOnly}
            onChange={(e) => update({ key: e.currentTarget.value })}
          />
          <Input
            aria-label={`${what} ${i + 1} value`}
            width={30}
            value={row.value}
            placeholder="payments"
            disabled={readOnly}
            onChange={(e) => update({ value: e.currentTarget.value })}
          />
        </>
      )}
    />
  );
}
