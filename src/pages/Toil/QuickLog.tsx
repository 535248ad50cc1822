import React, { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Modal, Stack } from '@grafana/ui';
import { listTeams } from '../../api/teams';
import { logToil } from '../../api/toil';
import { formatToilMinutes, type ToilFields } from '../../domain/toil';
import { queryClient } from '../data/queryClient';
import { TOIL_QUERY_KEY } from './queryKeys';
import { ToilEntryForm } from './ToilEntryForm';

/** Grafana's teams change rarely; the same key and freshness as the Toil page, so it is one cached read. */
const TEAMS_STALE_MS = 5 * 60_000;

export interface QuickLogProps {
  /** Team suggestions the caller already has (the Toil page's); Grafana's teams are added to them. */
  teams?: string[];
  /** Prefill: an incident, a panel's time range, a shared link. */
  initial?: Partial<ToilFields>;
  onDismiss: () => void;
  onLogged?: (id: string) => void;
}

/** Team names for the form: the caller's and Grafana's (when the user may list them), case-insensitively unique. */
function useTeamSuggestions(given: string[]): string[] {
  const grafana = useQuery({ queryKey: ['grafana-teams'], queryFn: listTeams, staleTime: TEAMS_STALE_MS }, queryClient);
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const name of [...given, ...(grafana.data?.teams ?? [])]) {
      const key = name.trim().toLowerCase();
      if (key && !names.has(key)) {
        names.set(key, name.trim());
      }
    }
    return [...names.values()].sort((a, b) => a.localeCompare(b));
  }, [given, grafana.data]);
}

/** The quick-log dialog: logs one entry, refreshes every toil view and says what was logged. */
export function QuickLog({ teams = [], initial, onDismiss, onLogged }: QuickLogProps) {
  const suggestions = useTeamSuggestions(teams);
  const [logged, setLogged] = useState<ToilFields>();
  // A new key remounts the form empty for "Log another", keeping the team and who of the last entry.
  const [round, setRound] = useState(0);
  const [prefill, setPrefill] = useState(initial);

  const submit = async (fields: ToilFields) => {
    const id = await logToil(fields);
    setLogged(fields);
    onLogged?.(id);
    // Not awaited: the dialog says "logged" at once; the pages refetch behind it.
    void queryClient.invalidateQueries({ queryKey: TOIL_QUERY_KEY });
  };

  return (
    <Modal title="Log toil" isOpen onDismiss={onDismiss}>
      {logged ? (
        <Stack direction="column" gap={2}>
          <Alert severity="success" title="Toil logged">
            {`${formatToilMinutes(logged.durationMinutes)} of "${logged.task.trim()}" for ${logged.team.trim()}.`}
          </Alert>
          <Stack gap={1}>
            <Button
              onClick={() => {
                setPrefill({ team: logged.team, who: logged.who });
                setRound((r) => r + 1);
                setLogged(undefined);
              }}
            >
              Log another
            </Button>
            <Button variant="secondary" onClick={onDismiss}>
              Done
            </Button>
          </Stack>
        </Stack>
      ) : (
        <ToilEntryForm
          key={round}
          initial={prefill}
          teams={suggestions}
          mode="quick"
          submitLabel="Log toil"
          onSubmit={submit}
          onCancel={onDismiss}
        />
      )}
    </Modal>
  );
}
