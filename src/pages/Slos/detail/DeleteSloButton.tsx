import React, { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, ConfirmModal } from '@grafana/ui';
import { ConflictError, deleteSlo } from '../../../api/slos';
import type { Slo } from '../../../domain/slo/model';
import { ROUTES, prefixRoute } from '../../../constants';

interface Props {
  slo: Slo;
}

/** Deletes the SLO after confirmation, refusing when someone changed it meanwhile; then goes to the list. */
export function DeleteSloButton({ slo }: Props) {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ conflict: boolean; message: string }>();

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await deleteSlo(slo.id, slo.revision);
      navigate(prefixRoute(ROUTES.Slos));
    } catch (e) {
      setError({ conflict: e instanceof ConflictError, message: e instanceof Error ? e.message : String(e) });
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="destructive" fill="outline" icon="trash-alt" onClick={() => setOpen(true)}>
        Delete
      </Button>
      <ConfirmModal
        isOpen={open}
        title={`Delete SLO "${slo.name}"?`}
        body={
          <>
            <p>The SLO goes from the app. Installed recording and alert rules stay until you remove them.</p>
            {error && (
              <Alert severity="error" title={error.conflict ? 'Someone else changed this SLO' : 'Delete failed'}>
                {error.message}
              </Alert>
            )}
          </>
        }
        confirmText={busy ? 'Deleting…' : 'Delete'}
        disabled={busy}
        onConfirm={confirm}
        onDismiss={() => {
          setOpen(false);
          setError(undefined);
        }}
      />
    </>
  );
}
