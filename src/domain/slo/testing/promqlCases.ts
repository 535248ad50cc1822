// Test-only: PromQL type-check cases shared by the unit test and the promtool cross-check.

/** Expressions Prometheus refuses, with the message and 1-based column our checker gives. */
export const TYPE_ERRORS: Array<[string, string, number]> = [
  ['sum_over_time(up == 0[5m])', 'ranges only allowed for vector selectors', 15],
  ['rate((up)[5m])', 'ranges only allowed for vector selectors', 6],
  ['rate(up offset 5m[5m])', 'no offset modifiers allowed before range', 6],
  ['rate(up @ 100 [5m])', 'no @ modifiers allowed before range', 6],
  ['rate(up)', 'expected type range vector in call to function "rate", got instant vector', 6],
  [
    'sum_over_time(rate(up[5m]))',
    'expected type range vector in call to function "sum_over_time", got instant vector',
    15,
  ],
  ['sum(rate(up[5m])[1h:5m])', 'expected type instant vector in aggregation expression, got range vector', 5],
  ['rate(up[5m])[5m][1h:5m]', 'ranges only allowed for vector selectors', 1],
  ['1 > 2', 'comparisons between scalars must use BOOL modifier', 1],
  ['up and 1', 'set operator not allowed in binary scalar expression', 1],
  ['up + bool up', 'bool modifier can only be used on comparison operators', 1],
  ['up / (rate(up[5m])[1h:])', 'binary expression must contain only scalar and instant vector types', 6],
  ['count_values(1, up)', 'expected type string in aggregation parameter, got scalar', 14],
  ['topk("a", up)', 'expected type scalar in aggregation parameter, got string', 6],
  ['{job=""}', 'vector selector must contain at least one non-empty matcher', 1],
  ['sum(up) by (job) [1h:5m]', 'expression must give an instant vector or a scalar, got range vector', 1],
  ['up[5m]', 'expression must give an instant vector or a scalar, got range vector', 1],
  ['"text"', 'expression must give an instant vector or a scalar, got string', 1],
];

/** Expressions Prometheus accepts as rule expressions. */
export const TYPE_OK = [
  'sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))',
  'sum_over_time((up == bool 0)[1h:5m]) / count_over_time(up[1h])',
  '1 - avg(avg_over_time(up{job="a"}[5m]))',
  'rate(up[5m] offset 1h)',
  'max_over_time(rate(up[5m])[1h:] offset 1m)',
  'histogram_quantile(0.99, sum by (le) (rate(h_bucket[5m])))',
  'label_replace(up, "a", "$1", "b", "(.*)")',
  'count_values("v", up)',
  'up > bool 0 or vector(0)',
  '2 * 3',
];
