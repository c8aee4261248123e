import { formatYuan } from '../../../kernel/money';
import {
  AGING_BUCKETS,
  COMMITTEE_MAX_TERM,
  INTERRUPTION_GROUNDS,
  LIMITATION_PERIOD_SOURCE,
  LIMITATION_PERIOD_YEARS,
  SEED_002_ACTIVATION_THRESHOLD_PERCENT,
  SEED_002_BUILDINGS,
  SEED_002_COMPANY_ADVANCE_FEN,
  SEED_002_ELEVATORS_PER_BUILDING,
  SEED_002_HOUSEHOLDS,
  SEED_002_LEVY_RATE_FEN_PER_M2,
  SEED_002_PAID_HOUSEHOLDS,
  SEED_002_REPORTED_RATE_PERCENT,
  UTILITY_CUT_OFF_BAN,
} from './statutes';

describe('arrears statutes', () => {
  it.each<[string, unknown, unknown]>([
    ['limitation period (years)', LIMITATION_PERIOD_YEARS, 3],
    ['its source', LIMITATION_PERIOD_SOURCE, 'Civil Code art. 188 para. 1'],
    ['demand ground', INTERRUPTION_GROUNDS.CREDITOR_DEMAND, 'Civil Code art. 195 item 1'],
    ['consent ground', INTERRUPTION_GROUNDS.DEBTOR_CONSENT, 'Civil Code art. 195 item 2'],
    ['mediation ground', INTERRUPTION_GROUNDS.SAME_EFFECT_AS_SUIT, 'Civil Code art. 195 item 4'],
    ['art. 944 utilities', [...UTILITY_CUT_OFF_BAN.utilities], ['WATER', 'POWER', 'HEATING', 'GAS']],
    ['art. 944 source', UTILITY_CUT_OFF_BAN.source, 'Civil Code art. 944 para. 3'],
    ["owners' committee's longest term (years)", COMMITTEE_MAX_TERM.OWNERS_COMMITTEE.years, 5],
    ["a Beijing 物管会's longest term (years)", COMMITTEE_MAX_TERM.PROPERTY_MANAGEMENT_COMMITTEE.years, 3],
  ])('%s is %j', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it.each<[string, number, string]>([
    // Seed 002's figures, back in the seed's own words.
    ['levy rate per m²', SEED_002_LEVY_RATE_FEN_PER_M2, '17.93'],
    ['company advance', SEED_002_COMPANY_ADVANCE_FEN, '420000.00'],
  ])('seed 002 %s reads back as ¥%s', (_name, fen, yuan) => {
    expect(formatYuan(fen)).toBe(yuan);
  });

  it('keeps seed 002 counts consistent with its 18 elevators and its 88.3%', () => {
    expect(SEED_002_BUILDINGS * SEED_002_ELEVATORS_PER_BUILDING).toBe(18);
    expect([SEED_002_HOUSEHOLDS, SEED_002_PAID_HOUSEHOLDS, SEED_002_ACTIVATION_THRESHOLD_PERCENT]).toEqual([
      1_080, 954, 50,
    ]);
    expect(SEED_002_REPORTED_RATE_PERCENT).toBe('88.3');
  });

  it('aging buckets cover every day from 0 without gap or overlap, the last one open-ended', () => {
    expect(AGING_BUCKETS.map((b) => [b.bucket, b.minDays, b.maxDays])).toEqual([
      ['DAYS_0_30', 0, 30],
      ['DAYS_31_90', 31, 90],
      ['DAYS_91_180', 91, 180],
      ['DAYS_181_365', 181, 365],
      ['OVER_365', 366, null],
    ]);
    AGING_BUCKETS.slice(1).forEach((b, i) => expect(AGING_BUCKETS[i].maxDays).toBe(b.minDays - 1));
    expect(Object.isFrozen(AGING_BUCKETS)).toBe(true);
  });
});
