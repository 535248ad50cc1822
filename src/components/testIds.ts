/** Test ids shared by unit, component and e2e tests. */
export const testIds = {
  app: {
    notFound: 'data-testid sre-not-found',
  },
  pages: {
    overview: 'data-testid sre-page-overview',
    slos: 'data-testid sre-page-slos',
    incidents: 'data-testid sre-page-incidents',
    postmortems: 'data-testid sre-page-postmortems',
    slas: 'data-testid sre-page-slas',
    toil: 'data-testid sre-page-toil',
  },
  slos: {
    table: 'data-testid sre-slos-table',
    row: 'data-testid sre-slos-row',
    search: 'data-testid sre-slos-search',
    serviceFilter: 'data-testid sre-slos-filter-service',
    teamFilter: 'data-testid sre-slos-filter-team',
    labelFilter: 'data-testid sre-slos-filter-label',
    empty: 'data-testid sre-slos-empty',
    readOnly: 'data-testid sre-slos-read-only',
  },
  overview: {
    statusCounts: 'data-testid sre-overview-status-counts',
    worst: 'data-testid sre-overview-worst',
  },
  incidents: {
    list: 'data-testid sre-incidents-list',
    row: 'data-testid sre-incidents-row',
    declareButton: 'data-testid sre-incidents-declare',
    statusFilter: 'data-testid sre-incidents-status-filter',
    severityFilter: 'data-testid sre-incidents-severity-filter',
    rangeFilter: 'data-testid sre-incidents-range',
    metrics: 'data-testid sre-incidents-metrics',
    form: 'data-testid sre-incidents-form',
    title: 'data-testid sre-incidents-title',
    services: 'data-testid sre-incidents-services',
    submit: 'data-testid sre-incidents-submit',
    detail: 'data-testid sre-incidents-detail',
  },
  appConfig: {
    container: 'data-testid sre-config',
    prometheus: 'data-testid sre-config-prometheus',
    loki: 'data-testid sre-config-loki',
    logLabel: 'data-testid sre-config-log-label',
    submit: 'data-testid sre-config-submit',
  },
};
