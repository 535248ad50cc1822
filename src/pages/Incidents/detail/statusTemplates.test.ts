import { at, declared, ev } from '../../../domain/incident/__fixtures__/events';
import { foldIncident } from '../../../domain/incident/fold';
import { budgetText, formatShare } from './budgetText';
import { externalTemplate, formatUtcTime, internalTemplate, statusUpdateTemplate } from './statusTemplates';

const open = foldIncident([
  declared({ title: 'Checkout errors', severity: 1, services: ['checkout', 'cart'] }, { incidentId: 'INC-7' }),
  ev('status_changed', 20, { to: 'mitigating' }, { incidentId: 'INC-7' }),
  ev('role_assigned', 21, { role: 'commander', to: { login: 'ann', name: 'Ann' } }, { incidentId: 'INC-7' }),
]).incident!;
const resolved = foldIncident([
  declared({}, { incidentId: 'INC-7' }),
  ev('resolved', 30, {}, { incidentId: 'INC-7' }),
]).incident!;
const NEXT = Date.UTC(2026, 10, 28, 14, 30);

describe('status update templates', () => {
  it('fills the internal template with id, severity, status, services, roles and the next update', () => {
    expect(internalTemplate(open, NEXT)).toBe(
      [
        '[SEV1] Checkout errors (INC-7)',
        'Status: mitigating',
        'Services: checkout, cart',
        'Roles: Incident commander: Ann',
        'Current state: ',
        'Next update by 14:30 UTC.',
      ].join('\n')
    );
  });

  it('keeps internal names out of the external template', () => {
    const text = externalTemplate(open, NEXT);
    expect(text).toBe(
      'We have identified the cause and are working on a fix for a problem affecting checkout, cart.\n' +
        'Some requests may fail or be slow. We apologise for the disruption.\n' +
        'We will post another update by 14:30 UTC.'
    );
    expect(text).not.toMatch(/INC-7|SEV1|Ann/);
  });

  it('promises no further update once resolved', () => {
    expect(statusUpdateTemplate('external', resolved, NEXT)).toBe(
      'The problem has been resolved affecting checkout.\nEverything is working normally again. Thank you for your patience.'
    );
    expect(statusUpdateTemplate('internal', resolved, NEXT)).toMatch(/No further updates planned\.$/);
    expect(formatUtcTime(at(0))).toBe('10:00 UTC');
  });
});

describe('budgetText', () => {
  it.each([
    [0, '0%'],
    [0.0004, '<0.1%'],
    [0.1234, '12.3%'],
    [0.25, '25%'],
    [2.499, '250%'],
  ])('formats %p as %p', (fraction, text) => {
    expect(formatShare(fraction)).toBe(text);
  });

  it('says "No data" without a number, with the reason when known', () => {
    expect(budgetText({ window: '30d', consumed: 0.05 })).toBe('consumed 5% of the 30d error budget');
    expect(budgetText({ window: '30d' })).toBe('No data');
    expect(budgetText({ window: '30d', error: 'bad gateway' })).toBe('No data: bad gateway');
    expect(budgetText(undefined)).toBe('No data');
  });
});
