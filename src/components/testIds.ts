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
  appConfig: {
    container: 'data-testid sre-config',
    prometheus: 'data-testid sre-config-prometheus',
    loki: 'data-testid sre-config-loki',
    logLabel: 'data-testid sre-config-log-label',
    submit: 'data-testid sre-config-submit',
  },
};
