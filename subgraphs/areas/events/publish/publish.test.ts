import {
  AREA_CHANGED,
  AREA_REGISTERED,
  ASSEMBLY_RECORDED,
  BUILDING_ROSTER_CHANGED,
  COMMITTEE_DISSOLVED,
  COMMITTEE_SUCCEEDED,
  COMMITTEE_FORMED,
  COMMITTEE_RECORDED,
  JOINT_DECISION_RECORDED,
} from '../../../../catalog';
import { validateEventData } from '../../../../platform/events/cloudevent';
import { Area } from '../../persistence/area.entity';
import { GovernanceBody } from '../../persistence/governance-body.entity';
import { JointDecision } from '../../persistence/joint-decision.entity';
import { areaChanged, areaRegistered, buildingRosterChanged } from './area-events';
import {
  assemblyRecorded,
  committeeDissolved,
  committeeSucceeded,
  committeeFormed,
  committeeRecorded,
  jointDecisionRecorded,
} from './governance-events';

const area: Area = {
  id: '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  name: '阳光丽景',
  districtCode: '110102',
  streetCode: '110102003',
  registeredBy: 'street-office-xinjiekou',
  registeredAt: new Date('2026-03-02T08:00:00Z'),
  declaredHouseholds: null,
  delimitedOn: null,
};
const building = {
  buildingId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
  label: '1号楼',
  buildingClass: 'HIGH_RISE' as const,
};
const committee: GovernanceBody = {
  id: '0b1c2d3e-4f5a-4b6c-8d7e-8f9a0b1c2d3e',
  areaId: area.id,
  kind: 'PROPERTY_MANAGEMENT_COMMITTEE',
  formedOn: '2026-03-02',
  termEndsOn: '2029-03-01',
  filedOn: null,
  filingDeadline: '2026-04-01',
  filedLate: null,
  pmcRules: '11',
  filingRequired: true,
  recordedOn: null,
  rulesReference: null,
  assemblyId: null,
  electionDecisionId: null,
  electedOn: null,
  ownersCommitteeRules: null,
  dissolutionDeadline: null,
  dissolvedLate: null,
  chairMemberId: null,
  dissolvedOn: null,
  dissolutionReason: null,
  createdBy: 'street-office-xinjiekou',
};

