import { LITIGATION_DEADLINE_CHANGED } from '../../../../catalog';
import { validateEventData } from '../../../../platform/events/cloudevent';
import type { CaseDeadlineFacts } from '../../domain/court-timeline';
import { publishCaseDeadlines } from './deadline-events';

const ID = '5d1c6a9e-2f7b-4c3d-9e8f-0a1b2c3d4e5f';
const facts = (c: Partial<CaseDeadlineFacts>): CaseDeadlineFacts => ({
  referralId: ID,
  courtId: 'bj-xicheng-court',
  districtCode: '110102',
  status: 'SUBMITTED',
  procedure: 'SMALL_CLAIMS',
  docketedOn: null,
  decidedOn: null,
  extensionApprovedOn: null,
  procedureChangedOn: null,
  mediationStartedOn: null,
  companyId: 'bj-wuye-1',
  judgedFen: null,
  settledFen: null,
  performanceDueOn: null,
  enforcementStartedOn: null,
  ...c,
});
const byKind = (c: Partial<CaseDeadlineFacts>, sequence = 1) =>
  Object.fromEntries(publishCaseDeadlines(facts(c), sequence).map((d) => [d.kind, d]));

describe("a referral's court deadlines as the register is told them (litigation's own rules)", () => {
  it('has none before mediation or docketing', () => {
    expect(publishCaseDeadlines(facts({}), 1)).toEqual([]);
  });

  it('gives mediation started 2026-09-03 its 30 days to 2026-10-08 (day 30 is 3 October, National Day, art. 203)', () => {
    const open = byKind({ status: 'IN_MEDIATION', mediationStartedOn: '2026-09-03' }, 2);
    expect(Object.keys(open)).toEqual(['MEDIATION_WINDOW']);
    expect(open.MEDIATION_WINDOW).toMatchObject({
      deadlineKey: `mediation-window:${ID}`,
      ownerKind: 'COURT',
      ownerOrganisationId: 'bj-xicheng-court',
      districtCode: '110102',
      dueOn: '2026-10-08',
      metOn: null,
      cancelled: false,
      sequence: 2,
    });
    expect(() => validateEventData(LITIGATION_DEADLINE_CHANGED.type, open.MEDIATION_WINDOW)).not.toThrow();
    // Met when the case leaves mediation for the docket; cancelled when the company withdraws during it.
    const docketed = byKind({ status: 'DOCKETED', mediationStartedOn: '2026-09-03', docketedOn: '2026-09-25' });
    expect(docketed.MEDIATION_WINDOW).toMatchObject({ metOn: '2026-09-25', cancelled: false });
    const withdrawn = byKind({ status: 'WITHDRAWN', mediationStartedOn: '2026-09-03' });
    expect(withdrawn.MEDIATION_WINDOW).toMatchObject({ metOn: null, cancelled: true });
  });

  it('decides a small claim docketed 2026-08-03 by 2026-10-08 (art. 168: two months, 3 October a holiday), a month more once extended', () => {
    const docketed = byKind({ status: 'DOCKETED', docketedOn: '2026-08-03' });
    expect(docketed.SMALL_CLAIMS_DECISION).toMatchObject({
      deadlineKey: `small-claims-decision:${ID}`,
      dueOn: '2026-10-08',
      metOn: null,
      cancelled: false,
      legalBasis: expect.stringMatching(/Civil Procedure Law art\. 168/),
    });
    expect(() => validateEventData(LITIGATION_DEADLINE_CHANGED.type, docketed.SMALL_CLAIMS_DECISION)).not.toThrow();
    // The month of the extension runs from the plain end (3 October): 3 November, a Tuesday.
    const extended = byKind({ status: 'DOCKETED', docketedOn: '2026-08-03', extensionApprovedOn: '2026-09-20' });
    expect(extended.SMALL_CLAIMS_DECISION.dueOn).toBe('2026-11-03');
    const judged = byKind({ status: 'JUDGED', docketedOn: '2026-08-03', decidedOn: '2026-09-30' });
    expect(judged.SMALL_CLAIMS_DECISION).toMatchObject({ metOn: '2026-09-30', cancelled: false });
    const withdrawn = byKind({ status: 'WITHDRAWN', docketedOn: '2026-08-03' });
    expect(withdrawn.SMALL_CLAIMS_DECISION).toMatchObject({ metOn: null, cancelled: true });
  });

  it('sets no decision deadline for a case the court tries under the simple or ordinary procedure', () => {
    expect(byKind({ status: 'DOCKETED', docketedOn: '2026-08-03', procedure: 'SIMPLE_OR_ORDINARY' })).toEqual({});
  });

  it('cancels the decision deadline of a small claim the court converted (art. 169), judged since or not', () => {
    const converted = { docketedOn: '2026-08-03', procedure: 'SIMPLE_OR_ORDINARY', procedureChangedOn: '2026-09-10' };
    // Before, nothing was announced for it: the register kept the small-claims deadline open, due 8 October.
    expect(byKind({ ...converted, status: 'HEARING_SCHEDULED' }).SMALL_CLAIMS_DECISION).toMatchObject({
      dueOn: '2026-10-08',
      metOn: null,
      cancelled: true,
    });
    expect(byKind({ ...converted, status: 'JUDGED', decidedOn: '2026-11-20' }).SMALL_CLAIMS_DECISION).toMatchObject({
      metOn: null,
      cancelled: true,
    });
  });

  describe('the company’s period to apply for enforcement (Civil Procedure Law art. 250)', () => {
    const judged = { docketedOn: '2026-03-02', decidedOn: '2026-04-20', judgedFen: 360_000 };

    it('is owned by the referring company, two years from the performance period’s last day the court reported', () => {
      const d = byKind({ ...judged, status: 'JUDGED', performanceDueOn: '2026-04-30' }, 4).ENFORCEMENT_APPLICATION;
      expect(d).toMatchObject({
        deadlineKey: `enforcement-application:${ID}`,
        subjectId: ID,
        ownerKind: 'PROPERTY_COMPANY',
        ownerOrganisationId: 'bj-wuye-1',
        districtCode: '110102',
        dueOn: '2028-04-30', // past the holiday data: the plain last day, the earliest it can be
        metOn: null,
        cancelled: false,
        sequence: 4,
      });
      expect(d.legalBasis).toMatch(/art\. 250.*申请执行的期间为二年.*counted from 2026-04-30/);
      expect(() => validateEventData(LITIGATION_DEADLINE_CHANGED.type, d)).not.toThrow();
    });

    it('counts a small claim’s judgment from its day, a settlement from its day', () => {
      expect(byKind({ ...judged, status: 'JUDGED', decidedOn: '2024-12-04' }).ENFORCEMENT_APPLICATION.dueOn).toBe(
        '2026-12-04',
      );
      expect(
        byKind({ status: 'SETTLED', mediationStartedOn: '2024-05-06', decidedOn: '2024-05-31', settledFen: 100 })
          .ENFORCEMENT_APPLICATION.dueOn,
      ).toBe('2026-06-01'); // 2026-05-31 is a Sunday
    });

    it('is announced without a date for an appealable judgment reported without its performance period', () => {
      const d = byKind({ ...judged, status: 'JUDGED', procedure: 'SIMPLE_OR_ORDINARY' }).ENFORCEMENT_APPLICATION;
      expect(d).toMatchObject({ dueOn: null, metOn: null, cancelled: false });
      expect(d.legalBasis).toMatch(/art\. 171/);
    });

    it('is met when enforcement started, cancelled when the case is closed without it', () => {
      const enforced = { ...judged, performanceDueOn: '2026-04-30', enforcementStartedOn: '2026-06-01' };
      expect(byKind({ ...enforced, status: 'ENFORCEMENT' }).ENFORCEMENT_APPLICATION).toMatchObject({
        metOn: '2026-06-01',
        cancelled: false,
      });
      expect(byKind({ ...enforced, status: 'CLOSED' }).ENFORCEMENT_APPLICATION.metOn).toBe('2026-06-01');
      expect(byKind({ ...judged, status: 'CLOSED' }).ENFORCEMENT_APPLICATION).toMatchObject({
        metOn: null,
        cancelled: true,
      });
    });
  });
});
