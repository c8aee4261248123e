import { DomainError } from '../../../kernel/errors';
import { rejection } from '../../../test/support/rejection';
import { chargeFen } from '../../../kernel/money';
import { casePackageProblems, firstPackage } from './case-package';
import { referralEligibility } from './eligibility';
import {
  ClaimSnapshot,
  FilingRecord,
  casePackageContent,
  contradictions,
  correctionVerdict,
  assertCorrectionPerformanceDue,
  courtEventEffect,
  contractDemandPeriod,
  courtReportDigest,
  filedContracts,
  judgmentAboveClaim,
  ownerChangedSinceReferral,
  procedureChangeVerdict,
  referralFacts,
  validateCosts,
  validateEvidence,
  MAX_COST_LINES,
  MAX_EVIDENCE_ITEMS,
} from './referral';
import { DEFAULT_DEMAND_PERIOD } from './statutes';

const FILING: FilingRecord = {
  filingId: 'f1',
  contractId: 'k1',
  status: 'ACCEPTED',
  recordNumber: '110108-2021-0001',
  startsOn: '2022-01-01',
  endsOn: '2031-12-31',
  terminatedOn: null,
  terms: {
    title: '学院南路32号院物业服务合同（四方协议）',
    number: 'BTPZ-XYNL32-2021-001',
    signedOn: '2021-12-10',
    startsOn: '2022-01-01',
    endsOn: '2031-12-31',
    parties: [{ role: 'PROVIDER', name: '北京学苑物业服务有限公司', registration: '91110108MA01DEMO32' }],
    lateFee: null,
  },
};

// Seed 003's owner rate of ¥1.67 for a high-rise flat of 56.78 m²: 9,482 fen a month.
const monthly = chargeFen(5678, 167);
const charge = (month: string, openFen: number, limitationEndsOn: string, kind = 'SERVICE_FEE') => ({
  chargeId: `c-${month}`,
  kind,
  month,
  dueOn: `${month}-28`,
  filingId: 'f1',
  floorAreaCentiM2: 5678,
  rateFen: 167,
  openFen,
  limitationEndsOn,
  lateFeeFen: 0,
});

const CLAIM: ClaimSnapshot = {
  accountId: 'a1',
  companyId: '91110108MA01DEMO32',
  householdId: 'h1',
  areaId: 'area-1',
  areaName: '学院南路32号院',
  unit: '3',
  room: '402',
  floorAreaCentiM2: 5678,
  ownerReference: 'XYNL32-3-402',
  status: 'IN_COLLECTION',
  asOf: '2026-11-22',
  charges: [
    charge('2023-01', monthly, '2026-01-31'),
    charge('2026-09', monthly, '2029-09-30'),
    charge('2026-10', monthly - 2000, '2029-10-31'),
    charge('2026-10', 1604, '2029-11-30', 'LEVY'),
  ],
  demands: [
    { kind: 'LETTER', on: '2026-11-01', channel: null, chargeIds: ['c-2026-09', 'c-2026-10'] },
    { kind: 'MESSAGE', on: '2026-11-05', channel: 'WECHAT' },
  ],
  mediationSessions: [{ on: '2026-11-10', outcome: 'FAILED' }],
};
const EVIDENCE = [{ name: '合同.pdf', type: 'CONTRACT', sha256: 'a'.repeat(64) }];

