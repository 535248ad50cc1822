/**
 * @jest-environment node
 */
import { isIncidentStatus, isRoleName, isSeverity, ROLE_NAMES, ROLES, SEVERITIES, severityLabel } from './model';

describe('severities', () => {
  it('lists SEV1 to SEV4, most severe first, each with a definition', () => {
    expect(SEVERITIES.map((s) => [s.value, s.label])).toEqual([
      [1, 'SEV1'],
      [2, 'SEV2'],
      [3, 'SEV3'],
      [4, 'SEV4'],
    ]);
    expect(SEVERITIES[0].definition).toBe('Critical: customer-facing outage or data loss; all hands');
    expect(severityLabel(3)).toBe('SEV3');
  });
  it.each([
    [1, true],
    [4, true],
    [0, false],
    [5, false],
    ['1', false],
    [1.5, false],
  ])('isSeverity(%j) is %s', (v, ok) => {
    expect(isSeverity(v)).toBe(ok);
  });
});

describe('roles and statuses', () => {
  it('labels the four roles', () => {
    expect(ROLE_NAMES.map((r) => ROLES[r].label)).toEqual([
      'Incident commander',
      'Technical lead',
      'Communication lead',
      'Support lead',
    ]);
  });
  it('recognises names and statuses only exactly', () => {
    expect(isRoleName('techLead')).toBe(true);
    expect(isRoleName('TechLead')).toBe(false);
    expect(isIncidentStatus('mitigating')).toBe(true);
    expect(isIncidentStatus('closed')).toBe(false);
  });
});
