import { rejection } from '../../../test/support/rejection';
import { DomainError } from '../../../kernel/errors';
import {
  DecisionTally,
  HouseholdBallot,
  JointDecisionReason,
  agendaItemOf,
  changedSinceMeeting,
  checkBallotsCountable,
  checkDecisionBasis,
  checkMeetingDay,
  checkRegisterComplete,
  checkSameDecision,
  checkTallyTotals,
  decideJointDecision,
  registerTotals,
  formatPercent,
  countOwners,
  tallyAreaBallots,
  tallyBallots,
  unitsOnMeetingDay,
  validateTally,
} from './joint-decision';
import { JointDecisionMatter, ORDINARY_MATTER_CONSENT, SPECIAL_MATTER_CONSENT } from './statutes';

const HIRE: JointDecisionMatter = 'HIRE_OR_DISMISS_PROVIDER';
const REBUILD: JointDecisionMatter = 'REBUILD';

/** Everybody takes part and consents; each row overrides what it is about. 1412 owners as in 学院南路32号院. */
const base: DecisionTally = {
  totalOwners: 1412,
  totalAreaCentiM2: 500_000,
  participatingOwners: 1412,
  participatingAreaCentiM2: 500_000,
  consentingOwners: 1412,
  consentingAreaCentiM2: 500_000,
};
const tally = (overrides: Partial<DecisionTally>): DecisionTally => ({ ...base, ...overrides });

