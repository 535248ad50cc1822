import React from 'react';
import { Stack, Text, TextLink } from '@grafana/ui';
import { isSafeHref } from '../../domain/incident/html';
import type { Sla } from '../../domain/sla/model';
import { methodText, percent } from './format';

/** What the contract says: customer, services, target, method, period, credits, effective dates, contract link. */
export function SlaSummary({ sla }: { sla: Sla }) {
  const credits = sla.credits.length
    ? sla.credits.map((c) => `below ${percent(c.below)} → ${c.creditPercent}%`).join(' · ')
    : 'none';
  const effective =
    sla.effective?.from || sla.effective?.to ? `${sla.effective.from ?? '…'} to ${sla.effective.to ?? '…'}` : undefined;
  // Validation allows only http(s) links; checked again here because a link is where script URLs would run.
  const contract =
    sla.contractUrl && /^https?:/i.test(sla.contractUrl) && isSafeHref(sla.contractUrl) ? sla.contractUrl : undefined;
  return (
    <Stack direction="column" gap={0.5}>
      <Text>{`Customer: ${sla.customer ?? '—'} · Services: ${sla.services.join(', ')}`}</Text>
      <Text>{`Target ${percent(sla.target)} per calendar ${sla.period.unit} in ${sla.period.timeZone}`}</Text>
      <Text color="secondary">{methodText(sla)}</Text>
      <Text color="secondary">{`Credits: ${credits}${effective ? ` · Effective ${effective}` : ''}`}</Text>
      {contract && (
        <div>
          <TextLink href={contract} external>
            Contract
          </TextLink>
        </div>
      )}
    </Stack>
  );
}
