import { AREA_DEADLINE_CHANGED } from '../../../../catalog';
import { validateEventData } from '../../../../platform/events/cloudevent';
import type { GovernanceBody } from '../../persistence/governance-body.entity';
import { publishCommitteeFilingDeadline, publishCommitteeRecordingDeadline } from './deadline-events';

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
      sequence: 2,
    });
    expect(publishCommitteeRecordingDeadline(committee({}), xicheng)).toBeNull();
    // Dissolved before it was filed: the deadline no longer runs (before, the register kept reminding the office).
    const cancelled = publishCommitteeFilingDeadline(committee({}), xicheng, true);
    expect(cancelled).toMatchObject({ cancelled: true, sequence: 3, metOn: null });
    expect(() => validateEventData(AREA_DEADLINE_CHANGED.type, cancelled)).not.toThrow();
    expect(publishCommitteeRecordingDeadline(committee({ filedOn: '2026-09-28' }), xicheng, true)).toMatchObject({
      cancelled: true,
      sequence: 3,
    });
  });

  it('is recorded by the street office in 5 working days: filed 2026-09-28, due 2026-10-10 (National Day off, Saturday worked)', () => {
    const data = publishCommitteeRecordingDeadline(committee({ filedOn: '2026-09-28' }), xicheng);
    expect(data).toMatchObject({ kind: 'COMMITTEE_RECORDING', dueOn: '2026-10-10', metOn: null, sequence: 1 });
    expect(data?.legalBasis).toContain('art. 55');
    expect(
      publishCommitteeRecordingDeadline(committee({ filedOn: '2026-09-28', recordedOn: '2026-10-09' }), xicheng),
    ).toMatchObject({ metOn: '2026-10-09', sequence: 2 });
  });
});
