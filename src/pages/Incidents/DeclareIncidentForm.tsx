import React, { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Field, Input, RadioButtonList, Stack } from '@grafana/ui';
import { declareIncident, IncidentValidationError, MAX_TITLE_LENGTH, validateDeclaration } from '../../api/incidents';
import { canWriteAnnotations } from '../../api/permissions';
import { testIds } from '../../components/testIds';
import { prefixRoute, ROUTES } from '../../constants';
import { type Severity, SEVERITIES } from '../../domain/incident/model';

const SEVERITY_OPTIONS = SEVERITIES.map((s) => ({ value: s.value, label: s.label, description: s.definition }));

type FieldErrors = Partial<Record<string, string>>;

const splitServices = (text: string): string[] => text.split(',');

/** Declares an incident with only what is known in the first minute: a title, a severity and the services. */
export function DeclareIncidentForm() {
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<Severity>(2);
  const [services, setServices] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitError, setSubmitError] = useState<string>();
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
    const input = { title, severity, services: splitServices(services) };
    const problems = validateDeclaration(input, Date.now());
    setErrors(Object.fromEntries(problems.map((p) => [p.field, p.message])));
    if (problems.length > 0) {
      return;
    }
    setSubmitting(true);
    setSubmitError(undefined);
    try {
      const id = await declareIncident(input);
      navigate(`${prefixRoute(ROUTES.Incidents)}/${encodeURIComponent(id)}`);
    } catch (err) {
      if (err instanceof IncidentValidationError) {
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
          <Alert severity="error" title="The incident was not declared">
            {submitError}
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
        <Stack gap={1}>
          <Button type="submit" disabled={submitting} data-testid={testIds.incidents.submit}>
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