describe('owners joint decisions (Civil Code art. 278)', () => {
  it('finds seed 003 (学院南路32号院, hiring a company, Oct 2021) valid, with the reported percentages', () => {
    const seed003: DecisionTally = {
      totalOwners: 10_000,
      totalAreaCentiM2: 4_000_000,
      participatingOwners: 7_784,
      participatingAreaCentiM2: 2_970_000,
      consentingOwners: 5_770,
      consentingAreaCentiM2: 2_342_142,
    };
    const outcome = decideJointDecision(HIRE, seed003);
    expect(outcome.valid).toBe(true);
    expect(outcome.reasons).toEqual([]);
    expect(outcome.ratios.participationOwners.display).toBe('77.84%');
    expect(outcome.ratios.consentOwners?.display).toBe('74.13%');
    expect(outcome.ratios.participationArea.display).toBe('74.25%');
    expect(outcome.ratios.consentArea?.display).toBe('78.86%');
    expect(outcome.ratios.consentOwners).toMatchObject({ numerator: 5_770, denominator: 7_784 });
    expect(outcome.thresholds.consent).toBe(ORDINARY_MATTER_CONSENT);
  });

  it.each<[string, JointDecisionMatter, Partial<DecisionTally>, JointDecisionReason[]]>([
    // Participation: at least 2/3 ("三分之二以上" includes 2/3 itself).
    [
      'owners exactly 2/3 take part (1000 of 1500)',
      HIRE,
      { totalOwners: 1500, participatingOwners: 1000, consentingOwners: 1000 },
      [],
    ],
    [
      'one owner short of 2/3 (999 of 1500)',
      HIRE,
      { totalOwners: 1500, participatingOwners: 999, consentingOwners: 999 },
      ['PARTICIPATION_OWNERS_BELOW_TWO_THIRDS'],
    ],
    ['942 of 1412 owners take part (2/3 is 941.33)', HIRE, { participatingOwners: 942, consentingOwners: 942 }, []],
    [
      '941 of 1412 owners take part',
      HIRE,
      { participatingOwners: 941, consentingOwners: 941 },
      ['PARTICIPATION_OWNERS_BELOW_TWO_THIRDS'],
    ],
    [
      'area exactly 2/3 takes part',
      HIRE,
      { totalAreaCentiM2: 300_000, participatingAreaCentiM2: 200_000, consentingAreaCentiM2: 200_000 },
      [],
    ],
    [
      'area one centi-m² short of 2/3',
      HIRE,
      { totalAreaCentiM2: 300_000, participatingAreaCentiM2: 199_999, consentingAreaCentiM2: 199_999 },
      ['PARTICIPATION_AREA_BELOW_TWO_THIRDS'],
    ],
    [
      'area 666,667 of 1,000,000 (2/3 is 666,666.67)',
      HIRE,
      { totalAreaCentiM2: 1_000_000, participatingAreaCentiM2: 666_667, consentingAreaCentiM2: 666_667 },
      [],
    ],
    [
      'area 666,666 of 1,000,000',
      HIRE,
      { totalAreaCentiM2: 1_000_000, participatingAreaCentiM2: 666_666, consentingAreaCentiM2: 666_666 },
      ['PARTICIPATION_AREA_BELOW_TWO_THIRDS'],
    ],
    // Special matters (items 6–8): at least 3/4 of participants.
    [
      'special: owners consent exactly 3/4 (750 of 1000)',
      REBUILD,
      { participatingOwners: 1000, consentingOwners: 750 },
      [],
    ],
    [
      'special: one owner short of 3/4 (749 of 1000)',
      REBUILD,
      { participatingOwners: 1000, consentingOwners: 749 },
      ['CONSENT_OWNERS_BELOW_THREE_QUARTERS'],
    ],
    [
      'special: 707 of 942 owners consent (3/4 is 706.5)',
      REBUILD,
      { participatingOwners: 942, consentingOwners: 707 },
      [],
    ],
    [
      'special: 706 of 942 owners consent',
      REBUILD,
      { participatingOwners: 942, consentingOwners: 706 },
      ['CONSENT_OWNERS_BELOW_THREE_QUARTERS'],
    ],
    [
      'special: area consents exactly 3/4',
      REBUILD,
      { participatingAreaCentiM2: 400_000, consentingAreaCentiM2: 300_000 },
      [],
    ],
    [
      'special: area one centi-m² short of 3/4',
      REBUILD,
      { participatingAreaCentiM2: 400_000, consentingAreaCentiM2: 299_999 },
      ['CONSENT_AREA_BELOW_THREE_QUARTERS'],
    ],
    [
      'special: area 333,335 of 444,446 (3/4 is 333,334.5)',
      REBUILD,
      { participatingAreaCentiM2: 444_446, consentingAreaCentiM2: 333_335 },
      [],
    ],
    [
      'special: area 333,334 of 444,446',
      REBUILD,
      { participatingAreaCentiM2: 444_446, consentingAreaCentiM2: 333_334 },
      ['CONSENT_AREA_BELOW_THREE_QUARTERS'],
    ],
    // Other matters: more than half ("过半数": exactly half fails).
    [
      'ordinary: owners consent exactly 1/2 (500 of 1000)',
      HIRE,
      { participatingOwners: 1000, consentingOwners: 500 },
      ['CONSENT_OWNERS_NOT_MAJORITY'],
    ],
    ['ordinary: one owner above half (501 of 1000)', HIRE, { participatingOwners: 1000, consentingOwners: 501 }, []],
    [
      'ordinary: 471 of 943 owners consent (half is 471.5)',
      HIRE,
      { participatingOwners: 943, consentingOwners: 471 },
      ['CONSENT_OWNERS_NOT_MAJORITY'],
    ],
    ['ordinary: 472 of 943 owners consent', HIRE, { participatingOwners: 943, consentingOwners: 472 }, []],
    [
      'ordinary: area consents exactly 1/2',
      HIRE,
      { participatingAreaCentiM2: 400_000, consentingAreaCentiM2: 200_000 },
      ['CONSENT_AREA_NOT_MAJORITY'],
    ],
    [
      'ordinary: area one centi-m² above half',
      HIRE,
      { participatingAreaCentiM2: 400_000, consentingAreaCentiM2: 200_001 },
      [],
    ],
    [
      'ordinary: area 200,000 of 400,001 (half is 200,000.5)',
      HIRE,
      { participatingAreaCentiM2: 400_001, consentingAreaCentiM2: 200_000 },
      ['CONSENT_AREA_NOT_MAJORITY'],
    ],
    [
      'ordinary: area 200,001 of 400,001',
      HIRE,
      { participatingAreaCentiM2: 400_001, consentingAreaCentiM2: 200_001 },
      [],
    ],
  ])('%s', (_label, matter, overrides, reasons) => {
    const outcome = decideJointDecision(matter, tally(overrides));
    expect(outcome.reasons).toEqual(reasons);
    expect(outcome.valid).toBe(reasons.length === 0);
  });

  it('decides on the exact ratio, never on the rounded display', () => {
    const participation = decideJointDecision(
      HIRE,
      tally({ totalOwners: 100_000, participatingOwners: 66_665, consentingOwners: 66_665 }),
    );
    expect(participation.ratios.participationOwners.display).toBe('66.67%');
    expect(participation.reasons).toEqual(['PARTICIPATION_OWNERS_BELOW_TWO_THIRDS']);
    const special = decideJointDecision(
      REBUILD,
      tally({ participatingAreaCentiM2: 400_000, consentingAreaCentiM2: 299_980 }),
    );
    expect(special.ratios.consentArea?.display).toBe('75.00%');
    expect(special.reasons).toEqual(['CONSENT_AREA_BELOW_THREE_QUARTERS']);
    const ordinary = decideJointDecision(
      HIRE,
      tally({ participatingAreaCentiM2: 400_000, consentingAreaCentiM2: 200_001 }),
    );
    expect(ordinary.ratios.consentArea?.display).toBe('50.00%');
    expect(ordinary.valid).toBe(true);
  });

  it('compares areas up to Number.MAX_SAFE_INTEGER exactly (products are taken in bigint)', () => {
    const total = 9_007_199_254_740_990; // divisible by 3, below Number.MAX_SAFE_INTEGER
    const atTwoThirds = (total / 3) * 2;
    const near = (participating: number) =>
      decideJointDecision(
        HIRE,
        tally({
          totalAreaCentiM2: total,
          participatingAreaCentiM2: participating,
          consentingAreaCentiM2: participating,
        }),
      );
    expect(near(atTwoThirds).valid).toBe(true);
    expect(near(atTwoThirds - 1).reasons).toEqual(['PARTICIPATION_AREA_BELOW_TWO_THIRDS']);
  });

  it.each<[JointDecisionMatter, JointDecisionReason[]]>([
    [
      HIRE,
      [
        'PARTICIPATION_AREA_BELOW_TWO_THIRDS',
        'PARTICIPATION_OWNERS_BELOW_TWO_THIRDS',
        'CONSENT_AREA_NOT_MAJORITY',
        'CONSENT_OWNERS_NOT_MAJORITY',
      ],
    ],
    [
      REBUILD,
      [
        'PARTICIPATION_AREA_BELOW_TWO_THIRDS',
        'PARTICIPATION_OWNERS_BELOW_TWO_THIRDS',
        'CONSENT_AREA_BELOW_THREE_QUARTERS',
        'CONSENT_OWNERS_BELOW_THREE_QUARTERS',
      ],
    ],
  ])('lists every failed condition, not just the first (%s)', (matter, reasons) => {
    const failing = tally({
      participatingOwners: 941,
      consentingOwners: 470,
      totalAreaCentiM2: 1_000_000,
      participatingAreaCentiM2: 666_666,
      consentingAreaCentiM2: 333_333,
    });
    expect(decideJointDecision(matter, failing)).toMatchObject({ valid: false, reasons });
  });

  it('fails both consent conditions when nobody took part, and has no consent ratios', () => {
    const outcome = decideJointDecision(
      REBUILD,
      tally({ participatingOwners: 0, participatingAreaCentiM2: 0, consentingOwners: 0, consentingAreaCentiM2: 0 }),
    );
    expect(outcome.reasons).toEqual([
      'PARTICIPATION_AREA_BELOW_TWO_THIRDS',
      'PARTICIPATION_OWNERS_BELOW_TWO_THIRDS',
      'CONSENT_AREA_BELOW_THREE_QUARTERS',
      'CONSENT_OWNERS_BELOW_THREE_QUARTERS',
    ]);
    expect(outcome.ratios.consentOwners).toBeNull();
    expect(outcome.ratios.consentArea).toBeNull();
    expect(outcome.ratios.participationOwners.display).toBe('0.00%');
  });

  it.each<[JointDecisionMatter, boolean]>([
    ['ASSEMBLY_RULES', false],
    ['MANAGEMENT_COVENANT', false],
    ['ELECT_COMMITTEE', false],
    ['HIRE_OR_DISMISS_PROVIDER', false],
    ['USE_MAINTENANCE_FUND', false],
    ['RAISE_MAINTENANCE_FUND', true],
    ['REBUILD', true],
    ['CHANGE_COMMON_USE_OR_BUSINESS', true],
    ['OTHER_MAJOR_MATTER', false],
  ])('applies the right consent threshold to %s (special: %s)', (matter, special) => {
    const seventyPercent = tally({
      participatingOwners: 1000,
      consentingOwners: 700,
      participatingAreaCentiM2: 500_000,
      consentingAreaCentiM2: 350_000,
    });
    const outcome = decideJointDecision(matter, seventyPercent);
    expect(outcome.thresholds.consent).toBe(special ? SPECIAL_MATTER_CONSENT : ORDINARY_MATTER_CONSENT);
    expect(outcome.valid).toBe(!special);
  });

  it.each<[string, Partial<DecisionTally>, string[]]>([
    [
      'negative and fractional figures',
      { participatingOwners: -1, consentingAreaCentiM2: 1.5 },
      ['participatingOwners', 'consentingAreaCentiM2'],
    ],
    [
      'zero totals',
      {
        totalOwners: 0,
        totalAreaCentiM2: 0,
        participatingOwners: 0,
        participatingAreaCentiM2: 0,
        consentingOwners: 0,
        consentingAreaCentiM2: 0,
      },
      ['totalOwners', 'totalAreaCentiM2'],
    ],
    ['more participants than owners', { participatingOwners: 1413 }, ['participatingOwners']],
    ['more participating area than area', { participatingAreaCentiM2: 500_001 }, ['participatingAreaCentiM2']],
    [
      'more consenting than participating',
      {
        participatingOwners: 1000,
        consentingOwners: 1001,
        participatingAreaCentiM2: 400_000,
        consentingAreaCentiM2: 400_001,
      },
      ['consentingOwners', 'consentingAreaCentiM2'],
    ],
    [
      'owners taking part with no area',
      { participatingAreaCentiM2: 0, consentingAreaCentiM2: 0 },
      ['participatingAreaCentiM2', 'consentingAreaCentiM2'],
    ],
    ['a figure beyond safe integers', { totalAreaCentiM2: 2 ** 53 }, ['totalAreaCentiM2']],
  ])('rejects a tally with %s, naming the fields', (_label, overrides, fields) => {
    const error = rejection(() => decideJointDecision(HIRE, tally(overrides)));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(error.details?.fields as object).sort()).toEqual([...fields].sort());
  });

  it('rejects a matter outside art. 278', () => {
    const error = rejection(() => decideJointDecision('BUY_A_BOAT' as JointDecisionMatter, base));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details?.fields).toHaveProperty('matter');
  });

  it('formats percentages with two decimals, rounding half up', () => {
    expect(formatPercent(2, 3)).toBe('66.67%');
    expect(formatPercent(1, 3)).toBe('33.33%');
    expect(formatPercent(1, 8)).toBe('12.50%');
    expect(formatPercent(5, 40_000)).toBe('0.01%');
    expect(formatPercent(1, 1)).toBe('100.00%');
    expect(() => formatPercent(1, 0)).toThrow(DomainError);
  });
});

