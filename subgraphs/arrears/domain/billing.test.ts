import { DomainError } from '../../../kernel/errors';
import { partsChargeFen, rateDaysOf } from '../../../kernel/money';
import {
  billedPartsOf,
  checkBillingMonth,
  classRatesOf,
  fallsShortOf,
  partsOfClassRate,
  dueOnForMonth,
  monthSpan,
  runningSubsidies,
  runningSubsidiesOfParts,
  servedPartsOf,
  servedDaysOf,
  servesDay,
  subsidyRunsIn,
} from './billing';

describe('billing months', () => {
  it('spans whole calendar months, leap February included, and falls due on the last day served', () => {
    expect(monthSpan('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(monthSpan('2023-02').last).toBe('2023-02-28');
    expect(dueOnForMonth('2022-12')).toBe('2022-12-31');
  });

  it('bills a month once it has begun, and refuses next month or text that is no month as UNKNOWN_MONTH', () => {
    expect(checkBillingMonth('2026-11', '2026-11-01')).toBe('2026-11');
    expect(checkBillingMonth('2022-01', '2026-11-22')).toBe('2022-01');
    for (const month of ['2026-12', '2026-13', '2026-1', 202611, null]) {
      let error: unknown;
      try {
        checkBillingMonth(month, '2026-11-30');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).details?.problems).toEqual([{ code: 'UNKNOWN_MONTH', month }]);
    }
  });

  it("runs seed 003's subsidy for its 36 months from 2022-01 and not a month more", () => {
    const subsidy = { payer: '北太平庄街道办事处', rateFenPerM2Month: 78, startMonth: '2022-01', months: 36 };
    expect(subsidyRunsIn(subsidy, '2021-12')).toBe(false);
    expect(subsidyRunsIn(subsidy, '2022-01')).toBe(true);
    expect(subsidyRunsIn(subsidy, '2024-12')).toBe(true);
    expect(subsidyRunsIn(subsidy, '2025-01')).toBe(false);
  });
});

describe('the days of a month a company serves', () => {
  const span = (startsOn: string, endsOn: string) => ({ startsOn, endsOn });

  it('is the whole month for a contract running through it', () => {
    expect(servedDaysOf('2026-03', [span('2023-04-01', '2028-03-31')])).toEqual({ days: 31, monthDays: 31 });
    expect(servedDaysOf('2024-02', [span('2024-02-01', '2024-02-29')])).toEqual({ days: 29, monthDays: 29 });
  });

  it('splits a month at a handover: the outgoing company serves to the day before, the incoming from its start', () => {
    // A preliminary contract ended by the owners' regular one from 16 March (Civil Code art. 940).
    const outgoing = servedDaysOf('2026-03', [span('2023-04-01', '2026-03-15')]);
    const incoming = servedDaysOf('2026-03', [span('2026-03-16', '2029-03-15')]);
    expect(outgoing).toEqual({ days: 15, monthDays: 31 });
    expect(incoming).toEqual({ days: 16, monthDays: 31 });
    expect(outgoing.days + incoming.days).toBe(31);
  });

  it('counts a day served under two of the company’s contracts once, and days outside the month not at all', () => {
    expect(servedDaysOf('2026-04', [span('2021-01-01', '2026-04-10'), span('2026-04-05', '2029-04-04')])).toEqual({
      days: 30,
      monthDays: 30,
    });
    expect(servedDaysOf('2026-04', [span('2026-04-11', '2026-04-20'), span('2026-04-01', '2026-04-05')])).toEqual({
      days: 15,
      monthDays: 30,
    });
    expect(servedDaysOf('2026-04', [span('2026-04-01', '2026-04-30'), span('2026-04-03', '2026-04-04')])).toEqual({
      days: 30,
      monthDays: 30,
    });
  });

  it('is no day for a contract outside the month, or one ended before it began', () => {
    expect(servedDaysOf('2026-05', [span('2026-06-01', '2029-05-31')])).toEqual({ days: 0, monthDays: 31 });
    expect(servedDaysOf('2026-05', [span('2026-05-20', '2026-05-19')])).toEqual({ days: 0, monthDays: 31 });
    expect(servedDaysOf('2026-05', [])).toEqual({ days: 0, monthDays: 31 });
  });
});

describe('the days a company serves an area', () => {
  const span = (startsOn: string, endsOn: string) => ({ startsOn, endsOn });

  it('serves from its contract’s first day to its last, not the days before or after within the month', () => {
    const contracts = [span('2026-11-20', '2029-11-19')];
    expect(servesDay(contracts, '2026-11-05')).toBe(false);
    expect(servesDay(contracts, '2026-11-19')).toBe(false);
    expect(servesDay(contracts, '2026-11-20')).toBe(true);
    expect(servesDay(contracts, '2026-11-25')).toBe(true);
    const ended = [span('2023-04-01', '2026-03-15')];
    expect(servesDay(ended, '2026-03-15')).toBe(true);
    expect(servesDay(ended, '2026-03-16')).toBe(false);
  });

  it('serves a day any of its contracts serves, and none when it has none', () => {
    const renewal = [span('2023-03-16', '2026-03-10'), span('2026-03-20', '2029-03-19')];
    expect(servesDay(renewal, '2026-03-05')).toBe(true);
    expect(servesDay(renewal, '2026-03-15')).toBe(false);
    expect(servesDay(renewal, '2026-03-20')).toBe(true);
    expect(servesDay([], '2026-03-20')).toBe(false);
  });
});

describe("a month in which a company's contract ends and its own renewal begins", () => {
  const [first, renewal] = ['filing-1', 'filing-2'];
  const contracts = [
    // latest accepted first, as findFilingInForce lists them
    { filingId: renewal, startsOn: '2026-03-16', endsOn: '2029-03-15' },
    { filingId: first, startsOn: '2025-03-16', endsOn: '2026-03-15' },
  ];
  const schedule = (ownerRate: number, subsidyRate: number | null, buildingClass = 'LOW_RISE') => [
    {
      buildingClass,
      ownerRateFenPerM2Month: ownerRate,
      subsidies:
        subsidyRate === null
          ? []
          : [{ payer: '广外街道', rateFenPerM2Month: subsidyRate, startMonth: '2025-01', months: 48 }],
    },
  ];

  it("splits the month into each contract's days, in the order they serve it", () => {
    expect(servedPartsOf('2026-03', contracts)).toEqual([
      { filingId: first, days: 15 },
      { filingId: renewal, days: 16 },
    ]);
    expect(servedPartsOf('2026-04', contracts)).toEqual([{ filingId: renewal, days: 30 }]);
    expect(servedPartsOf('2026-02', contracts)).toEqual([{ filingId: first, days: 28 }]);
    // A day both serve counts once, for the first listed (the latest accepted).
    const overlapping = [contracts[0], { ...contracts[1], endsOn: '2026-03-20' }];
    expect(servedPartsOf('2026-03', overlapping)).toEqual([
      { filingId: first, days: 15 },
      { filingId: renewal, days: 16 },
    ]);
  });

  it('charges 100 m² at ¥1.50 for 15 days and ¥2.00 for 16 days of March ¥175.81, rounded once', () => {
    const parts = [
      { rateFen: 150, days: 15 },
      { rateFen: 200, days: 16 },
    ];
    expect(rateDaysOf(parts)).toBe(150 * 15 + 200 * 16);
    // 7,258.06 + 10,322.58 = 17,580.6 → 17,581 (before: 20,000 at the renewal's rate for the whole month).
    expect(partsChargeFen(10_000, parts, 31)).toBe(17_581);
    // Rounded once, not part by part: 1.01 m² is 73.306 + 104.258 = 177.565 → 178 fen (part by part 73 + 104 = 177).
    expect(partsChargeFen(101, parts, 31)).toBe(178);
    // One part is the fee by the day, as chargeFen has it: 100 m² × ¥2.00 × 16/31 = 103.23.
    expect(partsChargeFen(10_000, [{ rateFen: 200, days: 16 }], 31)).toBe(10_323);
    expect(partsChargeFen(10_000, [{ rateFen: 200, days: 31 }], 31)).toBe(20_000);
  });

  it("bills each class at each part's rate, over every part's classes", () => {
    const parts = [
      { filingId: first, days: 15, classes: [...schedule(150, 20), ...schedule(120, null, 'HIGH_RISE')] },
      { filingId: renewal, days: 16, classes: [...schedule(200, 50), ...schedule(90, null, 'MID_RISE')] },
    ];
    expect(classRatesOf(parts)).toEqual([
      {
        buildingClass: 'LOW_RISE',
        filingId: renewal,
        rate: 200,
        rateDays: 150 * 15 + 200 * 16,
        days: 31,
        parts: [
          { filingId: first, rateFen: 150, days: 15 },
          { filingId: renewal, rateFen: 200, days: 16 },
        ],
      },
      // A class the first contract had no rate for: only the renewal's days, a fee by the day.
      { buildingClass: 'MID_RISE', filingId: renewal, rate: 90, rateDays: 90 * 16, days: 16, parts: null },
      // A class only the ending contract had: its 15 days under its filing (before: not billed at all).
      { buildingClass: 'HIGH_RISE', filingId: first, rate: 120, rateDays: 120 * 15, days: 15, parts: null },
    ]);
    expect(classRatesOf([parts[1]].map((p) => ({ ...p, days: 30 })))).toEqual([
      { buildingClass: 'LOW_RISE', filingId: renewal, rate: 200, rateDays: 6_000, days: 30, parts: null },
      { buildingClass: 'MID_RISE', filingId: renewal, rate: 90, rateDays: 2_700, days: 30, parts: null },
    ]);
  });

  it("subsidises a class only the ending contract had for that contract's days, at its rate", () => {
    const parts = [
      { filingId: first, days: 15, classes: [...schedule(150, 20), ...schedule(120, 30, 'HIGH_RISE')] },
      { filingId: renewal, days: 16, classes: schedule(200, 50) },
    ];
    expect(runningSubsidiesOfParts(parts, '2026-03').find((l) => l.buildingClass === 'HIGH_RISE')).toEqual({
      payer: '广外街道',
      buildingClass: 'HIGH_RISE',
      rate: 0,
      rateDays: 30 * 15,
      // A fee of one filing takes its filing's rate for its days (subsidyFenSql): ¥0.30 for the 15 days.
      filingRates: { [first]: 30, [renewal]: 0 },
    });
  });

  describe('a fee billed before the renewal was known', () => {
    const parts = [
      { filingId: first, days: 15, classes: [...schedule(150, 20), ...schedule(120, null, 'HIGH_RISE')] },
      { filingId: renewal, days: 16, classes: schedule(200, 50) },
    ];
    const [lowRise, highRise] = classRatesOf(parts);
    const billedFirst = { filingId: first, rateFen: 150, servedDays: 15, parts: null };

    it('reads as its one filing for its days, a fee in parts as its parts, a whole month as all its days', () => {
      expect(billedPartsOf(billedFirst, 31)).toEqual([{ filingId: first, rateFen: 150, days: 15 }]);
      expect(billedPartsOf({ ...billedFirst, servedDays: null }, 31)).toEqual([
        { filingId: first, rateFen: 150, days: 31 },
      ]);
      expect(billedPartsOf({ ...billedFirst, parts: lowRise.parts }, 31)).toEqual(lowRise.parts);
      expect(partsOfClassRate(highRise)).toEqual([{ filingId: first, rateFen: 120, days: 15 }]);
    });

    it("falls short of the month's parts: the first contract's 15 days, or the renewal's 16", () => {
      expect(fallsShortOf(billedPartsOf(billedFirst, 31), lowRise)).toBe(true);
      expect(fallsShortOf([{ filingId: renewal, rateFen: 200, days: 16 }], lowRise)).toBe(true);
      // Topped up, 100 m² is billed ¥175.81 for March, ¥72.58 of it the 15 days billed first.
      expect(partsChargeFen(10_000, billedPartsOf(billedFirst, 31), 31)).toBe(7_258);
      expect(partsChargeFen(10_000, partsOfClassRate(lowRise), 31)).toBe(17_581);
    });

    it('does not once billed in parts, nor a fee of another filing or rate, nor one for every day already', () => {
      // Idempotent: a fee billed the month's parts falls short of nothing.
      expect(fallsShortOf(partsOfClassRate(lowRise), lowRise)).toBe(false);
      // An amendment of the first contract since (another filing, or its rate changed): left as billed.
      expect(fallsShortOf([{ filingId: 'filing-1b', rateFen: 150, days: 15 }], lowRise)).toBe(false);
      expect(fallsShortOf([{ filingId: first, rateFen: 160, days: 15 }], lowRise)).toBe(false);
      // Billed for more of the first contract's days than it serves: correctFeesToServedDays's, not a top-up.
      expect(fallsShortOf([{ filingId: first, rateFen: 150, days: 20 }], lowRise)).toBe(false);
      expect(fallsShortOf(billedPartsOf({ ...billedFirst, servedDays: null }, 31), lowRise)).toBe(false);
      // A class only the ending contract had is billed its 15 days, as before: nothing missing.
      expect(fallsShortOf([{ filingId: first, rateFen: 120, days: 15 }], highRise)).toBe(false);
    });

    it("falls short of the company's continued service recorded after the month was billed", () => {
      // One contract, now serving all 31 days (Civil Code art. 948), its month billed for its term's 15.
      const [continued] = classRatesOf([{ filingId: first, days: 31, classes: schedule(150, 20) }]);
      expect(fallsShortOf(billedPartsOf(billedFirst, 31), continued)).toBe(true);
    });
  });

  it('splits a subsidy the same way, at 0 for a part whose contract has none, and not at all in a month of one part', () => {
    const parts = [
      { filingId: first, days: 15, classes: schedule(150, 20) },
      { filingId: renewal, days: 16, classes: schedule(200, 50) },
    ];
    expect(runningSubsidiesOfParts(parts, '2026-03')).toEqual([
      {
        payer: '广外街道',
        buildingClass: 'LOW_RISE',
        rate: 50,
        rateDays: 20 * 15 + 50 * 16,
        filingRates: { [first]: 20, [renewal]: 50 },
      },
    ]);
    // 100 m² × (¥0.20 × 15 + ¥0.50 × 16) ÷ 31 = ¥35.48
    expect(
      partsChargeFen(
        10_000,
        [
          { rateFen: 20, days: 15 },
          { rateFen: 50, days: 16 },
        ],
        31,
      ),
    ).toBe(3_548);
    const endedWithTheFirst = [parts[0], { ...parts[1], classes: schedule(200, null) }];
    expect(runningSubsidiesOfParts(endedWithTheFirst, '2026-03')).toEqual([
      {
        payer: '广外街道',
        buildingClass: 'LOW_RISE',
        rate: 0,
        rateDays: 20 * 15,
        filingRates: { [first]: 20, [renewal]: 0 },
      },
    ]);
    expect(runningSubsidiesOfParts([{ ...parts[1], days: 30 }], '2026-04')).toEqual([
      { payer: '广外街道', buildingClass: 'LOW_RISE', rate: 50, rateDays: null, filingRates: { [renewal]: 50 } },
    ]);
  });
});

describe('the subsidies billed in a month', () => {
  it('bills one line per payer and building class, a payer named twice at the sum of its running rates', () => {
    const grant = (payer: string, rateFenPerM2Month: number, startMonth = '2022-01', months = 36) => ({
      payer,
      rateFenPerM2Month,
      startMonth,
      months,
    });
    const classes = [
      // Seed 003's ¥0.78 as two grants of one street office; before, the run failed on two lines of one payer.
      { buildingClass: 'MID_RISE', subsidies: [grant('北太平庄街道', 50), grant('北太平庄街道', 28)] },
      { buildingClass: 'HIGH_RISE', subsidies: [grant('北太平庄街道', 78), grant('区住建委', 10, '2025-01', 12)] },
    ];
    expect(runningSubsidies(classes, '2024-06')).toEqual([
      { payer: '北太平庄街道', buildingClass: 'MID_RISE', rate: 78 },
      { payer: '北太平庄街道', buildingClass: 'HIGH_RISE', rate: 78 },
    ]);
    expect(runningSubsidies(classes, '2025-01')).toEqual([{ payer: '区住建委', buildingClass: 'HIGH_RISE', rate: 10 }]);
  });
});
