import React from 'react';
import { LinkButton } from '@grafana/ui';
import { appHref } from '../../components/links';
import { testIds } from '../../components/testIds';
import { ROUTES } from '../../constants';

/**
 * "Write postmortem" on a resolved incident's page: opens its postmortem, which starts (prefilled) when there is
 * none yet and otherwise just opens. Kept free of the postmortem page's imports, so the incident page stays light.
 */
export function WritePostmortemLink({ incidentId }: { incidentId: string }) {
  return (
    <LinkButton
      variant="secondary"
      icon="file-alt"
      href={appHref(`${ROUTES.Postmortems}/${encodeURIComponent(incidentId)}?start=1`)}
      data-testid={testIds.postmortem.writeLink}
    >
      Write postmortem
    </LinkButton>
  );
}