describe('tallying household ballots', () => {
  const ballots: HouseholdBallot[] = [
    { areaCentiM2: 8_536, vote: 'CONSENT' },
    { areaCentiM2: 7_000, vote: 'OPPOSE' },
    { areaCentiM2: 9_000, vote: 'ABSTAIN' },
    { areaCentiM2: 6_000, vote: 'NOT_VOTED' },
    { areaCentiM2: 10_000, vote: 'CONSENT' },
  ];

  it('counts abstentions as taking part without consenting, and non-voters not at all', () => {
    expect(tallyBallots(ballots)).toEqual({
      totalOwners: 5,
      totalAreaCentiM2: 40_536,
      participatingOwners: 4,
      participatingAreaCentiM2: 34_536,
      consentingOwners: 2,
      consentingAreaCentiM2: 18_536,
    });
  });

  it('lets an abstention sink a majority: 2 of 4 participating owners is not more than half', () => {
    expect(decideJointDecision(HIRE, tallyBallots(ballots)).reasons).toEqual(['CONSENT_OWNERS_NOT_MAJORITY']);
  });

  it('rejects bad ballots by position and field', () => {
    const error = rejection(() =>
      tallyBallots([
        { areaCentiM2: 0, vote: 'CONSENT' },
        { areaCentiM2: 12.5, vote: 'OPPOSE' },
        { areaCentiM2: 100, vote: 'MAYBE' as HouseholdBallot['vote'] },
      ]),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(error.details?.fields as object).sort()).toEqual([
      'households[0].areaCentiM2',
      'households[1].areaCentiM2',
      'households[2].vote',
    ]);
  });

  it('rejects an empty ballot list', () => {
    expect(rejection(() => tallyBallots([])).details?.fields).toHaveProperty('households');
  });

  it('accepts a tally that already is valid unchanged', () => {
    expect(validateTally(base)).toBe(base);
  });
});