describe('a fee raised by a correction is claimed from the raise’s own due date (arrears’ owedSince)', () => {
  // 2023-03's fee (due 2023-03-31) paid on time, raised by ¥100.00 on 2026-05-10: the raise alone is open, due
  // 2026-05-31, its limitation period ending 2029-05-31; a letter delivered 2026-05-20 named the month.
  const raised = {
    ...charge('2023-03', 10_000, '2029-05-31'),
    dueOn: '2023-03-31',
    owedSince: '2026-05-31',
    amountFen: 20_000,
    paidFen: 10_000,
    waivedFen: 0,
    lateFeeFen: 12,
  };
  const letter = (on: string) => ({ kind: 'LETTER', on, channel: null, deliveredOn: on, chargeIds: ['c-2023-03'] });
  const claimOf = (demands: ClaimSnapshot['demands']) => ({
    ...CLAIM,
    asOf: '2026-07-20',
    charges: [raised],
    demands,
    mediationSessions: [],
  });
  const eligibilityOn = (claim: ClaimSnapshot, referralDate: string) =>
    referralEligibility(referralFacts(claim, [FILING], referralDate, referralDate, DEFAULT_DEMAND_PERIOD));

  it('is not yet due before the raise’s due date, nor demanded by a letter before it, nor time-barred', () => {
    const early = claimOf([letter('2026-05-20')]);
    expect(referralFacts(early, [FILING], '2026-05-25', null, DEFAULT_DEMAND_PERIOD).charges[0]).toMatchObject({
      dueOn: '2026-05-31',
      amountFen: 10_000,
      limitationEndsOn: '2029-05-31',
    });
    // Before, dated 2023-03-31: past due, demanded, and with arrears' old limitation date (2026-03-31) TIME_BARRED.
    expect(eligibilityOn(early, '2026-05-25')).toMatchObject({
      eligible: false,
      excludedCharges: [{ month: '2023-03', amountFen: 10_000, reason: 'NOT_YET_DUE' }],
    });
    expect(eligibilityOn(early, '2026-06-15')).toMatchObject({
      eligible: false,
      excludedCharges: [{ month: '2023-03', amountFen: 10_000, reason: 'NOT_DEMANDED' }],
    });
    // A letter after the raise fell due demands it: claimable once its reasonable period has run.
    const demanded = claimOf([letter('2026-05-20'), letter('2026-06-01')]);
    expect(eligibilityOn(demanded, '2026-07-20')).toMatchObject({
      eligible: true,
      claimableCharges: [{ month: '2023-03', amountFen: 10_000, dueOn: '2026-05-31' }],
      excludedCharges: [],
    });
  });

  it('reads a snapshot published before owedSince by the charge’s due date, as before', () => {
    expect(
      referralFacts(
        { ...claimOf([]), charges: [{ ...raised, owedSince: undefined }] },
        [FILING],
        '2026-07-20',
        null,
        DEFAULT_DEMAND_PERIOD,
      ).charges[0].dueOn,
    ).toBe('2023-03-31');
  });

  it('states the late fee in the case package as run on the open amount since the raise’s due date', () => {
    const { content } = casePackageContent({
      referralId: '7d0c2f1e-0000-4000-8000-000000000009',
      claim: claimOf([letter('2026-06-01')]),
      claimableMonths: ['2023-03'],
      filings: [FILING],
      evidence: EVIDENCE,
      costs: [],
    });
    expect(content.penaltyLines.map((l) => l.computation)).toEqual([
      expect.stringContaining('¥100.00 unpaid since 2026-05-31'),
    ]);
  });
});

