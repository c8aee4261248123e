import { TestHub, identity, startTestHub, pinTestToday } from './support/hub-fixture';
import { GUANGWAI_OFFICE, HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';

// Auditor helper-268 (arrears). A company whose contract at 红居南街6号院 begins on 2026-11-20 did not serve the area
// on 2026-11-05, so a water cut-off that day was not its doing: Civil Code art. 944 para. 3 binds the 物业服务人, and
// the record (companyViolations, and the credit entry contracts keeps from arrears.violations.v1) is the company's
// public record. recordUtilityCutOff checks only that the company had an accepted filing in the cut-off's MONTH
// (findFilingInForce(companyId, areaId, occurredOn.slice(0, 7))), not on its day, so the street office's report of
// 2026-11-05 is recorded against a company that took over fifteen days later (and, likewise, against one whose
// contract ended earlier in the month), where NOT_THE_AREAS_COMPANY is the answer for a company not serving the area.
const company = identity('PROPERTY_COMPANY', '91110102MA0000CUT8');
const today = pinTestToday('2026-12-01');
const CUT = `mutation($r: UtilityCutOffInput!) { recordUtilityCutOff(report: $r) { id companyId occurredOn } }`;

describe('arrears (helper-268): a utility cut-off is recorded only against the company serving the area that day', () => {
  let t: TestHub;
  let areaId: string;
  const { ok, fails } = gqlExpectations(() => t);

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears'] });
    const given = scenario(t);
    ({ areaId } = await given.compound(HONGJU, { knownTo: ['contracts', 'arrears'] }));
    await given.acceptedFiling(
      company,
      areaId,
      hongjuTerms(company, '2026-11', { number: 'HJ6-CUT-268', startsOn: '2026-11-20', endsOn: '2029-11-19' }),
      { knownTo: ['arrears'] },
    );
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('refuses a cut-off dated before the company began serving the area, though in the month it began', async () => {
    expect(today).toBe('2026-12-01');
    const report = {
      companyId: company.organisationId,
      areaId,
      utility: 'WATER',
      evidenceSha256: 'e'.repeat(64),
      note: '停水',
    };
    // A day it served is recorded, as before.
    expect(
      (await ok(GUANGWAI_OFFICE, CUT, { r: { ...report, occurredOn: '2026-11-25' } })).recordUtilityCutOff,
    ).toMatchObject({ companyId: company.organisationId, occurredOn: '2026-11-25' });
    // Fifteen days before its contract began: not the company's cut-off.
    const before = await fails(GUANGWAI_OFFICE, CUT, { r: { ...report, occurredOn: '2026-11-05' } });
    expect(before.extensions.code).toBe('NOT_THE_AREAS_COMPANY');
  });
});
