import { rejection } from '../../../test/support/rejection';
import {
  Procedure,
  ProcedureInput,
  decideProcedure,
  proposeProcedure,
  questionOfReasons,
  withoutProvince,
} from './procedure';
import { SmallClaimsExclusion } from './statutes';

const zhejiang2022: ProcedureInput = {
  provinceCode: '330000',
  docketYear: 2022,
  claimFen: 5_432_300,
  bothPartiesConsent: false,
  exclusions: [],
};
const jiangsu2024: ProcedureInput = {
  provinceCode: '320000',
  docketYear: 2024,
  claimFen: 6_086_200,
  bothPartiesConsent: false,
  exclusions: [],
};

describe('choosing the procedure (Civil Procedure Law arts. 165–166)', () => {
  it.each<[string, ProcedureInput, Procedure, string]>([
    ['Zhejiang, exactly ¥54,323', zhejiang2022, 'SMALL_CLAIMS', 'AT_OR_BELOW_THRESHOLD'],
    [
      'Zhejiang, 1 fen above',
      { ...zhejiang2022, claimFen: 5_432_301 },
      'SIMPLE_OR_ORDINARY',
      'ABOVE_THRESHOLD_WITHOUT_CONSENT',
    ],
    [
      'Zhejiang, 1 fen above with consent',
      { ...zhejiang2022, claimFen: 5_432_301, bothPartiesConsent: true },
      'SMALL_CLAIMS_BY_CONSENT',
      'ABOVE_THRESHOLD_WITH_CONSENT',
    ],
    [
      'Zhejiang, exactly the ¥217,290 ceiling with consent',
      { ...zhejiang2022, claimFen: 21_729_000, bothPartiesConsent: true },
      'SMALL_CLAIMS_BY_CONSENT',
      'ABOVE_THRESHOLD_WITH_CONSENT',
    ],
    [
      'Zhejiang, 1 fen above the ceiling with consent',
      { ...zhejiang2022, claimFen: 21_729_001, bothPartiesConsent: true },
      'SIMPLE_OR_ORDINARY',
      'ABOVE_CONSENT_CEILING',
    ],
    [
      'Zhejiang, 4 × threshold (above the published ceiling) with consent',
      { ...zhejiang2022, claimFen: 21_729_200, bothPartiesConsent: true },
      'SIMPLE_OR_ORDINARY',
      'ABOVE_CONSENT_CEILING',
    ],
    [
      'Zhejiang, 1 fen with consent: consent changes nothing below the threshold',
      { ...zhejiang2022, claimFen: 1, bothPartiesConsent: true },
      'SMALL_CLAIMS',
      'AT_OR_BELOW_THRESHOLD',
    ],
    ['Jiangsu, exactly ¥60,862', jiangsu2024, 'SMALL_CLAIMS', 'AT_OR_BELOW_THRESHOLD'],
    [
      'Jiangsu, 1 fen above',
      { ...jiangsu2024, claimFen: 6_086_201 },
      'SIMPLE_OR_ORDINARY',
      'ABOVE_THRESHOLD_WITHOUT_CONSENT',
    ],
    [
      'Jiangsu, exactly 200% (¥243,448) with consent',
      { ...jiangsu2024, claimFen: 24_344_800, bothPartiesConsent: true },
      'SMALL_CLAIMS_BY_CONSENT',
      'ABOVE_THRESHOLD_WITH_CONSENT',
    ],
    [
      'Jiangsu, exactly 200% without consent',
      { ...jiangsu2024, claimFen: 24_344_800 },
      'SIMPLE_OR_ORDINARY',
      'ABOVE_THRESHOLD_WITHOUT_CONSENT',
    ],
    [
      'Jiangsu, 1 fen above 200% with consent',
      { ...jiangsu2024, claimFen: 24_344_801, bothPartiesConsent: true },
      'SIMPLE_OR_ORDINARY',
      'ABOVE_CONSENT_CEILING',
    ],
  ])('%s', (_label, input, procedure, reason) => {
    const decision = decideProcedure(input);
    expect(decision.procedure).toBe(procedure);
    expect(decision.reasons.map((r) => r.code)).toEqual([reason]);
    expect(decision.thresholdFen).toBe(input.provinceCode === '330000' ? 5_432_300 : 6_086_200);
  });

  it('explains the amount in yuan', () => {
    expect(decideProcedure(zhejiang2022).reasons[0].message).toBe(
      'The claim ¥54323.00 is at or below the threshold ¥54323.00 (art. 165)',
    );
  });

  it.each<[SmallClaimsExclusion[], string[]]>([
    [['WHEREABOUTS_UNKNOWN'], ['WHEREABOUTS_UNKNOWN']],
    [
      ['COUNTERCLAIM', 'NEEDS_APPRAISAL'],
      ['NEEDS_APPRAISAL', 'COUNTERCLAIM'],
    ],
    [['COUNTERCLAIM', 'COUNTERCLAIM'], ['COUNTERCLAIM']],
  ])(
    'an exclusion %j forces the simple or ordinary procedure even for a tiny claim with consent',
    (exclusions, codes) => {
      const decision = decideProcedure({ ...zhejiang2022, claimFen: 9_482, bothPartiesConsent: true, exclusions });
      expect(decision.procedure).toBe('SIMPLE_OR_ORDINARY');
      expect(decision.reasons.map((r) => r.code)).toEqual([...codes, 'AT_OR_BELOW_THRESHOLD']);
      expect(decision.reasons[0].message).toMatch(/art\. 166 item/);
    },
  );

  it.each<[string, string, number]>([
    ['Beijing has no published figure in our documents', '110000', 2024],
    ['Zhejiang 2023 is not recorded', '330000', 2023],
    ['an unknown province', '990000', 2024],
  ])('refuses to guess: %s', (_label, provinceCode, docketYear) => {
    const error = rejection(() => decideProcedure({ ...zhejiang2022, provinceCode, docketYear }));
    expect(error.code).toBe('NO_SMALL_CLAIMS_THRESHOLD');
  });

  it('proposes UNDETERMINED where no threshold is published, and the decision where one is', () => {
    const beijing = proposeProcedure({ ...zhejiang2022, provinceCode: '110000', docketYear: 2024 });
    expect(beijing.procedure).toBe('UNDETERMINED');
    expect(beijing.reasons.map((r) => r.code)).toEqual(['NO_SMALL_CLAIMS_THRESHOLD']);
    expect(proposeProcedure(zhejiang2022)).toEqual({
      procedure: 'SMALL_CLAIMS',
      reasons: decideProcedure(zhejiang2022).reasons,
    });
    expect(rejection(() => proposeProcedure({ ...zhejiang2022, claimFen: 0 })).code).toBe('BAD_USER_INPUT');
  });

  it('applies a notice only from the day it is in force (Jiangsu 2024: from 2024-01-06)', () => {
    // ¥59,000 is below the Jiangsu 2024 threshold (¥60,862), but three days before the notice applied no figure the
    // hub holds was in force: the court decides. Before, the 2024 figure was applied to the whole of 2024.
    const jiangsu = {
      provinceCode: '320000',
      docketYear: 2024,
      claimFen: 5_900_000,
      bothPartiesConsent: false,
      exclusions: [],
    };
    const before = proposeProcedure({ ...jiangsu, docketOn: '2024-01-03' });
    expect(before.procedure).toBe('UNDETERMINED');
    expect(before.reasons[0].message).toContain('in force on 2024-01-03');
    expect(proposeProcedure({ ...jiangsu, docketOn: '2024-01-06' }).procedure).toBe('SMALL_CLAIMS');
    expect(proposeProcedure({ ...jiangsu, docketOn: '2024-12-31' }).procedure).toBe('SMALL_CLAIMS');
    expect(
      Object.keys(rejection(() => decideProcedure({ ...jiangsu, docketOn: '2025-01-02' })).details?.fields as object),
    ).toEqual(['docketOn']);
  });

  it.each<[string, Partial<ProcedureInput>, string[]]>([
    ['a zero claim', { claimFen: 0 }, ['claimFen']],
    ['a claim in fractions of a fen', { claimFen: 10.5 }, ['claimFen']],
    [
      'a two-digit year and an unknown exclusion',
      { docketYear: 24, exclusions: ['TOO_HARD' as SmallClaimsExclusion] },
      ['docketYear', 'exclusions'],
    ],
    ['consent not said', { bothPartiesConsent: undefined as unknown as boolean }, ['bothPartiesConsent']],
  ])('rejects %s as input, naming the fields', (_label, overrides, fields) => {
    const error = rejection(() => decideProcedure({ ...zhejiang2022, ...overrides }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(error.details?.fields as object).sort()).toEqual(fields);
  });
});

describe('a referral whose area no city settings give a small-claims province', () => {
  it('is UNDETERMINED for the court, naming the district, without borrowing any province', () => {
    expect(withoutProvince('330106')).toEqual({
      procedure: 'UNDETERMINED',
      reasons: [{ code: 'NO_SMALL_CLAIMS_PROVINCE', message: expect.stringContaining('district 330106') }],
    });
  });
});

describe('the procedure question of a referral made before it was stored (a corrected package is proposed on it)', () => {
  it('reads the exclusions its reasons name, and consent only where a reason says it decided', () => {
    expect(
      questionOfReasons([
        { code: 'WHEREABOUTS_UNKNOWN' },
        { code: 'COUNTERCLAIM' },
        { code: 'ABOVE_THRESHOLD_WITH_CONSENT' },
      ]),
    ).toEqual({ bothPartiesConsent: true, exclusions: ['WHEREABOUTS_UNKNOWN', 'COUNTERCLAIM'] });
    // Below the threshold a consent given left no trace: unknown counts as none, so no small claim is proposed above
    // the threshold on a consent nobody recorded.
    expect(questionOfReasons([{ code: 'AT_OR_BELOW_THRESHOLD' }])).toEqual({
      bothPartiesConsent: false,
      exclusions: [],
    });
    expect(questionOfReasons([{ code: 'NO_SMALL_CLAIMS_THRESHOLD' }])).toEqual({
      bothPartiesConsent: false,
      exclusions: [],
    });
  });
});
