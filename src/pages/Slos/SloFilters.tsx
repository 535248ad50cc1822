import React from 'react';
import { FilterInput, Stack } from '@grafana/ui';
import { FilterPicker, valueOptions } from '../../components/FilterPicker';
import { testIds } from '../../components/testIds';
import type { ListQuery } from './listModel';

interface Props {
  query: ListQuery;
  options: { services: string[]; teams: string[]; labels: string[] };
  onChange: (change: Partial<ListQuery>) => void;
}

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
      <FilterPicker
        label="Service"
        id="slo-filter-service"
        testId={testIds.slos.serviceFilter}
        placeholder="All services"
        options={valueOptions(options.services)}
        value={query.service}
        onChange={(service) => onChange({ service })}
      />
      <FilterPicker
        label="Team"
        id="slo-filter-team"
        testId={testIds.slos.teamFilter}
        placeholder="All teams"
        options={valueOptions(options.teams)}
        value={query.team}
        onChange={(team) => onChange({ team })}
      />
      <FilterPicker
        label="Label"
        id="slo-filter-label"
        testId={testIds.slos.labelFilter}
        placeholder="Label (key=value)"
        options={valueOptions(options.labels)}
        value={query.label}
        onChange={(label) => onChange({ label })}
        createCustomValue
        width={30}
      />
    </Stack>
  );
}
