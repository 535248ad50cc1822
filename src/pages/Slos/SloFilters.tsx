import React from 'react';
import { Combobox, FilterInput, InlineField, Stack } from '@grafana/ui';
import { testIds } from '../../components/testIds';
import type { ListQuery } from './listModel';

interface Props {
  query: ListQuery;
  options: { services: string[]; teams: string[]; labels: string[] };
  onChange: (change: Partial<ListQuery>) => void;
}

const toOptions = (values: string[]) => values.map((value) => ({ value, label: value }));

/** Search box and the service, team and label pickers above the SLO list. */
export function SloFilters({ query, options, onChange }: Props) {
  return (
    <Stack direction="row" gap={1} wrap="wrap" alignItems="center">
      <FilterInput
        data-testid={testIds.slos.search}
        aria-label="Search SLOs"
        placeholder="Search by name, id or description"
        value={query.q}
        onChange={(q) => onChange({ q })}
        width={40}
        escapeRegex={false}
      />
      <InlineField label="Service" htmlFor="slo-filter-service">
        <Combobox
          id="slo-filter-service"
          data-testid={testIds.slos.serviceFilter}
          placeholder="All services"
          options={toOptions(options.services)}
          value={query.service || null}
          onChange={(o) => onChange({ service: o?.value ?? '' })}
          isClearable
          width={24}
        />
      </InlineField>
      <InlineField label="Team" htmlFor="slo-filter-team">
        <Combobox
          id="slo-filter-team"
          data-testid={testIds.slos.teamFilter}
          placeholder="All teams"
          options={toOptions(options.teams)}
          value={query.team || null}
          onChange={(o) => onChange({ team: o?.value ?? '' })}
          isClearable
          width={24}
        />
      </InlineField>
      <InlineField label="Label" htmlFor="slo-filter-label">
        <Combobox
          id="slo-filter-label"
          data-testid={testIds.slos.labelFilter}
          placeholder="Label (key=value)"
          options={toOptions(options.labels)}
          value={query.label || null}
          onChange={(o) => onChange({ label: o?.value ?? '' })}
          createCustomValue
          isClearable
          width={30}
        />
      </InlineField>
    </Stack>
  );
}
