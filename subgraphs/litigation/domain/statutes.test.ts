import { rejection } from '../../../test/support/rejection';
import {
  PRE_LITIGATION_MEDIATION_DAYS,
  SMALL_CLAIMS_CONSENT_PERCENT_OF_WAGE,
  SMALL_CLAIMS_DECISION_MONTHS,
  SMALL_CLAIMS_EXCLUSION_NAMES,
  SMALL_CLAIMS_EXTENSION_MONTHS,
  SMALL_CLAIMS_MANDATORY_PERCENT_OF_WAGE,
  SMALL_CLAIMS_MAX_EXTENSIONS,
  SMALL_CLAIMS_THRESHOLDS,
  findSmallClaimsThreshold,
  smallClaimsThreshold,
} from './statutes';

describe('litigation statutes', () => {
  it.each<[string, number, number]>([
    ['art. 165 mandatory share of the wage, %', SMALL_CLAIMS_MANDATORY_PERCENT_OF_WAGE, 50],
    ['art. 165 consent share of the wage, %', SMALL_CLAIMS_CONSENT_PERCENT_OF_WAGE, 200],
    ['art. 168 months to decide', SMALL_CLAIMS_DECISION_MONTHS, 2],
    ['art. 168 months of extension', SMALL_CLAIMS_EXTENSION_MONTHS, 1],
    ['art. 168 extensions allowed', SMALL_CLAIMS_MAX_EXTENSIONS, 1],
    ['pre-litigation mediation days', PRE_LITIGATION_MEDIATION_DAYS, 30],
  ])('%s is %i', (_label, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('lists the art. 166 exclusions, including whereabouts unknown, counterclaim and appraisal', () => {
    expect(SMALL_CLAIMS_EXCLUSION_NAMES).toEqual([
      'PERSONAL_STATUS_OR_PROPERTY_TITLE',
      'FOREIGN_RELATED',
      'NEEDS_APPRAISAL',
      'WHEREABOUTS_UNKNOWN',
      'COUNTERCLAIM',
      'OTHER_UNSUITABLE',
    ]);
  });

  it.each<[string, number, number, number, string]>([
    ['330000', 2022, 5_432_300, 21_729_000, '2022-01-11'], // Zhejiang: ¥54,323, consent to ¥217,290
    ['320000', 2024, 6_086_200, 24_344_800, '2024-01-06'], // Jiangsu: ¥60,862, consent to ¥243,448
  ])(
    'province %s in %i publishes %i fen, consent ceiling %i fen, from %s',
    (province, year, threshold, ceiling, from) => {
      expect(findSmallClaimsThreshold(province, year)).toMatchObject({
        thresholdFen: threshold,
        consentCeilingFen: ceiling,
        effectiveFrom: from,
      });
      expect(smallClaimsThreshold(province, year).source).toMatch(/高级人民法院.*docs\/domain\.md/);
    },
  );

  it('records the published ceiling, not four times the rounded threshold', () => {
    const zhejiang = smallClaimsThreshold('330000', 2022);
    expect(zhejiang.thresholdFen * 4).toBe(21_729_200);
    expect(zhejiang.consentCeilingFen).toBe(21_729_000);
  });

  it('keeps one frozen, consistent entry per province and year', () => {
    const keys = SMALL_CLAIMS_THRESHOLDS.map((t) => `${t.provinceCode}/${t.applicationYear}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.isFrozen(SMALL_CLAIMS_THRESHOLDS)).toBe(true);
    for (const t of SMALL_CLAIMS_THRESHOLDS) {
      expect(Object.isFrozen(t)).toBe(true);
      expect(Number.isSafeInteger(t.thresholdFen) && t.thresholdFen % 100 === 0).toBe(true); // published in whole yuan
      expect(t.consentCeilingFen).toBeGreaterThan(t.thresholdFen);
      expect(t.effectiveFrom.startsWith(String(t.applicationYear))).toBe(true);
    }
  });

  it.each<[string, string, number]>([
    ['Beijing: no figure in our documents', '110000', 2024],
    ['Zhejiang in a year not recorded', '330000', 2023],
    ['Jiangsu the year before', '320000', 2023],
  ])('reports no threshold rather than guessing: %s', (_label, province, year) => {
    expect(findSmallClaimsThreshold(province, year)).toBeNull();
    const error = rejection(() => smallClaimsThreshold(province, year));
    expect(error.code).toBe('NO_SMALL_CLAIMS_THRESHOLD');
    expect(error.details).toMatchObject({
      problems: ['NO_SMALL_CLAIMS_THRESHOLD'],
      provinceCode: province,
      applicationYear: year,
    });
  });

  it('tells which years are recorded for the province', () => {
    expect(rejection(() => smallClaimsThreshold('330000', 2023)).details?.recordedYears).toEqual([2022]);
    expect(rejection(() => smallClaimsThreshold('110000', 2024)).details?.recordedYears).toEqual([]);
  });
});
