import { COMMITTEE_KINDS, GOVERNANCE_BODY_KINDS, committeeName, committeeRecordingDeadline, isCommitteeRecordedLate } from './governance-body';
import { workingDayCalendar } from '../../../kernel/working-days';

/** Dragon Boat Festival 2020 (国办发明电〔2019〕16号): 25–27 June off, Sunday 28 June worked. */
const calendar = workingDayCalendar({
  years: new Set([2020]),
  daysOff: new Set(['2020-06-25', '2020-06-26', '2020-06-27']),
  weekendWorkingDays: new Set(['2020-06-28']),
});
const pmc = { kind: 'PROPERTY_MANAGEMENT_COMMITTEE' as const, filedOn: '2020-06-24', recordedOn: '2020-07-03' };

describe('governance bodies of an area', () => {
  it('knows the assembly besides the committees the published vocabulary names', () => {
    expect(GOVERNANCE_BODY_KINDS).toEqual(['OWNERS_ASSEMBLY', ...COMMITTEE_KINDS]);
    expect(committeeName('OWNERS_COMMITTEE')).toBe("owners' committee");
    expect(committeeName('PROPERTY_MANAGEMENT_COMMITTEE')).toBe('property-management committee');
  });

  it("gives a filed property-management committee's recording deadline, and flags a late recording", () => {
    expect(committeeRecordingDeadline(pmc, calendar)).toBe('2020-07-02');
    expect(isCommitteeRecordedLate(pmc, calendar)).toBe(true);
    expect(isCommitteeRecordedLate({ ...pmc, recordedOn: '2020-07-02' }, calendar)).toBe(false);
  });

  it('has no recording deadline before the filing, nor for other bodies; no flag before the recording', () => {
    expect(committeeRecordingDeadline({ ...pmc, filedOn: null }, calendar)).toBeUndefined();
    expect(committeeRecordingDeadline({ ...pmc, kind: 'OWNERS_COMMITTEE' }, calendar)).toBeUndefined();
    expect(isCommitteeRecordedLate({ ...pmc, recordedOn: null }, calendar)).toBeUndefined();
    expect(isCommitteeRecordedLate({ ...pmc, kind: 'OWNERS_ASSEMBLY' }, calendar)).toBeUndefined();
  });
});
