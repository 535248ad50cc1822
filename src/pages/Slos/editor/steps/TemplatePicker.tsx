import React, { useState } from 'react';
import { Button, Combobox, Field, Input, Stack } from '@grafana/ui';
import { testIds } from '../../../../components/testIds';
import { TEMPLATES } from '../templates';

interface Props {
  onApply: (templateId: string, labelName: string, value: string) => void;
}

/** Fills the queries from a known exporter's metrics for one service. */
export function TemplatePicker({ onApply }: Props) {
  const [templateId, setTemplateId] = useState<string>();
  const [labelName, setLabelName] = useState('');
  const [value, setValue] = useState('');
  const template = TEMPLATES.find((t) => t.id === templateId);

  const choose = (id: string) => {
    const t = TEMPLATES.find((x) => x.id === id);
    setTemplateId(id);
    setLabelName(t?.labelName ?? '');
    setValue(t?.defaultValue ?? '');
  };

  return (
    <Stack gap={1} alignItems="flex-end" wrap="wrap">
      <Field label="Start from a template" description={template?.description} noMargin>
        <Combobox
          id="sre-slo-template"
          width={40}
          placeholder="Choose a template"
          options={TEMPLATES.map((t) => ({ label: t.label, value: t.id }))}
          value={templateId ?? null}
          onChange={(o) => choose(o.value)}
        />
      </Field>
      {template && (
        <>
          <Field label="Service label" noMargin>
            <Input
              id="sre-slo-template-label"
              width={18}
              value={labelName}
              onChange={(e) => setLabelName(e.currentTarget.value)}
            />
          </Field>
          <Field label="Service label value" noMargin>
            <Input
              id="sre-slo-template-value"
              width={24}
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
            />
          </Field>
          <Button
            variant="secondary"
            disabled={!labelName.trim() || !value}
            data-testid={testIds.sloEditor.templateApply}
            onClick={() => onApply(template.id, labelName, value)}
          >
            Fill queries
          </Button>
        </>
      )}
    </Stack>
  );
}
