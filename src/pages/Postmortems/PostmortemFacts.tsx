import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Stack, Text, TextLink, useStyles2 } from '@grafana/ui';
import { grafanaHref } from '../../components/links';
import { testIds } from '../../components/testIds';
import { isSafeHref } from '../../domain/incident/html';
import { ROLES, isRoleName } from '../../domain/incident/model';
import type { PostmortemPrefill } from '../../domain/postmortem';
import { formatDuration, formatTime } from '../Incidents/format';
import { SeverityBadge } from '../Incidents/SeverityBadge';
import { percent, prefillDurations } from './model';

const roleLabel = (role: string) => (isRoleName(role) ? ROLES[role].label : role);

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The incident as it was when the postmortem started: severity, services, responders, window, MTTx, budget. */
export function PostmortemFacts({ prefill }: { prefill: PostmortemPrefill }) {
  const styles = useStyles2(getStyles);
  const d = prefillDurations(prefill);
  const responders = prefill.responders ?? [];
  const budgets = prefill.budgets ?? [];
  const explore = prefill.exploreUrl;
  return (
    <dl className={styles.facts} data-testid={testIds.postmortem.facts}>
      <Fact label="Severity">
        <SeverityBadge severity={prefill.severity} />
      </Fact>
      <Fact label="Services">{prefill.services.length > 0 ? prefill.services.join(', ') : '—'}</Fact>
      <Fact label="Impact window">
        {`${formatTime(prefill.startedAt)} – ${prefill.resolvedAt !== undefined ? formatTime(prefill.resolvedAt) : 'not resolved'}`}
      </Fact>
      <Fact label="Time to detect / acknowledge / mitigate / resolve">
        {[d.timeToDetect, d.timeToAcknowledge, d.timeToMitigate, d.timeToResolve].map(formatDuration).join(' / ')}
      </Fact>
      <Fact label="Responders">
        {responders.length === 0 ? (
          '—'
        ) : (
          <ul className={styles.list}>
            {responders.map((r, i) => (
              <li key={i}>
                {`${roleLabel(r.role)}: ${r.user.name ?? r.user.login}`}
                {r.from !== undefined && (
                  <Text color="secondary" variant="bodySmall">
                    {` (from ${formatTime(r.from)}${r.to !== undefined ? ` to ${formatTime(r.to)}` : ''})`}
                  </Text>
                )}
              </li>
            ))}
          </ul>
        )}
      </Fact>
      <Fact label="Error budget consumed">
        {budgets.length === 0 ? (
          'No linked SLOs'
        ) : (
          <ul className={styles.list}>
            {budgets.map((b) => (
              <li key={b.sloId}>
                {`${b.sloName ?? b.sloId}: ${b.consumed === undefined ? 'unknown' : `${percent(b.consumed)} of its budget`}`}
                {b.share !== undefined && (
                  <Text color="secondary" variant="bodySmall">{` (policy line ${percent(b.share)})`}</Text>
                )}
              </li>
            ))}
          </ul>
        )}
      </Fact>
      {isSafeHref(explore ?? '') && (
        <Fact label="Logs">
          <Stack>
            <TextLink href={explore!.startsWith('/') ? grafanaHref(explore!) : explore!} external icon="compass">
              Open in Explore
            </TextLink>
          </Stack>
        </Fact>
      )}
    </dl>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  facts: css({
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    gap: theme.spacing(2),
    margin: 0,
    dt: { color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize },
    dd: { margin: 0 },
  }),
  list: css({ margin: 0, paddingLeft: theme.spacing(2) }),
});