describe('counting ballots against the households of an area', () => {
  const households = [
    { id: 'h1', floorAreaCentiM2: 8_536, ownerReference: 'o1' },
    { id: 'h2', floorAreaCentiM2: 7_000, ownerReference: 'o2' },
    { id: 'h3', floorAreaCentiM2: 6_000, ownerReference: 'o3' },
  ];

  it('counts every household of the area, a household without a ballot as not voting', () => {
    expect(
      tallyAreaBallots(households, [
        { householdId: 'h1', vote: 'CONSENT' },
        { householdId: 'h2', vote: 'OPPOSE' },
      ]),
    ).toEqual({
      totalOwners: 3,
      totalAreaCentiM2: 21_536,
      participatingOwners: 2,
      participatingAreaCentiM2: 15_536,
      consentingOwners: 1,
      consentingAreaCentiM2: 8_536,
    });
  });

  it('refuses a household voting twice', () => {
    const error = rejection(() =>
      tallyAreaBallots(households, [
        { householdId: 'h1', vote: 'CONSENT' },
        { householdId: 'h1', vote: 'OPPOSE' },
      ]),
    );
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { householdId: 'h1' } });
  });

  it('refuses ballots of households outside the area, naming them', () => {
    const error = rejection(() =>
      tallyAreaBallots(households, [
        { householdId: 'h1', vote: 'CONSENT' },
        { householdId: 'elsewhere', vote: 'CONSENT' },
      ]),
    );
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { households: ['elsewhere'] } });
  });
});

