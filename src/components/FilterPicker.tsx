import React from 'react';
import { Combobox, type ComboboxOption, InlineField } from '@grafana/ui';

/** Options whose label is the value itself (services, teams, customers). */
export const valueOptions = (values: string[]): Array<ComboboxOption<string>> =>
  values.map((value) => ({ value, label: value }));

interface Props<T extends string> {
  label: string;
  id: string;
  testId: string;
  placeholder: string;
  options: Array<ComboboxOption<T>>;
  /** '' is "no filter". */
  value: T | '';
  onChange: (value: T | '') => void;
  width?: number;
  /** Accept a value typed by the user that is not among the options. */
  createCustomValue?: boolean;
}

/** A labelled, clearable picker above a list; clearing it gives '' (no filter). */
export function FilterPicker<T extends string>({
  label,
  id,
  testId,
  placeholder,
  options,
  value,
  onChange,
  width = 24,
  createCustomValue,
}: Props<T>) {
  return (
    <InlineField label={label} htmlFor={id}>
      <Combobox
        id={id}
        data-testid={testId}
        placeholder={placeholder}
        options={options}
        value={value || null}
        onChange={(o) => onChange(o?.value ?? '')}
        createCustomValue={createCustomValue}
        isClearable
        width={width}
      />
    </InlineField>
  );
}
