import { rejection } from '../../../test/support/rejection';
import { InvalidInputError } from '../../../kernel/errors';
import { ContractStatus } from './contract';
import { asExistingContract } from './contract-terms';
import { ExistingContract, continuationEndedBy, contractsServingOn } from './contract-overlap';
import { checkNoticeDay, checkTerminationDay, continuationStart } from './continued-service';
import { CONTINUED_SERVICE_RECORDABLE_DAYS_BEFORE_END, UNFIXED_TERM_NOTICE_DAYS } from './statutes';

/** A regular contract of 2024–2026 whose term ends on 31 December 2026. */
const contract = (status: ContractStatus = 'ACCEPTED', continuedFrom: string | null = null) => ({
  id: 'c-2024',
  kind: 'REGULAR' as const,
  status,
  endsOn: '2026-12-31',
  continuedFrom,
});
const other = (
  id: string,
  startsOn: string,
  endsOn: string,
  status: ContractStatus = 'ACCEPTED',
): ExistingContract => ({
  id,
  companyId: 'provider',
  kind: 'REGULAR',
  startsOn,
  endsOn,
  status,
});

describe('a contract continuing after its term (Civil Code art. 948)', () => {
  it('holds the statutory figures: 90 days before the term (art. 947 para. 2), 60 days of notice (art. 948)', () => {
    expect([CONTINUED_SERVICE_RECORDABLE_DAYS_BEFORE_END, UNFIXED_TERM_NOTICE_DAYS]).toEqual([90, 60]);
  });

  it('continues from the day after the term, recorded from 90 days before its end, and after it', () => {
    expect(continuationStart(contract(), [], '2026-10-02', 'provider')).toBe('2027-01-01'); // 2026-12-31 less 90 days
    expect(continuationStart(contract(), [], '2027-05-20', 'provider')).toBe('2027-01-01');
    const early = rejection(() => continuationStart(contract(), [], '2026-10-01', 'provider'));
    expect(early.code).toBe('CONTINUATION_TOO_EARLY');
    expect(early.details).toMatchObject({ recordableFrom: '2026-10-02', endsOn: '2026-12-31' });
  });

  it('returns the day recorded when recorded again, whatever happened since', () => {
    const terminated = contract('TERMINATED', '2027-01-01');
    expect(continuationStart(terminated, [other('next', '2027-01-01', '2029-12-31')], '2026-01-01', 'provider')).toBe(
      '2027-01-01',
    );
  });

  it.each<[ContractStatus, string]>([
    ['TERMINATED', 'CONTRACT_NOT_IN_FORCE'],
    ['SUPERSEDED', 'CONTRACT_NOT_IN_FORCE'],
    ['SUBMITTED', 'CONTRACT_NOT_IN_FORCE'],
    ['DRAFT', 'CONTRACT_NOT_IN_FORCE'],
    ['DISCARDED', 'CONTRACT_DISCARDED'],
  ])('refuses a %s contract: %s', (status, code) => {
    expect(rejection(() => continuationStart(contract(status), [], '2026-12-01', 'provider')).code).toBe(code);
  });

  it('refuses when another contract of the area serves the day after the term, not when it starts later', () => {
    const renewal = other('renewal', '2027-01-01', '2029-12-31');
    const refusal = rejection(() => continuationStart(contract(), [renewal], '2026-12-01', 'provider'));
    expect(refusal.code).toBe('SUCCESSOR_IN_FORCE');
    expect(refusal.details).toEqual({ successorContractIds: ['renewal'], continuedFrom: '2027-01-01' });
    // another provider's successor is counted, not named: its id is not the company's to know (helper-251)
    const hired = { ...renewal, companyId: 'another-provider' };
    const theirs = rejection(() => continuationStart(contract(), [hired], '2026-12-01', 'provider'));
    expect(theirs.details).toEqual({
      successorContractIds: [],
      otherProvidersContracts: 1,
      continuedFrom: '2027-01-01',
    });
    // a successor from March leaves January and February to the continuation (art. 950 too)
    expect(continuationStart(contract(), [other('march', '2027-03-01', '2030-02-28')], '2026-12-01', 'provider')).toBe(
      '2027-01-01',
    );
    // one terminated before it began took no effect
    const never = asExistingContract({ ...renewal, status: 'TERMINATED', terminatedOn: '2026-12-15' });
    expect(continuationStart(contract(), [never], '2026-12-01', 'provider')).toBe('2027-01-01');
    // a contract that ended before the term ended is no successor
    expect(continuationStart(contract(), [other('past', '2021-01-01', '2023-12-31')], '2026-12-01', 'provider')).toBe(
      '2027-01-01',
    );
  });

  it("refuses when the owners' successor is signed and filed but not yet accepted (art. 948: the owners decided)", () => {
    // Signed on 25 November 2026 for 2027-01-01 to 2029-12-31, its filing under review or returned for correction.
    for (const status of ['SUBMITTED', 'RETURNED'] as const) {
      const filed = { ...other('filed', '2027-01-01', '2029-12-31', status), companyId: 'another-provider' };
      const refusal = rejection(() => continuationStart(contract(), [filed], '2026-12-01', 'provider'));
      expect(refusal.code).toBe('SUCCESSOR_IN_FORCE');
      // another provider's: counted, not named (contractsNamedTo)
      expect(refusal.details).toEqual({
        successorContractIds: [],
        otherProvidersContracts: 1,
        continuedFrom: '2027-01-01',
      });
    }
    // the company's own renewal, filed on 20 December and under review: named
    const renewal = other('renewal', '2026-12-15', '2029-12-14', 'SUBMITTED');
    expect(rejection(() => continuationStart(contract(), [renewal], '2026-12-20', 'provider')).details).toEqual({
      successorContractIds: ['renewal'],
      continuedFrom: '2027-01-01',
    });
    // a draft binds no one yet (BINDING_STATUSES), nor does a discarded one
    for (const status of ['DRAFT', 'DISCARDED'] as const)
      expect(
        continuationStart(contract(), [other('draft', '2027-01-01', '2029-12-31', status)], '2026-12-01', 'provider'),
      ).toBe('2027-01-01');
    // a developer's preliminary contract is no decision of the owners: it does not stop their contract continuing
    const developers = {
      ...other('developers', '2027-01-01', '2028-12-31', 'SUBMITTED'),
      kind: 'PRELIMINARY' as const,
    };
    expect(continuationStart(contract(), [developers], '2026-12-01', 'provider')).toBe('2027-01-01');
    // a filed one from 1 March 2027 leaves January and February to the continuation
    expect(
      continuationStart(
        contract(),
        [other('march', '2027-03-01', '2030-02-28', 'SUBMITTED')],
        '2026-12-01',
        'provider',
      ),
    ).toBe('2027-01-01');
  });

  it('serves past its term until the area next contract starts or its termination, whichever is first', () => {
    const continued = asExistingContract({
      id: 'c-2024',
      kind: 'REGULAR',
      status: 'ACCEPTED',
      startsOn: '2024-01-01',
      endsOn: '2026-12-31',
      continuedFrom: '2027-01-01',
    });
    const serving = (day: string, others: ExistingContract[] = [], c = continued) =>
      contractsServingOn([c, ...others], day).map((s) => s.id);
    expect(serving('2027-06-30')).toEqual(['c-2024']);
    expect(serving('2035-01-01')).toEqual(['c-2024']);
    const next = other('next', '2027-03-01', '2030-02-28');
    expect(serving('2027-02-28', [next])).toEqual(['c-2024']);
    expect(serving('2027-03-01', [next])).toEqual(['next']);
    expect(continuationEndedBy([continued, next], { id: 'c-2024', kind: 'REGULAR', continuedFrom: '2027-01-01' })).toBe(
      '2027-02-28',
    );
    const terminated = asExistingContract({
      id: 'c-2024',
      kind: 'REGULAR',
      status: 'TERMINATED',
      startsOn: '2024-01-01',
      endsOn: '2026-12-31',
      terminatedOn: '2027-04-30',
      continuedFrom: '2027-01-01',
    });
    expect(serving('2027-04-30', [], terminated)).toEqual(['c-2024']);
    expect(serving('2027-05-01', [], terminated)).toEqual([]);
    // without the continuation, nothing serves past the term (as before)
    expect(contractsServingOn([{ ...continued, continuedFrom: null }], '2027-01-01')).toEqual([]);
    // terminated within its term, it continues nothing
    const within = asExistingContract({ ...terminated, status: 'TERMINATED', terminatedOn: '2026-11-30' });
    expect(within.continuedFrom).toBeUndefined();
    expect(contractsServingOn([within], '2026-12-01')).toEqual([]);
  });

  it("ends a continuation past the term with 60 days' written notice, or when the next contract takes over sooner", () => {
    const continued = contract('ACCEPTED', '2027-01-01');
    expect(() => checkTerminationDay(continued, '2027-05-30', '2027-03-31', null)).not.toThrow(); // 31 March + 60
    const short = rejection(() => checkTerminationDay(continued, '2027-05-29', '2027-03-31', null));
    expect(short.code).toBe('TERMINATION_NOTICE_TOO_SHORT');
    expect(short.details).toMatchObject({ earliestTerminatedOn: '2027-05-30', noticeGivenOn: '2027-03-31' });
    // the owners' new provider starting on 1 May: a termination on 30 April needs no 60 days
    expect(() => checkTerminationDay(continued, '2027-04-30', '2027-03-31', '2027-04-30')).not.toThrow();
    expect(() => checkTerminationDay(continued, '2027-04-29', '2027-03-31', '2027-04-30')).toThrow();
    // within the term, as before: no notice is checked
    expect(() => checkTerminationDay(continued, '2026-12-31', '2026-12-30', null)).not.toThrow();
    // past the term of a contract that does not continue: refused as before
    const notContinued = rejection(() => checkTerminationDay(contract(), '2027-01-01', '2026-01-01', null));
    expect(notContinued).toBeInstanceOf(InvalidInputError);
    expect(notContinued.details).toEqual({ fields: { terminatedOn: 'on or before 2026-12-31' } });
  });

  it('takes a written notice given on or after the day the contract was signed, never before', () => {
    expect(() => checkNoticeDay({ signedOn: '2023-12-22' }, '2023-12-22')).not.toThrow();
    expect(() => checkNoticeDay({ signedOn: '2023-12-22' }, '2026-11-01')).not.toThrow();
    const before = rejection(() => checkNoticeDay({ signedOn: '2023-12-22' }, '1990-01-01'));
    expect(before).toBeInstanceOf(InvalidInputError);
    expect(before.details).toMatchObject({
      fields: { noticeGivenOn: 'on or after 2023-12-22, the day the contract was signed' },
      source: expect.stringContaining('应当提前六十日书面通知对方'),
    });
  });
});