describe("owners counted as the Supreme People's Court does (法释〔2009〕7号 arts. 8–9)", () => {
  // Five units: owner A holds two, the developer still holds two unsold ones, owner B one.
  const units = [
    { id: 'u1', floorAreaCentiM2: 8_000, ownerReference: 'owner-A' },
    { id: 'u2', floorAreaCentiM2: 6_000, ownerReference: 'owner-A' },
    { id: 'u3', floorAreaCentiM2: 9_000, ownerReference: 'developer' },
    { id: 'u4', floorAreaCentiM2: 9_000, ownerReference: 'developer' },
    { id: 'u5', floorAreaCentiM2: 7_000, ownerReference: 'owner-B' },
  ];

  it("counts one owner of several units as one, and the developer's unsold units as one, with all their registered area", () => {
    expect(countOwners(units)).toEqual([
      { ownerReference: 'owner-A', unitIds: ['u1', 'u2'], areaCentiM2: 14_000 },
      { ownerReference: 'developer', unitIds: ['u3', 'u4'], areaCentiM2: 18_000 },
      { ownerReference: 'owner-B', unitIds: ['u5'], areaCentiM2: 7_000 },
    ]);
  });

  it('counts one reference typed in full-width and half-width characters as one owner (NFKC)', () => {
    // Before, Ａ-1 and A-1 were two owners, and a vote's headcount could flip (helper-197's audit).
    const typed = [
      { id: 'u1', floorAreaCentiM2: 8_000, ownerReference: 'A-1' },
      { id: 'u2', floorAreaCentiM2: 6_000, ownerReference: 'Ａ－１' },
    ];
    expect(countOwners(typed)).toEqual([{ ownerReference: 'A-1', unitIds: ['u1', 'u2'], areaCentiM2: 14_000 }]);
  });

  it("counts one resident ID typed with the check character x and X as one owner (GB 11643's X; helper-210)", () => {
    const typed = [
      { id: 'u1', floorAreaCentiM2: 6_000, ownerReference: '11010519491231002X' },
      { id: 'u2', floorAreaCentiM2: 5_000, ownerReference: '11010519491231002x' },
    ];
    expect(countOwners(typed)).toEqual([
      { ownerReference: '11010519491231002X', unitIds: ['u1', 'u2'], areaCentiM2: 11_000 },
    ]);
  });

  it("matches ballots to owners through the register: one ballot for a unit is the owner's vote with all their area", () => {
    const tally = tallyAreaBallots(units, [
      { householdId: 'u1', vote: 'CONSENT' },
      { householdId: 'u2', vote: 'CONSENT' },
      { householdId: 'u5', vote: 'OPPOSE' },
    ]);
    // 3 owners, not 5 households: A consents (14,000), B opposes (7,000), the developer did not vote (18,000).
    expect(tally).toEqual({
      totalOwners: 3,
      totalAreaCentiM2: 39_000,
      participatingOwners: 2,
      participatingAreaCentiM2: 21_000,
      consentingOwners: 1,
      consentingAreaCentiM2: 14_000,
    });
    // Per household the same ballots would read 2 of 3 voters consenting; per owner it is 1 of 2, not a majority.
    expect(decideJointDecision(HIRE, tally)).toMatchObject({
      valid: false,
      reasons: ['PARTICIPATION_AREA_BELOW_TWO_THIRDS', 'CONSENT_OWNERS_NOT_MAJORITY'],
    });
  });

  it('refuses different votes cast for the units of one owner, naming their ballots, not the owner', () => {
    const error = rejection(() =>
      tallyAreaBallots(units, [
        { householdId: 'u3', vote: 'CONSENT' },
        { householdId: 'u4', vote: 'OPPOSE' },
      ]),
    );
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { problems: ['OWNER_VOTED_DIFFERENTLY'], households: ['u3', 'u4'] },
    });
  });

  it("reproduces seed 003's reported vote at 学院南路32号院 (2021-10): 77.84% / 74.13% of owners, valid for hiring a provider", () => {
    // The seed reports percentages only; 1,336 owners (the demo register's count under art. 9) give them exactly.
    const outcome = decideJointDecision(HIRE, {
      totalOwners: 1_336,
      totalAreaCentiM2: 10_000_000,
      participatingOwners: 1_040,
      participatingAreaCentiM2: 7_425_000,
      consentingOwners: 771,
      consentingAreaCentiM2: 5_855_355,
    });
    expect(outcome.valid).toBe(true);
    expect([
      outcome.ratios.participationOwners.display,
      outcome.ratios.consentOwners?.display,
      outcome.ratios.participationArea.display,
      outcome.ratios.consentArea?.display,
    ]).toEqual(['77.84%', '74.13%', '74.25%', '78.86%']);
  });
});

