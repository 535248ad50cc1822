import React, { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Field, FieldSet, Input, LoadingPlaceholder, Stack, Text } from '@grafana/ui';
import { canEditSettings } from '../../api/permissions';
import { LostUpdateError, getPluginSettings } from '../../api/pluginSettings';
import { ConflictError, ValidationError, type BrokenItem } from '../../api/storedItems';
import { listTeams } from '../../api/teams';
import { deleteToilTeam, readToilTeams, saveToilTeam } from '../../api/toilTeams';
import { DEFAULT_TOIL_BUDGET, type ToilTeamSettings } from '../../domain/toil/model';
import { invalidateAppData } from '../../pages/data/appData';
import { testIds } from '../testIds';

interface Form {
  team: string;
  capacity: string;
  budgetPercent: string;
  loadedRevision?: number;
}

type Errors = Partial<Record<'team' | 'capacity' | 'budgetPercent', string>>;

const fromTeam = (t: ToilTeamSettings): Form => ({
  team: t.team,
  capacity: String(t.capacityHoursPerWeek),
  budgetPercent: String(Math.round(t.budget * 1000) / 10),
  loadedRevision: t.revision ?? 0,
});

function check(form: Form): Errors {
  const errors: Errors = {};
  if (form.team.trim() === '') {
    errors.team = 'Pick or type the team';
  }
  const cap = Number(form.capacity);
  if (form.capacity.trim() === '' || !Number.isFinite(cap) || cap <= 0) {
    errors.capacity = 'Hours a week above 0, e.g. 3 people × 40 h + one at 20 h = 140';
  }
  const pct = Number(form.budgetPercent);
  if (form.budgetPercent.trim() === '' || !Number.isFinite(pct) || pct <= 0 || pct > 100) {
    errors.budgetPercent = 'A percentage in (0, 100]; the SRE book caps toil at 50%';
  }
  return errors;
}

/**
 * The Admin page's toil settings: per team, its capacity (hours a week) and toil budget (default 50%, the SRE
 * book's cap). Stored in the plugin settings with revisions, like SLOs and policies; others read them.
 */