describe('referral facts and the case package', () => {
  it('claims the open service fees only, excludes the time-barred month, and keeps demands with their channel', () => {
    const facts = referralFacts(CLAIM, [FILING], '2026-11-22', null, DEFAULT_DEMAND_PERIOD);
    expect(facts.charges.map((c) => c.month)).toEqual(['2023-01', '2026-09', '2026-10']);
    // each demand with the months it named; one published before arrears sent its charges names none known (null)
    expect(facts.demands).toEqual([
      { date: '2026-11-01', channel: 'LETTER', months: ['2026-09', '2026-10'] },
      { date: '2026-11-05', channel: 'MESSAGE (WECHAT)', months: null },
    ]);
    const eligibility = referralEligibility(facts);
    expect(eligibility).toMatchObject({
      eligible: true,
      excludedCharges: [{ month: '2023-01', amountFen: monthly, reason: 'TIME_BARRED' }],
    });
  });

  it('dates a letter by its arrival where recorded: the day the demand took effect (Civil Code art. 137)', () => {
    const delivered = {
      ...CLAIM,
      demands: [
        { ...CLAIM.demands[0], deliveredOn: '2026-11-04' },
        { ...CLAIM.demands[1], deliveredOn: undefined },
      ],
    };
    // A letter whose arrival is not recorded has demanded nothing yet: no demand for the reasonable period, as arrears
    // counts it for limitation; the package lists it as sent, its arrival unrecorded.
    const unrecorded = { ...CLAIM, demands: [{ ...CLAIM.demands[0], deliveredOn: null }, CLAIM.demands[1]] };
    expect(referralFacts(unrecorded, [FILING], '2026-11-22', null, DEFAULT_DEMAND_PERIOD).demands).toEqual([
      { date: '2026-11-05', channel: 'MESSAGE (WECHAT)', months: null },
    ]);
    expect(
      casePackageContent({
        referralId: '7d0c2f1e-0000-4000-8000-000000000003',
        claim: unrecorded,
        claimableMonths: ['2026-09', '2026-10'],
        filings: [FILING],
        evidence: EVIDENCE,
        costs: [],
      }).content.demands[0],
    ).toEqual({ date: '2026-11-01', channel: 'LETTER', deliveredOn: null });
    expect(referralFacts(delivered, [FILING], '2026-11-22', null, DEFAULT_DEMAND_PERIOD).demands).toEqual([
      { date: '2026-11-04', channel: 'LETTER', months: ['2026-09', '2026-10'] },
      { date: '2026-11-05', channel: 'MESSAGE (WECHAT)', months: null },
    ]);
    // The package states when it was sent and when it arrived; the complaint says both (complaint.test.ts).
    const { content } = casePackageContent({
      referralId: '7d0c2f1e-0000-4000-8000-000000000002',
      claim: delivered,
      claimableMonths: ['2026-09', '2026-10'],
      filings: [FILING],
      evidence: EVIDENCE,
      costs: [],
    });
    expect(content.demands).toEqual([
      { date: '2026-11-01', channel: 'LETTER', deliveredOn: '2026-11-04' },
      { date: '2026-11-05', channel: 'MESSAGE (WECHAT)' },
    ]);
  });

  it('lists in the package only the demands made on the owner sued, none made on a former owner', () => {
    // The owner since 3 November 2026: the letter of the 1st went to the former owner, the message of the 5th to them.
    const { content } = casePackageContent({
      referralId: '7d0c2f1e-0000-4000-8000-000000000004',
      claim: { ...CLAIM, ownerSince: '2026-11-03' },
      claimableMonths: ['2026-10'],
      filings: [FILING],
      evidence: EVIDENCE,
      costs: [],
    });
    expect(content.demands).toEqual([{ date: '2026-11-05', channel: 'MESSAGE (WECHAT)' }]);
  });

  it('counts superseded and terminated filings as filed for the months they covered, up to the termination', () => {
    expect(
      filedContracts([
        { ...FILING, status: 'TERMINATED', terminatedOn: '2025-06-30' },
        { ...FILING, filingId: 'f2', status: 'RETURNED', recordNumber: null },
      ]),
    ).toEqual([
      {
        contractId: 'k1',
        status: 'ACCEPTED',
        startsOn: '2022-01-01',
        endsOn: '2025-06-30',
        filingRecordNumber: '110108-2021-0001',
      },
    ]);
  });

  it("takes the contract's own reasonable period from its current filing, not a superseded or unfiled version", () => {
    const stating = (days: number) => ({ ...FILING.terms, demandPeriodDays: days });
    expect(contractDemandPeriod([FILING])).toBeNull();
    expect(contractDemandPeriod([{ ...FILING, terms: stating(20) }])).toEqual({ contractId: 'k1', days: 20 });
    // The superseded version stated 20 days; the accepted amendment states none: the contract now states none.
    expect(
      contractDemandPeriod([
        { ...FILING, status: 'SUPERSEDED', terms: stating(20) },
        { ...FILING, filingId: 'f2', terms: FILING.terms },
      ]),
    ).toBeNull();
    // Of two contracts, the one most recently in force governs; a returned filing (no record number) never does.
    expect(
      contractDemandPeriod([
        { ...FILING, status: 'TERMINATED', terminatedOn: '2025-06-30', terms: stating(20) },
        { ...FILING, filingId: 'f3', contractId: 'k2', startsOn: '2025-07-01', terms: stating(45) },
        { ...FILING, filingId: 'f4', contractId: 'k3', status: 'RETURNED', recordNumber: null, terms: stating(90) },
      ]),
    ).toEqual({ contractId: 'k2', days: 45 });
  });

  it('builds a consistent package whose lines equal what is open, under the filing of the months claimed', () => {
    const { content, claims } = casePackageContent({
      referralId: 'r1',
      claim: CLAIM,
      claimableMonths: ['2026-09', '2026-10'],
      filings: [FILING],
      evidence: EVIDENCE,
      costs: [],
    });
    expect(claims.feeTotalFen).toBe(monthly + monthly - 2000);
    expect(content.arrearsLines.map((l) => [l.month, l.amountFen])).toEqual([
      ['2026-09', monthly],
      ['2026-10', monthly - 2000],
    ]);
    expect(content.contract).toEqual({
      name: FILING.terms.title,
      number: FILING.terms.number,
      signedOn: '2021-12-10',
      filingRecordNumber: '110108-2021-0001',
    });
    expect(content.parties.map((p) => [p.role, p.identifier])).toEqual([
      ['PLAINTIFF', '91110108MA01DEMO32'],
      ['DEFENDANT', 'XYNL32-3-402'],
    ]);
    expect(casePackageProblems(firstPackage(content))).toEqual([]);
  });

  it('claims a month billed for the days served as billed: what is open of the days, the days in words', () => {
    // Billed for 16 of March's 31 days (a contract beginning on the 16th): 56.78 m² × ¥1.67 × 16/31 = ¥48.94; ¥10 paid.
    const handedOver: ClaimSnapshot = {
      ...CLAIM,
      charges: [{ ...charge('2026-03', 4_894 - 1_000, '2029-03-31'), servedDays: 16 }],
    };
    const { content, claims } = casePackageContent({
      referralId: 'r1',
      claim: handedOver,
      claimableMonths: ['2026-03'],
      filings: [FILING],
      evidence: EVIDENCE,
      costs: [],
    });
    expect(claims.feeTotalFen).toBe(3_894);
    expect(content.arrearsLines.map((l) => [l.month, l.servedDays, l.paidFen, l.amountFen, l.computation])).toEqual([
      ['2026-03', 16, 1_000, 3_894, '56.78 m² × ¥1.67 × 16/31 days = ¥48.94, less ¥10.00 paid = ¥38.94'],
    ]);
    expect(casePackageProblems(firstPackage(content))).toEqual([]);
  });

  it("claims a month billed in parts as billed: each contract's rate and days, its filed standard, no rate refused", () => {
    // Contract k0 (filing f0, ¥1.50) ended on 15 March 2026 and its renewal k1 (f1, ¥2.00) began on the 16th: March is
    // one fee, 100 m² × (¥1.50 × 15/31 + ¥2.00 × 16/31) = ¥175.81, billed under f1; April is f1's alone.
    const FIRST: FilingRecord = { ...FILING, filingId: 'f0', contractId: 'k0', recordNumber: '110108-2025-0003' };
    const RENEWAL: FilingRecord = { ...FILING, startsOn: '2026-03-16', endsOn: '2029-03-15' };
    const renewed: ClaimSnapshot = {
      ...CLAIM,
      floorAreaCentiM2: 10_000,
      charges: [
        {
          ...charge('2026-03', 17_581, '2029-03-31'),
          floorAreaCentiM2: 10_000,
          rateFen: 200,
          parts: [
            { filingId: 'f0', rateFen: 150, days: 15 },
            { filingId: 'f1', rateFen: 200, days: 16 },
          ],
        },
        { ...charge('2026-04', 20_000, '2029-04-30'), floorAreaCentiM2: 10_000, rateFen: 200 },
      ],
    };
    const { content, claims } = casePackageContent({
      referralId: 'r1',
      claim: renewed,
      claimableMonths: ['2026-03', '2026-04'],
      filings: [FIRST, RENEWAL],
      evidence: EVIDENCE,
      costs: [],
    });
    expect(claims.feeTotalFen).toBe(17_581 + 20_000);
    expect(content.arrearsLines.map((l) => [l.month, l.servedDays, l.parts, l.correctedFen, l.computation])).toEqual([
      [
        '2026-03',
        null,
        [
          { rateFenPerM2Month: 150, days: 15 },
          { rateFenPerM2Month: 200, days: 16 },
        ],
        0,
        '100.00 m² × (¥1.50 × 15/31 + ¥2.00 × 16/31 days) = ¥175.81',
      ],
      ['2026-04', null, undefined, 0, '100.00 m² × ¥2.00 = ¥200.00'],
    ]);
    // March is in the run of each filing; the renewal's, the month's own, last.
    expect(
      content.feeStandards?.map((p) => [p.fromMonth, p.toMonth, p.filingRecordNumber, p.rateFenPerM2Month]),
    ).toEqual([
      ['2026-03', '2026-03', '110108-2025-0003', 150],
      ['2026-03', '2026-04', '110108-2021-0001', 200],
    ]);
    expect(casePackageProblems(firstPackage(content))).toEqual([]);
    // A part at a rate no run of the month names is a RATE_MISMATCH still.
    const [march, april] = content.arrearsLines;
    const misstated = { ...march, parts: [{ rateFenPerM2Month: 170, days: 15 }, march.parts![1]] };
    expect(casePackageProblems({ ...firstPackage(content), arrearsLines: [misstated, april] })).toEqual([
      'RATE_MISMATCH',
    ]);
  });

  it("draws the package under the contract the months were billed under, and never claims another contract's months", () => {
    // The area changed provider: 2026-09 was billed under the old contract k0 (filing f0), 2026-10 under k1.
    const OLD: FilingRecord = {
      ...FILING,
      filingId: 'f0',
      contractId: 'k0',
      recordNumber: '110108-2018-0007',
      startsOn: '2018-01-01',
      endsOn: '2026-09-30',
      terms: {
        ...FILING.terms,
        number: 'OLD-2018',
        parties: [{ role: 'PROVIDER', name: '甲物业', registration: null }],
      },
    };
    const NEW: FilingRecord = { ...FILING, startsOn: '2026-10-01' };
    const switched: ClaimSnapshot = {
      ...CLAIM,
      charges: CLAIM.charges.map((c) => (c.month === '2026-09' ? { ...c, filingId: 'f0' } : c)),
    };
    const facts = referralFacts(switched, [OLD, NEW], '2026-11-22', null, DEFAULT_DEMAND_PERIOD);
    expect(facts.charges.map((c) => [c.month, c.contractId])).toEqual([
      ['2023-01', 'k1'],
      ['2026-09', 'k0'],
      ['2026-10', 'k1'],
    ]);
    // A charge whose filing is not known here is the contract's in force in its month, when only one is.
    const unknownFilings: ClaimSnapshot = {
      ...switched,
      charges: switched.charges.map((c) => ({ ...c, filingId: null })),
    };
    expect(
      referralFacts(unknownFilings, [OLD, NEW], '2026-11-22', null, DEFAULT_DEMAND_PERIOD).charges.map((c) => [
        c.month,
        c.contractId,
      ]),
    ).toEqual([
      ['2023-01', 'k0'],
      ['2026-09', 'k0'],
      ['2026-10', 'k1'],
    ]);
    expect(referralEligibility(facts).failures.map((f) => f.code)).toEqual(['CLAIM_SPANS_CONTRACTS']);
    const spanning = () =>
      casePackageContent({
        referralId: 'r1',
        claim: switched,
        claimableMonths: ['2026-09', '2026-10'],
        filings: [OLD, NEW],
        evidence: EVIDENCE,
        costs: [],
      });
    expect(spanning).toThrow(
      expect.objectContaining({ code: 'CLAIM_SPANS_CONTRACTS', details: { months: ['2026-09'] } }),
    );
    // The latest month's filing unknown here: the filing in force that month, not any filing with a record number.
    const unknown: ClaimSnapshot = {
      ...CLAIM,
      charges: CLAIM.charges.map((c) => (c.month === '2026-10' ? { ...c, filingId: 'f-unknown' } : c)),
    };
    const { filing } = casePackageContent({
      referralId: 'r2',
      claim: unknown,
      claimableMonths: ['2026-10'],
      filings: [OLD, NEW],
      evidence: EVIDENCE,
      costs: [],
    });
    expect(filing.filingId).toBe('f1');
    // Sued under the old contract, its months only: the package is drawn up under its filing.
    const underOld = casePackageContent({
      referralId: 'r3',
      claim: switched,
      claimableMonths: ['2026-09'],
      filings: [OLD, NEW],
      evidence: EVIDENCE,
      costs: [],
      contractId: 'k0',
    });
    expect([underOld.filing.filingId, underOld.content.contract.number]).toEqual(['f0', 'OLD-2018']);
  });

  it('refuses evidence without a SHA-256, and an empty list', () => {
    expect(() => validateEvidence([])).toThrow(DomainError);
    expect(() => validateEvidence([{ name: 'x', type: 'CONTRACT', sha256: 'XYZ' }])).toThrow(DomainError);
    expect(validateEvidence([{ name: ' 合同.pdf ', type: 'CONTRACT', sha256: 'b'.repeat(64) }])).toEqual([
      { name: '合同.pdf', type: 'CONTRACT', sha256: 'b'.repeat(64) },
    ]);
  });

  it('takes at most 50 pieces of evidence and 20 costs, each copied into every account’s package', () => {
    const piece = (n: number) => ({
      name: `证据${n}.pdf`,
      type: 'STATEMENT',
      sha256: n.toString(16).padStart(64, '0'),
    });
    expect(validateEvidence(Array.from({ length: MAX_EVIDENCE_ITEMS }, (_, n) => piece(n)))).toHaveLength(50);
    expect(() => validateEvidence(Array.from({ length: MAX_EVIDENCE_ITEMS + 1 }, (_, n) => piece(n)))).toThrow(
      expect.objectContaining({ details: { fields: { evidence: 'at most 50 pieces of evidence' } } }),
    );
    const cost = { kind: 'COURT_COSTS' as const, label: '诉讼费', amountFen: 5000 };
    expect(validateCosts(Array(MAX_COST_LINES).fill(cost))).toEqual({});
    expect(validateCosts(Array(MAX_COST_LINES + 1).fill(cost))).toEqual({ costs: 'at most 20 costs' });
    expect(validateCosts([{ kind: 'COURT_COSTS', label: ' ', amountFen: -1 }])).toEqual({
      'costs[0].label': 'name the cost',
      'costs[0].amountFen': 'whole fen, 0 or more',
    });
    // Court costs at 0 (the court assesses them); another claim of nothing is refused.
    expect(validateCosts([{ kind: 'COURT_COSTS', label: '案件受理费', amountFen: 0 }])).toEqual({});
    expect(validateCosts([{ kind: 'OTHER_CLAIM', label: '律师费', amountFen: 0 }])).toEqual({
      'costs[0].amountFen': 'whole fen, more than 0',
    });
    // A direct caller (the GraphQL enum refuses it first) must say whether it is court costs or another claim.
    expect(validateCosts([{ label: '律师费', amountFen: 1 }])).toEqual({
      'costs[0].kind': 'one of COURT_COSTS, OTHER_CLAIM',
    });
  });

  it('needs the case number to docket, the amount to judge or settle, and the date to hear; takes the court’s procedure', () => {
    expect(
      courtEventEffect({
        kind: 'DOCKETED',
        occurredAt: '2026-11-20T09:00:00+08:00',
        caseNumber: '(2026)京0108民初1号',
        procedure: 'SMALL_CLAIMS',
      }),
    ).toEqual({
      caseNumber: '(2026)京0108民初1号',
      docketedOn: '2026-11-20',
      procedure: 'SMALL_CLAIMS',
    });
    expect(courtEventEffect({ kind: 'JUDGED', occurredAt: '2027-01-05T15:00:00+08:00', judgedFen: 18_964 })).toEqual({
      judgedFen: 18_964,
      decidedOn: '2027-01-05',
    });
    // The day is China's: docketed at 23:30 UTC on 28 February is 1 March (before, the sender's date was taken).
    expect(
      courtEventEffect({ kind: 'DOCKETED', occurredAt: '2026-02-28T23:30:00Z', caseNumber: '(2026)京0108民初2号' }),
    ).toEqual({ caseNumber: '(2026)京0108民初2号', docketedOn: '2026-03-01' });
    expect(courtEventEffect({ kind: 'CLOSED', occurredAt: '2027-02-01T10:00:00+08:00' })).toEqual({});
    // A listing names the enforcement case (its enforcement case number), and leaves the docketed case number as it was.
    expect(
      courtEventEffect({
        kind: 'DEBTOR_LISTED_DISHONEST',
        occurredAt: '2027-06-01T10:00:00+08:00',
        caseNumber: '(2027)京0108执1号',
      }),
    ).toEqual({ enforcementCaseNumber: '(2027)京0108执1号' });
    expect(
      courtEventEffect({ kind: 'HEARING_SCHEDULED', occurredAt: '2027-01-05T15:00:00+08:00', hearingOn: '2077-01-05' }),
    ).toEqual({ hearingOn: '2077-01-05' });
    for (const bad of [
      { kind: 'DEBTOR_LISTED_DISHONEST', occurredAt: '2027-06-01T10:00:00+08:00' },
      { kind: 'DOCKETED', occurredAt: '2026-11-20T09:00:00+08:00' },
      { kind: 'DOCKETED', occurredAt: '2026-11-20T09:00:00+08:00', caseNumber: 'x', procedure: 'UNDETERMINED' },
      { kind: 'JUDGED', occurredAt: '2027-01-05T15:00:00+08:00', judgedFen: -1 },
      { kind: 'SETTLED', occurredAt: '2027-01-05T15:00:00+08:00' },
      { kind: 'HEARING_SCHEDULED', occurredAt: '2027-01-05T15:00:00+08:00', hearingOn: '2027-02-30' },
      // The LocalDate range from the report's day: GraphQL refused these, a court's Kafka report did not.
      { kind: 'HEARING_SCHEDULED', occurredAt: '2027-01-05T15:00:00+08:00', hearingOn: '9999-12-31' },
      { kind: 'HEARING_SCHEDULED', occurredAt: '2027-01-05T15:00:00+08:00', hearingOn: '1000-01-01' },
    ]) {
      expect(() => courtEventEffect(bad)).toThrow(DomainError);
    }
  });

  it('digests what a court report says, whatever the order of its fields, so a re-send under its id can be compared', () => {
    const details = {
      kind: 'DOCKETED',
      occurredAt: '2026-03-02T09:00:00+08:00',
      caseNumber: '(2026)京0102民初1号',
      procedure: 'SMALL_CLAIMS',
      hearingOn: null,
      judgedFen: null,
      settledFen: null,
      note: null,
    };
    const reordered = Object.fromEntries(Object.entries(details).reverse());
    expect(courtReportDigest('r1', reordered)).toBe(courtReportDigest('r1', details));
    expect(courtReportDigest('r2', details)).not.toBe(courtReportDigest('r1', details));
    expect(courtReportDigest('r1', { ...details, caseNumber: '(2026)京0102民初2号' })).not.toBe(
      courtReportDigest('r1', details),
    );
  });
});

