import React from 'react';
import { render, screen } from '@testing-library/react';
import { queryPrometheus, type QueryResults } from '../../../api/dsQuery';
import { testIds } from '../../../components/testIds';
import type { Slo } from '../../../domain/slo/model';
import { PreviewPanel } from './PreviewPanel';
import { sparklinePaths } from './Sparkline';

jest.mock('../../../api/dsQuery');
const query = jest.mocked(queryPrometheus);

const slo: Slo = {
  id: 'a',
  name: 'A',
  service: 'api',
  sli: { kind: 'ratio', bad: 'http_requests_total{code=~"5.."}', total: 'http_requests_total' },
  objective: { target: 0.99 },
  window: { type: 'rolling', duration: '30d' },
};

beforeEach(() => query.mockReset());

describe('PreviewPanel', () => {
  it('shows "No data" when the queries return nothing', async () => {
    query.mockResolvedValue({});
    render(<PreviewPanel slo={slo} valid datasourceUid="prom" debounceMs={0} />);
    expect(await screen.findByText(/No data: the queries returned nothing/)).toBeInTheDocument();
    expect(query).toHaveBeenCalledTimes(2);
  });

  it('charts the SLI and shows the budget that would remain', async () => {
    query.mockImplementation(
      async (_uid, queries): Promise<QueryResults> =>
        queries[0].refId === 'ratio'
          ? {
              ratio: {
                series: [
                  {
                    labels: {},
                    points: [
                      [1, 0.002],
                      [2, 0.006],
                    ],
                  },
                ],
              },
            }
          : { total: { series: [{ labels: {}, points: [[2, 0.004]] }] } }
    );
    render(<PreviewPanel slo={slo} valid datasourceUid="prom" debounceMs={0} />);
    expect(await screen.findByTestId(testIds.sloEditor.previewRemaining)).toHaveTextContent('60%');
    expect(screen.getByText('99.6%')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /SLI over the last 7 days against the 99% objective/ })).toBeInTheDocument();
  });

  it('shows the query error', async () => {
    query.mockResolvedValue({ ratio: { series: [], error: 'bad_data: parse error' }, total: { series: [] } });
    render(<PreviewPanel slo={slo} valid datasourceUid="prom" debounceMs={0} />);
    expect(await screen.findByText('bad_data: parse error')).toBeInTheDocument();
  });

  it('does not query an invalid SLO or without a data source', () => {
    const { rerender } = render(<PreviewPanel slo={slo} valid={false} datasourceUid="prom" debounceMs={0} />);
    expect(screen.getByText(/runs once the SLO is valid/)).toBeInTheDocument();
    rerender(<PreviewPanel slo={slo} valid datasourceUid={undefined} debounceMs={0} />);
    expect(screen.getByText(/Choose a data source/)).toBeInTheDocument();
    expect(query).not.toHaveBeenCalled();
  });
});

describe('sparklinePaths', () => {
  it('spans the box and keeps the reference line inside it', () => {
    const { line, referenceY } = sparklinePaths(
      [
        [0, 1],
        [10, 0.5],
      ],
      0.75,
      100,
      50
    );
    expect(line).toMatch(/^M0\.0,[\d.]+ L100\.0,[\d.]+$/);
    expect(referenceY).toBeGreaterThan(0);
    expect(referenceY).toBeLessThan(50);
  });

  it('shows an error ratio above 1 as "bad exceeds total" with the queries, not as a budget', async () => {
    query.mockImplementation(
      async (_uid, queries): Promise<QueryResults> =>
        queries[0].refId === 'ratio'
          ? { ratio: { series: [{ labels: {}, points: [[1, 1830]] }] } }
          : { total: { series: [{ labels: {}, points: [[1, 1830]] }] } }
    );
    render(<PreviewPanel slo={slo} valid datasourceUid="prom" debounceMs={0} />);
    const problem = await screen.findByTestId(testIds.dataProblem);
    expect(problem).toHaveTextContent('bad exceeds total: check the queries');
    expect(problem).toHaveTextContent('http_requests_total{code=~"5.."}');
    expect(screen.queryByTestId(testIds.sloEditor.previewRemaining)).toBeNull();
  });
});