export function ToilTeamsSection() {
  const editable = canEditSettings();
  const [teams, setTeams] = useState<ToilTeamSettings[]>();
  const [broken, setBroken] = useState<BrokenItem[]>([]);
  const [grafanaTeams, setGrafanaTeams] = useState<string[]>([]);
  const [loadError, setLoadError] = useState<string>();
  const [form, setForm] = useState<Form>();
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string }>();
  const [busy, setBusy] = useState(false);

  const reload = useCallback(() => {
    setLoadError(undefined);
    getPluginSettings()
      .then(({ jsonData }) => {
        const list = readToilTeams(jsonData);
        setTeams(list.items);
        setBroken(list.broken);
      })
      .catch((e: Error) => setLoadError(e.message));
  }, []);
  useEffect(reload, [reload]);
  useEffect(() => {
    listTeams()
      .then((r) => setGrafanaTeams(r.teams))
      .catch(() => setGrafanaTeams([]));
  }, []);

  if (loadError) {
    return (
      <FieldSet label="Toil budgets" data-testid={testIds.toil.teamsSettings}>
        <Alert title="Could not load the toil settings">
          {loadError}
          <div>
            <Button size="sm" variant="secondary" onClick={reload}>
              Retry
            </Button>
          </div>
        </Alert>
      </FieldSet>
    );
  }
  if (!teams) {
    return <LoadingPlaceholder text="Loading toil settings…" />;
  }

  const save = async () => {
    if (!form) {
      return;
    }
    const found = check(form);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    setBusy(true);
    setMessage(undefined);
    try {
      const saved = await saveToilTeam(
        { team: form.team, capacityHoursPerWeek: Number(form.capacity), budget: Number(form.budgetPercent) / 100 },
        form.loadedRevision
      );
      setForm(undefined);
      setMessage({ kind: 'success', text: `Toil settings of ${saved.team} saved` });
      reload();
    } catch (e) {
      if (e instanceof ValidationError) {
        setMessage({ kind: 'error', text: e.problems.map((p) => `${p.path}: ${p.message}`).join('; ') });
      } else {
        // A conflict or a lost update says what happened and what to do in its message; keep the form for a retry.
        const lost = e instanceof LostUpdateError || e instanceof ConflictError;
        setMessage({
          kind: 'error',
          text: `${lost ? 'Not saved (someone else saved meanwhile)' : 'Not saved'}: ${(e as Error).message}`,
        });
      }
    } finally {
      setBusy(false);
      void invalidateAppData();
    }
  };

  const remove = async (t: ToilTeamSettings) => {
    setMessage(undefined);
    try {
      await deleteToilTeam(t.id, t.revision);
      setMessage({ kind: 'success', text: `Toil settings of ${t.team} removed` });
      reload();
    } catch (e) {
      setMessage({ kind: 'error', text: `Not removed: ${(e as Error).message}` });
    } finally {
      void invalidateAppData();
    }
  };

  const options = grafanaTeams.map((t) => ({ label: t, value: t }));
  return (
    <FieldSet label="Toil budgets" data-testid={testIds.toil.teamsSettings}>
      <Text color="secondary">
        Each team&apos;s capacity in hours a week and the share of it toil may take. The SRE book caps toil at 50% of an
        SRE team&apos;s time.
      </Text>
      {message && <Alert severity={message.kind} title={message.text} onRemove={() => setMessage(undefined)} />}
      {broken.map((b) => (
        <Alert key={b.index} severity="warning" title={`Stored toil settings ${b.id ?? `#${b.index + 1}`} are invalid`}>
          {b.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}
        </Alert>
      ))}
      {teams.length === 0 && <Text italic>No team has toil settings yet.</Text>}
      <table>
        <tbody>
          {teams.map((t) => (
            <tr key={t.id} data-testid={testIds.toil.teamRow}>
              <td>{t.team}</td>
              <td>{t.capacityHoursPerWeek} h/week</td>
              <td>budget {Math.round(t.budget * 1000) / 10}%</td>
              {editable && (
                <td>
                  <Stack gap={1}>
                    <Button size="sm" variant="secondary" onClick={() => setForm(fromTeam(t))}>
                      Edit
                    </Button>
                    <Button size="sm" variant="destructive" fill="outline" onClick={() => remove(t)}>
                      Remove
                    </Button>
                  </Stack>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {editable && !form && (
        <Button
          variant="secondary"
          icon="plus"
          onClick={() => setForm({ team: '', capacity: '', budgetPercent: String(DEFAULT_TOIL_BUDGET * 100) })}
        >
          Add a team
        </Button>
      )}
      {editable && form && (
        <Stack direction="column" gap={1}>
          <Field label="Team" invalid={!!errors.team} error={errors.team} disabled={form.loadedRevision !== undefined}>
            <Input
              id="toil-team-name"
              list="toil-team-suggestions"
              placeholder={options.length ? 'Pick a Grafana team or type one' : 'Type the team name'}
              value={form.team}
              onChange={(e) => setForm({ ...form, team: e.currentTarget.value })}
            />
          </Field>
          <datalist id="toil-team-suggestions">
            {options.map((o) => (
              <option key={o.value} value={o.value} />
            ))}
          </datalist>
          <Field label="Capacity (hours a week)" invalid={!!errors.capacity} error={errors.capacity}>
            <Input
              id="toil-team-capacity"
              value={form.capacity}
              onChange={(e) => setForm({ ...form, capacity: e.currentTarget.value })}
            />
          </Field>
          <Field label="Toil budget (%)" invalid={!!errors.budgetPercent} error={errors.budgetPercent}>
            <Input
              id="toil-team-budget"
              value={form.budgetPercent}
              onChange={(e) => setForm({ ...form, budgetPercent: e.currentTarget.value })}
            />
          </Field>
          <Stack gap={1}>
            <Button onClick={save} disabled={busy}>
              {busy ? 'Saving…' : 'Save team'}
            </Button>
            <Button variant="secondary" onClick={() => setForm(undefined)}>
              Cancel
            </Button>
          </Stack>
        </Stack>
      )}
    </FieldSet>
  );
}