describe('a correction after the owner referred has changed (helper-242, H-1)', () => {
  const MONTHS = ['2026-09', '2026-10'];
  it('keeps the owner referred: a buyer or heirs named since, or a day of ownership after a month claimed, are refused', () => {
    // The owner referred still owns the flat (a reference retyped in full-width is the same owner).
    expect(ownerChangedSinceReferral('XYNL32-3-402', CLAIM, MONTHS)).toBeNull();
    expect(ownerChangedSinceReferral('ＸＹＮＬ32-3-402', CLAIM, MONTHS)).toBeNull();
    // A claim naming no owner was referred under the household's id.
    expect(ownerChangedSinceReferral('h1', { ...CLAIM, ownerReference: null }, MONTHS)).toBeNull();
    // Sold on 1 December: the buyer is not the party sued, and the months claimed are the seller's.
    const sold = { ...CLAIM, ownerReference: 'BUYER', ownerSince: '2026-12-01' };
    expect(ownerChangedSinceReferral('XYNL32-3-402', sold, MONTHS)).toEqual({
      owner: true,
      months: ['2026-09', '2026-10'],
    });
    expect(ownerChangedSinceReferral('h1', { ...sold, ownerReference: 'BUYER' }, MONTHS)?.owner).toBe(true);
    // The same owner, their day of ownership corrected into a month claimed.
    expect(ownerChangedSinceReferral('XYNL32-3-402', { ...CLAIM, ownerSince: '2026-09-15' }, MONTHS)).toEqual({
      owner: false,
      months: ['2026-09'],
    });
    // Whereas an owner since before every month claimed is the owner sued.
    expect(ownerChangedSinceReferral('XYNL32-3-402', { ...CLAIM, ownerSince: '2026-09-01' }, MONTHS)).toBeNull();
  });
});

