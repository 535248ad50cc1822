import {
  addLocalDays,
  DEFAULT_POSTMORTEM_POLICY as P,
  defaultActionItemDue,
  postmortemDueState,
  postmortemRequirement,
  validatePostmortemPolicy,
} from './policy';

const NY = 'America/New_York';
/** Friday 6 March 2026, 12:00 in New York (EST); US daylight saving starts Sunday 8 March. */
const FRI_NOON_NY = Date.UTC(2026, 2, 6, 17, 0);

describe('postmortem policy', () => {
  it('has the Workbook defaults and validates them', () => {
    expect(P).toMatchObject({ requiredSeverities: [1, 2], budgetShare: 0.2, dueBusinessDays: 5 });
    expect(P.dueBusinessDaysBySeverity[1]).toBe(3);
    expect(P.actionItemDueDays).toEqual({ P0: 7, P1: 30, P2: 90, P3: 180 });
    expect(validatePostmortemPolicy(P)).toEqual([]);
    expect(validatePostmortemPolicy(JSON.parse(JSON.stringify({ ...P, revision: 3 })))).toEqual([]);
  });

  it('names the field and the reason of every bad value', () => {
    const bad = {
      requiredSeverities: [1, 1, 7],
      budgetShare: 20,
      dueBusinessDays: 2.5,
      dueBusinessDaysBySeverity: { 1: 0, sev2: 3 },
      actionItemDueDays: { P0: 7, P1: 30, P2: -1 },
      extra: true,
    };
    expect(validatePostmortemPolicy(bad)).toEqual([
      { field: 'requiredSeverities', message: 'must be a list of distinct severities 1-4 (may be empty)' },
      { field: 'budgetShare', message: 'must be a share between 0.01 and 1, e.g. 0.2 for 20%' },
      { field: 'dueBusinessDays', message: 'must be a whole number of business days from 1 to 60' },
      { field: 'dueBusinessDaysBySeverity.1', message: 'must be a whole number of business days from 1 to 60' },
      { field: 'dueBusinessDaysBySeverity.sev2', message: 'is not a severity; use "1" to "4"' },
      { field: 'actionItemDueDays.P2', message: 'must be a whole number of days from 1 to 3650' },
      { field: 'actionItemDueDays.P3', message: 'must be a whole number of days from 1 to 3650' },
      { field: 'extra', message: 'is not a policy field' },
    ]);
    expect(validatePostmortemPolicy(null)).toEqual([{ field: 'postmortemPolicy', message: 'must be an object' }]);
  });

  describe('postmortemRequirement', () => {
    it('requires one for SEV1 and SEV2, due in 3 and 5 business days, keeping the wall-clock time across DST', () => {
      const sev2 = postmortemRequirement({ severity: 2, resolvedAt: FRI_NOON_NY }, [], P, NY);
      expect(sev2).toEqual({
        required: true,
        needsP0: false,
        reason: 'Required: SEV2 incidents need a postmortem',
        // Friday 13 March, 12:00 EDT: an hour earlier in UTC than a fixed 7 × 24 h would give.
        dueAt: Date.UTC(2026, 2, 13, 16, 0),
      });
      const sev1 = postmortemRequirement({ severity: 1, resolvedAt: FRI_NOON_NY }, [], P, NY);
      expect(sev1.dueAt).toBe(Date.UTC(2026, 2, 11, 16, 0)); // Wednesday 12:00 EDT
    });

    it('requires one above the budget share, and says which SLO crossed it', () => {
      const r = postmortemRequirement(
        { severity: 3, resolvedAt: FRI_NOON_NY },
        [
          { sloId: 'checkout', sloName: 'Checkout availability', consumed: 0.234 },
          { sloId: 'search', consumed: 0.2 },
          { sloId: 'login' },
        ],
        P,
        NY
      );
      expect(r).toMatchObject({
        required: true,
        needsP0: true,
        reason: "Required: It consumed 23.4% of Checkout availability's error budget (more than 20%)",
      });
    });

    it('uses an SLO’s own policy share when it has one', () => {
      const r = postmortemRequirement({ severity: 4 }, [{ sloId: 's', consumed: 0.15, share: 0.1 }], P, NY);
      expect(r.required).toBe(true);
      expect(r.dueAt).toBeUndefined(); // not resolved yet
    });

    it('does not require one for a SEV3 within budget, and says why', () => {
      expect(
        postmortemRequirement({ severity: 3, resolvedAt: FRI_NOON_NY }, [{ sloId: 's', consumed: 0.05 }], P, NY)
      ).toEqual({
        required: false,
        needsP0: false,
        reason: 'Not required: SEV3, and no linked SLO lost more than 20% of its error budget',
      });
    });
  });

  describe('business days', () => {
    it('skips the weekend when resolved on a Saturday', () => {
      const sat = Date.UTC(2026, 2, 7, 15, 0); // Saturday 10:00 EST
      expect(addLocalDays(sat, 5, NY, true)).toBe(Date.UTC(2026, 2, 13, 14, 0)); // Friday 10:00 EDT
    });

    it('counts days in the given time zone, not UTC', () => {
      const friLateLa = Date.UTC(2026, 2, 7, 7, 30); // Friday 23:30 in Los Angeles, Saturday in UTC
      expect(addLocalDays(friLateLa, 5, 'America/Los_Angeles', true)).toBe(Date.UTC(2026, 2, 14, 6, 30));
      expect(addLocalDays(friLateLa, 5, 'UTC', true)).toBe(Date.UTC(2026, 2, 13, 7, 30));
    });

    it('keeps the wall-clock time when daylight saving ends (Europe/Berlin, 25 October 2026)', () => {
      const friMorning = Date.UTC(2026, 9, 23, 7, 0); // 09:00 CEST
      expect(addLocalDays(friMorning, 5, 'Europe/Berlin', true)).toBe(Date.UTC(2026, 9, 30, 8, 0)); // 09:00 CET
    });
  });

  it('defaults an action item’s due date from its priority, in calendar days', () => {
    expect(defaultActionItemDue('P0', FRI_NOON_NY, P, NY)).toBe(Date.UTC(2026, 2, 13, 16, 0));
    expect(defaultActionItemDue('P3', FRI_NOON_NY, P, 'UTC')).toBe(FRI_NOON_NY + 180 * 86_400_000);
  });

  it('marks a postmortem due, overdue, or nothing once published or not required', () => {
    const due = Date.UTC(2026, 2, 13, 16, 0);
    expect(postmortemDueState(due - 1, due, undefined)).toBe('due');
    expect(postmortemDueState(due, due, 'draft')).toBe('due');
    expect(postmortemDueState(due + 1, due, 'in_review')).toBe('overdue');
    expect(postmortemDueState(due + 1, due, 'published')).toBe('none');
    expect(postmortemDueState(due + 1, undefined, undefined)).toBe('none');
  });
});
