import React, { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Field, Input, RadioButtonList, Stack, Text, TextLink } from '@grafana/ui';
import {
  declareIncident,
  IncidentValidationError,
  MAX_TITLE_LENGTH,
  SloLinkError,
  validateDeclaration,
} from '../../api/incidents';
import { canWriteAnnotations } from '../../api/permissions';
import { testIds } from '../../components/testIds';
import { prefixRoute, ROUTES } from '../../constants';
import { grafanaHref } from '../../components/links';
import { type Severity, SEVERITIES } from '../../domain/incident/model';
import { parseDeclareParams } from './declareLink';
import { formatTime } from './format';

const SEVERITY_OPTIONS = SEVERITIES.map((s) => ({ value: s.value, label: s.label, description: s.definition }));

type FieldErrors = Partial<Record<string, string>>;

const splitServices = (text: string): string[] => text.split(',');

const incidentPath = (id: string) => `${prefixRoute(ROUTES.Incidents)}/${encodeURIComponent(id)}`;

/**
 * Declares an incident with only what is known in the first minute: a title, a severity and the services.
 * URL parameters prefill it (the dashboard panel menu link uses them): `title`, `service` and `slo`
 * (repeatable), `from` (impact start, epoch ms) and `to` (end of the range looked at).
 */
export function DeclareIncidentForm() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Read once: later URL changes must not overwrite what the user typed.
  const [prefill] = useState(() => parseDeclareParams(params));
  const [title, setTitle] = useState(prefill.title ?? '');
  const [severity, setSeverity] = useState<Severity>(2);
  const [services, setServices] = useState(prefill.services.join(', '));
  const [startedAt, setStartedAt] = useState(() =>
    prefill.from !== undefined && prefill.from <= Date.now() ? prefill.from : undefined
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitError, setSubmitError] = useState<string>();
  const [declaredId, setDeclaredId] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  if (!canWriteAnnotations()) {
    return (
      <Alert severity="info" title="Read-only">
        Declaring an incident needs permission to write annotations (Editor role).
      </Alert>
    );
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      title,
      severity,
      services: splitServices(services),
      ...(startedAt !== undefined && { startedAt }),
      sloIds: prefill.sloIds,
    };
    const problems = validateDeclaration(input, Date.now());
    setErrors(Object.fromEntries(problems.map((p) => [p.field, p.message])));
    if (problems.length > 0) {
      return;
    }
    setSubmitting(true);
    setSubmitError(undefined);
    try {
      const id = await declareIncident(input);
      navigate(incidentPath(id));
    } catch (err) {
      if (err instanceof SloLinkError) {
        setDeclaredId(err.incidentId);
        setSubmitError(err.message);
      } else if (err instanceof IncidentValidationError) {
        setErrors(Object.fromEntries(err.problems.map((p) => [p.field, p.message])));
      } else {
        setSubmitError(err instanceof Error ? err.message : String(err));
      }
      setSubmitting(false);
    }
  };

  return (
    <form onSubmit={onSubmit} data-testid={testIds.incidents.form} noValidate>
      <Stack direction="column" gap={1}>
        {submitError !== undefined && (
          <Alert
            severity="error"
            title={declaredId ? 'The incident was declared with errors' : 'The incident was not declared'}
          >
            {submitError}
            {declaredId && (
              <div>
                <TextLink
                  href={grafanaHref(incidentPath(declaredId))}
                  inline={false}
                >{`Open incident ${declaredId}`}</TextLink>
              </div>
            )}
          </Alert>
        )}
        <Field
          label="Title"
          description={`What users experience, in a few words (at most ${MAX_TITLE_LENGTH} characters)`}
          invalid={Boolean(errors.title)}
          error={errors.title}
        >
          <Input
            id="incident-title"
            data-testid={testIds.incidents.title}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
        </Field>
        <Field label="Severity" invalid={Boolean(errors.severity)} error={errors.severity}>
          <RadioButtonList<Severity>
            name="severity"
            options={SEVERITY_OPTIONS}
            value={severity}
            onChange={setSeverity}
          />
        </Field>
        <Field
          label="Affected services"
          description="Comma-separated, e.g. checkout, cart"
          invalid={Boolean(errors.services)}
          error={errors.services}
        >
          <Input
            id="incident-services"
            data-testid={testIds.incidents.services}
            value={services}
            onChange={(e) => setServices(e.currentTarget.value)}
          />
        </Field>
        {startedAt !== undefined && (
          <Field label="Impact started" invalid={Boolean(errors.startedAt)} error={errors.startedAt}>
            <Stack gap={1} alignItems="center">
              <Text data-testid={testIds.incidents.startedAt}>{formatTime(startedAt)}</Text>
              <Button size="sm" variant="secondary" fill="text" onClick={() => setStartedAt(undefined)}>
                Use now instead
              </Button>
            </Stack>
          </Field>
        )}
        {prefill.sloIds.length > 0 && (
          <Field label="SLOs to link" description="Linked right after the incident is declared">
            <Text data-testid={testIds.incidents.sloIds}>{prefill.sloIds.join(', ')}</Text>
          </Field>
        )}
        <Stack gap={1}>
          <Button
            type="submit"
            disabled={submitting || declaredId !== undefined}
            data-testid={testIds.incidents.submit}
          >
            {submitting ? 'Declaring…' : 'Declare incident'}
          </Button>
          <Button variant="secondary" fill="outline" onClick={() => navigate(prefixRoute(ROUTES.Incidents))}>
            Cancel
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}
