import React, { useState } from 'react';
import { Alert, Badge, Button, ConfirmButton, Field, Input, Stack, Text } from '@grafana/ui';
import { MaintenanceValidationError, cancelMaintenance, planMaintenance } from '../../api/maintenance';
import { canWriteAnnotations } from '../../api/permissions';
import { NOT_ALLOWED, NotAllowedButton } from '../../components/NotAllowedButton';
import { testIds } from '../../components/testIds';
import { appliesTo, validateMaintenanceInput, type MaintenanceWindow } from '../../domain/sla/maintenance';
import type { Sla } from '../../domain/sla/model';
import { errorMessage, queryClient } from '../data/queryClient';
import { zoned } from './format';
import { defaultMaintenance, maintenanceInput, type MaintenanceFormValues } from './maintenanceForm';
import { MAINTENANCE_KEY } from './useSlaData';

type FormField = keyof MaintenanceFormValues;

function stateOf(w: MaintenanceWindow, now: number): { text: string; color: 'blue' | 'orange' | 'darkgrey' | 'green' } {
  if (w.cancelled) {
    return { text: w.end > w.start ? 'Cancelled while running' : 'Cancelled', color: 'darkgrey' };
  }
  if (w.start > now) {
    return { text: 'Planned', color: 'blue' };
  }
  return w.end > now ? { text: 'In progress', color: 'orange' } : { text: 'Done', color: 'green' };
}

function PlanForm({ sla, now, onDone }: { sla: Sla; now: number; onDone: () => void }) {
  const [values, setValues] = useState<MaintenanceFormValues>(() => defaultMaintenance(sla.services, now));
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (field: FormField) => (e: React.FormEvent<HTMLInputElement>) =>
    setValues({ ...values, [field]: e.currentTarget.value });

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFailure(undefined);
    const input = maintenanceInput(values);
    const problems = validateMaintenanceInput(input, Date.now());
    setErrors(Object.fromEntries(problems.map((p) => [p.field, p.message])));
    if (problems.length > 0) {
      return;
    }
    setBusy(true);
    try {
      await planMaintenance(input);
      onDone();
    } catch (err) {
      if (err instanceof MaintenanceValidationError) {
        setErrors(Object.fromEntries(err.problems.map((p) => [p.field, p.message])));
      } else {
        setFailure(errorMessage(err));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} data-testid={testIds.slas.maintenanceForm} aria-label="Plan maintenance">
      <Field
        label="Title"
        description="Shown on every dashboard with the window"
        invalid={!!errors.title}
        error={errors.title}
      >
        <Input id="mnt-title" value={values.title} onChange={set('title')} />
      </Field>
      <Field
        label="Services"
        description="Comma-separated; SLAs sharing a service exclude the window"
        invalid={!!errors.services}
        error={errors.services}
      >
        <Input id="mnt-services" value={values.services} onChange={set('services')} />
      </Field>
      <Stack gap={2}>
        <Field label="Start (your local time)" invalid={!!errors.start} error={errors.start}>
          <Input id="mnt-start" type="datetime-local" value={values.start} onChange={set('start')} />
        </Field>
        <Field label="End" description="At most 7 days after the start" invalid={!!errors.end} error={errors.end}>
          <Input id="mnt-end" type="datetime-local" value={values.end} onChange={set('end')} />
        </Field>
      </Stack>
      {failure && (
        <Alert severity="error" title="Could not plan the maintenance">
          {failure}
        </Alert>
      )}
      <Stack gap={1}>
        <Button type="submit" disabled={busy}>
          {busy ? 'Planning…' : 'Plan maintenance'}
        </Button>
        <Button variant="secondary" onClick={onDone} type="button">
          Cancel
        </Button>
      </Stack>
    </form>
  );
}

/**
 * Maintenance of the SLA's services: windows in the current period and planned ones, plan a new one (defaulting to
 * the SLA's services) and cancel one that has not ended. Viewers see the same with disabled buttons.
 */
export function MaintenanceSection({ sla, windows, now }: { sla: Sla; windows: MaintenanceWindow[]; now: number }) {
  const canWrite = canWriteAnnotations();
  const [planning, setPlanning] = useState(false);
  const [failure, setFailure] = useState<string>();
  const mine = windows.filter((w) => appliesTo(w, sla));
  const reload = () => queryClient.invalidateQueries({ queryKey: [MAINTENANCE_KEY] });

  const cancel = async (w: MaintenanceWindow) => {
    setFailure(undefined);
    try {
      await cancelMaintenance(w);
      await reload();
    } catch (e) {
      setFailure(errorMessage(e));
    }
  };

  return (
    <Stack direction="column" gap={1} data-testid={testIds.slas.maintenance}>
      {mine.length === 0 ? (
        <Text color="secondary">No maintenance of these services in this period or planned.</Text>
      ) : (
        <ul aria-label="Maintenance windows">
          {mine.map((w) => {
            const state = stateOf(w, now);
            const open = !w.cancelled && w.end > now;
            return (
              <li key={w.id} data-testid={testIds.slas.maintenanceRow}>
                <Stack gap={1} alignItems="center" wrap="wrap">
                  <Badge text={state.text} color={state.color} />
                  <Text weight="medium">{w.title}</Text>
                  <Text color="secondary">
                    {`${zoned(w.start, sla.period.timeZone)} → ${zoned(w.plannedEnd ?? w.end, sla.period.timeZone)} (${sla.period.timeZone}) · ${w.services.join(', ')} · by ${w.by}`}
                  </Text>
                  {open &&
                    (canWrite ? (
                      <ConfirmButton
                        data-testid={testIds.slas.cancelMaintenance}
                        confirmText="Cancel maintenance"
                        confirmVariant="destructive"
                        size="sm"
                        onConfirm={() => void cancel(w)}
                      >
                        Cancel
                      </ConfirmButton>
                    ) : (
                      <NotAllowedButton reason={NOT_ALLOWED.planMaintenance}>Cancel</NotAllowedButton>
                    ))}
                </Stack>
              </li>
            );
          })}
        </ul>
      )}
      {failure && (
        <Alert severity="error" title="Could not cancel the maintenance">
          {failure}
        </Alert>
      )}
      {planning ? (
        <PlanForm
          sla={sla}
          now={now}
          onDone={() => {
            setPlanning(false);
            void reload();
          }}
        />
      ) : canWrite ? (
        <div>
          <Button
            icon="calendar-alt"
            variant="secondary"
            data-testid={testIds.slas.planMaintenance}
            onClick={() => setPlanning(true)}
          >
            Plan maintenance
          </Button>
        </div>
      ) : (
        <div>
          <NotAllowedButton icon="calendar-alt" reason={NOT_ALLOWED.planMaintenance}>
            Plan maintenance
          </NotAllowedButton>
        </div>
      )}
    </Stack>
  );
}
