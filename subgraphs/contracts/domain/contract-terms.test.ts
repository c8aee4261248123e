import { DomainError } from '../../../kernel/errors';
import {
  AreaFacts,
  ContractTermsEntry,
  assessContractTerms,
  asExistingContract,
  normaliseTerms,
  validateContractTerms,
} from './contract-terms';
import { BEIJING, SEED_004_AGREEMENT_SELECTION_MAX_FLOOR_AREA_CENTI_M2, defineCitySettings } from './statutes';
import { HiringDecision } from './selection';
import {
  FilingTerms,
  MAX_CONTRACT_PARTIES,
  MAX_DEMAND_PERIOD_DAYS,
  MAX_SERVICE_ITEMS,
  MAX_SUBSIDIES_PER_CLASS,
} from '../../../catalog';

/** Seed 003 (学院南路32号院): assessed 1.78 / 2.45, owners 1.00 / 1.67, a 0.78 subsidy for three years. */
const seed003Terms = (overrides: Partial<ContractTermsEntry> = {}): ContractTermsEntry => ({
  kind: 'REGULAR',
  number: 'XYNL32-2021-01',
  title: '学院南路32号院物业服务合同',
  ownersSide: { kind: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '学院南路32号院物业管理委员会' },
  selectionMethod: 'TENDER',
  approvalReference: null,
  signedOn: '2021-12-10',
  startsOn: '2022-01-01',
  endsOn: '2026-12-31',
  serviceItems: [{ item: '公共区域保洁', standard: '每日清扫' }],
  feeSchedule: {
    classes: [
      {
        buildingClass: 'LOW_RISE',
        assessedRateFenPerM2Month: 178,
        ownerRateFenPerM2Month: 100,
        subsidies: [{ payer: '北太平庄街道与首开集团', rateFenPerM2Month: 78, startMonth: '2022-01', months: 36 }],
      },
      {
        buildingClass: 'HIGH_RISE',
        assessedRateFenPerM2Month: 245,
        ownerRateFenPerM2Month: 167,
        subsidies: [{ payer: '北太平庄街道与首开集团', rateFenPerM2Month: 78, startMonth: '2022-01', months: 36 }],
      },
    ],
  },
  lateFee: null,
  parties: [
    { role: 'PROVIDER', name: '北京某物业服务有限公司', registration: '91110108MA00000000', signatory: '张经理' },
    { role: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '学院南路32号院物业管理委员会', signatory: '李主任' },
    { role: 'STREET_OFFICE', name: '北太平庄街道办事处', signatory: '王主任' },
    { role: 'ASSET_RECEIVER', name: '首开集团', signatory: '赵经理' },
  ],
  ...overrides,
});

const area = {
  areaId: '00000000-0000-4000-8000-000000000003',
  totalFloorAreaCentiM2: 8_400_000,
  buildingClasses: ['LOW_RISE', 'HIGH_RISE'] as const,
};
/** Beijing's rules with seed 004's agreement threshold of 30,000 m² (Beijing holds none of its own). */
const withThreshold = defineCitySettings({
  ...BEIJING,
  agreementSelectionMaxFloorAreaCentiM2: SEED_004_AGREEMENT_SELECTION_MAX_FLOOR_AREA_CENTI_M2,
});
const codes = (terms: ContractTermsEntry, facts: AreaFacts = area, existing = []) =>
  assessContractTerms(terms, facts, existing, withThreshold).problems.map((p) => p.code);

