import { rejection } from '../../../test/support/rejection';
import { Identity } from '../../../kernel/identity';
import {
  assertReportsCutOffs,
  checkCutOffReport,
  committeeMandateProblem,
  mayReportCutOffIn,
} from './utility-violation';

const who = (role: Identity['role'], organisationId: string, jurisdictions: string[] = []): Identity => ({
  subject: `${organisationId}-user`,
  role,
  organisationId,
  jurisdictions,
});
// A cut-off at 学院南路32号院 (北太平庄街道 110108009) reported against the demo company of seed 003.
const report = {
  companyId: '91110108MA01DEMO32',
  areaId: 'area',
  occurredOn: '2026-11-20',
  utility: 'WATER',
  evidenceSha256: 'a'.repeat(64),
  note: ' 停水催费 ',
};

describe('utility cut-offs as evidence against the company (Civil Code art. 944 para. 3)', () => {
  it('keeps the date, the utility and the evidence hash, with the note trimmed', () => {
    expect(checkCutOffReport(report, '2026-12-01')).toMatchObject({
      utility: 'WATER',
      occurredOn: '2026-11-20',
      note: '停水催费',
    });
  });

  it('names every invalid field', () => {
    const error = rejection(() =>
      checkCutOffReport(
        {
          ...report,
          companyId: '',
          occurredOn: '2026-12-02',
          utility: 'INTERNET',
          evidenceSha256: 'XYZ',
          note: 'x'.repeat(501),
        },
        '2026-12-01',
      ),
    );
    expect(Object.keys(error.details?.fields as object).sort()).toEqual([
      'companyId',
      'evidenceSha256',
      'note',
      'occurredOn',
      'utility',
    ]);
  });

  it("lets the area's street office or its standing committee report it; never a company, another street or a bureau", () => {
    const area = { streetCode: '110108009' };
    expect(mayReportCutOffIn(who('STREET_OFFICE', 'btpz', ['110108009']), area, false)).toBe(true);
    expect(mayReportCutOffIn(who('OWNERS_COMMITTEE', 'body'), area, true)).toBe(true);
    expect(mayReportCutOffIn(who('OWNERS_COMMITTEE', 'other-body'), area, false)).toBe(false);
    expect(mayReportCutOffIn(who('STREET_OFFICE', 'guangwai', ['110102014']), area, false)).toBe(false);
    for (const identity of [who('PROPERTY_COMPANY', '91110108MA01DEMO32'), who('CITY_BUREAU', 'haidian', ['110108'])]) {
      expect(rejection(() => assertReportsCutOffs(identity)).code).toBe('FORBIDDEN');
      expect(mayReportCutOffIn(identity, area, false)).toBe(false);
    }
    expect(() => assertReportsCutOffs(who('STREET_OFFICE', 'guangwai', ['110102014']))).not.toThrow();
  });

  it('takes a committee’s report of a cut-off on a day within its term, before it stood no more', () => {
    // Seed 000's 物管会: term to 2023-05-29, never succeeded (areas: TERM_EXPIRED, its token refused).
    const seed000 = { termEndsOn: '2023-05-29', dissolvedOn: null };
    expect(committeeMandateProblem(seed000, '2023-05-29')).toBeUndefined();
    expect(committeeMandateProblem(seed000, '2023-05-30')).toMatch(/term ended on 2023-05-29/);
    expect(committeeMandateProblem(seed000, '2026-11-29')).toMatch(/term ended/);
    // Succeeded on 2026-06-01: the day before it still stood, that day its successor does.
    const succeeded = { termEndsOn: '2027-05-31', dissolvedOn: '2026-06-01' };
    expect(committeeMandateProblem(succeeded, '2026-05-31')).toBeUndefined();
    expect(committeeMandateProblem(succeeded, '2026-06-01')).toMatch(/stood no more from 2026-06-01/);
    // No term recorded: its dissolution alone ends it.
    expect(committeeMandateProblem({ termEndsOn: null, dissolvedOn: null }, '2030-01-01')).toBeUndefined();
  });
});
