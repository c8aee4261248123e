import { rejection } from '../../../test/support/rejection';
import { DEFAULT_DEMAND_PERIOD, demandPeriodOf } from './statutes';
import {
  EligibilityFailureCode,
  FiledContract,
  OwedCharge,
  ReferralFacts,
  governingContract,
  referralEligibility,
} from './eligibility';

/** A filed contract for 2022–2024, as in seed 003's compound, and three owed months of 2023 at ¥94.82. */
const filed: FiledContract = {
  contractId: 'c-1',
  status: 'ACCEPTED',
  startsOn: '2022-01-01',
  endsOn: '2024-12-31',
  filingRecordNumber: '110108-2021-0001',
};
const lastDay = (month: string) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
const charge = (month: string, limitationEndsOn = '2027-01-31', amountFen = 9_482): OwedCharge => ({
  month,
  amountFen,
  dueOn: lastDay(month),
  limitationEndsOn,
});
const base: ReferralFacts = {
  referralDate: '2024-06-01',
  charges: [charge('2023-03'), charge('2023-01'), charge('2023-02')],
  contracts: [filed],
  demands: [{ date: '2024-03-01', channel: 'LETTER' }],
  mediationSessions: [{ heldOn: '2024-04-10' }],
  mediationWaivedOn: null,
  demandPeriod: DEFAULT_DEMAND_PERIOD,
};
const facts = (overrides: Partial<ReferralFacts>): ReferralFacts => ({ ...base, ...overrides });
const codes = (f: ReferralFacts) => referralEligibility(f).failures.map((x) => x.code);