describe("a reported tally's totals against the register (法释〔2009〕7号 arts. 8–9)", () => {
  const units = [
    { id: 'h1', floorAreaCentiM2: 8_536, ownerReference: 'A' },
    { id: 'h2', floorAreaCentiM2: 6_000, ownerReference: 'A' },
    { id: 'h3', floorAreaCentiM2: 10_000, ownerReference: 'B' },
  ];

  it("takes the register's owners (one per owner reference) and area as the totals", () => {
    expect(registerTotals(units)).toEqual({ owners: 2, areaCentiM2: 24_536 });
    expect(registerTotals([])).toBeNull();
  });

  it('checks a tally with the totals of the register, and marks one the register cannot check', () => {
    const matching = tally({ totalOwners: 2, totalAreaCentiM2: 24_536, participatingOwners: 2 });
    const fitting = {
      ...matching,
      participatingAreaCentiM2: 24_536,
      consentingOwners: 2,
      consentingAreaCentiM2: 24_536,
    };
    expect(checkTallyTotals(fitting, registerTotals(units))).toBe('REPORTED_TALLY_CHECKED');
    expect(checkTallyTotals(base, null)).toBe('REPORTED_TALLY_UNCHECKED');
  });

  it("refuses totals other than the register's: fewer owners reported would carry a matter the area did not", () => {
    // 学院南路32号院's register counts 1,336 owners; a meeting reporting 1,040 of 1,100 would pass on 94.55 %.
    const register = { owners: 1_336, areaCentiM2: 10_000_000 };
    const reported = { ...base, totalOwners: 1_100, participatingOwners: 1_040, consentingOwners: 771 };
    const error = rejection(() => checkTallyTotals({ ...reported, totalAreaCentiM2: 10_000_000 }, register));
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: {
        problems: ['TOTALS_DIFFER_FROM_REGISTER'],
        fields: { totalOwners: 'the register counts 1336 owners' },
        register: { owners: 1_336, area: '100000.00' },
      },
    });
    const both = rejection(() => checkTallyTotals(reported, register));
    expect(Object.keys((both as DomainError).details?.fields as object)).toEqual(['totalOwners', 'totalArea']);
  });
});

