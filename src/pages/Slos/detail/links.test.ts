import { makeSlo } from '../__fixtures__/slos';
import { declareIncidentUrl, sloEditUrl } from './links';

const slo = makeSlo('checkout', { name: 'Checkout & pay', service: 'shop' });

it('declareIncidentUrl prefills the incident form with the SLO, service, title and range', () => {
  const url = new URL(declareIncidentUrl(slo, { from: 1000, to: 2000 }), 'http://g');
  expect(url.pathname).toBe('/a/sre-reliability-app/incidents/new');
  expect(Object.fromEntries(url.searchParams)).toEqual({
    slo: 'checkout',
    service: 'shop',
    title: 'Checkout & pay burning error budget',
    from: '1000',
    to: '2000',
  });
});

it('sloEditUrl points at the editor route', () => {
  expect(sloEditUrl(slo)).toBe('/a/sre-reliability-app/slos/checkout/edit');
});
