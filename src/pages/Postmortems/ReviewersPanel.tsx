import React, { useState } from 'react';
import { Alert, Button, Combobox, type ComboboxOption, Icon, Stack, Text } from '@grafana/ui';
import { currentLogin } from '../../api/permissions';
import type { PostmortemCommand } from '../../api/postmortems';
import { testIds } from '../../components/testIds';
import type { Postmortem } from '../../domain/postmortem';
import { errorMessage } from '../data/queryClient';
import { formatTime } from '../Incidents/format';
import { useLoginSuggestions } from '../Incidents/detail/useLoginSuggestions';

interface Props {
  pm: Postmortem;
  canWrite: boolean;
  write: (command: PostmortemCommand) => Promise<unknown>;
}

/** Reviewers, who of them approved, adding one (Grafana user picker) and approving (reviewers, while in review). */
export function ReviewersPanel({ pm, canWrite, write }: Props) {
  const { loadOptions, available } = useLoginSuggestions();
  const [chosen, setChosen] = useState<ComboboxOption<string> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const me = currentLogin();
  const approvals = new Map(pm.approvals.map((a) => [a.login, a]));
  const canApprove =
    canWrite && pm.status === 'in_review' && pm.reviewers.some((r) => r.login === me) && !approvals.has(me);

  const run = async (command: PostmortemCommand) => {
    setBusy(true);
    setError(undefined);
    try {
      await write(command);
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const add = async () => {
    const login = (chosen?.value ?? '').trim();
    if (login !== '' && (await run({ type: 'reviewer_added', reviewer: { login } }))) {
      setChosen(null);
    }
  };

  return (
    <Stack direction="column" gap={1}>
      <div data-testid={testIds.postmortem.reviewers}>
        {pm.reviewers.length === 0 ? (
          <Text color="secondary">No reviewers yet.</Text>
        ) : (
          <ul>
            {pm.reviewers.map((r) => {
              const approval = approvals.get(r.login);
              return (
                <li key={r.login}>
                  {r.name ?? r.login}{' '}
                  {approval ? (
                    <Text color="success">
                      <Icon name="check" /> {`approved ${formatTime(approval.at)}`}
                    </Text>
                  ) : (
                    <Text color="secondary">not approved yet</Text>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {error !== undefined && (
        <Alert severity="error" title="The change was not recorded" onRemove={() => setError(undefined)}>
          {error}
        </Alert>
      )}
      {canWrite && pm.status !== 'published' && (
        <div className="no-print">
          <span id="sre-postmortem-reviewer-label" hidden>
            Reviewer login
          </span>
          <Stack gap={1} alignItems="center" wrap="wrap">
            <Combobox<string>
              id="sre-postmortem-reviewer"
              aria-labelledby="sre-postmortem-reviewer-label"
              width={28}
              placeholder="Choose or type a login"
              options={loadOptions}
              createCustomValue
              customValueDescription="Use this login"
              isClearable
              value={chosen}
              onChange={setChosen}
            />
            <Button variant="secondary" icon="user" disabled={busy || !chosen} onClick={add}>
              Add reviewer
            </Button>
            {canApprove && (
              <Button icon="check" disabled={busy} onClick={() => run({ type: 'approved' })}>
                Approve
              </Button>
            )}
          </Stack>
          {!available && (
            <Text color="secondary" variant="bodySmall">
              Listing users needs more permissions; type a login instead.
            </Text>
          )}
        </div>
      )}
    </Stack>
  );
}
