import React, { useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Button, Card, Input, Stack, Text, useStyles2 } from '@grafana/ui';
import type { LoadedIncident } from '../../../api/incidents';
import { testIds } from '../../../components/testIds';
import { ROLE_NAMES, ROLES, type RoleName } from '../../../domain/incident/model';
import type { EventPayload } from './commands';

interface Props {
  incident: LoadedIncident;
  canWrite: boolean;
  pending: boolean;
  run: (payload: EventPayload) => Promise<boolean>;
}

/** The four incident roles with their duty; assigning or handing over records who held the role before. */
export function RolesSection({ incident, canWrite, pending, run }: Props) {
  const styles = useStyles2(getStyles);
  const [logins, setLogins] = useState<Partial<Record<RoleName, string>>>({});

  const assign = async (role: RoleName) => {
    const login = (logins[role] ?? '').trim();
    if (login === '') {
      return;
    }
    const from = incident.roles[role] ?? null;
    if (await run({ type: 'role_assigned', role, to: { login }, from })) {
      setLogins((l) => ({ ...l, [role]: '' }));
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
                    <Stack gap={1}>
                      <Input
                        id={inputId}
                        aria-label={`Grafana login for ${ROLES[role].label}`}
                        placeholder="Grafana login"
                        data-testid={testIds.incidentDetail.roleLogin}
                        value={logins[role] ?? ''}
                        onChange={(e) => {
                          const value = e.currentTarget.value;
                          setLogins((l) => ({ ...l, [role]: value }));
                        }}
                        onKeyDown={(e) => e.key === 'Enter' && assign(role)}
                      />
                      <Button
                        variant="secondary"
                        disabled={pending || (logins[role] ?? '').trim() === ''}
                        data-testid={testIds.incidentDetail.roleAssign}
                        onClick={() => assign(role)}
                      >
                        {holder ? 'Hand over' : 'Assign'}
                      </Button>
                    </Stack>
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
});
