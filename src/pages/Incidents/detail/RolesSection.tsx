import React, { useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Button, Card, Combobox, type ComboboxOption, Stack, Text, useStyles2 } from '@grafana/ui';
import type { LoadedIncident } from '../../../api/incidents';
import { testIds } from '../../../components/testIds';
import { ROLE_NAMES, ROLES, type RoleName } from '../../../domain/incident/model';
import type { EventPayload } from './commands';
import { useLoginSuggestions } from './useLoginSuggestions';

interface Props {
  incident: LoadedIncident;
  canWrite: boolean;
  pending: boolean;
  run: (payload: EventPayload) => Promise<boolean>;
}

/** The four incident roles with their duty; assigning or handing over records who held the role before. */
export function RolesSection({ incident, canWrite, pending, run }: Props) {
  const styles = useStyles2(getStyles);
  const [chosen, setChosen] = useState<Partial<Record<RoleName, ComboboxOption<string> | null>>>({});
  const { loadOptions, available } = useLoginSuggestions();

  const assign = async (role: RoleName) => {
    const login = (chosen[role]?.value ?? '').trim();
    if (login === '' || pending) {
      return;
    }
    const from = incident.roles[role] ?? null;
    if (await run({ type: 'role_assigned', role, to: { login }, from })) {
      setChosen((c) => ({ ...c, [role]: null }));
    }
  };

  return (
    <section data-testid={testIds.incidentDetail.roles} aria-label="Roles">
      <Text element="h3" variant="h4">
        Roles
      </Text>
      <ul className={styles.grid}>
        {ROLE_NAMES.map((role) => {
          const holder = incident.roles[role];
          const inputId = `incident-role-${role}`;
          return (
            <li key={role} data-testid={testIds.incidentDetail.role}>
              <Card noMargin>
                <Card.Heading>{ROLES[role].label}</Card.Heading>
                <Card.Description>{ROLES[role].duty}</Card.Description>
                <Card.Meta>{[holder ? `Held by ${holder.name ?? holder.login}` : 'Unassigned']}</Card.Meta>
                {canWrite && (
                  <Card.Actions>
                    {/* A form, so Enter on a chosen user assigns it; while the menu is open Enter picks an option. */}
                    <form
                      className={styles.form}
                      onSubmit={(e) => {
                        e.preventDefault();
                        assign(role);
                      }}
                    >
                      {/* Combobox forwards aria-labelledby but not aria-label; a hidden element still names it. */}
                      <span id={`${inputId}-label`} hidden>
                        {`Grafana login for ${ROLES[role].label}`}
                      </span>
                      <Stack gap={1}>
                        <Combobox<string>
                          id={inputId}
                          aria-labelledby={`${inputId}-label`}
                          width={24}
                          placeholder="Choose or type a login"
                          data-testid={testIds.incidentDetail.roleLogin}
                          options={loadOptions}
                          createCustomValue
                          customValueDescription="Use this login"
                          isClearable
                          value={chosen[role] ?? null}
                          onChange={(option) => setChosen((c) => ({ ...c, [role]: option }))}
                        />
                        <Button
                          type="submit"
                          variant="secondary"
                          disabled={pending || !chosen[role]}
                          data-testid={testIds.incidentDetail.roleAssign}
                        >
                          {holder ? 'Hand over' : 'Assign'}
                        </Button>
                      </Stack>
                      {!available && (
                        <Text variant="bodySmall" color="secondary" element="p">
                          Type a Grafana login: listing users needs org admin or team admin rights
                        </Text>
                      )}
                    </form>
                  </Card.Actions>
                )}
              </Card>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  grid: css({
    listStyle: 'none',
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))',
    gap: theme.spacing(1),
  }),
  form: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  }),
});
