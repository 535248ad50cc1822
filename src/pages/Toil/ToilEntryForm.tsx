import React, { type FormEvent, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Combobox,
  type ComboboxOption,
  Field,
  FieldSet,
  FieldValidationMessage,
  Input,
  RadioButtonGroup,
  Stack,
  Text,
  TextArea,
} from '@grafana/ui';
import { currentLogin } from '../../api/permissions';
import { ToilValidationError } from '../../api/toil';
import { testIds } from '../../components/testIds';
import {
  formatToilMinutes,
  MAX_TASK,
  NO_TRAITS,
  parseToilDuration,
  TOIL_KIND_LABELS,
  TOIL_KINDS,
  TOIL_TRAIT_LABELS,
  TOIL_TRAITS,
  type ToilFields,
  type ToilKind,
  type ToilTraits,
  validateToilFields,
} from '../../domain/toil';
import { errorMessage } from '../data/queryClient';
import { useLoginSuggestions } from '../Incidents/detail/useLoginSuggestions';

export interface ToilEntryFormProps {
  /** Prefill (incident, panel link, editing). */
  initial?: Partial<ToilFields>;
  /** Suggestions; typing a new team is allowed. */
  teams: string[];
  /** quick: task, team, who, duration visible; the rest under "More". */
  mode: 'quick' | 'full';
  submitLabel: string;
  /** Throws ToilValidationError → shown per field. */
  onSubmit: (fields: ToilFields) => Promise<void>;
  onCancel: () => void;
}

/**
 * Someone logging toil says they did it by hand and that it recurs (why log it otherwise), and the automation
 * ranking only counts entries marked automatable, so those three start checked; the other three are judgements the
 * person makes. The quick form says which are checked, so the default is never hidden.
 */
export const DEFAULT_TRAITS: ToilTraits = { ...NO_TRAITS, manual: true, repetitive: true, automatable: true };
const DEFAULT_KIND: ToilKind = 'other';
const DURATION_HELP = 'Minutes ("45") or hours and minutes ("1h30m", "1.5h", "1:30")';
const KIND_OPTIONS = TOIL_KINDS.map((k) => ({ value: k, label: TOIL_KIND_LABELS[k] }));
const HIDDEN_IN_QUICK = ['at', 'kind', 'traits', 'link', 'note'];

const pad = (n: number) => String(n).padStart(2, '0');
/** A datetime-local value (browser time zone, minutes). */
const localInput = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const option = (value: string): ComboboxOption<string> => ({ value, label: value });
const fieldKey = (field: string) => (field.startsWith('traits.') ? 'traits' : field);

