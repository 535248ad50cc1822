import React, { useDeferredValue, useMemo, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, Field, Stack, Text, TextArea, useStyles2 } from '@grafana/ui';
import type { PostmortemCommand } from '../../api/postmortems';
import { testIds } from '../../components/testIds';
import type { Amendment, Section, SectionConflict } from '../../domain/postmortem';
import { checkBlameless } from '../../domain/postmortem/blameless';
import { errorMessage } from '../data/queryClient';
import { formatTime } from '../Incidents/format';
import { Markdown } from './Markdown';

interface Props {
  section: Section;
  conflicts: SectionConflict[];
  amendments: Amendment[];
  published: boolean;
  canWrite: boolean;
  responderNames: string[];
  write: (command: PostmortemCommand) => Promise<unknown>;
  /** Shown under the section's text (the action items table under "Action items"). */
  children?: React.ReactNode;
}

interface Draft {
  text: string;
  /** The section revision the editor was loaded from: a save is based on it, so a concurrent edit conflicts. */
  base: number;
  /** Conflicting edits this save merges. */
  resolves?: string[];
}

/** Blameless flags of the text being written: warnings with a suggestion, never a reason to refuse a save. */
function BlamelessFlags({ text, names }: { text: string; names: string[] }) {
  const styles = useStyles2(getStyles);
  const deferred = useDeferredValue(text);
  const flags = useMemo(() => checkBlameless(deferred, { responderNames: names }), [deferred, names]);
  if (flags.length === 0) {
    return null;
  }
  return (
    <div data-testid={testIds.postmortem.flags} role="status">
      <Text color="warning" variant="bodySmall">
        {`Blameless check: ${flags.length} ${flags.length === 1 ? 'phrase blames' : 'phrases blame'} people rather than systems`}
      </Text>
      <ul className={styles.flags}>
        {flags.map((f) => (
          <li key={`${f.start}-${f.rule}`}>
            <strong>{`“${f.phrase}”`}</strong>
            {` ${f.message} `}
            <Text color="secondary">{`Try: ${f.suggestion}`}</Text>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ConflictView({ conflict, onMerge }: { conflict: SectionConflict; onMerge?: () => void }) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.conflict} data-testid={testIds.postmortem.conflict}>
      <Alert severity="warning" title="Two edits of this section were made at the same time">
        {`${conflict.mine.author}'s edit was based on revision ${conflict.base}, but ${conflict.theirs.author} saved first. Both texts are kept; merge them into one.`}
      </Alert>
      <div className={styles.sideBySide}>
        <div>
          <Text element="h4" variant="h6">{`Saved: ${conflict.theirs.author}, ${formatTime(conflict.theirs.at)}`}</Text>
          <pre className={styles.text}>{conflict.theirs.text}</pre>
        </div>
        <div>
          <Text
            element="h4"
            variant="h6"
          >{`Not applied: ${conflict.mine.author}, ${formatTime(conflict.mine.at)}`}</Text>
          <pre className={styles.text}>{conflict.mine.text}</pre>
        </div>
      </div>
      {onMerge && (
        <Button size="sm" variant="secondary" icon="code-branch" onClick={onMerge}>
          Merge
        </Button>
      )}
    </div>
  );
}

/** One section of the write-up: its Markdown, an editor that warns about blaming language, conflicts, amendments. */
export function SectionCard({
  section,
  conflicts,
  amendments,
  published,
  canWrite,
  responderNames,
  write,
  children,
}: Props) {
  const styles = useStyles2(getStyles);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const editorId = `sre-postmortem-editor-${section.key}`;

  const open = (next: Draft) => {
    setError(undefined);
    setDraft(next);
  };
  const save = async () => {
    if (!draft || saving) {
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      await write(
        published
          ? { type: 'amended', section: section.key, text: draft.text }
          : {
              type: 'section_edited',
              section: section.key,
              markdown: draft.text,
              baseRevision: draft.base,
              ...(draft.resolves && { resolves: draft.resolves }),
            }
      );
      setDraft(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className={styles.section} data-testid={testIds.postmortem.section} aria-label={section.title}>
      <Stack justifyContent="space-between" alignItems="center">
        <Text element="h3" variant="h4">
          {section.title}
        </Text>
        {canWrite && !draft && (
          <div className="no-print">
            {published ? (
              <Button
                size="sm"
                variant="secondary"
                icon="plus"
                onClick={() => open({ text: '', base: section.revision })}
              >
                Add amendment
              </Button>
            ) : (
              <Button
                size="sm"
                variant="secondary"
                icon="pen"
                aria-label={`Edit ${section.title}`}
                onClick={() => open({ text: section.markdown, base: section.revision })}
              >
                Edit
              </Button>
            )}
          </div>
        )}
      </Stack>
      {section.markdown.trim() === '' ? (
        // A section holding other content (the action items table) is not empty without text of its own.
        !children && (
          <Text color="secondary" italic>
            Not written yet.
          </Text>
        )
      ) : (
        <Markdown markdown={section.markdown} />
      )}
      {section.editedBy && section.editedAt !== undefined && (
        <Text
          color="secondary"
          variant="bodySmall"
        >{`Last edited by ${section.editedBy}, ${formatTime(section.editedAt)}`}</Text>
      )}
      {!published &&
        conflicts.map((c) => (
          <ConflictView
            key={c.mine.eventId}
            conflict={c}
            onMerge={
              canWrite
                ? () => open({ text: c.mine.text, base: section.revision, resolves: [c.mine.eventId] })
                : undefined
            }
          />
        ))}
      {draft && (
        <div className="no-print" data-testid={testIds.postmortem.editor}>
          <Field
            label={published ? `Amendment to ${section.title}` : `${section.title} (Markdown)`}
            description={
              published
                ? 'The postmortem is published: its text stays as it is and this is recorded beside it, with your name and the time.'
                : undefined
            }
            invalid={error !== undefined}
            error={error}
            noMargin
          >
            <TextArea
              id={editorId}
              rows={8}
              value={draft.text}
              onChange={(e) => setDraft({ ...draft, text: e.currentTarget.value })}
            />
          </Field>
          <BlamelessFlags text={draft.text} names={responderNames} />
          <Stack gap={1}>
            <Button size="sm" onClick={save} disabled={saving || (published && draft.text.trim() === '')}>
              {saving ? 'Saving…' : published ? 'Record amendment' : draft.resolves ? 'Save merged text' : 'Save'}
            </Button>
            <Button size="sm" variant="secondary" fill="outline" onClick={() => setDraft(null)} disabled={saving}>
              Cancel
            </Button>
          </Stack>
        </div>
      )}
      {children}
      {amendments.map((a, i) => (
        <div key={i} className={styles.amendment} data-testid={testIds.postmortem.amendment}>
          <Text color="secondary" variant="bodySmall">{`Amended by ${a.by}, ${formatTime(a.at)}`}</Text>
          <Markdown markdown={a.text} />
        </div>
      ))}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  flags: css({ margin: theme.spacing(0.5, 0, 1), paddingLeft: theme.spacing(2) }),
  conflict: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), alignItems: 'flex-start' }),
  sideBySide: css({
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))',
    gap: theme.spacing(2),
    width: '100%',
  }),
  text: css({ whiteSpace: 'pre-wrap', margin: 0, maxHeight: 320, overflow: 'auto' }),
  amendment: css({
    borderLeft: `3px solid ${theme.colors.info.border}`,
    paddingLeft: theme.spacing(1.5),
  }),
});
