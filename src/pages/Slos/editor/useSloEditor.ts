import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ConflictError, ValidationError, deleteSlo, listSlos, saveSlo } from '../../../api/slos';
import { getPluginSettings } from '../../../api/pluginSettings';
import { validateSlo } from '../../../domain/slo/validate';
import type { Problem, Slo } from '../../../domain/slo/model';
import { ROUTES, prefixRoute } from '../../../constants';
import { emptyForm, formFromSlo, sloFromForm, updateForm, type EditorForm } from './editorModel';

export type LoadState =
  | { status: 'loading' }
  | { status: 'ready' }
  | { status: 'notFound' }
  | { status: 'error'; message: string };
export type ActionError = { conflict: boolean; message: string };
type Fetched = { load: LoadState; slo?: Slo; defaultUid?: string };

/** Loads, validates, saves and deletes the SLO being edited; `id` undefined means a new SLO. */
export function useSloEditor(id: string | undefined) {
  const navigate = useNavigate();
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [form, setForm] = useState<EditorForm>(emptyForm);
  const [loadedRevision, setLoadedRevision] = useState<number | undefined>();
  const [defaultUid, setDefaultUid] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ActionError>();

  // Reads without touching state, so the effect below only sets state once the answer is in.
  const fetchState = useCallback(async (): Promise<Fetched> => {
    // Without settings the preview just asks for a data source; that is no reason to block editing.
    const uid = getPluginSettings()
      .then((s) => s.jsonData?.settings?.defaultPrometheusUid || undefined)
      .catch(() => undefined);
    if (id === undefined) {
      return { load: { status: 'ready' }, defaultUid: await uid };
    }
    try {
      const found = (await listSlos()).find((s) => s.id === id);
      return found
        ? { load: { status: 'ready' }, slo: found, defaultUid: await uid }
        : { load: { status: 'notFound' }, defaultUid: await uid };
    } catch (e) {
      return { load: { status: 'error', message: (e as Error).message }, defaultUid: await uid };
    }
  }, [id]);

  const apply = useCallback((f: Fetched) => {
    setDefaultUid(f.defaultUid);
    if (f.slo) {
      setForm(formFromSlo(f.slo));
      setLoadedRevision(f.slo.revision ?? 0);
    }
    setLoad(f.load);
  }, []);

  useEffect(() => {
    let cancelled = false;
    fetchState().then((f) => !cancelled && apply(f));
    return () => {
      cancelled = true;
    };
  }, [fetchState, apply]);

  /** Re-reads the stored SLO, discarding local edits (after a conflict, when the user asks). */
  const read = () => {
    setActionError(undefined);
    setLoad({ status: 'loading' });
    fetchState().then(apply);
  };

  const slo: Slo = useMemo(() => sloFromForm(form), [form]);
  const problems: Problem[] = useMemo(() => validateSlo(slo, 'slo'), [slo]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await action();
    } catch (e) {
      const message =
        e instanceof ValidationError ? `The SLO is invalid: ${e.message}` : (e as Error).message || String(e);
      setActionError({ conflict: e instanceof ConflictError, message });
      setBusy(false);
    }
  };

  return {
    load,
    form,
    slo,
    problems,
    loadedRevision,
    defaultUid,
    busy,
    actionError,
    editing: id !== undefined,
    change: (patch: Partial<EditorForm>) => setForm((f) => updateForm(f, patch)),
    replace: (next: EditorForm) => setForm(next),
    reload: read,
    save: () =>
      run(async () => {
        if (problems.length) {
          return;
        }
        const saved = await saveSlo(slo, id === undefined ? undefined : loadedRevision);
        navigate(prefixRoute(`${ROUTES.Slos}/${saved.id}`));
      }),
    remove: () =>
      run(async () => {
        await deleteSlo(id!, loadedRevision);
        navigate(prefixRoute(ROUTES.Slos));
      }),
  };
}