describe('a report repeating a step the case has taken', () => {
  const recorded = {
    caseNumber: '(2026)京0102民初8837号',
    enforcementCaseNumber: null,
    judgedFen: 1_234,
    settledFen: null,
    hearingOn: null,
  };
  it('contradicts the record where it gives another case number or amount, and only there', () => {
    expect(contradictions(recorded, { judgedFen: 1_234, decidedOn: '2026-12-01' }, 'STALE')).toEqual([]);
    expect(contradictions(recorded, { judgedFen: 4_321 }, 'STALE')).toEqual([
      { field: 'judgedFen', recorded: 1_234, reported: 4_321 },
    ]);
    expect(
      contradictions(recorded, { caseNumber: '(2026)京0102民初9999号', docketedOn: '2026-11-30' }, 'STALE'),
    ).toEqual([{ field: 'caseNumber', recorded: '(2026)京0102民初8837号', reported: '(2026)京0102民初9999号' }]);
    // What is not recorded yet is filled, not contradicted (a settlement arriving late).
    expect(contradictions(recorded, { settledFen: 500 }, 'STALE')).toEqual([]);
    expect(contradictions({ ...recorded, judgedFen: null }, { judgedFen: 4_321 }, 'STALE')).toEqual([]);
  });

  it('takes the enforcement case number the start of enforcement or a listing gives, and holds a repeat to it', () => {
    const started = { kind: 'ENFORCEMENT_STARTED', occurredAt: '2027-02-01T10:00:00+08:00' };
    // Optional at the start (a court system may not send it); before, a number sent was dropped.
    expect(courtEventEffect(started)).toEqual({});
    expect(courtEventEffect({ ...started, caseNumber: ' (2027)京0102执101号 ' })).toEqual({
      enforcementCaseNumber: '(2027)京0102执101号',
    });
    const listing = { kind: 'DEBTOR_LISTED_DISHONEST', occurredAt: '2027-03-01T10:00:00+08:00' };
    expect(courtEventEffect({ ...listing, caseNumber: '(2027)京0102执101号' })).toEqual({
      enforcementCaseNumber: '(2027)京0102执101号',
    });
    const enforced = { ...recorded, enforcementCaseNumber: '(2027)京0102执101号' };
    expect(contradictions(enforced, { enforcementCaseNumber: '(2027)京0102执202号' }, 'DUPLICATE')).toEqual([
      { field: 'enforcementCaseNumber', recorded: '(2027)京0102执101号', reported: '(2027)京0102执202号' },
    ]);
    expect(contradictions(enforced, { enforcementCaseNumber: '(2027)京0102执101号' }, 'DUPLICATE')).toEqual([]);
  });

  it('contradicts the recorded hearing date when reported at its very instant, not when older', () => {
    // Before, a reschedule sent with the same time was taken for the repeat and dropped.
    const heard = { ...recorded, hearingOn: '2027-01-10' };
    expect(contradictions(heard, { hearingOn: '2027-01-20' }, 'DUPLICATE')).toEqual([
      { field: 'hearingOn', recorded: '2027-01-10', reported: '2027-01-20' },
    ]);
    expect(contradictions(heard, { hearingOn: '2027-01-10' }, 'DUPLICATE')).toEqual([]);
    expect(contradictions(heard, { hearingOn: '2027-01-05' }, 'STALE')).toEqual([]);
  });
});

