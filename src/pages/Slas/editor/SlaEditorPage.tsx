import React, { useMemo, useState } from 'react';
import { PluginPage } from '@grafana/runtime';
import {
  Alert,
  Button,
  Combobox,
  ConfirmButton,
  EmptyState,
  Field,
  FieldSet,
  Input,
  LoadingPlaceholder,
  RadioButtonGroup,
  Stack,
  TextArea,
} from '@grafana/ui';
import { useNavigate, useParams } from 'react-router-dom';
import { canEditSettings } from '../../../api/permissions';
import { LostUpdateError } from '../../../api/pluginSettings';
import { ConflictError, ValidationError, deleteSla, saveSla } from '../../../api/slas';
import { LoadError } from '../../../components/LoadError';
import { NOT_ALLOWED } from '../../../components/NotAllowedButton';
import { testIds } from '../../../components/testIds';
import { ROUTES, prefixRoute } from '../../../constants';
import { slaWarnings, validateSla } from '../../../domain/sla/validate';
import { invalidateAppData, useAppData } from '../../data/appData';
import { errorMessage } from '../../data/queryClient';
import { CreditTiers } from './CreditTiers';
import { NEW_SLA, formFromSla, problemsByField, slaFromForm, type SlaFormValues } from './slaForm';

const METHOD_OPTIONS = [
  { value: 'events' as const, label: 'Events', description: 'Bad events ÷ all events (request-based)' },
  {
    value: 'intervals' as const,
    label: '5-minute intervals',
    description: 'Mean of the 5-minute error rates (Amazon S3)',
  },
  { value: 'uptime' as const, label: 'Uptime minutes', description: 'Share of available minutes (Amazon EC2, GCE)' },
];
const UNIT_OPTIONS = [
  { value: 'month' as const, label: 'Calendar month' },
  { value: 'quarter' as const, label: 'Calendar quarter' },
];
const INDICATOR_OPTIONS = [
  { value: 'slo' as const, label: "An SLO's SLI" },
  { value: 'sli' as const, label: 'Its own SLI' },
];

type Failure = { title: string; message: string; conflict: boolean };

/** Create or edit an SLA (Admins): every field, with validateSla's problems at their fields and slaWarnings shown. */
export default function SlaEditorPage() {
  const { id } = useParams();
  const app = useAppData();
  const stored = id ? app.data?.slas.items.find((s) => s.id === id) : undefined;
  const broken = id ? app.data?.slas.broken.find((b) => b.id === id) : undefined;
  const title = id ? `Edit ${stored?.name ?? id}` : 'New SLA';
  return (
    <PluginPage pageNav={{ text: title }}>
      <div data-testid={testIds.slas.editor}>
        {app.isPending ? (
          <LoadingPlaceholder text="Loading…" />
        ) : app.isError ? (
          <LoadError title="Could not load SLAs" error={errorMessage(app.error)} onRetry={() => void app.refetch()} />
        ) : !canEditSettings() ? (
          <Alert severity="info" title="Read only" data-testid={testIds.slas.readOnly}>
            {NOT_ALLOWED.editSlas}
          </Alert>
        ) : id && !stored && !broken ? (
          <EmptyState variant="not-found" message={`No SLA with the id "${id}"`} />
        ) : (
          <SlaForm
            key={`${id ?? 'new'}@${stored?.revision ?? broken?.index ?? ''}`}
            initial={stored ? formFromSla(stored) : broken ? formFromBroken(broken.raw) : NEW_SLA}
            loadedRevision={id ? (stored?.revision ?? revisionOf(broken?.raw)) : undefined}
            isNew={!id}
            sloIds={app.data.slos.items.map((s) => s.id)}
          />
        )}
      </div>
    </PluginPage>
  );
}

const revisionOf = (raw: unknown): number => {
  const r = raw && typeof raw === 'object' ? (raw as { revision?: unknown }).revision : undefined;
  return typeof r === 'number' ? r : 0;
};

/** A broken stored SLA, as far as its fields can be read, so an Admin can fix it here. */
function formFromBroken(raw: unknown): SlaFormValues {
  try {
    return formFromSla(raw as never);
  } catch {
    const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    return { ...NEW_SLA, id: typeof r.id === 'string' ? r.id : '', name: typeof r.name === 'string' ? r.name : '' };
  }
}