describe('areas events: aggregates to the catalog’s event data', () => {
  it('publishes a registered area with its registration time', () => {
    const data = areaRegistered(area);
    expect(data).toEqual(expect.objectContaining({ areaId: area.id, registeredAt: '2026-03-02T08:00:00.000Z' }));
    expect(() => validateEventData(AREA_REGISTERED.type, data)).not.toThrow();
  });

  it('sums an area’s buildings into its totals', () => {
    const data = areaChanged(area, [
      { ...building, households: 72, floorAreaCentiM2: 612_000 },
      {
        ...building,
        buildingId: '7b8c9d0e-1f2a-4b3c-9d4e-5f6a7b8c9d0e',
        label: '2号楼',
        households: 0,
        floorAreaCentiM2: 0,
      },
    ]);
    expect(data).toMatchObject({ households: 72, totalFloorAreaCentiM2: 612_000 });
    expect(() => validateEventData(AREA_CHANGED.type, data)).not.toThrow();
  });

  it('publishes a building’s whole roster, an empty one included', () => {
    const roster = {
      buildingId: building.buildingId,
      compoundId: '8c9d0e1f-2a3b-4c4d-8e5f-6a7b8c9d0e1f',
      areaId: null,
      buildingClass: building.buildingClass,
    };
    const household = {
      id: '9d0e1f2a-3b4c-4d5e-9f6a-7b8c9d0e1f2a',
      unit: '1',
      room: '101',
      floorAreaCentiM2: 8_536,
      ownerReference: 'BJ-2019-0001',
      ownerSince: null,
      ownerDiedOn: null,
    };
    const data = buildingRosterChanged({ ...roster, households: [household] });
    expect(data.households).toEqual([
      { householdId: household.id, unit: '1', room: '101', floorAreaCentiM2: 8_536, ownerReference: 'BJ-2019-0001' },
    ]);
    expect(() => validateEventData(BUILDING_ROSTER_CHANGED.type, data)).not.toThrow();
    // A change of owner recorded with its day: the day travels with the roster (fees before it are the former owner's).
    const sold = buildingRosterChanged({ ...roster, households: [{ ...household, ownerSince: '2026-03-15' }] });
    expect(sold.households[0]).toMatchObject({ ownerReference: 'BJ-2019-0001', ownerSince: '2026-03-15' });
    expect(() => validateEventData(BUILDING_ROSTER_CHANGED.type, sold)).not.toThrow();
    // The owner's death recorded: its day travels too (a deceased owner is not sued; the heirs are registered).
    const died = buildingRosterChanged({ ...roster, households: [{ ...household, ownerDiedOn: '2026-08-02' }] });
    expect(died.households[0]).toMatchObject({ ownerReference: 'BJ-2019-0001', ownerDiedOn: '2026-08-02' });
    expect(died.households[0]).not.toHaveProperty('ownerSince');
    expect(() => validateEventData(BUILDING_ROSTER_CHANGED.type, died)).not.toThrow();
    expect(() =>
      validateEventData(BUILDING_ROSTER_CHANGED.type, buildingRosterChanged({ ...roster, households: [] })),
    ).not.toThrow();
  });

  it('publishes committees formed, recorded and dissolved, and assemblies recorded', () => {
    expect(() =>
      validateEventData(COMMITTEE_FORMED.type, committeeFormed(committee, 'PROPERTY_MANAGEMENT_COMMITTEE', 7)),
    ).not.toThrow();
    expect(() =>
      validateEventData(
        COMMITTEE_RECORDED.type,
        committeeRecorded(committee, { filedOn: '2026-03-20', recordedOn: '2026-03-25' }),
      ),
    ).not.toThrow();
    expect(() =>
      validateEventData(COMMITTEE_DISSOLVED.type, committeeDissolved(committee, '2026-09-01')),
    ).not.toThrow();
    const successor = { ...committee, id: '2d3e4f5a-6b7c-4d8e-9f0a-0b1c2d3e4f5a' };
    const succeededData = committeeSucceeded(committee, successor, '2029-03-02');
    expect(succeededData).toEqual({
      areaId: committee.areaId,
      bodyId: committee.id,
      kind: committee.kind,
      endedOn: '2029-03-02',
      successorBodyId: successor.id,
    });
    expect(() => validateEventData(COMMITTEE_SUCCEEDED.type, succeededData)).not.toThrow();
    const assembly = {
      ...committee,
      id: '1c2d3e4f-5a6b-4c7d-9e8f-9a0b1c2d3e4f',
      kind: 'OWNERS_ASSEMBLY' as const,
      rulesReference: '议事规则（2026年3月2日通过）',
    };
    const data = assemblyRecorded(assembly, null);
    expect(data).toMatchObject({ rulesReference: '议事规则（2026年3月2日通过）', linkedCommitteeId: null });
    expect(() => validateEventData(ASSEMBLY_RECORDED.type, data)).not.toThrow();
  });

  it('publishes a joint decision with its verdict, its figures and where they come from', () => {
    const tally = {
      totalOwners: 72,
      totalAreaCentiM2: 612_000,
      participatingOwners: 60,
      participatingAreaCentiM2: 520_000,
      consentingOwners: 25,
      consentingAreaCentiM2: 200_000,
    };
    const decision: JointDecision = {
      id: '2d3e4f5a-6b7c-4d8e-8f9a-0b1c2d3e4f5a',
      areaId: area.id,
      matter: 'HIRE_OR_DISMISS_PROVIDER' as const,
      heldOn: '2026-05-10',
      agendaItem: null,
      ...tally,
      tallySource: 'REPORTED_TALLY_CHECKED',
      valid: false,
      reasons: ['CONSENT_OWNERS_NOT_MAJORITY', 'CONSENT_AREA_NOT_MAJORITY'],
      recordedBy: 'street-office-xinjiekou',
      recordedAt: new Date('2026-05-11T02:00:00Z'),
    };
    const data = jointDecisionRecorded(decision);
    expect(data).toEqual({
      areaId: area.id,
      decisionId: decision.id,
      matter: 'HIRE_OR_DISMISS_PROVIDER',
      heldOn: '2026-05-10',
      valid: false,
      reasons: decision.reasons,
      tallySource: 'REPORTED_TALLY_CHECKED',
      tally,
    });
    expect(() => validateEventData(JOINT_DECISION_RECORDED.type, data)).not.toThrow();
    // A decision recorded before the source was kept publishes without it; a matter outside art. 278 is refused.
    const before = jointDecisionRecorded({ ...decision, tallySource: null });
    expect('tallySource' in before).toBe(false);
    expect(() => validateEventData(JOINT_DECISION_RECORDED.type, before)).not.toThrow();
    expect(() => validateEventData(JOINT_DECISION_RECORDED.type, { ...data, matter: 'BUY_A_BOAT' })).toThrow(
      /data does not match its schema: .*matter/,
    );
    // A named agenda item travels with the decision; none is left out.
    const item = jointDecisionRecorded({ ...decision, agendaItem: '议题二：续聘物业服务企业' });
    expect(item.agendaItem).toBe('议题二：续聘物业服务企业');
    expect('agendaItem' in data).toBe(false);
    expect(() => validateEventData(JOINT_DECISION_RECORDED.type, item)).not.toThrow();
  });
});
