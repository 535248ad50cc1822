import React from 'react';
import { Field, Input, RadioButtonGroup, Stack, TextArea } from '@grafana/ui';
import { WINDOW_PLACEHOLDER } from '../../../../domain/slo/promql';
import { TEMPLATES, applyTemplate } from '../templates';
import { MatchersEditor } from './RowsEditor';
import { TemplatePicker } from './TemplatePicker';
import type { StepProps } from './types';

const COUNTER_HELP = `A counter selector such as http_requests_total{job="api"} (wrapped as sum(rate(…))), or PromQL holding ${WINDOW_PLACEHOLDER}.`;

/** Step 2: the queries for the chosen SLI kind, optionally filled from a template. */
export function QueriesStep({ form, onChange, errors, readOnly }: StepProps) {
  const err = (key: keyof typeof errors) => ({ invalid: Boolean(errors[key]), error: errors[key] });
  const applyById = (id: string, labelName: string, value: string) => {
    const template = TEMPLATES.find((t) => t.id === id);
    if (template) {
      onChange(applyTemplate(form, template, labelName, value));
    }
  };
  return (
    <Stack direction="column" gap={2}>
      {!readOnly && <TemplatePicker onApply={applyById} />}
      {form.kind === 'ratio' && (
        <>
          <Field label="Count" description="Which events does your counter select: the good ones or the bad ones?">
            <RadioButtonGroup
              options={[
                { label: 'Bad events', value: 'bad' as const },
                { label: 'Good events', value: 'good' as const },
              ]}
              value={form.ratioMode}
              disabled={readOnly}
              onChange={(v) => onChange({ ratioMode: v })}
            />
          </Field>
          <Field
            label={form.ratioMode === 'bad' ? 'Bad events query' : 'Good events query'}
            description={COUNTER_HELP}
            {...err('sli.events')}
          >
            <Input
              id="sre-slo-events"
              value={form.ratioEvents}
              disabled={readOnly}
              onChange={(e) => onChange({ ratioEvents: e.currentTarget.value })}
            />
          </Field>
          <Field label="Total events query" description={COUNTER_HELP} {...err('sli.total')}>
            <Input
              id="sre-slo-total"
              value={form.ratioTotal}
              disabled={readOnly}
              onChange={(e) => onChange({ ratioTotal: e.currentTarget.value })}
            />
          </Field>
        </>
      )}
      {(form.kind === 'latency' || form.kind === 'availability') && (
        <Field
          label={form.kind === 'latency' ? 'Histogram metric' : 'Metric (0/1 gauge)'}
          description={
            form.kind === 'latency'
              ? 'Base name without _bucket or _count, e.g. http_server_requests_seconds'
              : 'e.g. up or probe_success'
          }
          {...err('sli.metric')}
        >
          <Input
            id="sre-slo-metric"
            width={50}
            disabled={readOnly}
            value={form.kind === 'latency' ? form.latencyMetric : form.availabilityMetric}
            onChange={(e) =>
              onChange(
                form.kind === 'latency'
                  ? { latencyMetric: e.currentTarget.value }
                  : { availabilityMetric: e.currentTarget.value }
              )
            }
          />
        </Field>
      )}
      {form.kind === 'latency' && (
        <Field
          label="Threshold"
          description="One of the histogram's le bucket boundaries, in its unit (usually seconds)"
          {...err('sli.threshold')}
        >
          <Input
            id="sre-slo-threshold"
            width={16}
            disabled={readOnly}
            value={form.latencyThreshold}
            onChange={(e) => onChange({ latencyThreshold: e.currentTarget.value })}
          />
        </Field>
      )}
      {(form.kind === 'latency' || form.kind === 'availability') && (
        <Field
          label="Label matchers"
          description="Select the service's series; values are escaped for you"
          {...err('sli.matchers')}
        >
          <MatchersEditor
            what="Matcher"
            readOnly={readOnly}
            rows={form.kind === 'latency' ? form.latencyMatchers : form.availabilityMatchers}
            onChange={(rows) =>
              onChange(form.kind === 'latency' ? { latencyMatchers: rows } : { availabilityMatchers: rows })
            }
          />
        </Field>
      )}
      {form.kind === 'freeform' && (
        <Field
          label="Error ratio query"
          description={`PromQL for bad / total in [0, 1], with ${WINDOW_PLACEHOLDER} as the range`}
          {...err('sli.errorRatio')}
        >
          <TextArea
            id="sre-slo-error-ratio"
            rows={4}
            disabled={readOnly}
            value={form.freeformErrorRatio}
            onChange={(e) => onChange({ freeformErrorRatio: e.currentTarget.value })}
          />
        </Field>
      )}
    </Stack>
  );
}