describe('a decision counted as of its meeting, the register changed since', () => {
  // A owns u1 and u2 and consents for both, B opposes, C does not vote; after the meeting of 10 October, A sells u2 to
  // D (helper-197's case). On the meeting day: 3 owners, 2 took part, 1 consented: no majority of those taking part.
  const heldOn = '2026-10-10';
  const today = [
    { id: 'u1', floorAreaCentiM2: 10_000, ownerReference: 'A', ownerSince: null },
    { id: 'u2', floorAreaCentiM2: 10_000, ownerReference: 'D', ownerSince: '2026-11-01' },
    { id: 'u3', floorAreaCentiM2: 10_000, ownerReference: 'B', ownerSince: '2026-10-10' },
    { id: 'u4', floorAreaCentiM2: 10_000, ownerReference: 'C', ownerSince: null },
  ];
  const meetingTally: DecisionTally = {
    totalOwners: 3,
    totalAreaCentiM2: 40_000,
    participatingOwners: 2,
    participatingAreaCentiM2: 30_000,
    consentingOwners: 1,
    consentingAreaCentiM2: 20_000,
  };

  it('counts the units whose owner became the owner after the meeting day, the day itself not', () => {
    expect(changedSinceMeeting(today, heldOn)).toBe(1);
    expect(changedSinceMeeting(today, '2026-11-01')).toBe(0);
  });

  it("refuses ballots the register can no longer count as of the meeting, and takes the meeting's tally within bounds", () => {
    // Before, the ballots counted D as a fourth owner consenting: 2 of 3 taking part, a majority, the vote passed.
    expect(rejection(() => checkBallotsCountable(1, heldOn))).toMatchObject({
      code: 'REGISTER_CHANGED_SINCE_MEETING',
      details: { changedHouseholds: 1, heldOn },
    });
    expect(() => checkBallotsCountable(0, heldOn)).not.toThrow();
    // The meeting's own tally (3 owners) against today's register (4): refused before, now within one per change.
    expect(checkTallyTotals(meetingTally, registerTotals(today), 1)).toBe('REPORTED_TALLY_BOUNDED');
    expect(decideJointDecision(HIRE, meetingTally).valid).toBe(false);
    expect(checkTallyTotals({ ...meetingTally, totalOwners: 5 }, registerTotals(today), 1)).toBe(
      'REPORTED_TALLY_BOUNDED',
    );
    expect(
      rejection(() => checkTallyTotals({ ...meetingTally, totalOwners: 2 }, registerTotals(today), 1)),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: {
        fields: { totalOwners: 'the register counts 4 owners, 1 household(s) changed owner since the meeting: 3 to 5' },
      },
    });
    // A sale moves no area: the area stays the register's.
    const area = rejection(() =>
      checkTallyTotals({ ...meetingTally, totalAreaCentiM2: 30_000 }, registerTotals(today), 1),
    );
    expect(Object.keys((area as DomainError).details?.fields as object)).toEqual(['totalArea']);
  });
});

describe('a decision counted against the area of its meeting day', () => {
  // A, B and C own the area as delimited; a building of three flats (D, E, F) joined it on 1 November, after the
  // meeting of 10 October at which A and B consented and C opposed.
  const heldOn = '2026-10-10';
  const units = [
    { id: 'a1', floorAreaCentiM2: 10_000, ownerReference: 'A', ownerSince: null, joinedAreaOn: null },
    { id: 'a2', floorAreaCentiM2: 10_000, ownerReference: 'B', ownerSince: null, joinedAreaOn: null },
    { id: 'a3', floorAreaCentiM2: 10_000, ownerReference: 'C', ownerSince: null, joinedAreaOn: null },
    { id: 'n1', floorAreaCentiM2: 10_000, ownerReference: 'D', ownerSince: null, joinedAreaOn: '2026-11-01' },
    { id: 'n2', floorAreaCentiM2: 10_000, ownerReference: 'E', ownerSince: null, joinedAreaOn: '2026-11-01' },
    { id: 'n3', floorAreaCentiM2: 10_000, ownerReference: 'F', ownerSince: null, joinedAreaOn: '2026-11-01' },
  ];
  const ballots = [
    { householdId: 'a1', vote: 'CONSENT' as const },
    { householdId: 'a2', vote: 'CONSENT' as const },
    { householdId: 'a3', vote: 'OPPOSE' as const },
  ];

  it('leaves out the buildings that joined after the meeting day, the day itself not', () => {
    expect(unitsOnMeetingDay(units, heldOn).map((u) => u.id)).toEqual(['a1', 'a2', 'a3']);
    expect(unitsOnMeetingDay(units, '2026-11-01').map((u) => u.id)).toEqual(['a1', 'a2', 'a3', 'n1', 'n2', 'n3']);
  });

  it("counts the ballots against the meeting day's owners, where today's area turned the verdict", () => {
    const counted = tallyAreaBallots(unitsOnMeetingDay(units, heldOn, ballots), ballots);
    expect(counted).toMatchObject({ totalOwners: 3, participatingOwners: 3, consentingOwners: 2 });
    expect(decideJointDecision(HIRE, counted).valid).toBe(true);
    // Before: 3 of 6 owners took part, short of two thirds, and the vote was recorded as failed.
    expect(decideJointDecision(HIRE, tallyAreaBallots(units, ballots)).valid).toBe(false);
  });

  it('refuses a ballot of a household whose building was not of the area on the meeting day', () => {
    const late = [...ballots, { householdId: 'n2', vote: 'CONSENT' as const }];
    expect(rejection(() => unitsOnMeetingDay(units, heldOn, late))).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { problems: ['HOUSEHOLD_JOINED_AREA_AFTER_MEETING'], households: ['n2'] },
    });
  });

  it("checks a meeting's tally against the area's owners and area of its day", () => {
    const meeting = { ...tally({}), totalOwners: 3, totalAreaCentiM2: 30_000 };
    const register = registerTotals(unitsOnMeetingDay(units, heldOn));
    expect(
      checkTallyTotals(
        {
          ...meeting,
          participatingOwners: 3,
          participatingAreaCentiM2: 30_000,
          consentingOwners: 2,
          consentingAreaCentiM2: 20_000,
        },
        register,
      ),
    ).toBe('REPORTED_TALLY_CHECKED');
    // Before: refused, today's area holding 6 owners and 600 m².
    expect(rejection(() => checkTallyTotals(meeting, registerTotals(units)))).toMatchObject({
      details: { problems: ['TOTALS_DIFFER_FROM_REGISTER'] },
    });
  });
});

