import React from 'react';
import { Stack } from '@grafana/ui';
import { FilterPicker, valueOptions } from '../../components/FilterPicker';
import { testIds } from '../../components/testIds';
import type { SlaStanding } from '../../domain/sla/report';
import { STANDING_META } from './format';
import type { SlaListQuery } from './listModel';

interface Props {
  query: SlaListQuery;
  options: { customers: string[]; services: string[] };
  onChange: (change: Partial<SlaListQuery>) => void;
}

const STANDING_OPTIONS = (Object.keys(STANDING_META) as SlaStanding[]).map((value) => ({
  value,
  label: STANDING_META[value].text,
}));

/** Customer, service and standing pickers above the SLA list. */
export function SlaFilters({ query, options, onChange }: Props) {
  return (
    <Stack direction="row" gap={1} wrap="wrap" alignItems="center">
      <FilterPicker
        label="Customer"
        id="sla-filter-customer"
        testId={testIds.slas.customerFilter}
        placeholder="All customers"
        options={valueOptions(options.customers)}
        value={query.customer}
        onChange={(customer) => onChange({ customer })}
      />
      <FilterPicker
        label="Service"
        id="sla-filter-service"
        testId={testIds.slas.serviceFilter}
        placeholder="All services"
        options={valueOptions(options.services)}
        value={query.service}
        onChange={(service) => onChange({ service })}
      />
      <FilterPicker<SlaStanding>
        label="Standing"
        id="sla-filter-standing"
        testId={testIds.slas.standingFilter}
        placeholder="Any standing"
        options={STANDING_OPTIONS}
        value={query.standing}
        onChange={(standing) => onChange({ standing })}
        width={20}
      />
    </Stack>
  );
}