describe('referral eligibility (seed 004 precondition)', () => {
  it('leaves out the months begun before the owner became the owner, the month of the transfer whole (Civil Code arts. 209, 944)', () => {
    // Sold on 15 February 2023: January and February are the former owner's; March is the new owner's.
    const sold = referralEligibility(facts({ ownerSince: '2023-02-15' }));
    expect(sold.claimableCharges.map((c) => c.month)).toEqual(['2023-03']);
    expect(sold.excludedCharges).toEqual([
      { month: '2023-01', amountFen: 9_482, reason: 'PRIOR_OWNER' },
      { month: '2023-02', amountFen: 9_482, reason: 'PRIOR_OWNER' },
    ]);
    // From the first day of a month that month is the new owner's.
    expect(referralEligibility(facts({ ownerSince: '2023-02-01' })).claimableCharges.map((c) => c.month)).toEqual([
      '2023-02',
      '2023-03',
    ]);
    // Not recorded: the owner is taken to have owned it throughout, as before.
    expect(referralEligibility(facts({ ownerSince: null })).claimableCharges).toHaveLength(3);
    // Every month the former owner's: nothing to claim from this owner.
    expect(codes(facts({ ownerSince: '2024-01-01' }))).toContain('NO_CLAIMABLE_CHARGES');
    expect(rejection(() => referralEligibility(facts({ ownerSince: '15/02/2023' }))).details).toMatchObject({
      fields: { ownerSince: expect.any(String) },
    });
  });

  it('refuses to sue an owner recorded as dead, citing why, until the heirs are registered (Civil Code art. 13)', () => {
    const died = referralEligibility(facts({ ownerDiedOn: '2023-02-20' }));
    expect(died.eligible).toBe(false);
    expect(died.failures).toEqual([
      {
        code: 'OWNER_DECEASED',
        message: expect.stringMatching(/died on 2023-02-20.*Civil Code art\. 13.*Civil Procedure Law art\. 122 item 2/),
      },
    ]);
    // The heirs registered from the death: alive, and the months begun before are the estate's (PRIOR_OWNER).
    const heirs = referralEligibility(facts({ ownerSince: '2023-02-20', ownerDiedOn: null }));
    expect(heirs.eligible).toBe(true);
    expect(heirs.claimableCharges.map((c) => c.month)).toEqual(['2023-03']);
    expect(rejection(() => referralEligibility(facts({ ownerDiedOn: '2023-2-20' }))).details).toMatchObject({
      fields: { ownerDiedOn: expect.any(String) },
    });
  });

  it('counts no demand, mediation or refusal of mediation made before the owner sued became the owner', () => {
    // The new owner since 1 January 2023: the former owner was demanded, mediated with and declined mediation in 2022.
    const former = facts({
      ownerSince: '2023-01-01',
      demands: [{ date: '2022-12-20', channel: 'LETTER' }],
      mediationSessions: [{ heldOn: '2022-12-22', outcome: 'FAILED' }],
      mediationWaivedOn: '2022-12-23',
    });
    expect(codes(former)).toEqual(['NO_DEMAND_RECORDED', 'MEDIATION_NOT_TRIED']);
    // The same steps taken with this owner count (the demand, made before the months fell due, demands none of them).
    expect(codes({ ...former, ownerSince: '2022-12-01' })).toEqual(['NO_CLAIMABLE_CHARGES']);
  });

  it('lets a filed, demanded, mediated claim through, months in order', () => {
    const result = referralEligibility(base);
    expect(result).toMatchObject({ eligible: true, failures: [], excludedCharges: [] });
    expect(result.claimableCharges.map((c) => c.month)).toEqual(['2023-01', '2023-02', '2023-03']);
  });

  it.each<[string, Partial<ReferralFacts>, EligibilityFailureCode[]]>([
    ['no charges', { charges: [] }, ['NOTHING_OWED']],
    ['no demand', { demands: [] }, ['NO_DEMAND_RECORDED']],
    [
      'a demand only after the referral',
      { demands: [{ date: '2024-06-02', channel: 'VISIT' }] },
      ['NO_DEMAND_RECORDED'],
    ],
    [
      'a demand on the referral day',
      { demands: [{ date: '2024-06-01', channel: 'VISIT' }] },
      ['DEMAND_PERIOD_NOT_ELAPSED'],
    ],
    [
      'a demand 15 days before (the period runs to the referral day)',
      { demands: [{ date: '2024-05-17', channel: 'VISIT' }] },
      ['DEMAND_PERIOD_NOT_ELAPSED'],
    ],
    ['a demand 16 days before', { demands: [{ date: '2024-05-16', channel: 'VISIT' }] }, []],
    [
      'a late demand besides an old one',
      {
        demands: [
          { date: '2024-05-31', channel: 'VISIT' },
          { date: '2024-03-01', channel: 'LETTER' },
        ],
      },
      [],
    ],
    ['no mediation and no waiver', { mediationSessions: [] }, ['MEDIATION_NOT_TRIED']],
    ['no mediation but an express waiver', { mediationSessions: [], mediationWaivedOn: '2024-05-20' }, []],
    [
      'a waiver dated after the referral',
      { mediationSessions: [], mediationWaivedOn: '2024-06-02' },
      ['MEDIATION_NOT_TRIED'],
    ],
    ['the filing still under review', { contracts: [{ ...filed, status: 'SUBMITTED' }] }, ['CONTRACT_NOT_FILED']],
    ['the filing returned', { contracts: [{ ...filed, status: 'RETURNED' }] }, ['CONTRACT_NOT_FILED']],
    [
      'accepted without a record number',
      { contracts: [{ ...filed, filingRecordNumber: ' ' }] },
      ['CONTRACT_NOT_FILED'],
    ],
    ['no contract at all', { contracts: [] }, ['CONTRACT_NOT_FILED']],
    [
      'everything missing at once',
      { contracts: [], demands: [], mediationSessions: [] },
      ['CONTRACT_NOT_FILED', 'NO_DEMAND_RECORDED', 'MEDIATION_NOT_TRIED'],
    ],
    [
      'nothing owed and nothing done',
      { charges: [], demands: [], mediationSessions: [] },
      ['NOTHING_OWED', 'NO_DEMAND_RECORDED', 'MEDIATION_NOT_TRIED'],
    ],
  ])('%s', (_label, overrides, expected) => {
    expect(codes(facts(overrides))).toEqual(expected);
  });

  it.each<[string, FiledContract[], string[]]>([
    [
      'a contract ending mid-February covers February, not March',
      [{ ...filed, startsOn: '2022-01-01', endsOn: '2023-02-14' }],
      ['2023-03'],
    ],
    [
      'a contract starting on the last day of January covers January',
      [{ ...filed, startsOn: '2023-01-31', endsOn: '2023-12-31' }],
      [],
    ],
    [
      'a contract starting in February leaves January uncovered',
      [{ ...filed, startsOn: '2023-02-01', endsOn: '2023-12-31' }],
      ['2023-01'],
    ],
    [
      'two filed contracts cover the months between them',
      [
        { ...filed, endsOn: '2023-01-31' },
        { ...filed, contractId: 'c-2', startsOn: '2023-02-01', endsOn: '2025-01-31' },
      ],
      [],
    ],
    [
      'a TERMINATED status counts for no month (the caller passes it ACCEPTED, ending on termination)',
      [{ ...filed, status: 'TERMINATED' }],
      ['2023-01', '2023-02', '2023-03'],
    ],
  ])('names the uncovered months: %s', (_label, contracts, months) => {
    const failure = referralEligibility(facts({ contracts })).failures.find((f) => f.code === 'CONTRACT_NOT_FILED');
    expect(failure?.months ?? []).toEqual(months);
  });

  it('excludes and lists charges whose limitation ended before the referral, keeping the last day', () => {
    const result = referralEligibility(
      facts({
        charges: [charge('2021-01', '2024-05-31', 5_678), charge('2021-02', '2024-06-01', 5_679), charge('2023-01')],
        contracts: [{ ...filed, startsOn: '2020-01-01' }],
      }),
    );
    expect(result.eligible).toBe(true);
    expect(result.excludedCharges).toEqual([{ month: '2021-01', amountFen: 5_678, reason: 'TIME_BARRED' }]);
    expect(result.claimableCharges.map((c) => c.month)).toEqual(['2021-02', '2023-01']);
  });

  it('does not leave a month out as time-barred while its last day lies past the holiday data (art. 203)', () => {
    // The claim's last day is the plain Saturday 2026-12-26 past the data (to 2026-12-24): the 2027 arrangement may
    // make Monday the 28th the last day, so a referral that day keeps the month; Friday 2026-12-18's month is barred.
    const result = referralEligibility(
      facts({
        referralDate: '2026-12-28',
        charges: [charge('2023-11', '2026-12-18'), charge('2023-12', '2026-12-26')],
        contracts: [{ ...filed, startsOn: '2020-01-01' }],
      }),
    );
    expect(result.excludedCharges).toEqual([{ month: '2023-11', amountFen: 9_482, reason: 'TIME_BARRED' }]);
    expect(result.claimableCharges.map((c) => c.month)).toEqual(['2023-12']);
  });

  it('does not hold a barred, unfiled month against the referral', () => {
    const result = referralEligibility(facts({ charges: [charge('2020-05', '2023-06-30'), charge('2023-01')] }));
    expect(result.eligible).toBe(true);
    expect(result.excludedCharges.map((c) => c.month)).toEqual(['2020-05']);
  });

  it('reports NO_CLAIMABLE_CHARGES with the months when every charge is barred, and still checks the rest', () => {
    const result = referralEligibility(
      facts({ charges: [charge('2020-02', '2023-03-31'), charge('2020-01', '2023-02-28')], demands: [] }),
    );
    expect(result.eligible).toBe(false);
    expect(result.failures).toEqual([
      {
        code: 'NO_CLAIMABLE_CHARGES',
        message:
          "Every unpaid charge is already decided by a court, time-barred, not yet due, not demanded, or the former owner's",
        months: ['2020-01', '2020-02'],
      },
      { code: 'NO_DEMAND_RECORDED', message: expect.stringMatching(/demand/) },
    ]);
    expect(result.excludedCharges).toHaveLength(2);
    expect(result.claimableCharges).toEqual([]);
  });

  it('claims only months past due: referred on 2026-12-01, December (due 2026-12-31) is excluded as NOT_YET_DUE and named', () => {
    const result = referralEligibility(
      facts({
        referralDate: '2026-12-01',
        charges: [charge('2026-10', '2029-10-31'), charge('2026-11', '2029-11-30'), charge('2026-12', '2029-12-31')],
        contracts: [{ ...filed, endsOn: '2031-12-31' }],
        demands: [{ date: '2026-11-05', channel: 'LETTER' }],
      }),
    );
    expect(result.eligible).toBe(true);
    // The letter of 2026-11-05 came before November fell due (11-30): it demanded October only.
    expect(result.claimableCharges.map((c) => c.month)).toEqual(['2026-10']);
    expect(result.excludedCharges).toEqual([
      { month: '2026-11', amountFen: 9_482, reason: 'NOT_DEMANDED' },
      { month: '2026-12', amountFen: 9_482, reason: 'NOT_YET_DUE' },
    ]);
    // Only a month not yet due: nothing is claimable yet.
    const early = referralEligibility(
      facts({
        referralDate: '2026-12-01',
        charges: [charge('2026-12', '2029-12-31')],
        demands: [{ date: '2026-11-05', channel: 'LETTER' }],
      }),
    );
    expect(early.failures.map((f) => f.code)).toEqual(['NO_CLAIMABLE_CHARGES']);
  });

  it('names the day the reasonable period after the earliest demand ends (Civil Code art. 944 para. 2), whatever N is', () => {
    const failure = (f: Partial<ReferralFacts>) =>
      referralEligibility(facts(f)).failures.find((x) => x.code === 'DEMAND_PERIOD_NOT_ELAPSED');
    expect(
      failure({
        demands: [
          { date: '2024-05-25', channel: 'LETTER' },
          { date: '2024-05-30', channel: 'SMS' },
        ],
      }),
    ).toEqual({
      code: 'DEMAND_PERIOD_NOT_ELAPSED',
      // The 15th day, 9 June 2024, is a Sunday and the 10th the Dragon Boat Festival: art. 203 moves it to the 11th.
      message: expect.stringContaining('runs to 2024-06-11 (Civil Code arts. 201, 203): refer from 2024-06-12'),
      elapsesOn: '2024-06-11',
      demandPeriodSetBy: 'HUB_DEFAULT',
    });
    expect(
      failure({
        demands: [{ date: '2024-05-25', channel: 'LETTER' }],
        demandPeriod: { days: 30, source: 'the contract' },
      })?.elapsesOn,
    ).toBe('2024-06-24');
    expect(
      failure({
        demands: [{ date: '2024-05-25', channel: 'LETTER' }],
        demandPeriod: { days: 5, source: 'the contract' },
      }),
    ).toBeUndefined();
  });

  it('runs the reasonable period from the earliest demand naming each month claimed, not one about other fees', () => {
    // The audit's case: the months 2026-06 to 2026-10 are owed; a letter of 2021 named 2021's fees only, the first
    // demand of these months is of 2026-11-01. Before, the 2021 letter let the referral of 2026-11-03 through.
    const months = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
    const recent: Partial<ReferralFacts> = {
      referralDate: '2026-11-03',
      charges: months.map((m) => charge(m, '2029-12-31')),
      contracts: [{ ...filed, startsOn: '2021-01-01', endsOn: '2027-12-31' }],
      mediationSessions: [{ heldOn: '2026-11-02', outcome: 'FAILED' }],
    };
    const early = referralEligibility(
      facts({
        ...recent,
        demands: [
          { date: '2021-03-01', channel: 'LETTER', months: ['2021-01', '2021-02'] },
          { date: '2026-11-01', channel: 'LETTER', months },
        ],
      }),
    );
    expect(early.failures).toEqual([
      expect.objectContaining({ code: 'DEMAND_PERIOD_NOT_ELAPSED', elapsesOn: '2026-11-16' }),
    ]);
    // a month no demand named is left out of the claim, as NOT_DEMANDED: the owner was never asked to pay it
    const partly = referralEligibility(
      facts({ ...recent, demands: [{ date: '2026-09-01', channel: 'LETTER', months: months.slice(0, 3) }] }),
    );
    expect(partly).toMatchObject({ eligible: true, failures: [] });
    expect(partly.claimableCharges.map((c) => c.month)).toEqual(months.slice(0, 3));
    expect(partly.excludedCharges.map((c) => [c.month, c.reason])).toEqual([
      ['2026-09', 'NOT_DEMANDED'],
      ['2026-10', 'NOT_DEMANDED'],
    ]);
    // only fees of other years demanded: nothing to claim
    expect(
      codes(facts({ ...recent, demands: [{ date: '2021-03-01', channel: 'LETTER', months: ['2021-01'] }] })),
    ).toEqual(['NO_CLAIMABLE_CHARGES']);
    // a demand whose charges are not known names every month late on its day: one of 2021 none of 2026 (before, it
    // counted for every month, also those billed years after it)
    expect(codes(facts({ ...recent, demands: [{ date: '2021-03-01', channel: 'LETTER', months: null }] }))).toEqual([
      'NO_CLAIMABLE_CHARGES',
    ]);
    expect(codes(facts({ ...recent, demands: [{ date: '2026-11-01', channel: 'LETTER', months: null }] }))).toEqual([
      'DEMAND_PERIOD_NOT_ELAPSED',
    ]);
  });

  it('leaves out the months a court already judged or settled in an earlier case, and fails when nothing else is owed', () => {
    const result = referralEligibility(facts({ decidedMonths: ['2023-01', '2022-05'] }));
    expect(result).toMatchObject({ eligible: true, failures: [] });
    expect(result.claimableCharges.map((c) => c.month)).toEqual(['2023-02', '2023-03']);
    expect(result.excludedCharges).toEqual([{ month: '2023-01', amountFen: 9_482, reason: 'ALREADY_DECIDED' }]);
    const none = referralEligibility(facts({ decidedMonths: ['2023-01', '2023-02', '2023-03'] }));
    expect(none.failures.map((f) => f.code)).toEqual(['NO_CLAIMABLE_CHARGES']);
    expect(none.excludedCharges.map((c) => c.reason)).toEqual([
      'ALREADY_DECIDED',
      'ALREADY_DECIDED',
      'ALREADY_DECIDED',
    ]);
  });

  it('refuses a claim of months billed under two contracts, and claims one when the company names it', () => {
    // 2023-01 and 2023-02 were billed under the old provider's contract kA, 2023-03 under kB: before, one complaint
    // sued for all three under kB, by kB's provider.
    const billed = (month: string, contractId: string | null) => ({ ...charge(month), contractId });
    const mixed = facts({
      charges: [billed('2023-03', 'kB'), billed('2023-01', 'kA'), billed('2023-02', 'kA'), billed('2022-12', null)],
    });
    const refused = referralEligibility(mixed);
    expect(refused.eligible).toBe(false);
    expect(refused.failures).toEqual([
      expect.objectContaining({
        code: 'CLAIM_SPANS_CONTRACTS',
        months: ['2022-12', '2023-01', '2023-02', '2023-03'],
        contracts: [
          { contractId: 'kA', months: ['2023-01', '2023-02'] },
          { contractId: 'kB', months: ['2023-03'] },
        ],
      }),
    ]);
    // Under kB: kA's months are left out and listed, and so is a month whose contract cannot be told.
    const underB = referralEligibility({ ...mixed, contractId: 'kB' });
    expect(underB).toMatchObject({ eligible: true, failures: [] });
    expect(underB.claimableCharges.map((c) => c.month)).toEqual(['2023-03']);
    expect(underB.excludedCharges).toEqual([
      { month: '2022-12', amountFen: 9_482, reason: 'OTHER_CONTRACT' },
      { month: '2023-01', amountFen: 9_482, reason: 'OTHER_CONTRACT' },
      { month: '2023-02', amountFen: 9_482, reason: 'OTHER_CONTRACT' },
    ]);
    // One contract throughout is no failure, named or not.
    const one = facts({ charges: [billed('2023-01', 'kA'), billed('2023-02', 'kA')] });
    expect(referralEligibility(one).eligible).toBe(true);
    expect(referralEligibility({ ...one, contractId: 'kA' }).excludedCharges).toEqual([]);
  });

  it("takes the reasonable period's contract from the months claimed: the one named, else the one they were billed under", () => {
    const billed = (month: string, contractId: string | null) => ({ ...charge(month), contractId });
    expect(governingContract([billed('2023-01', 'kA'), billed('2023-02', 'kA')], null)).toBe('kA');
    expect(governingContract([billed('2023-01', 'kA'), billed('2023-02', 'kB')], null)).toBeNull();
    expect(governingContract([billed('2023-01', 'kA'), billed('2023-02', null)], null)).toBeNull();
    expect(governingContract([billed('2023-01', 'kA'), billed('2023-02', 'kB')], 'kB')).toBe('kB');
  });

  it('does not count a demand made before the month fell due (art. 944 para. 2: late first, then demanded)', () => {
    // A letter of 2024-12-10 naming December's fee (due 12-31): the owner was not late yet.
    const result = referralEligibility(
      facts({
        referralDate: '2025-01-20',
        charges: [charge('2024-11', '2027-11-30'), charge('2024-12', '2027-12-31')],
        contracts: [{ ...filed, endsOn: '2027-12-31' }],
        demands: [{ date: '2024-12-10', channel: 'LETTER', months: ['2024-11', '2024-12'] }],
      }),
    );
    expect(result.claimableCharges.map((c) => c.month)).toEqual(['2024-11']);
    expect(result.excludedCharges).toEqual([{ month: '2024-12', amountFen: 9_482, reason: 'NOT_DEMANDED' }]);
  });

  it('claims a month whose limitation a pending mediation holds open, though its earliest end has passed', () => {
    // The audit's case: due 2023-01-31, mediation applied for 2023-02-15 and still pending; referred 2026-04-01. The
    // published end (three years from the application) has passed, but the period has not run: before, the month was
    // left out as TIME_BARRED.
    const held = { ...charge('2023-01', '2026-02-24'), limitationHeldOpen: true };
    const mediated = {
      referralDate: '2026-04-01',
      charges: [held],
      contracts: [{ ...filed, endsOn: '2026-12-31' }],
      demands: [{ date: '2026-03-01', channel: 'LETTER' }],
      mediationWaivedOn: '2026-03-20',
    };
    expect(referralEligibility(facts(mediated))).toMatchObject({ eligible: true, excludedCharges: [] });
    expect(
      referralEligibility(facts({ ...mediated, charges: [{ ...held, limitationHeldOpen: false }] })).excludedCharges,
    ).toEqual([{ month: '2023-01', amountFen: held.amountFen, reason: 'TIME_BARRED' }]);
  });

  it('counts a mediation session once it has ended, not one still pending', () => {
    expect(codes(facts({ mediationSessions: [{ heldOn: '2024-04-10', outcome: 'PENDING' }] }))).toEqual([
      'MEDIATION_NOT_TRIED',
    ]);
    for (const outcome of ['FAILED', 'WITHDRAWN', 'AGREED'])
      expect(codes(facts({ mediationSessions: [{ heldOn: '2024-04-10', outcome }] }))).toEqual([]);
    expect(
      codes(
        facts({ mediationSessions: [{ heldOn: '2024-04-10', outcome: 'PENDING' }], mediationWaivedOn: '2024-05-01' }),
      ),
    ).toEqual([]);
  });

  it("takes N from the contract's own term, else the city's setting, else the hub default, and says which", () => {
    const city = { cityName: '临江市', days: 30, source: 'the city bureau notice (test figure)' };
    const contract = { contractId: 'c-1', days: 10 };
    const failure = (demandPeriod: ReferralFacts['demandPeriod']) =>
      referralEligibility(facts({ demands: [{ date: '2024-05-25', channel: 'LETTER' }], demandPeriod })).failures.find(
        (x) => x.code === 'DEMAND_PERIOD_NOT_ELAPSED',
      );

    // The contract wins over the city: 10 days after 25 May 2024 is 4 June, a Tuesday; refer from the 5th.
    const byContract = failure(demandPeriodOf(contract, city, DEFAULT_DEMAND_PERIOD));
    expect(byContract).toMatchObject({ elapsesOn: '2024-06-04', demandPeriodSetBy: 'CONTRACT' });
    expect(byContract?.message).toContain("the contract c-1's own term");
    // No contract term: the city's 30 days run to Monday 24 June 2024.
    const byCity = failure(demandPeriodOf(null, city, DEFAULT_DEMAND_PERIOD));
    expect(byCity).toMatchObject({ elapsesOn: '2024-06-24', demandPeriodSetBy: 'CITY' });
    expect(byCity?.message).toContain("临江市's setting: the city bureau notice (test figure)");
    // Neither: the hub's 15 days, stated as the operator's choice, not a statute.
    const byHub = failure(demandPeriodOf(null, null, DEFAULT_DEMAND_PERIOD));
    expect(byHub).toMatchObject({ elapsesOn: '2024-06-11', demandPeriodSetBy: 'HUB_DEFAULT' });
    expect(byHub?.message).toContain("the hub operator's default reasonable period");
    expect(byHub?.message).toContain('fixes no number of days');
  });

  it('ends the reasonable period on the next working day when its last day is a holiday (Civil Code art. 203)', () => {
    // 15 days after 2026-09-18 is Saturday 3 October, in the National Day holiday (1–7 October 2026): the 8th.
    const demands = [{ date: '2026-09-18', channel: 'LETTER' }];
    const at = (referralDate: string) =>
      referralEligibility(facts({ referralDate, demands, charges: [charge('2026-08', '2029-08-31')] })).failures.find(
        (x) => x.code === 'DEMAND_PERIOD_NOT_ELAPSED',
      );
    expect(at('2026-10-04')?.elapsesOn).toBe('2026-10-08');
    expect(at('2026-10-08')?.message).toContain('refer from 2026-10-09');
    expect(at('2026-10-09')).toBeUndefined();
  });

  it('reports a period ending past the holiday data without a date while too early, and refuses to guess after that', () => {
    const demands = [{ date: '2026-12-15', channel: 'LETTER' }];
    const charges = [charge('2026-10', '2029-10-31')];
    const early = referralEligibility(facts({ referralDate: '2026-12-20', demands, charges })).failures.find(
      (x) => x.code === 'DEMAND_PERIOD_NOT_ELAPSED',
    );
    expect(early?.elapsesOn).toBeUndefined();
    expect(early?.message).toContain('runs at least to 2026-12-30');
    expect(rejection(() => referralEligibility(facts({ referralDate: '2027-01-05', demands, charges }))).code).toBe(
      'OUTSIDE_HOLIDAY_CALENDAR',
    );
  });

  it.each<[string, Partial<ReferralFacts>, string[]]>([
    ['a bad referral date', { referralDate: '2024-02-30' }, ['referralDate']],
    [
      'a duplicated month and a zero amount',
      { charges: [charge('2023-01'), charge('2023-01', '2027-01-31', 0)] },
      ['charges[1].amountFen', 'charges[1].month'],
    ],
    [
      'a contract ending before it starts',
      { contracts: [{ ...filed, startsOn: '2024-01-01', endsOn: '2023-01-01' }] },
      ['contracts[0]'],
    ],
    [
      'an undated demand and a bad waiver',
      { demands: [{ date: 'yesterday', channel: 'SMS' }], mediationWaivedOn: '2024/05/01' },
      ['demands', 'mediationWaivedOn'],
    ],
  ])('rejects %s as input', (_label, overrides, fields) => {
    const error = rejection(() => referralEligibility(facts(overrides)));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(error.details?.fields as object).sort()).toEqual(fields);
  });
});
