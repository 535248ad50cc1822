import React, { useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, Checkbox, Field, Stack, Text, TextArea, useStyles2 } from '@grafana/ui';
import type { PostmortemCommand } from '../../api/postmortems';
import { NotAllowedButton } from '../../components/NotAllowedButton';
import { testIds } from '../../components/testIds';
import { flagKey, type OpenFlag, type Postmortem, publishCheck } from '../../domain/postmortem';
import { errorMessage } from '../data/queryClient';
import { formatTime } from '../Incidents/format';
import { PostmortemStatusBadge } from './PostmortemList';

export const NOT_ALLOWED_EDIT = 'Editors can change postmortems: it needs permission to write annotations.';

interface Props {
  pm: Postmortem;
  canWrite: boolean;
  /** The blameless flags of every section as they stand. */
  flags: OpenFlag[];
  /** The policy's budget line (a P0 action item is needed above it). */
  p0BudgetShare: number;
  write: (command: PostmortemCommand) => Promise<unknown>;
}

/** What publishing needs: unmet requirements, flags to acknowledge, a reason when there are no action items. */
function PublishPanel({ pm, flags, p0BudgetShare, write, onDone }: Omit<Props, 'canWrite'> & { onDone: () => void }) {
  const styles = useStyles2(getStyles);
  const [reason, setReason] = useState('');
  const [acked, setAcked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const check = publishCheck(pm, { flags, noActionReason: reason, p0BudgetShare });
  const allAcked = check.flagsToAcknowledge.every((f) => acked.has(flagKey(f)));
  const needsReason = pm.actionItems.length === 0 && (pm.noActionReason ?? '').trim() === '';

  const publish = async () => {
    setBusy(true);
    setError(undefined);
    try {
      if (check.flagsToAcknowledge.length > 0) {
        await write({ type: 'flags_acknowledged', flags: check.flagsToAcknowledge });
      }
      await write({
        type: 'status_changed',
        from: 'in_review',
        to: 'published',
        ...(needsReason && reason.trim() !== '' && { noActionReason: reason.trim() }),
      });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.panel} data-testid={testIds.postmortem.publish}>
      {check.unmet.length > 0 && (
        <Alert severity="info" title="Before publishing">
          <ul className={styles.list}>
            {check.unmet.map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
        </Alert>
      )}
      {needsReason && (
        <Field
          label="Why no action items are needed"
          description="There are no action items. Publishing without any needs a stated reason."
          noMargin
        >
          <TextArea
            id="sre-postmortem-no-action-reason"
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        </Field>
      )}
      {check.flagsToAcknowledge.length > 0 && (
        <div>
          <Text color="warning">
            The blameless check still flags this wording. It does not block publishing; acknowledge each flag to go on.
          </Text>
          <ul className={styles.list}>
            {check.flagsToAcknowledge.map((f) => {
              const key = flagKey(f);
              const title = pm.sections.find((s) => s.key === f.section)?.title ?? f.section;
              return (
                <li key={key}>
                  <Checkbox
                    label={`Acknowledge: ${title}: ${f.message}`}
                    value={acked.has(key)}
                    onChange={(e) => {
                      const next = new Set(acked);
                      if (e.currentTarget.checked) {
                        next.add(key);
                      } else {
                        next.delete(key);
                      }
                      setAcked(next);
                    }}
                  />
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {error !== undefined && (
        <Alert severity="error" title="Not published">
          {error}
        </Alert>
      )}
      <Stack gap={1}>
        <Button icon="check" disabled={!check.ready || !allAcked || busy} onClick={publish}>
          {busy ? 'Publishing…' : 'Publish'}
        </Button>
        <Button variant="secondary" fill="outline" onClick={onDone} disabled={busy}>
          Cancel
        </Button>
      </Stack>
    </div>
  );
}

/** The review workflow: draft → in review → published, with the publish checks. */
export function WorkflowBar({ pm, canWrite, flags, p0BudgetShare, write }: Props) {
  const [publishing, setPublishing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const move = async (to: 'draft' | 'in_review') => {
    setBusy(true);
    setError(undefined);
    try {
      await write({ type: 'status_changed', from: pm.status, to });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const buttons = () => {
    if (pm.status === 'published') {
      return pm.publishedAt !== undefined ? (
        <Text color="secondary">{`Published by ${pm.publishedBy ?? 'unknown'}, ${formatTime(pm.publishedAt)}. Later changes are amendments.`}</Text>
      ) : null;
    }
    if (!canWrite) {
      return (
        <NotAllowedButton icon="arrow-right" reason={NOT_ALLOWED_EDIT}>
          {pm.status === 'draft' ? 'Submit for review' : 'Publish'}
        </NotAllowedButton>
      );
    }
    if (pm.status === 'draft') {
      return (
        <Button icon="arrow-right" disabled={busy} onClick={() => move('in_review')}>
          Submit for review
        </Button>
      );
    }
    return (
      <>
        <Button variant="secondary" icon="arrow-left" disabled={busy || publishing} onClick={() => move('draft')}>
          Back to draft
        </Button>
        {!publishing && (
          <Button icon="check" disabled={busy} onClick={() => setPublishing(true)}>
            Publish…
          </Button>
        )}
      </>
    );
  };

  return (
    <Stack direction="column" gap={1}>
      <div className="no-print" data-testid={testIds.postmortem.workflow}>
        <Stack gap={1} alignItems="center" wrap="wrap">
          <PostmortemStatusBadge status={pm.status} />
          {buttons()}
        </Stack>
      </div>
      {error !== undefined && (
        <Alert severity="error" title="The change was not recorded" onRemove={() => setError(undefined)}>
          {error}
        </Alert>
      )}
      {publishing && pm.status === 'in_review' && canWrite && (
        <PublishPanel
          pm={pm}
          flags={flags}
          p0BudgetShare={p0BudgetShare}
          write={write}
          onDone={() => setPublishing(false)}
        />
      )}
    </Stack>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1.5),
    padding: theme.spacing(2),
    border: `1px solid ${theme.colors.border.medium}`,
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.secondary,
  }),
  list: css({ margin: 0, paddingLeft: theme.spacing(2), listStyle: 'none' }),
});
