import { rejection } from '../../../test/support/rejection';
import {
  BuildingClass,
  ClassFee,
  FeeSchedule,
  FeeScheduleFlag,
  FeeScheduleProblem,
  Subsidy,
  assessFeeSchedule,
  classFee,
  ownerChargeFen,
  runningSubsidies,
  subsidyChargesFen,
  subsidyEndMonth,
  validateFeeSchedule,
} from './fee-schedule';
import { formatYuan, parseYuan } from '../../../kernel/money';

/**
 * Seed 003 (学院南路32号院): assessed ¥1.78 low-rise / ¥2.45 high-rise, owners pay ¥1.00 / ¥1.67, and the street
 * office and 首开集团 jointly subsidise ¥0.78 per m² per month for three years. The seed gives neither the split
 * between the two payers nor the first month; the demo bills them as one joint payer from January 2022, the first
 * month after the four-party agreement of 2021-12-10.
 */
const JOINT = '北太平庄街道 + 首开集团 (joint subsidy)';
const seedText = {
  LOW_RISE: { assessed: '1.78', owner: '1' },
  HIGH_RISE: { assessed: '2.45', owner: '1.67' },
  subsidy: '0.78',
};
const yuan = (text: string): number => {
  const fen = parseYuan(text);
  if (fen === undefined) throw new Error(`bad yuan ${text}`);
  return fen;
};
const jointSubsidy: Subsidy = {
  payer: JOINT,
  rateFenPerM2Month: yuan(seedText.subsidy),
  startMonth: '2022-01',
  months: 36,
};
const seed003: FeeSchedule = {
  classes: (['LOW_RISE', 'HIGH_RISE'] as const).map((buildingClass) => ({
    buildingClass,
    assessedRateFenPerM2Month: yuan(seedText[buildingClass].assessed),
    ownerRateFenPerM2Month: yuan(seedText[buildingClass].owner),
    subsidies: [jointSubsidy],
  })),
};
const BOTH: BuildingClass[] = ['LOW_RISE', 'HIGH_RISE'];

const lowRise = (overrides: Partial<ClassFee>): FeeSchedule => ({ classes: [{ ...seed003.classes[0], ...overrides }] });
const subsidy = (overrides: Partial<Subsidy>): Subsidy => ({ ...jointSubsidy, ...overrides });

describe('seed 003 fee schedule', () => {
  it('reads the seed figures into fen: 178 / 245 assessed, 100 / 167 owners, 78 subsidy', () => {
    expect(
      seed003.classes.map((c) => [
        c.buildingClass,
        c.assessedRateFenPerM2Month,
        c.ownerRateFenPerM2Month,
        c.subsidies[0].rateFenPerM2Month,
      ]),
    ).toEqual([
      ['LOW_RISE', 178, 100, 78],
      ['HIGH_RISE', 245, 167, 78],
    ]);
  });

  it('validates, flagging that owners pay 78 fen below the assessed rate from the 37th month, 2025-01', () => {
    const expected: FeeScheduleFlag[] = [
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
    ];
    expect(assessFeeSchedule(seed003, BOTH)).toEqual({ problems: [], flags: expected });
    expect(validateFeeSchedule(seed003, BOTH)).toEqual(expected);
  });

  it('round-trips: through JSON unchanged, and back to the seed figures in yuan', () => {
    const copy = JSON.parse(JSON.stringify(seed003)) as FeeSchedule;
    expect(copy).toEqual(seed003);
    expect(assessFeeSchedule(copy, BOTH)).toEqual(assessFeeSchedule(seed003, BOTH));
    const back = (c: ClassFee) => [
      formatYuan(c.assessedRateFenPerM2Month),
      formatYuan(c.ownerRateFenPerM2Month),
      formatYuan(c.subsidies[0].rateFenPerM2Month),
    ];
    expect(back(classFee(copy, 'LOW_RISE'))).toEqual(['1.78', '1.00', '0.78']);
    expect(back(classFee(copy, 'HIGH_RISE'))).toEqual(['2.45', '1.67', '0.78']);
  });

  it.each<[BuildingClass, number, number, number, number]>([
    // class, area (centi-m²), owner charge, subsidy charge, charge at the assessed rate
    ['LOW_RISE', 5_678, 5_678, 4_429, 10_107], // 56.78 m²: 5,678 + 4,428.84 = 10,106.84
    ['HIGH_RISE', 5_678, 9_482, 4_429, 13_911], // 9,482.26 + 4,428.84 = 13,911.10
    ['HIGH_RISE', 8_550, 14_279, 6_669, 20_948], // 85.50 m²: 14,278.50 rounds up; 20,947.50 likewise
    ['LOW_RISE', 0, 0, 0, 0],
  ])(
    'bills %s %i centi-m²: owner %i fen, subsidiser %i fen, together the assessed %i fen',
    (buildingClass, area, owner, subsidised, assessed) => {
      const fee = classFee(seed003, buildingClass);
      expect(ownerChargeFen(area, fee.ownerRateFenPerM2Month)).toBe(owner);
      expect(subsidyChargesFen(seed003, buildingClass, area, '2022-01')).toEqual([
        { payer: JOINT, rateFenPerM2Month: 78, chargeFen: subsidised },
      ]);
      expect(ownerChargeFen(area, fee.assessedRateFenPerM2Month)).toBe(assessed);
      expect(owner + subsidised).toBe(assessed);
    },
  );

  it.each<[string, number]>([
    ['2021-12', 0], // before the subsidy
    ['2022-01', 1], // first month
    ['2024-12', 1], // 36th month
    ['2025-01', 0], // 37th month: the subsidy has ended
  ])('bills the subsidiser in %s: %i line(s)', (month, lines) => {
    expect(subsidyChargesFen(seed003, 'LOW_RISE', 5_678, month)).toHaveLength(lines);
  });
});

