import { rejection } from '../../../test/support/rejection';
import { Identity } from '../../../kernel/identity';
import {
  RecordedThreshold,
  ThresholdRecordInput,
  assertMayRecordThreshold,
  assertRecordAgreesWithKnownFigure,
  checkThresholdRecord,
} from './small-claims-threshold';
import { courtChoseProcedure, decideProcedure, proposeProcedure } from './procedure';
import { SMALL_CLAIMS_THRESHOLDS, findSmallClaimsThreshold } from './statutes';

const who = (role: Identity['role'], organisationId: string): Identity => ({
  subject: `${organisationId}-user`,
  role,
  organisationId,
  jurisdictions: [],
});

// Jiangsu's 2024 notice (苏高法电〔2024〕9号), as a Jiangsu court would enter it: ¥60,862, consent up to ¥243,448.
const JIANGSU = {
  provinceCode: '320000',
  year: 2024,
  amountFen: 6_086_200,
  consentCeilingFen: 24_344_800,
  effectiveFrom: '2024-01-06',
  source: '苏高法电〔2024〕9号 (2024-01-05)',
};

describe('small-claims thresholds recorded by the courts (Civil Procedure Law art. 165)', () => {
  it('keeps the notice as published, its consent ceiling required (4 × the rounded threshold can exceed 200%)', () => {
    expect(checkThresholdRecord(JIANGSU)).toMatchObject({
      provinceCode: '320000',
      applicationYear: 2024,
      thresholdFen: 6_086_200,
      consentCeilingFen: 24_344_800,
      effectiveFrom: '2024-01-06',
    });
    expect(checkThresholdRecord({ ...JIANGSU, effectiveFrom: null })).toMatchObject({ effectiveFrom: '2024-01-01' });
    // Zhejiang 2022: 4 × ¥54,323 = ¥217,292, above the ¥217,290 published; before, that was taken when it was omitted.
    for (const omitted of [null, undefined])
      expect(
        Object.keys(
          rejection(() =>
            checkThresholdRecord({
              ...JIANGSU,
              provinceCode: '330000',
              year: 2022,
              amountFen: 5_432_300,
              consentCeilingFen: omitted,
              effectiveFrom: '2022-01-11',
            }),
          ).details?.fields as object,
        ),
      ).toEqual(['consentCeilingFen']);
  });

  it('names every invalid field, and bounds what a caller sends', () => {
    const error = rejection(() =>
      checkThresholdRecord({
        provinceCode: '110108',
        year: 1999,
        amountFen: 0.5,
        consentCeilingFen: 100,
        effectiveFrom: '2023-12-31',
        source: 'x'.repeat(1001),
      }),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(error.details?.fields as object).sort()).toEqual([
      'amountFen',
      'effectiveFrom',
      'provinceCode',
      'source',
      'year',
    ]);
    expect(
      rejection(() => checkThresholdRecord({ ...JIANGSU, consentCeilingFen: 6_086_200 })).details?.fields,
    ).toHaveProperty('consentCeilingFen');
    expect(
      rejection(() => checkThresholdRecord({ ...JIANGSU, amountFen: 10_000_000_001 })).details?.fields,
    ).toHaveProperty('amountFen');
  });

  it("takes a consent ceiling within ¥4 of 4 × the threshold only: both are one wage's 50% and 200% in whole yuan (art. 165)", () => {
    // The published pairs: Zhejiang 2022's ceiling is ¥2 under 4 × its rounded threshold, Jiangsu 2024's exactly 4 ×.
    for (const known of SMALL_CLAIMS_THRESHOLDS)
      expect(() =>
        checkThresholdRecord({ ...JIANGSU, amountFen: known.thresholdFen, consentCeilingFen: known.consentCeilingFen }),
      ).not.toThrow();
    for (const ceiling of [24_344_400, 24_345_200])
      expect(() => checkThresholdRecord({ ...JIANGSU, consentCeilingFen: ceiling })).not.toThrow();
    // A digit dropped or doubled, a ceiling of 100% or 400% of the wage: refused, naming the field.
    for (const ceiling of [2_434_480, 243_448_000, 12_172_400, 48_689_600, 24_344_399, 24_345_201])
      expect(rejection(() => checkThresholdRecord({ ...JIANGSU, consentCeilingFen: ceiling })).details?.fields).toEqual(
        {
          consentCeilingFen: expect.stringContaining('4 × the threshold within ¥4'),
        },
      );
  });

  it('lets a court of the province or the admin record it, nobody else', () => {
    expect(() => assertMayRecordThreshold(who('COURT', 'bj-haidian-court'), '110000', '110000')).not.toThrow();
    expect(() => assertMayRecordThreshold(who('ADMIN', 'hub'), null, '110000')).not.toThrow();
    expect(rejection(() => assertMayRecordThreshold(who('COURT', 'hz-court'), '330000', '110000')).code).toBe(
      'FORBIDDEN',
    );
    expect(rejection(() => assertMayRecordThreshold(who('COURT', 'unregistered'), null, '110000')).code).toBe(
      'FORBIDDEN',
    );
    expect(
      rejection(() => assertMayRecordThreshold(who('PROPERTY_COMPANY', '91110108MA01DEMO32'), null, '110000')).code,
    ).toBe('FORBIDDEN');
  });

  it('decides on the latest record of the province and year, beside the figures held in code', () => {
    const recorded = checkThresholdRecord({
      ...JIANGSU,
      year: 2025,
      amountFen: 6_300_000,
      consentCeilingFen: 25_200_000,
      effectiveFrom: null,
      source: 'a 2025 notice',
    });
    const corrected = {
      ...recorded,
      thresholdFen: 6_200_000,
      consentCeilingFen: 24_800_000,
      source: 'the 2025 notice, corrected',
    };
    expect(findSmallClaimsThreshold('320000', 2025, [recorded, corrected])?.source).toBe('the 2025 notice, corrected');
    // The code-held 2024 figure still applies to 2024; a record for 2024 would replace it.
    expect(findSmallClaimsThreshold('320000', 2024, [corrected])?.thresholdFen).toBe(6_086_200);
    expect(
      findSmallClaimsThreshold('320000', 2024, [
        checkThresholdRecord({ ...JIANGSU, amountFen: 6_000_000, consentCeilingFen: 24_000_000 }),
      ])?.thresholdFen,
    ).toBe(6_000_000);
    const claim = {
      provinceCode: '320000',
      docketYear: 2025,
      claimFen: 6_200_000,
      bothPartiesConsent: false,
      exclusions: [],
    };
    expect(decideProcedure({ ...claim, recordedThresholds: [recorded, corrected] }).procedure).toBe('SMALL_CLAIMS');
    expect(proposeProcedure(claim).procedure).toBe('UNDETERMINED');
  });

  it('decides on the notice in force that day, though the previous figure was recorded after it (art. 165)', () => {
    const notice = checkThresholdRecord({
      ...JIANGSU,
      year: 2025,
      amountFen: 6_000_000,
      consentCeilingFen: 24_000_000,
      effectiveFrom: '2025-01-10',
      source: 'the 2025 notice',
    });
    const previous = checkThresholdRecord({
      ...JIANGSU,
      year: 2025,
      amountFen: 5_000_000,
      consentCeilingFen: 20_000_000,
      effectiveFrom: null,
      source: 'the previous figure, for cases docketed before the notice',
    });
    // Recorded after the notice, the previous figure governs only the days before it (before, the whole year).
    expect(findSmallClaimsThreshold('320000', 2025, [notice, previous], '2025-06-01')?.source).toBe('the 2025 notice');
    expect(findSmallClaimsThreshold('320000', 2025, [notice, previous], '2025-01-09')?.source).toBe(
      'the previous figure, for cases docketed before the notice',
    );
    const claim = {
      provinceCode: '320000',
      docketYear: 2025,
      claimFen: 5_500_000,
      bothPartiesConsent: false,
      exclusions: [],
      recordedThresholds: [notice, previous],
    };
    expect(decideProcedure({ ...claim, docketOn: '2025-06-01' }).procedure).toBe('SMALL_CLAIMS');
    expect(decideProcedure({ ...claim, docketOn: '2025-01-09' }).procedure).toBe('SIMPLE_OR_ORDINARY');
    // The same against a notice held in code: Jiangsu's 2024 notice, in force from 6 January (helper-163 M1).
    const before2024Notice = checkThresholdRecord({
      ...JIANGSU,
      amountFen: 5_000_000,
      consentCeilingFen: 20_000_000,
      effectiveFrom: null,
      source: 'the previous figure, for 1-5 January 2024',
    });
    expect(findSmallClaimsThreshold('320000', 2024, [before2024Notice], '2024-06-01')?.thresholdFen).toBe(6_086_200);
    expect(findSmallClaimsThreshold('320000', 2024, [before2024Notice], '2024-01-03')?.thresholdFen).toBe(5_000_000);
    expect(findSmallClaimsThreshold('320000', 2024, [before2024Notice])?.thresholdFen).toBe(6_086_200);
  });

  describe("a court's record does not contradict a figure already known for the province and year (audit, Low)", () => {
    const nanjing = who('COURT', 'js-nanjing-court');
    const suzhou = who('COURT', 'js-suzhou-court');
    const xicheng = who('COURT', 'bj-xicheng-court');
    const haidian = who('COURT', 'bj-haidian-court');
    const admin = who('ADMIN', 'hub-operator');
    const recordedBy = (by: Identity, input: ThresholdRecordInput, at = '2026-12-01T09:00:00Z'): RecordedThreshold => ({
      ...checkThresholdRecord(input),
      recordedBy: by.subject,
      recordedRole: by.role,
      recordedOrganisation: by.organisationId,
      recordedAt: new Date(at),
    });
    const check =
      (by: Identity, input: ThresholdRecordInput, recorded: RecordedThreshold[] = []) =>
      () =>
        assertRecordAgreesWithKnownFigure(by, checkThresholdRecord(input), recorded);
    // The same test figure for Beijing as the integration test's: no 北京市高级人民法院 notice is confirmed.
    const BEIJING = {
      provinceCode: '110000',
      year: 2026,
      amountFen: 5_000_000,
      consentCeilingFen: 20_000_000,
      source: 'test figure',
    };

    it("refuses a Jiangsu court's other figure for 2024 over the published notice held in code, naming it", () => {
      for (const effectiveFrom of ['2024-01-06', '2024-03-01']) {
        const error = rejection(
          check(nanjing, { ...JIANGSU, amountFen: 6_000_000, consentCeilingFen: 24_000_000, effectiveFrom }),
        );
        expect(error.code).toBe('THRESHOLD_CONTRADICTS_RECORD');
        expect(error.details).toEqual({
          provinceCode: '320000',
          year: 2024,
          contradicts: {
            amountFen: 6_086_200,
            consentCeilingFen: 24_344_800,
            effectiveFrom: '2024-01-06',
            source: expect.stringContaining('苏高法电〔2024〕9号'),
            heldIn: 'STATUTES',
            recordedRole: null,
            recordedOrganisation: null,
            recordedAt: null,
          },
        });
      }
      // Only the consent ceiling differing changes the procedure too (art. 165: consent up to 200%).
      expect(rejection(check(nanjing, { ...JIANGSU, consentCeilingFen: 24_344_600 })).code).toBe(
        'THRESHOLD_CONTRADICTS_RECORD',
      );
    });

    it('accepts the same figure again as a confirmation, the previous figure for the days before the notice, and any figure from the admin', () => {
      expect(check(nanjing, JIANGSU)).not.toThrow();
      expect(check(nanjing, { ...JIANGSU, effectiveFrom: '2024-02-01' })).not.toThrow();
      // 1–5 January 2024 fell under the previous figure: no figure covers those days yet.
      expect(
        check(nanjing, { ...JIANGSU, amountFen: 5_000_000, consentCeilingFen: 20_000_000, effectiveFrom: null }),
      ).not.toThrow();
      expect(check(admin, { ...JIANGSU, amountFen: 6_000_000, consentCeilingFen: 24_000_000 })).not.toThrow();
    });

    it("follows the admin's correction: a court confirms it, and may not restore the figure it corrected", () => {
      const correction = recordedBy(admin, { ...JIANGSU, amountFen: 6_000_000, consentCeilingFen: 24_000_000 });
      expect(
        check(suzhou, { ...JIANGSU, amountFen: 6_000_000, consentCeilingFen: 24_000_000 }, [correction]),
      ).not.toThrow();
      const error = rejection(check(suzhou, JIANGSU, [correction]));
      expect(error.code).toBe('THRESHOLD_CONTRADICTS_RECORD');
      expect(error.details?.contradicts).toMatchObject({
        amountFen: 6_000_000,
        heldIn: 'RECORD',
        recordedRole: 'ADMIN',
        recordedOrganisation: 'hub-operator',
        recordedAt: '2026-12-01T09:00:00.000Z',
      });
    });

    it('lets a Beijing court record the first figure for a year, and refuses another Beijing court a different one', () => {
      expect(check(xicheng, BEIJING)).not.toThrow();
      const first = [recordedBy(xicheng, BEIJING)];
      const error = rejection(check(haidian, { ...BEIJING, amountFen: 100, consentCeilingFen: 400 }, first));
      expect(error.code).toBe('THRESHOLD_CONTRADICTS_RECORD');
      expect(error.details?.contradicts).toMatchObject({
        amountFen: 5_000_000,
        consentCeilingFen: 20_000_000,
        source: 'test figure',
        heldIn: 'RECORD',
        recordedRole: 'COURT',
        recordedOrganisation: 'bj-xicheng-court',
      });
      // Later in the year, the figure recorded from 1 January is still in force.
      expect(
        rejection(
          check(haidian, { ...BEIJING, amountFen: 100, consentCeilingFen: 400, effectiveFrom: '2026-07-01' }, first),
        ).code,
      ).toBe('THRESHOLD_CONTRADICTS_RECORD');
      expect(check(haidian, BEIJING, first)).not.toThrow();
      // Another year is another figure.
      expect(
        check(haidian, { ...BEIJING, year: 2027, amountFen: 5_200_000, consentCeilingFen: 20_800_000 }, first),
      ).not.toThrow();
    });

    it('lets a court correct its own record while no other party stands by it; a record of no known organisation is another’s', () => {
      const own = [recordedBy(xicheng, BEIJING)];
      expect(check(xicheng, { ...BEIJING, amountFen: 5_100_000, consentCeilingFen: 20_400_000 }, own)).not.toThrow();
      const confirmed = [...own, recordedBy(haidian, BEIJING, '2026-12-02T09:00:00Z')];
      expect(
        rejection(check(xicheng, { ...BEIJING, amountFen: 5_100_000, consentCeilingFen: 20_400_000 }, confirmed))
          .details?.contradicts,
      ).toMatchObject({ recordedOrganisation: 'bj-haidian-court' });
      const legacy = [{ ...recordedBy(xicheng, BEIJING), recordedOrganisation: null }];
      expect(
        rejection(check(xicheng, { ...BEIJING, amountFen: 5_100_000, consentCeilingFen: 20_400_000 }, legacy)).code,
      ).toBe('THRESHOLD_CONTRADICTS_RECORD');
    });
  });

  it("replaces the hub's reasons once the court has chosen the procedure", () => {
    expect(courtChoseProcedure('SMALL_CLAIMS')).toEqual([
      { code: 'CHOSEN_BY_COURT', message: 'The court docketed the case under the SMALL_CLAIMS procedure' },
    ]);
  });
});
