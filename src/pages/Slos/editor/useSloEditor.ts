import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ConflictError, ValidationError, deleteSlo, saveSlo } from '../../../api/slos';
import { LostUpdateError } from '../../../api/pluginSettings';
import { invalidateAppData, loadAppData, useAppData } from '../../data/appData';
import { WORKBOOK_POLICY_ID } from '../../../domain/policy/model';
import { policyReferenceProblems } from '../../../domain/policy/validate';
import { validateSlo } from '../../../domain/slo/validate';
import type { Problem, Slo } from '../../../domain/slo/model';
import { ROUTES, prefixRoute } from '../../../constants';
import { emptyForm, formFromSlo, sloFromForm, updateForm, type EditorForm } from './editorModel';

export type LoadState =
  | { status: 'loading' }
  | { status: 'ready' }
  | { status: 'notFound' }
  | { status: 'error'; message: string };
/** `lost`: another save replaced ours; the form still holds the edit and saving again re-applies it. */
export type ActionError = { conflict: boolean; lost?: boolean; message: string };
type Fetched = { load: LoadState; slo?: Slo; defaultUid?: string };

/** The editor form for a stored SLO; a broken one (hand-edited, older version) keeps what can be read of it. */
function formFromStored(slo: Slo): EditorForm {
  try {
    return formFromSlo(slo);
  } catch {
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    return { ...emptyForm(), id: text(slo.id), idTouched: true, name: text(slo.name), service: text(slo.service) };
  }
}

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
    // One read, shared with the other pages through the query cache.
    const data = loadAppData();
    const uid = data.then((d) => d.defaultUid).catch(() => undefined);
    if (id === undefined) {
      return { load: { status: 'ready' }, defaultUid: await uid };
    }
    try {
      const { slos } = await data;
      const found = slos.items.find((s) => s.id === id);
      // A stored SLO that fails validation opens too, so someone can fix it; the form shows its problems.
      const broken = found ? undefined : slos.broken.find((b) => b.id === id)?.raw;
      const slo = found ?? (broken as Slo | undefined);
      return slo
        ? { load: { status: 'ready' }, slo, defaultUid: await uid }
        : { load: { status: 'notFound' }, defaultUid: await uid };
    } catch (e) {
      return { load: { status: 'error', message: (e as Error).message }, defaultUid: await uid };
    }
  }, [id]);

  const apply = useCallback((f: Fetched) => {
    setDefaultUid(f.defaultUid);
    if (f.slo) {
      setForm(formFromStored(f.slo));
      setLoadedRevision(typeof f.slo.revision === 'number' ? f.slo.revision : 0);
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
    void invalidateAppData().then(fetchState).then(apply);
  };

  const slo: Slo = useMemo(() => sloFromForm(form), [form]);
  // The stored policies, from the same shared settings read; until it answers, `policy` is checked on save.
  const storedPolicies = useAppData().data?.policies.items;
  const problems: Problem[] = useMemo(() => {
    const known = storedPolicies && new Set([WORKBOOK_POLICY_ID, ...storedPolicies.map((p) => p.id)]);
    const missing = known ? policyReferenceProblems([slo], known).map((p) => ({ ...p, path: 'slo.policy' })) : [];
    return [...validateSlo(slo, 'slo'), ...missing];
  }, [slo, storedPolicies]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await action();
    } catch (e) {
      const message =
        e instanceof ValidationError ? `The SLO is invalid: ${e.message}` : (e as Error).message || String(e);
      setActionError({ conflict: e instanceof ConflictError, lost: e instanceof LostUpdateError, message });
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
        const saved = await saveSlo(slo, id === undefined ? undefined : loadedRevision).finally(invalidateAppData);
        navigate(prefixRoute(`${ROUTES.Slos}/${saved.id}`));
      }),
    remove: () =>
      run(async () => {
        await deleteSlo(id!, loadedRevision).finally(invalidateAppData);
        navigate(prefixRoute(ROUTES.Slos));
      }),
  };
}
