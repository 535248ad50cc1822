import React from 'react';
import { Combobox, InlineField, Stack } from '@grafana/ui';
import { testIds } from '../../components/testIds';
import type { SlaStanding } from '../../domain/sla/report';
import { STANDING_META } from './format';
import type { SlaListQuery } from './listModel';

interface Props {
  query: SlaListQuery;
  options: { customers: string[]; services: string[] };
  onChange: (change: Partial<SlaListQuery>) => void;
}

const toOptions = (values: string[]) => values.map((value) => ({ value, label: value }));
const STANDING_OPTIONS = (Object.keys(STANDING_META) as SlaStanding[]).map((value) => ({
  value,
  label: STANDING_META[value].text,
}));

/** Customer, service and standing pickers above the SLA list. */
export function SlaFilters({ query, options, onChange }: Props) {
  return (
    <Stack direction="row" gap={1} wrap="wrap" alignItems="center">
      <InlineField label="Customer" htmlFor="sla-filter-customer">
        <Combobox
          id="sla-filter-customer"
          data-testid={testIds.slas.customerFilter}
          placeholder="All customers"
          options={toOptions(options.customers)}
          value={query.customer || null}
          onChange={(o) => onChange({ customer: o?.value ?? '' })}
          isClearable
          width={24}
        />
      </InlineField>
      <InlineField label="Service" htmlFor="sla-filter-service">
        <Combobox
          id="sla-filter-service"
          data-testid={testIds.slas.serviceFilter}
          placeholder="All services"
          options={toOptions(options.services)}
          value={query.service || null}
          onChange={(o) => onChange({ service: o?.value ?? '' })}
          isClearable
          width={24}
        />
      </InlineField>
      <InlineField label="Standing" htmlFor="sla-filter-standing">
        <Combobox
          id="sla-filter-standing"
          data-testid={testIds.slas.standingFilter}
          placeholder="Any standing"
          options={STANDING_OPTIONS}
          value={query.standing || null}
          onChange={(o) => onChange({ standing: (o?.value as SlaStanding | undefined) ?? '' })}
          isClearable
          width={20}
        />
      </InlineField>
    </Stack>
  );
}
