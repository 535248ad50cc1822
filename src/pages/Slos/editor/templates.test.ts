import { validateSlo } from '../../../domain/slo/validate';
import { emptyForm, sloFromForm, updateForm } from './editorModel';
import { TEMPLATES, applyTemplate } from './templates';

const byId = (id: string) => TEMPLATES.find((t) => t.id === id)!;
const named = updateForm(emptyForm(), { name: 'Service works' });

describe('SLI templates', () => {
  it('fills a Micrometer ratio with escaped label values and fills an empty service', () => {
    const f = applyTemplate(named, byId('micrometer-outcome'), 'application', 'shop"1');
    expect(f.ratioEvents).toBe('http_server_requests_seconds_count{application="shop\\"1",outcome="SERVER_ERROR"}');
    expect(f.ratioTotal).toBe('http_server_requests_seconds_count{application="shop\\"1"}');
    expect(f.service).toBe('shop"1');
  });

  it('keeps a service the user already typed', () => {
    const f = applyTemplate({ ...named, service: 'shop' }, byId('grpc'), 'grpc_service', 'cart.Cart');
    expect(f.service).toBe('shop');
    expect(f.ratioEvents).toBe('grpc_server_handled_total{grpc_service="cart.Cart",grpc_code!="OK"}');
  });

  it('fills the API server latency with WATCH and CONNECT excluded', () => {
    const sli = sloFromForm(applyTemplate(named, byId('apiserver-latency'), 'job', 'apiserver')).sli;
    expect(sli).toEqual({
      kind: 'latency',
      metric: 'apiserver_request_duration_seconds',
      threshold: 1,
      matchers: [
        { name: 'job', op: '=', value: 'apiserver' },
        { name: 'verb', op: '!~', value: 'WATCH|CONNECT' },
      ],
    });
  });

  it.each(TEMPLATES.map((t) => [t.id, t]))('%s gives a valid SLO', (_id, template) => {
    const f = applyTemplate(named, template, template.labelName, template.defaultValue ?? 'api');
    expect(validateSlo(sloFromForm(f), 'slo')).toEqual([]);
  });
});