describe('an amount judged above all that was claimed (art. 211 item 11)', () => {
  it('is flagged, unless the package asks for the late fee until paid; none judged or up to the claim is not', () => {
    expect(judgmentAboveClaim(19_001, 19_000, false)).toBe(true);
    expect(judgmentAboveClaim(19_000, 19_000, false)).toBe(false);
    expect(judgmentAboveClaim(12_000, 19_000, false)).toBe(false);
    expect(judgmentAboveClaim(null, 19_000, false)).toBe(false);
    // The late fee until paid grows to the judgment's day: more than computed at referral may be right.
    expect(judgmentAboveClaim(19_001, 19_000, true)).toBe(false);
  });
});

describe('a conversion of a small claim (art. 169)', () => {
  it('carries SIMPLE_OR_ORDINARY and its day in China, and is judged against the procedure recorded', () => {
    expect(
      courtEventEffect({
        kind: 'PROCEDURE_CHANGED',
        occurredAt: '2026-12-01T17:00:00Z',
        procedure: 'SIMPLE_OR_ORDINARY',
      }),
    ).toEqual({ procedure: 'SIMPLE_OR_ORDINARY', procedureChangedOn: '2026-12-02' });
    for (const procedure of [undefined, null, 'SMALL_CLAIMS', 'UNDETERMINED'])
      expect(() =>
        courtEventEffect({ kind: 'PROCEDURE_CHANGED', occurredAt: '2026-12-01T09:00:00+08:00', procedure }),
      ).toThrow(expect.objectContaining({ details: { fields: { procedure: expect.any(String) } } }));
    expect(procedureChangeVerdict({ procedure: 'SMALL_CLAIMS', procedureChangedOn: null })).toBe('APPLY');
    expect(procedureChangeVerdict({ procedure: 'SMALL_CLAIMS_BY_CONSENT', procedureChangedOn: null })).toBe('APPLY');
    expect(procedureChangeVerdict({ procedure: 'SIMPLE_OR_ORDINARY', procedureChangedOn: '2026-12-02' })).toBe(
      'DUPLICATE',
    );
    for (const procedure of ['SIMPLE_OR_ORDINARY', 'UNDETERMINED'] as const)
      expect(procedureChangeVerdict({ procedure, procedureChangedOn: null })).toBe('INVALID');
  });
});

