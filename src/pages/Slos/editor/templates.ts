import type { LabelMatcher } from '../../../domain/slo/model';
import { matchersToSelector } from '../../../domain/slo/promql';
import { updateForm, type EditorForm } from './editorModel';

/** A starting point for common exporters: fills the SLI queries for one service. */
export interface SliTemplate {
  id: string;
  label: string;
  description: string;
  /** The label that selects the service, and its usual value when there is one. */
  labelName: string;
  defaultValue?: string;
  apply(selector: LabelMatcher): Partial<EditorForm>;
}

const ratio = (metric: string, sel: LabelMatcher, bad: LabelMatcher[]): Partial<EditorForm> => ({
  kind: 'ratio',
  ratioMode: 'bad',
  ratioEvents: matchersToSelector(metric, [sel, ...bad]),
  ratioTotal: matchersToSelector(metric, [sel]),
});

const latency = (metric: string, threshold: string, matchers: LabelMatcher[]): Partial<EditorForm> => ({
  kind: 'latency',
  latencyMetric: metric,
  latencyThreshold: threshold,
  latencyMatchers: matchers.map((m) => ({ ...m })),
});

// Long-running watches and proxied connections would count as slow requests; the upstream SLOs exclude them.
const notWatch: LabelMatcher = { name: 'verb', op: '!~', value: 'WATCH|CONNECT' };

export const TEMPLATES: SliTemplate[] = [
  {
    id: 'micrometer-outcome',
    label: 'Spring Boot: server errors (outcome)',
    description: 'Micrometer http_server_requests_seconds, bad = outcome="SERVER_ERROR"',
    labelName: 'application',
    apply: (sel) =>
      ratio('http_server_requests_seconds_count', sel, [{ name: 'outcome', op: '=', value: 'SERVER_ERROR' }]),
  },
  {
    id: 'micrometer-status',
    label: 'Spring Boot: server errors (status)',
    description: 'Micrometer http_server_requests_seconds, bad = status=~"5.."',
    labelName: 'application',
    apply: (sel) => ratio('http_server_requests_seconds_count', sel, [{ name: 'status', op: '=~', value: '5..' }]),
  },
  {
    id: 'micrometer-latency',
    label: 'Spring Boot: latency',
    description: 'Micrometer http_server_requests_seconds histogram (needs percentiles-histogram enabled)',
    labelName: 'application',
    apply: (sel) => latency('http_server_requests_seconds', '0.5', [sel]),
  },
  {
    id: 'prometheus-http',
    label: 'Prometheus client: http_requests_total',
    description: 'bad = code=~"5.."',
    labelName: 'job',
    apply: (sel) => ratio('http_requests_total', sel, [{ name: 'code', op: '=~', value: '5..' }]),
  },
  {
    id: 'blackbox',
    label: 'Blackbox exporter: probe_success',
    description: 'Share of successful probes',
    labelName: 'instance',
    apply: (sel) => ({ kind: 'availability', availabilityMetric: 'probe_success', availabilityMatchers: [{ ...sel }] }),
  },
  {
    id: 'grpc',
    label: 'gRPC: grpc_server_handled_total',
    description: 'bad = grpc_code!="OK"',
    labelName: 'grpc_service',
    apply: (sel) => ratio('grpc_server_handled_total', sel, [{ name: 'grpc_code', op: '!=', value: 'OK' }]),
  },
  {
    id: 'apiserver-errors',
    label: 'Kubernetes API server: errors',
    description: 'apiserver_request_total, bad = code=~"5.."',
    labelName: 'job',
    defaultValue: 'apiserver',
    apply: (sel) => ratio('apiserver_request_total', sel, [{ name: 'code', op: '=~', value: '5..' }]),
  },
  {
    id: 'apiserver-latency',
    label: 'Kubernetes API server: latency',
    description: 'apiserver_request_duration_seconds, WATCH and CONNECT excluded',
    labelName: 'job',
    defaultValue: 'apiserver',
    apply: (sel) => latency('apiserver_request_duration_seconds', '1', [sel, notWatch]),
  },
];

/**
 * Fills the form's queries from a template for the service whose `labelName` label equals `value`
 * (escaped when the queries are built). The service field is filled too when it is still empty.
 */
export function applyTemplate(form: EditorForm, template: SliTemplate, labelName: string, value: string): EditorForm {
  const patch = template.apply({ name: labelName.trim(), op: '=', value });
  return updateForm(form, { ...patch, ...(form.service.trim() ? {} : { service: value }) });
}
