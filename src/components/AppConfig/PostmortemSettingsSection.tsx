import React, { useCallback, useEffect, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import {
  Alert,
  Button,
  Checkbox,
  Field,
  FieldSet,
  IconButton,
  Input,
  LoadingPlaceholder,
  Stack,
  Text,
  useStyles2,
} from '@grafana/ui';
import { canEditSettings } from '../../api/permissions';
import { LostUpdateError, getPluginSettings } from '../../api/pluginSettings';
import { readPostmortemConfig, savePostmortemConfig } from '../../api/postmortemConfig';
import { ConflictError, ValidationError } from '../../api/storedItems';
import { SEVERITIES } from '../../domain/incident/model';
import { ACTION_ITEM_PRIORITIES, REQUIRED_SECTION_KEYS } from '../../domain/postmortem';
import { invalidateAppData } from '../../pages/data/appData';
import { LoadError } from '../LoadError';
import { testIds } from '../testIds';
import {
  type FormErrors,
  type PostmortemSettingsForm,
  canAddSection,
  fromForm,
  moveRow,
  sectionKeyFrom,
  toForm,
} from './postmortemSettingsForm';

type Loaded = { form: PostmortemSettingsForm; revision: number; problems: string[] };

/**
 * The Admin page's postmortem settings: the section template (rename, reorder, add) and the policy (which incidents
 * need a postmortem, by when, and when action items are due). Stored in the plugin settings with a revision, so a
 * concurrent save is refused rather than overwritten. New postmortems use the template; started ones keep theirs.
 */
export function PostmortemSettingsSection() {
  const styles = useStyles2(getStyles);
  const editable = canEditSettings();
  const [loaded, setLoaded] = useState<Loaded>();
  const [loadError, setLoadError] = useState<string>();
  const [form, setForm] = useState<PostmortemSettingsForm>();
  const [errors, setErrors] = useState<FormErrors>({});
  const [newTitle, setNewTitle] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string }>();
  const [busy, setBusy] = useState(false);

  const reload = useCallback(() => {
    setLoadError(undefined);
    setLoaded(undefined);
    getPluginSettings()
      .then(({ jsonData }) => {
        const config = readPostmortemConfig(jsonData);
        const next = {
          form: toForm(config.sections, config.policy),
          revision: config.revision,
          problems: config.problems,
        };
        setLoaded(next);
        setForm(next.form);
        setErrors({});
      })
      .catch((e: Error) => setLoadError(e.message));
  }, []);
  useEffect(reload, [reload]);

  if (loadError) {
    return (
      <FieldSet label="Postmortems" data-testid={testIds.appConfig.postmortems}>
        <LoadError title="Could not load the postmortem settings" error={loadError} onRetry={reload} />
      </FieldSet>
    );
  }
  if (!loaded || !form) {
    return <LoadingPlaceholder text="Loading postmortem settings…" />;
  }

  const patch = (change: Partial<PostmortemSettingsForm>) => setForm({ ...form, ...change });
  const setTitle = (index: number, title: string) =>
    patch({ sections: form.sections.map((s, i) => (i === index ? { ...s, title } : s)) });
  const addSection = () => {
    const title = newTitle.trim();
    if (title === '') {
      setErrors({ ...errors, newSection: 'Give the new section a title' });
      return;
    }
    const key = sectionKeyFrom(
      title,
      form.sections.map((s) => s.key)
    );
    patch({ sections: [...form.sections, { key, title }] });
    setNewTitle('');
    setErrors({ ...errors, newSection: '' });
  };
  const toggleSeverity = (value: (typeof SEVERITIES)[number]['value'], on: boolean) =>
    patch({
      requiredSeverities: on
        ? [...form.requiredSeverities, value].sort()
        : form.requiredSeverities.filter((s) => s !== value),
    });

  const save = async () => {
    const result = fromForm(form);
    if (result.errors) {
      setErrors(result.errors);
      setMessage({ kind: 'error', text: 'Not saved: fix the fields marked below' });
      return;
    }
    setErrors({});
    setBusy(true);
    setMessage(undefined);
    try {
      await savePostmortemConfig(result, loaded.revision);
      setMessage({ kind: 'success', text: 'Postmortem settings saved' });
      reload();
    } catch (e) {
      if (e instanceof ValidationError) {
        setMessage({
          kind: 'error',
          text: `Not saved: ${e.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
        });
      } else {
        // The form is kept either way, so the admin can reload, compare and apply the change again.
        const lost = e instanceof ConflictError || e instanceof LostUpdateError;
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

  const err = (key: string) => errors[key] || undefined;
  return (
    <FieldSet label="Postmortems" data-testid={testIds.appConfig.postmortems}>
      <Text color="secondary">
        The sections a new postmortem starts with, and the policy: which incidents need a postmortem, by when, and when
        action items are due. Postmortems already started keep their sections.
      </Text>
      {!editable && (
        <Alert severity="info" title="Read-only">
          Only organization admins can change the postmortem settings.
        </Alert>
      )}
      {message && <Alert severity={message.kind} title={message.text} onRemove={() => setMessage(undefined)} />}
      {loaded.problems.length > 0 && (
        <Alert severity="warning" title="Some stored postmortem settings are invalid; their defaults are used">
          <ul>
            {loaded.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Alert>
      )}

      <Text element="h4">Sections</Text>
      {err('sections') && <Alert severity="error" title={err('sections')!} />}
      <ol className={styles.sections}>
        {form.sections.map((s, i) => {
          const required = (REQUIRED_SECTION_KEYS as readonly string[]).includes(s.key);
          return (
            <li key={s.key} data-testid={testIds.appConfig.postmortemSection}>
              <Stack gap={1} alignItems="flex-start">
                <Field
                  label={`Section ${i + 1}`}
                  description={`key ${s.key}${required ? ' (publishing requires it)' : ''}`}
                  invalid={!!err(`sections.${i}`)}
                  error={err(`sections.${i}`)}
                  className={styles.sectionField}
                >
                  <Input
                    id={`pm-section-${s.key}`}
                    aria-label={`Title of section ${i + 1}`}
                    value={s.title}
                    disabled={!editable}
                    onChange={(e) => setTitle(i, e.currentTarget.value)}
                  />
                </Field>
                {editable && (
                  <div className={styles.rowButtons}>
                    <IconButton
                      name="arrow-up"
                      tooltip={`Move ${s.title || s.key} up`}
                      disabled={i === 0}
                      onClick={() => patch({ sections: moveRow(form.sections, i, -1) })}
                    />
                    <IconButton
                      name="arrow-down"
                      tooltip={`Move ${s.title || s.key} down`}
                      disabled={i === form.sections.length - 1}
                      onClick={() => patch({ sections: moveRow(form.sections, i, 1) })}
                    />
                    {!required && (
                      <IconButton
                        name="trash-alt"
                        tooltip={`Remove ${s.title || s.key} from new postmortems`}
                        onClick={() => patch({ sections: form.sections.filter((_, j) => j !== i) })}
                      />
                    )}
                  </div>
                )}
              </Stack>
            </li>
          );
        })}
      </ol>
      {editable && canAddSection(form) && (
        <Stack gap={1} alignItems="flex-start">
          <Field label="New section" invalid={!!err('newSection')} error={err('newSection')}>
            <Input
              id="pm-new-section"
              placeholder="e.g. Lessons learned"
              value={newTitle}
              onChange={(e) => setNewTitle(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addSection();
                }
              }}
            />
          </Field>
          <div className={styles.rowButtons}>
            <Button variant="secondary" icon="plus" onClick={addSection}>
              Add section
            </Button>
          </div>
        </Stack>
      )}

      <Text element="h4">Policy</Text>
      <Field label="Severities that always need a postmortem">
        <Stack gap={2}>
          {SEVERITIES.map((s) => (
            <Checkbox
              key={s.value}
              label={s.label}
              value={form.requiredSeverities.includes(s.value)}
              disabled={!editable}
              onChange={(e) => toggleSeverity(s.value, e.currentTarget.checked)}
            />
          ))}
        </Stack>
      </Field>
      <Field
        label="Budget threshold (%)"
        description="An incident that consumed more than this share of a linked SLO's error budget needs a postmortem with a P0 action item. An SLO's own error-budget policy share wins."
        invalid={!!err('budgetPercent')}
        error={err('budgetPercent')}
      >
        <Input
          id="pm-budget-percent"
          width={12}
          value={form.budgetPercent}
          disabled={!editable}
          onChange={(e) => patch({ budgetPercent: e.currentTarget.value })}
        />
      </Field>
      <Stack gap={2}>
        <Field
          label="Postmortem due (business days)"
          description="After the incident is resolved"
          invalid={!!err('dueBusinessDays')}
          error={err('dueBusinessDays')}
        >
          <Input
            id="pm-due-days"
            width={12}
            value={form.dueBusinessDays}
            disabled={!editable}
            onChange={(e) => patch({ dueBusinessDays: e.currentTarget.value })}
          />
        </Field>
        <Field
          label="SEV1 postmortem due (business days)"
          description="Empty: as above"
          invalid={!!err('sev1DueBusinessDays')}
          error={err('sev1DueBusinessDays')}
        >
          <Input
            id="pm-sev1-due-days"
            width={12}
            value={form.sev1DueBusinessDays}
            disabled={!editable}
            onChange={(e) => patch({ sev1DueBusinessDays: e.currentTarget.value })}
          />
        </Field>
      </Stack>
      <Text color="secondary">Action items are due this many calendar days after they are added, by priority:</Text>
      <Stack gap={2} wrap="wrap">
        {ACTION_ITEM_PRIORITIES.map((p) => (
          <Field
            key={p}
            label={`${p} due (days)`}
            invalid={!!err(`actionItemDueDays.${p}`)}
            error={err(`actionItemDueDays.${p}`)}
          >
            <Input
              id={`pm-item-due-${p}`}
              width={10}
              value={form.actionItemDueDays[p]}
              disabled={!editable}
              onChange={(e) => patch({ actionItemDueDays: { ...form.actionItemDueDays, [p]: e.currentTarget.value } })}
            />
          </Field>
        ))}
      </Stack>
      {editable && (
        <Stack gap={1}>
          <Button onClick={save} disabled={busy}>
            {busy ? 'Saving…' : 'Save postmortem settings'}
          </Button>
          <Button variant="secondary" onClick={reload} disabled={busy}>
            Reload
          </Button>
        </Stack>
      )}
    </FieldSet>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  sections: css({
    listStyle: 'none',
    padding: 0,
    marginBottom: theme.spacing(2),
  }),
  sectionField: css({
    marginBottom: theme.spacing(1),
    flexGrow: 1,
  }),
  // Level with the input, below the field's label and description.
  rowButtons: css({
    display: 'flex',
    gap: theme.spacing(0.5),
    alignItems: 'center',
    paddingTop: theme.spacing(5),
  }),
});
