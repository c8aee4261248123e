import { AREA_DEADLINE_CHANGED } from '../../../../catalog';
import { validateEventData } from '../../../../platform/events/cloudevent';
import type { GovernanceBody } from '../../persistence/governance-body.entity';
import {
  committeeDeadlineSequence,
  publishCommitteeFilingDeadline,
  publishCommitteeRecordingDeadline,
} from './deadline-events';

const committee = (facts: Partial<GovernanceBody>) =>
  ({
    id: '0b7f3c52-6a0e-4f59-8d77-3f1b2c4d5e6f',
    kind: 'PROPERTY_MANAGEMENT_COMMITTEE',
    pmcRules: '11',
    filingRequired: true,
    formedOn: '2026-09-01',
    filedOn: null,
    recordedOn: null,
    createdBy: 'street-office-guangwai',
    ...facts,
  }) as GovernanceBody;
const xicheng = { districtCode: '110102' };

describe("a property-management committee's deadlines as the register is told them", () => {
  it('files within 30 days of formation: formed 2026-09-01, day 30 is National Day, due 2026-10-08 (art. 203)', () => {
    const data = publishCommitteeFilingDeadline(committee({}), xicheng);
    expect(data).toMatchObject({
      deadlineKey: 'committee-filing:0b7f3c52-6a0e-4f59-8d77-3f1b2c4d5e6f',
      kind: 'COMMITTEE_FILING',
      ownerKind: 'STREET_OFFICE',
      ownerOrganisationId: 'street-office-guangwai',
      districtCode: '110102',
      dueOn: '2026-10-08',
      metOn: null,
      sequence: 1,
    });
    expect(() => validateEventData(AREA_DEADLINE_CHANGED.type, data)).not.toThrow();
    expect(publishCommitteeFilingDeadline(committee({ filedOn: '2026-09-28' }), xicheng)).toMatchObject({
      metOn: '2026-09-28',
      sequence: 3,
    });
    expect(publishCommitteeRecordingDeadline(committee({}), xicheng)).toBeNull();
    // Dissolved before it was filed: the deadline no longer runs (before, the register kept reminding the office).
    const cancelled = publishCommitteeFilingDeadline(committee({}), xicheng, { cancelled: true });
    expect(cancelled).toMatchObject({ cancelled: true, sequence: 4, metOn: null });
    expect(() => validateEventData(AREA_DEADLINE_CHANGED.type, cancelled)).not.toThrow();
    expect(
      publishCommitteeRecordingDeadline(committee({ filedOn: '2026-09-28' }), xicheng, { cancelled: true }),
    ).toMatchObject({ cancelled: true, sequence: 4 });
  });

  it('is recorded by the street office in 5 working days: filed 2026-09-28, due 2026-10-10 (National Day off, Saturday worked)', () => {
    const data = publishCommitteeRecordingDeadline(committee({ filedOn: '2026-09-28' }), xicheng);
    expect(data).toMatchObject({ kind: 'COMMITTEE_RECORDING', dueOn: '2026-10-10', metOn: null, sequence: 1 });
    expect(data?.legalBasis).toContain('art. 55');
    expect(
      publishCommitteeRecordingDeadline(committee({ filedOn: '2026-09-28', recordedOn: '2026-10-09' }), xicheng),
    ).toMatchObject({ metOn: '2026-10-09', sequence: 3 });
  });

  it('is announced again with its date (2) once the holiday year is recorded, below its meeting and cancellation', () => {
    // Formed 2026-12-01: day 30 is 2026-12-31, past the packaged data (which ends 2026-12-24): no due date yet.
    expect(publishCommitteeFilingDeadline(committee({ formedOn: '2026-12-01' }), xicheng)).toMatchObject({
      dueOn: null,
      sequence: 1,
    });
    expect(publishCommitteeFilingDeadline(committee({}), xicheng, { redated: true })).toMatchObject({
      dueOn: '2026-10-08',
      sequence: 2,
    });
    expect(committeeDeadlineSequence(null, {})).toBe(1);
    expect(committeeDeadlineSequence(null, { redated: true })).toBe(2);
    expect(committeeDeadlineSequence('2026-09-28', {})).toBe(3);
    expect(committeeDeadlineSequence(null, { cancelled: true })).toBe(4);
    // A filing entered for a committee dissolved before: cancelled, with the day it was filed.
    expect(committeeDeadlineSequence('2026-09-28', { cancelled: true })).toBe(4);
    // Each outranks what may come before it: undated < dated again < met < cancelled.
    expect(
      [
        committeeDeadlineSequence(null, {}),
        committeeDeadlineSequence(null, { redated: true }),
        committeeDeadlineSequence('2026-09-28', {}),
        committeeDeadlineSequence(null, { cancelled: true }),
      ].every((n, i, all) => i === 0 || n > all[i - 1]),
    ).toBe(true);
  });
});