describe('a ruling correcting the amount judged', () => {
  it('carries the corrected amount, the judgment keeping its day, and is judged against the amount recorded', () => {
    const ruling = { kind: 'JUDGMENT_CORRECTED', occurredAt: '2027-01-20T10:00:00+08:00', judgedFen: 1_243 };
    expect(courtEventEffect(ruling)).toEqual({ judgedFen: 1_243 });
    expect(() => courtEventEffect({ ...ruling, judgedFen: undefined })).toThrow(DomainError);
    expect(correctionVerdict(1_234, { judgedFen: 1_243 })).toBe('APPLY');
    expect(correctionVerdict(1_243, { judgedFen: 1_243 })).toBe('DUPLICATE');
    // No judgment recorded (a case settled, then enforced): nothing to correct.
    expect(correctionVerdict(null, { judgedFen: 1_243 })).toBe('INVALID');
  });
});

describe('the last day of the performance period a judgment or settlement reports (Civil Procedure Law art. 250)', () => {
  const judgment = { kind: 'JUDGED', occurredAt: '2026-12-03T10:00:00+08:00', judgedFen: 360_000 };

  it('is taken with a judgment, its correction or a settlement, from the report’s day to 10 years after it', () => {
    expect(courtEventEffect({ ...judgment, performanceDueOn: '2026-12-13' })).toEqual({
      judgedFen: 360_000,
      decidedOn: '2026-12-03',
      performanceDueOn: '2026-12-13',
    });
    expect(
      courtEventEffect({
        kind: 'SETTLED',
        occurredAt: judgment.occurredAt,
        settledFen: 1,
        performanceDueOn: '2026-12-03',
      }),
    ).toMatchObject({ performanceDueOn: '2026-12-03' });
    expect(courtEventEffect({ ...judgment, kind: 'JUDGMENT_CORRECTED', performanceDueOn: '2036-12-03' })).toEqual({
      judgedFen: 360_000,
      performanceDueOn: '2036-12-03',
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ['before the report’s day', { ...judgment, performanceDueOn: '2026-12-02' }],
    ['more than 10 years after it', { ...judgment, performanceDueOn: '2036-12-04' }],
    ['not a date', { ...judgment, performanceDueOn: '2026-13-01' }],
    [
      'with another step',
      { kind: 'ENFORCEMENT_STARTED', occurredAt: judgment.occurredAt, performanceDueOn: '2026-12-13' },
    ],
  ])('is refused %s, naming the field', (_label, report) => {
    const error = rejection(() => courtEventEffect(report as never));
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { performanceDueOn: expect.any(String) } },
    });
  });

  it('bounds a correction’s last day by the judgment it corrects, not by the ruling’s day', () => {
    // The reviewer's probe: judged in March, the ruling of 3 December giving the period that ended on 1 April. Before,
    // "The JUDGMENT_CORRECTED report is incomplete" (before the report's day 2026-12-03), the deadline undated for good.
    const ruling = {
      kind: 'JUDGMENT_CORRECTED',
      occurredAt: '2026-12-03T10:00:00+08:00',
      judgedFen: 360_000,
      performanceDueOn: '2026-04-01',
    };
    const effect = courtEventEffect(ruling);
    expect(effect).toEqual({ judgedFen: 360_000, performanceDueOn: '2026-04-01' });
    expect(() => assertCorrectionPerformanceDue(effect, '2026-03-20')).not.toThrow();
    expect(() => assertCorrectionPerformanceDue(effect, '2026-04-01')).not.toThrow();
    expect(rejection(() => assertCorrectionPerformanceDue(effect, '2026-04-02'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'The JUDGMENT_CORRECTED report is incomplete',
      details: {
        fields: {
          performanceDueOn: "the last day of the performance period cannot be before the judgment's day 2026-04-02",
        },
      },
    });
    expect(
      rejection(() => assertCorrectionPerformanceDue({ ...effect, performanceDueOn: '2036-03-21' }, '2026-03-20')),
    ).toMatchObject({ details: { fields: { performanceDueOn: expect.stringMatching(/more than 10 years/) } } });
    // Nothing recorded to bound it by: the correction itself is INVALID (correctionVerdict); a malformed day is refused.
    expect(() => assertCorrectionPerformanceDue(effect, null)).not.toThrow();
    expect(() => courtEventEffect({ ...ruling, performanceDueOn: '2026-02-30' })).toThrow(DomainError);
  });

  it('makes a correction with the recorded amount new when it gives another last day, and contradicts a repeat', () => {
    expect(correctionVerdict(1_243, { judgedFen: 1_243, performanceDueOn: '2027-01-30' })).toBe('APPLY');
    expect(correctionVerdict(1_243, { judgedFen: 1_243, performanceDueOn: '2027-01-30' }, '2027-01-30')).toBe(
      'DUPLICATE',
    );
    const recorded = {
      caseNumber: null,
      enforcementCaseNumber: null,
      judgedFen: 1_243,
      settledFen: null,
      hearingOn: null,
      performanceDueOn: '2027-01-30',
    };
    expect(contradictions(recorded, { judgedFen: 1_243, performanceDueOn: '2027-02-28' }, 'DUPLICATE')).toEqual([
      { field: 'performanceDueOn', recorded: '2027-01-30', reported: '2027-02-28' },
    ]);
    expect(
      contradictions({ ...recorded, performanceDueOn: null }, { performanceDueOn: '2027-02-28' }, 'STALE'),
    ).toEqual([]);
  });
});