/** The toil entry form: quick (task, team, who, duration; the rest under "More") or full (editing). */
export function ToilEntryForm({ initial, teams, mode, submitLabel, onSubmit, onCancel }: ToilEntryFormProps) {
  const initialDuration = initial?.durationMinutes !== undefined ? formatToilMinutes(initial.durationMinutes) : '';
  const [task, setTask] = useState(initial?.task ?? '');
  const [team, setTeam] = useState<ComboboxOption<string> | null>(initial?.team ? option(initial.team) : null);
  const [who, setWho] = useState<ComboboxOption<string> | null>(() => {
    const login = initial?.who ?? currentLogin();
    return login && login !== 'unknown' ? option(login) : null;
  });
  const [duration, setDuration] = useState(initialDuration);
  // '' while "when" follows the duration (now − duration); the prefill or the user's own time otherwise.
  const [when, setWhen] = useState(initial?.at !== undefined ? localInput(initial.at) : '');
  const [kind, setKind] = useState<ToilKind>(initial?.kind ?? DEFAULT_KIND);
  const [traits, setTraits] = useState<ToilTraits>(initial?.traits ?? DEFAULT_TRAITS);
  const [link, setLink] = useState(initial?.link ?? '');
  const [note, setNote] = useState(initial?.note ?? '');
  const [more, setMore] = useState(mode === 'full');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const { loadOptions, available } = useLoginSuggestions();

  // Untouched values keep their exact prefill: the inputs round minutes and seconds away.
  const minutes =
    duration === initialDuration && initial?.durationMinutes !== undefined
      ? initial.durationMinutes
      : parseToilDuration(duration);
  const startOf = (now: number): number => {
    if (when === '') {
      return now - Math.round((minutes ?? 0) * 60_000);
    }
    return initial?.at !== undefined && when === localInput(initial.at) ? initial.at : new Date(when).getTime();
  };

  const show = (problems: Array<{ field: string; message: string }>) => {
    const byField: Record<string, string> = {};
    for (const p of problems) {
      const key = fieldKey(p.field);
      byField[key] = byField[key] ? `${byField[key]}; ${p.message}` : p.message;
    }
    setErrors(byField);
    if (problems.some((p) => HIDDEN_IN_QUICK.includes(fieldKey(p.field)))) {
      setMore(true);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (submitting) {
      return;
    }
    const now = Date.now();
    const fields: ToilFields = {
      task,
      team: team?.value ?? '',
      who: who?.value ?? '',
      at: startOf(now),
      durationMinutes: minutes ?? Number.NaN,
      kind,
      traits,
      ...(link.trim() !== '' && { link: link.trim() }),
      ...(note.trim() !== '' && { note }),
    };
    const problems = validateToilFields(fields, now).filter(
      (p) => !(minutes === undefined && p.field === 'durationMinutes')
    );
    if (minutes === undefined) {
      problems.push({
        field: 'durationMinutes',
        message:
          duration.trim() === ''
            ? 'Say how long it took'
            : `Cannot read "${duration}": write ${DURATION_HELP.toLowerCase()}`,
      });
    }
    if (when !== '' && !Number.isFinite(fields.at)) {
      problems.push({ field: 'at', message: 'Pick a date and time' });
    }
    show(problems);
    setFailure(undefined);
    if (problems.length > 0) {
      return;
    }
    setSubmitting(true);
    try {
      await onSubmit(fields);
    } catch (err) {
      if (err instanceof ToilValidationError) {
        show(err.problems);
      } else {
        setFailure(errorMessage(err));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const checked = TOIL_TRAITS.filter((t) => traits[t]).map((t) => TOIL_TRAIT_LABELS[t]);
  const whenText =
    when === '' ? (minutes ? `started ${formatToilMinutes(minutes)} ago` : 'now − duration') : when.replace('T', ' ');
  const summary = [
    `When: ${whenText}`,
    `Kind: ${TOIL_KIND_LABELS[kind]}`,
    `Traits: ${checked.length > 0 ? checked.join(', ') : 'none'}`,
    ...(link.trim() ? [`Link: ${link.trim()}`] : []),
  ].join(' · ');
  const teamOptions = teams.map(option);
  const invalid = (field: string) => ({ invalid: Boolean(errors[field]), error: errors[field] });

  return (
    <form onSubmit={submit} noValidate aria-label="Toil entry" data-testid={testIds.toil.form}>
      <Stack direction="column" gap={0}>
        {failure !== undefined && (
          <Alert severity="error" title="The entry was not saved">
            {failure}
          </Alert>
        )}
        <Field
          label="Task"
          description={`What you did, in a few words (at most ${MAX_TASK} characters); entries of the same task add up`}
          {...invalid('task')}
        >
          <Input
            id="toil-task"
            value={task}
            autoFocus
            placeholder="Restart payments pod"
            onChange={(e) => setTask(e.currentTarget.value)}
          />
        </Field>
        <Field label="Team" description="Pick a team or type one" {...invalid('team')}>
          <Combobox<string>
            id="toil-team"
            options={teamOptions}
            value={team}
            onChange={setTeam}
            createCustomValue
            customValueDescription="Use this team"
            isClearable
            placeholder="Choose or type a team"
          />
        </Field>
        <Field
          label="Who"
          description={
            available
              ? 'The Grafana user who did the work'
              : 'Type a Grafana login: listing users needs org admin or team admin rights'
          }
          {...invalid('who')}
        >
          <Combobox<string>
            id="toil-who"
            options={loadOptions}
            value={who}
            onChange={setWho}
            createCustomValue
            customValueDescription="Use this login"
            isClearable
            placeholder="Choose or type a login"
          />
        </Field>
        <Field label="Duration" description={DURATION_HELP} {...invalid('durationMinutes')}>
          <Input
            id="toil-duration"
            value={duration}
            width={20}
            placeholder="30m"
            onChange={(e) => setDuration(e.currentTarget.value)}
          />
        </Field>
        {mode === 'quick' && (
          <Stack gap={1} alignItems="center" wrap="wrap">
            <Button
              type="button"
              variant="secondary"
              fill="text"
              size="sm"
              icon={more ? 'angle-down' : 'angle-right'}
              aria-expanded={more}
              aria-controls="toil-more"
              onClick={() => setMore((m) => !m)}
            >
              {more ? 'Less' : 'More'}
            </Button>
            {!more && (
              <Text variant="bodySmall" color="secondary">
                {summary}
              </Text>
            )}
          </Stack>
        )}
        {more && (
          <div id="toil-more">
            <Stack gap={1} alignItems="center">
              <Field
                label="When it started"
                description={
                  when === '' ? "Empty: now minus the duration. Your browser's time zone." : "Your browser's time zone"
                }
                {...invalid('at')}
              >
                <Input
                  id="toil-at"
                  type="datetime-local"
                  width={28}
                  value={when}
                  onChange={(e) => setWhen(e.currentTarget.value)}
                />
              </Field>
              {when !== '' && (
                <Button type="button" variant="secondary" fill="text" size="sm" onClick={() => setWhen('')}>
                  Now minus the duration
                </Button>
              )}
            </Stack>
            <Field label="Kind" {...invalid('kind')}>
              <RadioButtonGroup<ToilKind> aria-label="Kind" options={KIND_OPTIONS} value={kind} onChange={setKind} />
            </Field>
            <FieldSet label="Traits" aria-label="Traits">
              <Text variant="bodySmall" color="secondary" element="p">
                {"The SRE book's six traits of toil: check the ones this work has"}
              </Text>
              <Stack gap={2} wrap="wrap">
                {TOIL_TRAITS.map((t) => (
                  <Checkbox
                    key={t}
                    label={TOIL_TRAIT_LABELS[t]}
                    value={traits[t]}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setTraits((prev) => ({ ...prev, [t]: on }));
                    }}
                  />
                ))}
              </Stack>
              {errors.traits && <FieldValidationMessage>{errors.traits}</FieldValidationMessage>}
            </FieldSet>
            <Field
              label="Link (optional)"
              description="An incident id (INC-…) or a ticket URL (http or https)"
              {...invalid('link')}
            >
              <Input id="toil-link" value={link} onChange={(e) => setLink(e.currentTarget.value)} />
            </Field>
            <Field label="Note (optional)" {...invalid('note')}>
              <TextArea id="toil-note" rows={3} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            </Field>
          </div>
        )}
        <Stack gap={1}>
          <Button type="submit" disabled={submitting} icon={submitting ? 'spinner' : undefined}>
            {submitLabel}
          </Button>
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}
