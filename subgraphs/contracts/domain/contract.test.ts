import { rejection } from '../../../test/support/rejection';
import {
  assertAmendedOnceSigned,
  assertAmendmentEndsFromItsDay,
  assertAmendmentKeepsStart,
  assertTakesDocuments,
  contractActionRefused,
  contractSignedOn,
  handoverDayProblem,
  nextContractStatus,
} from './contract';
import { CONTRACTS_ERRORS } from './errors';

describe('contract life cycle', () => {
  it.each([
    ['DRAFT', 'EDIT_DRAFT', 'DRAFT'],
    ['DRAFT', 'SUBMIT', 'SUBMITTED'],
    ['SUBMITTED', 'RETURN', 'RETURNED'],
    ['RETURNED', 'RESUBMIT', 'SUBMITTED'],
    ['SUBMITTED', 'ACCEPT', 'ACCEPTED'],
    ['ACCEPTED', 'AMEND', 'ACCEPTED'],
    ['ACCEPTED', 'ACCEPT_AMENDMENT', 'ACCEPTED'],
    ['ACCEPTED', 'SUPERSEDE', 'SUPERSEDED'],
    ['SUBMITTED', 'TERMINATE', 'TERMINATED'],
    ['RETURNED', 'TERMINATE', 'TERMINATED'],
    ['ACCEPTED', 'TERMINATE', 'TERMINATED'],
    ['DRAFT', 'DISCARD', 'DISCARDED'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextContractStatus(from, action)).toBe(to);
  });

  it.each([
    ['SUBMITTED', 'EDIT_DRAFT', 'CONTRACT_NOT_DRAFT'],
    ['ACCEPTED', 'SUBMIT', 'CONTRACT_ALREADY_FILED'],
    ['RETURNED', 'SUBMIT', 'CONTRACT_ALREADY_FILED'],
    ['DRAFT', 'AMEND', 'CONTRACT_NOT_IN_FORCE'],
    ['SUBMITTED', 'AMEND', 'CONTRACT_NOT_IN_FORCE'],
    ['TERMINATED', 'AMEND', 'CONTRACT_NOT_IN_FORCE'],
    ['DRAFT', 'TERMINATE', 'INVALID_FILING_TRANSITION'],
    ['SUPERSEDED', 'TERMINATE', 'INVALID_FILING_TRANSITION'],
    ['TERMINATED', 'TERMINATE', 'INVALID_FILING_TRANSITION'],
    ['DRAFT', 'ACCEPT', 'INVALID_FILING_TRANSITION'],
    ['SUBMITTED', 'SUPERSEDE', 'INVALID_FILING_TRANSITION'],
    ['SUBMITTED', 'DISCARD', 'CONTRACT_NOT_DRAFT'],
    ['ACCEPTED', 'DISCARD', 'CONTRACT_NOT_DRAFT'],
    ['DISCARDED', 'EDIT_DRAFT', 'CONTRACT_DISCARDED'],
    ['DISCARDED', 'SUBMIT', 'CONTRACT_DISCARDED'],
    ['DISCARDED', 'TERMINATE', 'CONTRACT_DISCARDED'],
  ] as const)('a %s contract cannot take %s: %s', (from, action, code) => {
    expect(() => nextContractStatus(from, action)).toThrow(
      expect.objectContaining({ code, details: { status: from } }),
    );
    expect(Object.keys(CONTRACTS_ERRORS)).toContain(code);
  });

  it('says what a refused termination was refused', () => {
    expect(contractActionRefused('DRAFT', 'TERMINATE').message).toBe('A draft contract cannot be terminated');
  });
});

