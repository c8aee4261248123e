import { DomainError } from '../../../kernel/errors';
import {
  checkBillingMonth,
  dueOnForMonth,
  monthSpan,
  runningSubsidies,
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
