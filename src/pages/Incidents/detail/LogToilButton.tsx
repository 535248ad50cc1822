import React, { lazy, Suspense, useState } from 'react';
import { Button } from '@grafana/ui';
import type { Incident } from '../../../domain/incident/model';
import { MAX_TASK, type ToilFields } from '../../../domain/toil';

// The toil form is only needed once someone clicks; it stays out of the incident page's first render.
const QuickLog = lazy(() => import('../../Toil/QuickLog').then((m) => ({ default: m.QuickLog })));

/** The quick-log prefill for work done on an incident: its title and services as the task, its id as the link. */
export function incidentToilPrefill(incident: Pick<Incident, 'id' | 'title' | 'services'>): Partial<ToilFields> {
  const services = incident.services.length > 0 ? ` (${incident.services.join(', ')})` : '';
  const title = incident.title.trim();
  const task = `${title}${services}`;
  return {
    task: task.length <= MAX_TASK ? task : title.slice(0, MAX_TASK),
    link: incident.id,
    // Incident work arrives unplanned, which is what the "interrupt" kind counts.
    kind: 'interrupt',
  };
}

/** "Log toil" on an incident page: the quick-log dialog, prefilled with the incident, without leaving the page. */
export function LogToilButton({ incident }: { incident: Pick<Incident, 'id' | 'title' | 'services'> }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" icon="clock-nine" onClick={() => setOpen(true)}>
        Log toil
      </Button>
      {open && (
        <Suspense fallback={null}>
          <QuickLog initial={incidentToilPrefill(incident)} onDismiss={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