function SlaForm({
  initial,
  loadedRevision,
  isNew,
  sloIds,
}: {
  initial: SlaFormValues;
  loadedRevision: number | undefined;
  isNew: boolean;
  sloIds: string[];
}) {
  const navigate = useNavigate();
  const app = useAppData();
  const [v, setV] = useState<SlaFormValues>(initial);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure>();
  const { sla, problems: formProblems } = slaFromForm(v, loadedRevision);
  const problems = useMemo(
    () => [...formProblems, ...validateSla(sla, 'sla', new Set(sloIds))],
    // `sla` is rebuilt from `v` on every render; `v` is its identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [v, sloIds]
  );
  const byField = submitted ? problemsByField(problems) : {};
  const err = (field: string) => byField[field]?.join('; ');
  const warnings = problems.length === 0 ? slaWarnings(sla, app.data?.slos.items ?? []) : [];
  const set = <K extends keyof SlaFormValues>(key: K, value: SlaFormValues[K]) =>
    setV((old) => ({ ...old, [key]: value }));
  const text = (key: keyof SlaFormValues) => (e: React.FormEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    set(key, e.currentTarget.value as never);

  const fail = (e: unknown, what: string) =>
    setFailure({
      title: e instanceof LostUpdateError ? 'Your change is not stored' : `The SLA was not ${what}`,
      message:
        e instanceof ValidationError ? e.problems.map((p) => `${p.path}: ${p.message}`).join('\n') : errorMessage(e),
      conflict: e instanceof ConflictError || e instanceof LostUpdateError,
    });

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setFailure(undefined);
    if (problems.length > 0) {
      return;
    }
    setBusy(true);
    try {
      const saved = await saveSla(sla, loadedRevision);
      await invalidateAppData();
      navigate(prefixRoute(`${ROUTES.Slas}/${encodeURIComponent(saved.id)}`));
    } catch (err) {
      fail(err, 'saved');
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setFailure(undefined);
    try {
      await deleteSla(initial.id, loadedRevision);
      await invalidateAppData();
      navigate(prefixRoute(ROUTES.Slas));
    } catch (err) {
      fail(err, 'deleted');
    }
  };

  return (
    <form onSubmit={save} aria-label="SLA" noValidate>
      <FieldSet label="Contract">
        <Field
          label="Id"
          description="Lower-case letters, digits and dashes; used in URLs and reports"
          invalid={!!err('id')}
          error={err('id')}
        >
          <Input id="sla-id" value={v.id} onChange={text('id')} disabled={!isNew} width={40} />
        </Field>
        <Field label="Name" invalid={!!err('name')} error={err('name')}>
          <Input id="sla-name" value={v.name} onChange={text('name')} />
        </Field>
        <Field
          label="Customer"
          description="Optional; reports are per customer"
          invalid={!!err('customer')}
          error={err('customer')}
        >
          <Input id="sla-customer" value={v.customer} onChange={text('customer')} />
        </Field>
        <Field
          label="Services"
          description="Comma-separated; maintenance of these services is excluded"
          invalid={!!err('services')}
          error={err('services')}
        >
          <Input id="sla-services" value={v.services} onChange={text('services')} />
        </Field>
        <Field
          label="Contract link"
          description="http(s) URL of the signed contract"
          invalid={!!err('contractUrl')}
          error={err('contractUrl')}
        >
          <Input id="sla-contract" value={v.contractUrl} onChange={text('contractUrl')} />
        </Field>
        <Stack gap={2}>
          <Field
            label="Effective from"
            description="YYYY-MM-DD, in the SLA's time zone"
            invalid={!!err('effective.from')}
            error={err('effective.from')}
          >
            <Input id="sla-from" value={v.effectiveFrom} onChange={text('effectiveFrom')} width={20} />
          </Field>
          <Field
            label="Effective to"
            invalid={!!(err('effective.to') ?? err('effective'))}
            error={err('effective.to') ?? err('effective')}
          >
            <Input id="sla-to" value={v.effectiveTo} onChange={text('effectiveTo')} width={20} />
          </Field>
        </Stack>
      </FieldSet>
      <FieldSet label="Indicator">
        <Field label="Measured from">
          <RadioButtonGroup
            options={INDICATOR_OPTIONS}
            value={v.indicatorKind}
            onChange={(k) => set('indicatorKind', k)}
          />
        </Field>
        {v.indicatorKind === 'slo' ? (
          <Field
            label="SLO"
            invalid={!!(err('indicator.sloId') ?? err('indicator'))}
            error={err('indicator.sloId') ?? err('indicator')}
          >
            <Combobox
              id="sla-slo"
              options={sloIds.map((s) => ({ value: s, label: s }))}
              value={v.sloId || null}
              onChange={(o) => set('sloId', o?.value ?? '')}
              width={40}
            />
          </Field>
        ) : (
          <>
            <Field
              label="SLI (JSON, as in an SLO)"
              invalid={!!(err('indicator.sli') ?? err('indicator'))}
              error={err('indicator.sli') ?? err('indicator')}
            >
              <TextArea id="sla-sli" rows={6} value={v.sliJson} onChange={text('sliJson')} />
            </Field>
            <Field label="Data source uid" description="Empty: the app's default Prometheus">
              <Input id="sla-ds" value={v.datasourceUid} onChange={text('datasourceUid')} width={40} />
            </Field>
          </>
        )}
      </FieldSet>
      <FieldSet label="Measurement">
        <Field label="Target (%)" invalid={!!err('target')} error={err('target')}>
          <Input id="sla-target" value={v.targetPercent} onChange={text('targetPercent')} width={16} />
        </Field>
        <Field label="Method" invalid={!!err('method')} error={err('method')}>
          <RadioButtonGroup options={METHOD_OPTIONS} value={v.method} onChange={(m) => set('method', m)} />
        </Field>
        {v.method === 'uptime' && (
          <Field
            label="A minute is unavailable above this error ratio (%)"
            invalid={!!err('method.unavailableAbove')}
            error={err('method.unavailableAbove')}
          >
            <Input
              id="sla-unavailable"
              value={v.unavailableAbovePercent}
              onChange={text('unavailableAbovePercent')}
              width={16}
            />
          </Field>
        )}
        <Stack gap={2}>
          <Field label="Period" invalid={!!err('period.unit')} error={err('period.unit')}>
            <RadioButtonGroup options={UNIT_OPTIONS} value={v.periodUnit} onChange={(u) => set('periodUnit', u)} />
          </Field>
          <Field
            label="Time zone"
            description="IANA, e.g. Europe/Berlin"
            invalid={!!(err('period.timeZone') ?? err('period'))}
            error={err('period.timeZone') ?? err('period')}
          >
            <Input id="sla-tz" value={v.timeZone} onChange={text('timeZone')} width={28} />
          </Field>
        </Stack>
      </FieldSet>
      <FieldSet label="Service credits">
        {err('credits') && <Alert severity="error" title={err('credits')!} />}
        <CreditTiers tiers={v.credits} errors={byField} onChange={(credits) => set('credits', credits)} />
      </FieldSet>
      {warnings.length > 0 && (
        <Alert severity="warning" title="Warning" data-testid={testIds.slas.editorWarnings}>
          {warnings.join('\n')}
        </Alert>
      )}
      {submitted && problems.length > 0 && (
        <Alert
          severity="error"
          title={`${problems.length} problem${problems.length === 1 ? '' : 's'} to fix`}
          data-testid={testIds.slas.editorProblems}
        >
          <ul>
            {problems.map((p) => (
              <li key={`${p.path}:${p.message}`}>{`${p.path.replace(/^sla\./, '')}: ${p.message}`}</li>
            ))}
          </ul>
        </Alert>
      )}
      {failure && (
        <Alert
          severity="error"
          title={failure.title}
          data-testid={failure.conflict ? testIds.slas.conflict : undefined}
        >
          {failure.message}
        </Alert>
      )}
      <Stack gap={1}>
        <Button type="submit" disabled={busy} data-testid={testIds.slas.save}>
          {busy ? 'Saving…' : 'Save SLA'}
        </Button>
        <Button variant="secondary" type="button" onClick={() => navigate(-1)}>
          Cancel
        </Button>
        {!isNew && (
          <ConfirmButton
            data-testid={testIds.slas.delete}
            confirmText="Delete SLA"
            confirmVariant="destructive"
            onConfirm={() => void remove()}
          >
            Delete
          </ConfirmButton>
        )}
      </Stack>
    </form>
  );
}
