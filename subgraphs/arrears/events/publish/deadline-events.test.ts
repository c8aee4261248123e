import { ARREARS_DEADLINE_CHANGED } from '../../../../catalog';
import { validateEventData } from '../../../../platform/events/cloudevent';
import { publishLimitationDeadline } from './deadline-events';

const account = {
  accountId: '7e2a1c4b-3d5f-4a6b-8c9d-0e1f2a3b4c5d',
  companyId: '91110102MA0000LIMA',
  districtCode: '110102',
  status: 'IN_COLLECTION' as const,
  version: 4,
};
const charge = (limitationEndsOn: string | null, openFen = 10_000, voluntary = false, dueOn = '2024-01-31') => ({
  dueOn,
  limitationEndsOn,
  openFen,
  voluntary,
});

describe("an account's limitation deadline as the register is told it: its earliest open charge's, one per account", () => {
  it('is the earliest last day among the open charges still within their period', () => {
    const data = publishLimitationDeadline(
      account,
      [
        charge('2026-10-08'), // expired by 2026-11-01: already time-barred, not this deadline
        charge('2027-03-15', 0), // paid
        charge('2027-02-01', 5_000, true), // a voluntary contribution runs no period
        charge('2027-06-30'),
        charge('2027-04-30'),
      ],
      '2026-11-01',
    );
    expect(data).toMatchObject({
      deadlineKey: `arrears-limitation:${account.accountId}`,
      kind: 'ARREARS_LIMITATION',
      ownerKind: 'PROPERTY_COMPANY',
      ownerOrganisationId: account.companyId,
      dueOn: '2027-04-30',
      metOn: null,
      cancelled: false,
      sequence: 4,
      legalBasis: expect.stringMatching(/art\. 188/),
    });
    expect(() => validateEventData(ARREARS_DEADLINE_CHANGED.type, data)).not.toThrow();
  });

  it('is cancelled when nothing open is within its period, or when the account is before a court or closed', () => {
    expect(publishLimitationDeadline(account, [charge('2027-04-30', 0)], '2026-11-01')).toMatchObject({
      dueOn: null,
      cancelled: true,
    });
    for (const status of ['REFERRED', 'IN_LITIGATION', 'JUDGED', 'SETTLED', 'WRITTEN_OFF'] as const)
      expect(publishLimitationDeadline({ ...account, status }, [charge('2027-04-30')], '2026-11-01')).toMatchObject({
        dueOn: null,
        cancelled: true,
      });
  });

  it('counts only charges in arrears: a month billed but not yet due runs no period', () => {
    // Due 2026-11-30: not in arrears on its due date (Civil Code art. 944 para. 2), in arrears the day after.
    const notYetDue = charge('2029-11-30', 10_000, false, '2026-11-30');
    expect(publishLimitationDeadline(account, [notYetDue], '2026-11-30')).toMatchObject({
      dueOn: null,
      cancelled: true,
    });
    expect(publishLimitationDeadline(account, [notYetDue], '2026-12-01')).toMatchObject({
      dueOn: '2029-11-30',
      cancelled: false,
    });
  });

  it('keeps a period that ended yesterday for its overdue day, then moves to the next charge', () => {
    const charges = [charge('2026-10-08'), charge('2027-04-30')];
    // 2026-10-09, the day after the last day: still the deadline, so the register sends its overdue reminder.
    expect(publishLimitationDeadline(account, charges, '2026-10-09').dueOn).toBe('2026-10-08');
    expect(publishLimitationDeadline(account, charges, '2026-10-10').dueOn).toBe('2027-04-30');
  });
});
