import { rejection } from '../../../test/support/rejection';
import { Identity } from '../../../kernel/identity';
import {
  assertReportsCutOffs,
  checkCutOffReport,
  committeeMandateProblem,
  mandateEndsOn,
  mayReportCutOffIn,
} from './utility-violation';
import { COMMITTEE_MAX_TERM } from './statutes';

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
    const BEIJING = '110102';
    // Seed 000's 物管会: term to 2023-05-29, never succeeded (areas: TERM_EXPIRED, its token refused).
    const seed000 = {
      kind: 'PROPERTY_MANAGEMENT_COMMITTEE',
      formedOn: '2020-05-30',
      termEndsOn: '2023-05-29',
      dissolvedOn: null,
    };
    expect(committeeMandateProblem(seed000, '2023-05-29', BEIJING)).toBeUndefined();
    expect(committeeMandateProblem(seed000, '2023-05-30', BEIJING)).toMatch(/term ended on 2023-05-29/);
    expect(committeeMandateProblem(seed000, '2026-11-29', BEIJING)).toMatch(/term ended/);
    // Succeeded on 2026-06-01: the day before it still stood, that day its successor does.
    const succeeded = { ...seed000, formedOn: '2024-06-01', termEndsOn: '2027-05-31', dissolvedOn: '2026-06-01' };
    expect(committeeMandateProblem(succeeded, '2026-05-31', BEIJING)).toBeUndefined();
    expect(committeeMandateProblem(succeeded, '2026-06-01', BEIJING)).toMatch(/stood no more from 2026-06-01/);
  });

  it('takes an unknown term to end on the statutory maximum, never to run on (Beijing arts. 41, 58)', () => {
    // An owners' committee recorded 2019-05-10 with no term held: five years at most (art. 41 para. 1; the Ministry's
    // guidance art. 32 alike), to the corresponding day, 2024-05-10, wherever the area lies.
    const owners = { kind: 'OWNERS_COMMITTEE', formedOn: '2019-05-10', termEndsOn: null, dissolvedOn: null };
    expect(COMMITTEE_MAX_TERM.OWNERS_COMMITTEE).toMatchObject({
      years: 5,
      text: expect.stringContaining('每届任期不超过五年'),
    });
    for (const district of ['110102', '220582']) {
      expect(mandateEndsOn(owners, district)).toEqual({ endsOn: '2024-05-10', held: false });
      expect(committeeMandateProblem(owners, '2024-05-10', district)).toBeUndefined();
      expect(committeeMandateProblem(owners, '2024-05-11', district)).toMatch(
        /no term of the committee is held, and the longest it could have run ended on 2024-05-10 \(Beijing Property Management Regulation art. 41/,
      );
      // Before, an unknown term ran on: this committee still reported in 2030.
      expect(committeeMandateProblem(owners, '2030-01-01', district)).toMatch(/ended on 2024-05-10/);
    }
    // A term held is the term, shorter or not.
    expect(mandateEndsOn({ ...owners, termEndsOn: '2022-05-09' }, '110102')).toEqual({
      endsOn: '2022-05-09',
      held: true,
    });
    // A 物管会 formed 2020-05-30 without a held term: three years in Beijing (art. 58), to 2023-05-30.
    const pmc = { kind: 'PROPERTY_MANAGEMENT_COMMITTEE', formedOn: '2020-05-30', termEndsOn: null, dissolvedOn: null };
    expect(committeeMandateProblem(pmc, '2023-05-30', '110102')).toBeUndefined();
    expect(committeeMandateProblem(pmc, '2023-05-31', '110102')).toMatch(
      /ended on 2023-05-30 \(Beijing Property Management Regulation art. 58\)/,
    );
    // Elsewhere the hub holds no article on its term: no end can be known, so no mandate can be shown.
    expect(mandateEndsOn(pmc, '220582')).toBeNull();
    expect(committeeMandateProblem(pmc, '2020-06-01', '220582')).toMatch(/no statutory maximum/);
    // Its dissolution still comes first.
    expect(committeeMandateProblem({ ...owners, dissolvedOn: '2020-01-01' }, '2020-01-01', '110102')).toMatch(
      /stood no more/,
    );
  });
});