describe('an amendment and the start of its contract', () => {
  const refusal = (run: () => void) => {
    try {
      run();
    } catch (e) {
      return e as { code?: string; details?: { fields?: Record<string, string> } };
    }
    return undefined;
  };

  it('keeps the start of a contract that has begun, on its first day too', () => {
    expect(refusal(() => assertAmendmentKeepsStart('2026-01-01', '2026-01-01', '2026-12-01'))).toBeUndefined();
    for (const [begun, today] of [
      ['2026-01-01', '2026-12-01'],
      ['2026-12-01', '2026-12-01'],
    ])
      for (const moved of ['2025-01-01', '2027-01-01'])
        expect(refusal(() => assertAmendmentKeepsStart(begun, moved, today))).toMatchObject({
          code: 'BAD_USER_INPUT',
          details: { fields: { 'terms.startsOn': `${begun}: the contract began on that day` } },
        });
  });

  it('moves the start of a contract not begun to today or later, never to a day already past', () => {
    expect(refusal(() => assertAmendmentKeepsStart('2027-01-30', '2028-02-01', '2026-12-01'))).toBeUndefined();
    expect(refusal(() => assertAmendmentKeepsStart('2027-01-30', '2026-12-01', '2026-12-01'))).toBeUndefined();
    expect(refusal(() => assertAmendmentKeepsStart('2027-01-30', '2026-11-30', '2026-12-01'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { 'terms.startsOn': '2027-01-30, or a day from 2026-12-01' } },
    });
  });

  it('ends the contract on the day the amendment is agreed at the earliest', () => {
    expect(refusal(() => assertAmendmentEndsFromItsDay('2026-11-20', '2026-11-20'))).toBeUndefined();
    expect(refusal(() => assertAmendmentEndsFromItsDay('2026-11-20', '2027-06-30'))).toBeUndefined();
    expect(refusal(() => assertAmendmentEndsFromItsDay('2026-11-20', '2026-11-19'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { 'terms.endsOn': expect.stringMatching(/^on or after 2026-11-20, /) } },
    });
  });
});

describe('the day an amendment is agreed', () => {
  it('is on or after the day the contract was signed (Civil Code arts. 490, 543), not bound to its acceptance', () => {
    expect(() => assertAmendedOnceSigned('2025-12-22', '2025-12-22')).not.toThrow();
    expect(() => assertAmendedOnceSigned('2025-12-23', '2025-12-22')).not.toThrow();
    // Before, any day up to the day of filing: an amendment agreed the day before the contract was signed was filed.
    for (const amendedOn of ['2025-12-21', '1990-01-01'])
      expect(rejection(() => assertAmendedOnceSigned(amendedOn, '2025-12-22'))).toMatchObject({
        code: 'BAD_USER_INPUT',
        details: {
          problems: ['AMENDED_BEFORE_SIGNING'],
          fields: { amendedOn: 'on or after 2025-12-22, the day the contract was signed' },
          source: expect.stringContaining('art. 543: 当事人协商一致，可以变更合同'),
        },
      });
  });
});

describe('the day the contract was signed', () => {
  it('is the earliest its terms in force and its accepted versions state', () => {
    // Before, the terms in force alone: an accepted amendment stating 2025-12-31 made a contract first signed and
    // filed on 2025-12-22 "signed" on the 31st, and a notice given under it on the 25th was refused.
    expect(contractSignedOn('2025-12-31', ['2025-12-22', '2025-12-31'])).toBe('2025-12-22');
    // An amendment stating an earlier day: the terms in force say so.
    expect(contractSignedOn('2025-12-01', ['2025-12-22', '2025-12-01'])).toBe('2025-12-01');
    // No version accepted yet (a returned first filing): the terms as they stand.
    expect(contractSignedOn('2025-12-22', [])).toBe('2025-12-22');
  });
});

describe('the handover day of a termination', () => {
  it('is on or after the termination and within a year of it', () => {
    expect(handoverDayProblem('2026-12-31', '2026-12-31')).toBeNull();
    expect(handoverDayProblem('2026-12-31', '2027-12-31')).toBeNull();
    expect(handoverDayProblem('2026-12-31', '2026-12-30')).toBe('the handover cannot come before the termination');
    expect(handoverDayProblem('2026-12-31', '2028-01-01')).toMatch(/^on or before 2027-12-31, .*Beijing art\. 76/);
  });
});

describe('the documents a contract takes', () => {
  it('takes them while it may still be filed, none once discarded, terminated or superseded', () => {
    for (const status of ['DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED'] as const)
      expect(() => assertTakesDocuments(status)).not.toThrow();
    expect(() => assertTakesDocuments('DISCARDED')).toThrow(expect.objectContaining({ code: 'CONTRACT_DISCARDED' }));
    for (const status of ['TERMINATED', 'SUPERSEDED'] as const)
      expect(() => assertTakesDocuments(status)).toThrow(
        expect.objectContaining({ code: 'CONTRACT_NOT_IN_FORCE', details: { status } }),
      );
  });
});