describe('fee schedule rules', () => {
  it.each<[string, FeeSchedule, FeeScheduleProblem[]]>([
    [
      'a split of the 78 fen between the two payers (40 + 38, illustrative) adds up like the joint one',
      lowRise({
        subsidies: [
          subsidy({ payer: '北太平庄街道', rateFenPerM2Month: 40 }),
          subsidy({ payer: '首开集团', rateFenPerM2Month: 38 }),
        ],
      }),
      [],
    ],
    [
      'a subsidy 1 fen short in its period',
      lowRise({ subsidies: [subsidy({ rateFenPerM2Month: 77 })] }),
      [
        {
          code: 'RATES_DO_NOT_ADD_UP',
          buildingClass: 'LOW_RISE',
          fromMonth: '2022-01',
          toMonth: '2024-12',
          expectedFenPerM2Month: 178,
          actualFenPerM2Month: 177,
        },
      ],
    ],
    [
      'a second subsidy over the first year pays 10 fen too much there only',
      lowRise({ subsidies: [jointSubsidy, subsidy({ payer: '首开集团', rateFenPerM2Month: 10, months: 12 })] }),
      [
        {
          code: 'RATES_DO_NOT_ADD_UP',
          buildingClass: 'LOW_RISE',
          fromMonth: '2022-01',
          toMonth: '2022-12',
          expectedFenPerM2Month: 178,
          actualFenPerM2Month: 188,
        },
      ],
    ],
    [
      'two consecutive subsidies of 78 fen (12 + 24 months)',
      lowRise({ subsidies: [subsidy({ months: 12 }), subsidy({ startMonth: '2023-01', months: 24 })] }),
      [],
    ],
    ['owners paying the assessed rate with no subsidy', lowRise({ ownerRateFenPerM2Month: 178, subsidies: [] }), []],
    [
      'owners paying above the assessed rate',
      lowRise({ ownerRateFenPerM2Month: 179, subsidies: [] }),
      [
        {
          code: 'OWNER_RATE_ABOVE_ASSESSED',
          buildingClass: 'LOW_RISE',
          expectedFenPerM2Month: 178,
          actualFenPerM2Month: 179,
        },
      ],
    ],
    [
      'a zero fee throughout (a government-run backstop)',
      lowRise({ assessedRateFenPerM2Month: 0, ownerRateFenPerM2Month: 0, subsidies: [] }),
      [],
    ],
  ])('%s', (_label, schedule, problems) => {
    expect(assessFeeSchedule(schedule, ['LOW_RISE']).problems).toEqual(problems);
  });

  it.each<[string, FeeSchedule, Omit<FeeScheduleFlag, 'code' | 'buildingClass'>[]]>([
    [
      'no subsidy, owners 78 fen below assessed from the start',
      lowRise({ subsidies: [] }),
      [{ fromMonth: null, toMonth: null, shortfallFenPerM2Month: 78 }],
    ],
    [
      'a six-month gap between two subsidies, and the open end',
      lowRise({ subsidies: [subsidy({ months: 12 }), subsidy({ startMonth: '2023-07', months: 12 })] }),
      [
        { fromMonth: '2023-01', toMonth: '2023-06', shortfallFenPerM2Month: 78 },
        { fromMonth: '2024-07', toMonth: null, shortfallFenPerM2Month: 78 },
      ],
    ],
    ['owners at the assessed rate: nothing to flag', lowRise({ ownerRateFenPerM2Month: 178, subsidies: [] }), []],
  ])('flags, without rejecting: %s', (_label, schedule, flags) => {
    const assessment = assessFeeSchedule(schedule, ['LOW_RISE']);
    expect(assessment.problems).toEqual([]);
    expect(assessment.flags).toEqual(
      flags.map((f) => ({ code: 'OWNER_RATE_BELOW_ASSESSED_WITHOUT_SUBSIDY', buildingClass: 'LOW_RISE', ...f })),
    );
  });

  it.each<[string, BuildingClass[], FeeSchedule, Partial<FeeScheduleProblem>[]]>([
    [
      'an area with high-rise buildings and a low-rise fee only',
      BOTH,
      lowRise({}),
      [{ code: 'BUILDING_CLASS_NOT_COVERED', buildingClass: 'HIGH_RISE' }],
    ],
    [
      'an empty schedule',
      BOTH,
      { classes: [] },
      [
        { code: 'BUILDING_CLASS_NOT_COVERED', buildingClass: 'LOW_RISE' },
        { code: 'BUILDING_CLASS_NOT_COVERED', buildingClass: 'HIGH_RISE' },
      ],
    ],
    ['a low-rise area and both fees', ['LOW_RISE'], seed003, []],
    ['an area with no buildings yet', [], { classes: [] }, []],
    [
      'the same class twice',
      ['LOW_RISE'],
      { classes: [seed003.classes[0], seed003.classes[0]] },
      [{ code: 'DUPLICATE_BUILDING_CLASS', field: 'classes[1].buildingClass' }],
    ],
    [
      'an unknown class',
      ['LOW_RISE'],
      lowRise({ buildingClass: 'BUNGALOW' as BuildingClass }),
      [{ code: 'UNKNOWN_BUILDING_CLASS', field: 'classes[0].buildingClass' }, { code: 'BUILDING_CLASS_NOT_COVERED' }],
    ],
    [
      'negative, fractional and text rates',
      ['LOW_RISE'],
      lowRise({
        assessedRateFenPerM2Month: -1,
        ownerRateFenPerM2Month: 1.5,
        subsidies: [subsidy({ rateFenPerM2Month: '78' as unknown as number })],
      }),
      [
        { code: 'INVALID_RATE', field: 'classes[0].assessedRateFenPerM2Month' },
        { code: 'INVALID_RATE', field: 'classes[0].ownerRateFenPerM2Month' },
        { code: 'INVALID_RATE', field: 'classes[0].subsidies[0].rateFenPerM2Month' },
      ],
    ],
    [
      'subsidies without a payer, a real month or a positive length',
      ['LOW_RISE'],
      lowRise({
        subsidies: [subsidy({ payer: ' ', startMonth: '2022-13' }), subsidy({ months: 0 }), subsidy({ months: 1201 })],
      }),
      [
        { code: 'INVALID_SUBSIDY', field: 'classes[0].subsidies[0].payer' },
        { code: 'INVALID_SUBSIDY', field: 'classes[0].subsidies[0].startMonth' },
        { code: 'INVALID_SUBSIDY', field: 'classes[0].subsidies[1].months' },
        { code: 'INVALID_SUBSIDY', field: 'classes[0].subsidies[2].months' },
      ],
    ],
  ])('reports %s', (_label, areaClasses, schedule, problems) => {
    const found = assessFeeSchedule(schedule, areaClasses).problems;
    expect(found).toHaveLength(problems.length);
    problems.forEach((p, i) => expect(found[i]).toMatchObject(p));
  });

  it('throws BAD_USER_INPUT with every problem', () => {
    const error = rejection(() => validateFeeSchedule(lowRise({ ownerRateFenPerM2Month: 101 }), BOTH));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect((error.details?.problems as FeeScheduleProblem[]).map((p) => p.code)).toEqual([
      'RATES_DO_NOT_ADD_UP',
      'BUILDING_CLASS_NOT_COVERED',
    ]);
  });
});

