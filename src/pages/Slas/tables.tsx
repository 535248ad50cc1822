import React from 'react';
import type { GrafanaTheme2 } from '@grafana/data';
import { Text, useStyles2 } from '@grafana/ui';
import { testIds } from '../../components/testIds';
import type { Sla } from '../../domain/sla/model';
import type { SlaPeriodResult } from '../../domain/sla/report';
import { StandingBadge } from './StandingBadge';
import { excludedText, percent, shortfallText, zoned } from './format';
import { dataTableStyle } from '../../components/tableStyles';

/** Periods as the contract reads them: achieved, target, standing, shortfall, excluded time, credit. */
export function PeriodsTable({ sla, results }: { sla: Sla; results: SlaPeriodResult[] }) {
  const styles = useStyles2(getTableStyles);
  return (
    <table className={styles.table} data-testid={testIds.slas.periods}>
      <thead>
        <tr>
          <th>Period</th>
          <th className="num">Achieved</th>
          <th className="num">Target</th>
          <th>Standing</th>
          <th className="num">
            {sla.method.kind === 'uptime' ? 'Downtime' : sla.method.kind === 'events' ? 'Bad events' : 'Error rate'}
          </th>
          <th className="num">Excluded</th>
          <th className="num">Credit</th>
        </tr>
      </thead>
      <tbody>
        {results.map((r) => (
          <tr key={r.period.label}>
            <td>
              {r.period.label}
              {r.running && <Text color="secondary">{' (running)'}</Text>}
            </td>
            <td className="num">{percent(r.achieved)}</td>
            <td className="num">{percent(r.target)}</td>
            <td>
              <StandingBadge result={r} />
            </td>
            <td className="num">{shortfallText(sla, r)}</td>
            <td className="num">{excludedText(r.excludedMs)}</td>
            <td className="num">{r.running ? '—' : `${r.creditPercent}%`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every exclusion the figures applied, clipped to its period, in the SLA's time zone. */
export function ExclusionsTable({ sla, results }: { sla: Sla; results: SlaPeriodResult[] }) {
  const styles = useStyles2(getTableStyles);
  const all = results.flatMap((r) => r.exclusions.map((x) => ({ ...x, label: r.period.label })));
  if (all.length === 0) {
    return (
      <div data-testid={testIds.slas.exclusions}>
        <Text color="secondary">No maintenance was excluded in these periods.</Text>
      </div>
    );
  }
  return (
    <table className={styles.table} data-testid={testIds.slas.exclusions}>
      <thead>
        <tr>
          <th>Period</th>
          <th>{`From (${sla.period.timeZone})`}</th>
          <th>To</th>
          <th className="num">Excluded</th>
          <th>Maintenance</th>
        </tr>
      </thead>
      <tbody>
        {all.map((x) => (
          <tr key={`${x.label}-${x.id ?? ''}-${x.start}`}>
            <td>{x.label}</td>
            <td>{zoned(x.start, sla.period.timeZone)}</td>
            <td>{zoned(x.end, sla.period.timeZone)}</td>
            <td className="num">{excludedText(x.end - x.start)}</td>
            <td>{x.title}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export const getTableStyles = (theme: GrafanaTheme2) => ({
  table: dataTableStyle(theme, { padding: theme.spacing(0.75, 1), verticalAlign: 'middle' }),
});