describe('contract terms checked for filing', () => {
  it("accepts seed 003's four-party contract and flags the owners' shortfall once the subsidy ends in 2025-01", () => {
    const flags = validateContractTerms(seed003Terms(), area, [], BEIJING);
    expect(flags).toEqual([
      {
        code: 'OWNER_RATE_BELOW_ASSESSED_WITHOUT_SUBSIDY',
        buildingClass: 'LOW_RISE',
        fromMonth: '2025-01',
        toMonth: null,
        shortfallFenPerM2Month: 78,
      },
      {
        code: 'OWNER_RATE_BELOW_ASSESSED_WITHOUT_SUBSIDY',
        buildingClass: 'HIGH_RISE',
        fromMonth: '2025-01',
        toMonth: null,
        shortfallFenPerM2Month: 78,
      },
    ]);
  });

  it('takes late-fee terms with exactly one rate, daily or monthly, and the clause text if given', () => {
    const clauseText = '业主逾期交纳物业服务费的，每逾期一个月，按欠费金额的百分之一支付违约金。'; // a test clause
    const late = (lateFee: ContractTermsEntry['lateFee']) => codes(seed003Terms({ lateFee }));
    expect(late({ dailyRatePerTenThousand: 5, graceDays: 15 })).toEqual([]);
    expect(late({ dailyRatePerTenThousand: 5, graceDays: 366 })).toEqual([]);
    expect(late({ monthlyRatePerTenThousand: 100, graceDays: 0, capPercentOfPrincipal: 20, clauseText })).toEqual([]);
    expect(late({ dailyRatePerTenThousand: 100, graceDays: 0 })).toEqual([]);
    expect(late({ monthlyRatePerTenThousand: 3_000, graceDays: 0 })).toEqual([]);
    for (const bad of [
      // A rate of 2^31 per ten thousand was filed: some ¥39 billion of late fee on a ¥500 fee.
      { dailyRatePerTenThousand: 2147483647, graceDays: 0 },
      { dailyRatePerTenThousand: 101, graceDays: 0 },
      { monthlyRatePerTenThousand: 3_001, graceDays: 0 },
      { dailyRatePerTenThousand: 5, monthlyRatePerTenThousand: 100, graceDays: 0 },
      { graceDays: 0 },
      { monthlyRatePerTenThousand: 0, graceDays: 0 },
      { monthlyRatePerTenThousand: 100, graceDays: 0, clauseText: '  ' },
      { monthlyRatePerTenThousand: 100, graceDays: 0, clauseText: '违'.repeat(2001) },
      // A grace of 2^31 - 1 days put the first day of late fees past year 9999: every read of the account failed.
      { dailyRatePerTenThousand: 5, graceDays: 2147483647 },
      { dailyRatePerTenThousand: 5, graceDays: 367 },
    ])
      expect(late(bad)).toEqual(['INVALID_LATE_FEE_TERMS']);
    // Stored with the parts given, trimmed; the parts not given are left out, not null, so daily terms without a
    // clause are the object (and digest) they were before monthly rates and clauses existed.
    expect(
      normaliseTerms(
        seed003Terms({
          lateFee: { dailyRatePerTenThousand: 5, graceDays: 15, monthlyRatePerTenThousand: null, clauseText: null },
        }),
      ).lateFee,
    ).toEqual({
      dailyRatePerTenThousand: 5,
      graceDays: 15,
      capPercentOfPrincipal: null,
    });
    expect(
      normaliseTerms(
        seed003Terms({ lateFee: { monthlyRatePerTenThousand: 100, graceDays: 0, clauseText: ` ${clauseText} ` } }),
      ).lateFee,
    ).toEqual({
      monthlyRatePerTenThousand: 100,
      graceDays: 0,
      capPercentOfPrincipal: null,
      clauseText,
    });
  });

  it('takes an optional reasonable period after a demand of 1 to 180 days, left out when not stated', () => {
    // The one bound of cities and contracts (catalog/city-settings.ts), not a copy of its own.
    expect(MAX_DEMAND_PERIOD_DAYS).toBe(180);
    expect(codes(seed003Terms({ demandPeriodDays: MAX_DEMAND_PERIOD_DAYS }))).toEqual([]);
    expect(FilingTerms.properties.demandPeriodDays.maximum).toBe(MAX_DEMAND_PERIOD_DAYS);
    expect(codes(seed003Terms({ demandPeriodDays: 30 }))).toEqual([]);
    expect(codes(seed003Terms({ demandPeriodDays: null }))).toEqual([]);
    for (const bad of [0, 181, 2.5])
      expect(codes(seed003Terms({ demandPeriodDays: bad }))).toEqual(['INVALID_DEMAND_PERIOD']);
    expect(normaliseTerms(seed003Terms({ demandPeriodDays: 30 })).demandPeriodDays).toBe(30);
    // Not stated: the key is absent, so the terms digest and publish as they did before the field existed.
    expect('demandPeriodDays' in normaliseTerms(seed003Terms({ demandPeriodDays: null }))).toBe(false);
  });

  it('round-trips the seed 003 schedule through normalisation unchanged', () => {
    expect(normaliseTerms(seed003Terms())).toEqual({
      ...seed003Terms(),
      parties: seed003Terms().parties.map((p) => ({ registration: null, ...p })),
    });
  });

  it("refuses a PROVIDER party carrying another company's registration than the filer's; its own or none passes", () => {
    const provider = (registration: string | null) => ({
      ...seed003Terms(),
      parties: seed003Terms().parties.map((p) => (p.role === 'PROVIDER' ? { ...p, registration } : p)),
    });
    const problemsFiledBy = (terms: ReturnType<typeof provider>, filer?: string) =>
      assessContractTerms(terms, area, [], BEIJING, filer).problems;
    expect(problemsFiledBy(provider('91110108MA00000000'), '91110108MA00000000')).toEqual([]);
    expect(problemsFiledBy(provider(null), '91110108MA00000000')).toEqual([]);
    expect(problemsFiledBy(provider('91110102MA0000OTHR'), '91110108MA00000000')).toEqual([
      expect.objectContaining({ code: 'PROVIDER_NOT_FILING_COMPANY', field: 'parties[0].registration' }),
    ]);
    // A bureau's check (no filer) leaves the provider as filed.
    expect(problemsFiledBy(provider('91110102MA0000OTHR'))).toEqual([]);
  });

  it('reports every problem at once, by code', () => {
    const terms = seed003Terms({
      kind: 'PRELIMINARY',
      selectionMethod: 'AGREEMENT',
      signedOn: '2022-02-01',
      endsOn: '2024-01-01',
      serviceItems: [],
      parties: [{ role: 'DEVELOPER', name: '某开发商', signatory: '' }],
    });
    expect(codes(terms)).toEqual([
      'SIGNED_AFTER_START',
      'OWNERS_SIDE_DOES_NOT_MATCH_KIND',
      'MISSING_FIELD',
      'PROVIDER_PARTY_REQUIRED',
      'OWNERS_SIDE_PARTY_REQUIRED',
      'SERVICE_SCOPE_REQUIRED',
      'AGREEMENT_NEEDS_APPROVAL',
      'AREA_UNKNOWN_FOR_AGREEMENT',
      'PRELIMINARY_TERM_TOO_LONG',
    ]);
  });

  it.each<[number | null, number, string[]]>([
    [3_000_000, 1_000_000, []],
    [3_000_001, 1_000_000, ['AREA_OVER_AGREEMENT_THRESHOLD']],
    // The flats registered so far (two buildings of a new estate) are not the project's 45,000 m².
    [4_500_000, 2_400_000, ['AREA_OVER_AGREEMENT_THRESHOLD']],
    [null, 2_400_000, ['AREA_UNKNOWN_FOR_AGREEMENT']],
    [2_000_000, 2_400_000, ['BUILDING_AREA_BELOW_REGISTER']],
  ])(
    'a preliminary contract chosen by approved agreement for a project of %p hundredths of m² (flats registered %i) has problems %j',
    (projectBuildingAreaCentiM2, floorArea, expected) => {
      const terms = seed003Terms({
        kind: 'PRELIMINARY',
        ownersSide: { kind: 'DEVELOPER', name: '某开发商' },
        selectionMethod: 'AGREEMENT',
        approvalReference: '临建办批〔2024〕7号',
        projectBuildingAreaCentiM2,
        endsOn: '2023-12-31',
        parties: [seed003Terms().parties[0], { role: 'DEVELOPER', name: '某开发商', signatory: '周总' }],
      });
      expect(codes(terms, { ...area, totalFloorAreaCentiM2: floorArea, buildingClasses: ['LOW_RISE'] })).toEqual(
        expected,
      );
    },
  );

  it('keeps a stated building area with the terms, and none where none is stated; refuses one out of bounds', () => {
    expect(normaliseTerms(seed003Terms({ projectBuildingAreaCentiM2: 2_999_900 })).projectBuildingAreaCentiM2).toBe(
      2_999_900,
    );
    expect(normaliseTerms(seed003Terms({ projectBuildingAreaCentiM2: null }))).not.toHaveProperty(
      'projectBuildingAreaCentiM2',
    );
    expect(() => normaliseTerms(seed003Terms({ projectBuildingAreaCentiM2: 0 }))).toThrow(
      expect.objectContaining({ details: { fields: { projectBuildingAreaCentiM2: expect.any(String) } } }),
    );
  });

  it('keeps the ground of an agreement where stated, none otherwise, and refuses one beside a tender or on a regular contract', () => {
    const agreed = {
      kind: 'PRELIMINARY' as const,
      selectionMethod: 'AGREEMENT' as const,
      approvalReference: '临建办批〔2024〕7号',
    };
    expect(
      normaliseTerms(seed003Terms({ ...agreed, agreementGround: 'FEWER_THAN_THREE_BIDDERS' })).agreementGround,
    ).toBe('FEWER_THAN_THREE_BIDDERS');
    expect(normaliseTerms(seed003Terms({ ...agreed, agreementGround: null }))).not.toHaveProperty('agreementGround');
    for (const wrong of [
      { ...agreed, selectionMethod: 'TENDER' as const },
      { ...agreed, kind: 'REGULAR' as const },
    ])
      expect(() => normaliseTerms(seed003Terms({ ...wrong, agreementGround: 'FEWER_THAN_THREE_BIDDERS' }))).toThrow(
        expect.objectContaining({ details: { fields: { agreementGround: expect.any(String) } } }),
      );
  });

  describe("the owners' decision hiring the provider of a regular contract (Civil Code arts. 278 item 4, 939)", () => {
    // Seed 003: the owners of 学院南路32号院 chose the company in October 2021 (77.84% of households took part,
    // 74.13% of them consenting: valid), and the four-party agreement was signed on 2021-12-10.
    const decisionId = '5b0d7f4e-1c2a-4e3b-9f8d-7a6b5c4d3e2f';
    const seed003Decision: HiringDecision = {
      areaId: area.areaId,
      matter: 'HIRE_OR_DISMISS_PROVIDER',
      heldOn: '2021-10-31',
      valid: true,
    };
    const assess = (decision: HiringDecision | null, overrides: Partial<ContractTermsEntry> = {}) =>
      assessContractTerms(
        normaliseTerms(seed003Terms({ hiringDecisionId: decisionId, ...overrides })),
        { ...area, hiringDecision: decision },
        [],
        BEIJING,
      ).problems;

    it("takes seed 003's valid decision, held before the signing, and a contract naming none", () => {
      expect(assess(seed003Decision)).toEqual([]);
      expect(assess(null, { hiringDecisionId: null })).toEqual([]);
    });

    it('names each way a named decision fails, and nothing of the decision itself', () => {
      expect(assess(null)).toEqual([
        expect.objectContaining({ code: 'HIRING_DECISION_NOT_RECORDED', field: 'hiringDecisionId' }),
      ]);
      // Another area's decision is as if not recorded, whatever it decided.
      const anotherAreas = { ...seed003Decision, areaId: '00000000-0000-4000-8000-000000000009', valid: false };
      expect(assess(anotherAreas).map((p) => p.code)).toEqual(['HIRING_DECISION_NOT_RECORDED']);
      // The area's decision, which a company may not read: the code and the statute only (helper-200's review).
      expect(assess({ ...seed003Decision, valid: false })).toEqual([
        {
          code: 'HIRING_DECISION_INVALID',
          field: 'hiringDecisionId',
          message: expect.any(String),
          details: { source: expect.stringContaining('art. 939') },
        },
      ]);
      expect(
        assess({ ...seed003Decision, matter: 'MANAGEMENT_COVENANT', heldOn: '2021-12-11' }).map((p) => p.code),
      ).toEqual(['NOT_A_HIRING_DECISION', 'HIRING_DECISION_AFTER_SIGNING']);
      // The signing day itself is not after it.
      expect(assess({ ...seed003Decision, heldOn: '2021-12-10' })).toEqual([]);
    });

    it("refuses one named on a preliminary contract, whose provider is the developer's choice", () => {
      const preliminary = {
        kind: 'PRELIMINARY' as const,
        ownersSide: { kind: 'DEVELOPER' as const, name: '某开发商' },
        startsOn: '2022-01-01',
        endsOn: '2023-12-31',
        parties: [seed003Terms().parties[0], { role: 'DEVELOPER' as const, name: '某开发商', signatory: '周总' }],
      };
      expect(assess(seed003Decision, preliminary).map((p) => p.code)).toEqual([
        'HIRING_DECISION_FOR_PRELIMINARY_CONTRACT',
      ]);
    });

    it('keeps the id in lower case, none where none is named, and refuses one that is no UUID', () => {
      expect(normaliseTerms(seed003Terms({ hiringDecisionId: decisionId.toUpperCase() })).hiringDecisionId).toBe(
        decisionId,
      );
      expect(normaliseTerms(seed003Terms({ hiringDecisionId: null }))).not.toHaveProperty('hiringDecisionId');
      expect(() => normaliseTerms(seed003Terms({ hiringDecisionId: 'decision-7' }))).toThrow(
        expect.objectContaining({ details: { fields: { hiringDecisionId: expect.any(String) } } }),
      );
    });
  });

  it('refuses a schedule that leaves a building class of the area uncovered or does not add up', () => {
    const terms = seed003Terms();
    const lowOnly = {
      ...terms,
      feeSchedule: { classes: [{ ...terms.feeSchedule.classes[0], ownerRateFenPerM2Month: 101 }] },
    };
    const problems = assessContractTerms(lowOnly, area, [], BEIJING).problems;
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['RATES_DO_NOT_ADD_UP', 'feeSchedule'],
      ['BUILDING_CLASS_NOT_COVERED', 'feeSchedule'],
    ]);
    expect(problems[0].details).toMatchObject({
      buildingClass: 'LOW_RISE',
      expectedFenPerM2Month: 178,
      actualFenPerM2Month: 179,
    });
    expect(() => validateContractTerms(lowOnly, area, [], BEIJING)).toThrow(DomainError);
  });

  it('names the regular contract a new one would overlap, and lets a terminated one free its later days', () => {
    const existing = asExistingContract({
      id: 'old',
      status: 'ACCEPTED',
      kind: 'REGULAR',
      startsOn: '2020-01-01',
      endsOn: '2022-06-30',
    });
    const problems = assessContractTerms(seed003Terms(), area, [existing], BEIJING).problems;
    expect(problems).toEqual([
      expect.objectContaining({ code: 'OVERLAPS_REGULAR_CONTRACT', details: { conflictingContractIds: ['old'] } }),
    ]);
    // Shown to a company: its own contract by id, another provider's counted (before, named: helper-200).
    const theirs = { ...existing, companyId: '91110102MA0000CMPA' };
    const ours = { ...existing, id: 'ours', companyId: '91110102MA0000CMPB' };
    const oursToFile = {
      ...seed003Terms(),
      parties: seed003Terms().parties.map((p) =>
        p.role === 'PROVIDER' ? { ...p, registration: '91110102MA0000CMPB' } : p,
      ),
    };
    expect(assessContractTerms(oursToFile, area, [theirs, ours], BEIJING, '91110102MA0000CMPB').problems).toEqual([
      expect.objectContaining({
        code: 'OVERLAPS_REGULAR_CONTRACT',
        details: { conflictingContractIds: ['ours'], otherProvidersContracts: 1 },
      }),
    ]);
    const terminated = asExistingContract({
      id: 'old',
      status: 'TERMINATED',
      kind: 'REGULAR',
      startsOn: '2020-01-01',
      endsOn: '2022-06-30',
      terminatedOn: '2021-12-31',
    });
    expect(terminated).toMatchObject({ status: 'ACCEPTED', endsOn: '2021-12-31' });
    expect(codes(seed003Terms(), area, [terminated] as never)).toEqual([]);
  });

  it('refuses a draft whose lists run past their bounds, and keeps one at the bounds', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ item: `服务项目${i}`, standard: '每日' }));
    const parties = (n: number) => [
      ...seed003Terms().parties,
      ...Array.from({ length: n - 4 }, (_, i) => ({ role: 'OTHER' as const, name: `其他方${i}`, signatory: '某人' })),
    ];
    const subsidies = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        payer: `补贴方${i}`,
        rateFenPerM2Month: 1,
        startMonth: '2022-01',
        months: 12,
      }));
    const withSubsidies = (n: number) => ({
      classes: seed003Terms().feeSchedule.classes.map((c, i) => ({
        ...c,
        subsidies: i === 1 ? subsidies(n) : c.subsidies,
      })),
    });
    const atBounds = normaliseTerms(
      seed003Terms({
        serviceItems: items(MAX_SERVICE_ITEMS),
        parties: parties(MAX_CONTRACT_PARTIES),
        feeSchedule: withSubsidies(MAX_SUBSIDIES_PER_CLASS),
      }),
    );
    expect([atBounds.serviceItems.length, atBounds.parties.length]).toEqual([200, 20]);
    expect(atBounds.feeSchedule.classes[1].subsidies).toHaveLength(50);
    expect(() =>
      normaliseTerms(
        seed003Terms({
          serviceItems: items(MAX_SERVICE_ITEMS + 1),
          parties: parties(MAX_CONTRACT_PARTIES + 1),
          feeSchedule: withSubsidies(MAX_SUBSIDIES_PER_CLASS + 1),
        }),
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        details: {
          fields: {
            serviceItems: 'at most 200, not 201',
            parties: 'at most 20, not 21',
            'feeSchedule.classes[1].subsidies': 'at most 50, not 51',
          },
        },
      }),
    );
    const threeClasses = { classes: [...seed003Terms().feeSchedule.classes, seed003Terms().feeSchedule.classes[0]] };
    expect(() => normaliseTerms(seed003Terms({ feeSchedule: threeClasses }))).toThrow(
      expect.objectContaining({ details: { fields: { 'feeSchedule.classes': 'at most 2, not 3' } } }),
    );
  });

  it('refuses a draft whose kind or dates are not real', () => {
    expect(() => normaliseTerms(seed003Terms({ startsOn: '2022-02-30' }))).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { fields: { startsOn: expect.any(String) } } }),
    );
  });
});