describe('subsidy charges', () => {
  const split = lowRise({
    subsidies: [
      subsidy({ payer: '北太平庄街道', rateFenPerM2Month: 40 }),
      subsidy({ payer: '首开集团', rateFenPerM2Month: 30 }),
      subsidy({ payer: '首开集团', rateFenPerM2Month: 8 }),
    ],
  });

  it('bills each payer once a month, its rates summed before rounding', () => {
    // 56.78 m²: 40 fen → 2,271.2 → 2,271; 30 + 8 = 38 fen → 2,157.64 → 2,158 (not 1,703.4 + 454.24 → 1,703 + 454 = 2,157).
    expect(subsidyChargesFen(split, 'LOW_RISE', 5_678, '2023-06')).toEqual([
      { payer: '北太平庄街道', rateFenPerM2Month: 40, chargeFen: 2_271 },
      { payer: '首开集团', rateFenPerM2Month: 38, chargeFen: 2_158 },
    ]);
  });

  it('rounds every party on its own, so the parts may exceed the assessed charge by under a fen per payer', () => {
    // 0.50 m² at 101 + 77 = 178 fen (illustrative rates): 50.5 → 51 and 38.5 → 39, but 89.0 at the assessed rate.
    const halves = lowRise({ ownerRateFenPerM2Month: 101, subsidies: [subsidy({ rateFenPerM2Month: 77 })] });
    expect(assessFeeSchedule(halves, ['LOW_RISE']).problems).toEqual([]);
    expect(ownerChargeFen(50, 101) + subsidyChargesFen(halves, 'LOW_RISE', 50, '2022-01')[0].chargeFen).toBe(90);
    expect(ownerChargeFen(50, 178)).toBe(89);
  });

  it('bills a whole class at once, so rounding is paid once and not per household', () => {
    const households = [5_678, 5_678, 5_678, 5_678]; // four flats of 56.78 m²: 4,428.84 each
    const perHousehold = households.reduce(
      (sum, area) => sum + subsidyChargesFen(seed003, 'LOW_RISE', area, '2022-01')[0].chargeFen,
      0,
    );
    const total = households.reduce((sum, area) => sum + area, 0);
    expect(perHousehold).toBe(17_716);
    expect(subsidyChargesFen(seed003, 'LOW_RISE', total, '2022-01')[0].chargeFen).toBe(17_715); // 17,715.36
  });

  it('rejects a class the schedule lacks and a malformed month', () => {
    expect(rejection(() => subsidyChargesFen(lowRise({}), 'HIGH_RISE', 5_678, '2022-01')).details).toEqual({
      buildingClass: 'HIGH_RISE',
    });
    expect(rejection(() => subsidyChargesFen(seed003, 'LOW_RISE', 5_678, '2022-1')).details?.fields).toHaveProperty(
      'month',
    );
    expect(rejection(() => subsidyChargesFen(seed003, 'LOW_RISE', -1, '2022-01')).details?.fields).toHaveProperty(
      'floorAreaCentiM2',
    );
  });
});

describe('the subsidies publicised as running (双晒)', () => {
  it("runs seed 003's three-year joint subsidy from 2022-01 to 2024-12, and not after", () => {
    expect(subsidyEndMonth(jointSubsidy)).toBe('2024-12');
    expect(runningSubsidies(seed003.classes[0], '2022-01')).toEqual([jointSubsidy]);
    expect(runningSubsidies(seed003.classes[0], '2024-12')).toEqual([jointSubsidy]);
    expect(runningSubsidies(seed003.classes[0], '2025-01')).toEqual([]);
    expect(runningSubsidies(seed003.classes[0], '2021-12')).toEqual([]);
  });
});