describe('what a decision is reported with', () => {
  it('takes exactly one of a tally and ballots, and at least one ballot', () => {
    expect(() => checkDecisionBasis({ tally: base })).not.toThrow();
    expect(() => checkDecisionBasis({ ballots: [{}] })).not.toThrow();
    for (const input of [{}, { tally: base, ballots: [{}] }, { ballots: [] }])
      expect(rejection(() => checkDecisionBasis(input))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('is recorded after its meeting: heldOn not after today (China)', () => {
    expect(() => checkMeetingDay('2026-12-05', '2026-12-05')).not.toThrow();
    expect(rejection(() => checkMeetingDay('2026-12-06', '2026-12-05'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { heldOn: 'after today (2026-12-05)' } },
    });
    expect(rejection(() => checkMeetingDay('2026-02-30', '2026-12-05'))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('a register complete as declared', () => {
  it('refuses a decision counted against fewer households than the street office declared (润枫欣尚: 180 of 1,080)', () => {
    const error = rejection(() => checkRegisterComplete(180, 1_080));
    expect(error.code).toBe('REGISTER_INCOMPLETE');
    expect(error.details).toEqual({ registered: 180, declared: 1_080 });
    expect(() => checkRegisterComplete(1_080, 1_080)).not.toThrow();
    expect(() => checkRegisterComplete(1_081, 1_080)).not.toThrow(); // a declaration to correct, not a partial register
    expect(() => checkRegisterComplete(180, null)).not.toThrow(); // none declared: the register as it is
    expect(() => checkRegisterComplete(0, 1_080)).not.toThrow(); // none registered: the tally as reported, unchecked
  });
});

describe("a meeting's decision, recorded once", () => {
  const tally: DecisionTally = {
    totalOwners: 462,
    totalAreaCentiM2: 3_000_000,
    participatingOwners: 400,
    participatingAreaCentiM2: 2_600_000,
    consentingOwners: 300,
    consentingAreaCentiM2: 2_000_000,
  };

  it('answers the same figures with the first record, and refuses another count of the vote naming it', () => {
    expect(checkSameDecision({ id: 'd1', ...tally }, { ...tally })).toBe('d1');
    const recount = rejection(() => checkSameDecision({ id: 'd1', ...tally }, { ...tally, consentingOwners: 299 }));
    expect(recount).toMatchObject({ code: 'JOINT_DECISION_ALREADY_RECORDED', details: { decisionId: 'd1' } });
  });

  it('takes an agenda item as typed, trimmed, and refuses a blank one', () => {
    expect(agendaItemOf('\u3000议题二：公共收益分配 ')).toBe('议题二：公共收益分配');
    expect(agendaItemOf(null)).toBeNull();
    expect(agendaItemOf(undefined)).toBeNull();
    expect(rejection(() => agendaItemOf('\u3000 '))).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { agendaItem: 'blank' } },
    });
  });
});
