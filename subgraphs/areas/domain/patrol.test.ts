import { DomainError } from '../../../kernel/errors';
import { HazardFound, checkResolution, definePatrol, isHazardOverdue } from './patrol';

const hazard: HazardFound = {
  kind: 'FIRE_SAFETY',
  location: '3号楼2单元楼道',
  description: '楼道堆放杂物',
  warningSetUp: true,
  partyNotified: '解放社区居委会',
  notifiedOn: '2026-06-02',
  resolveBy: '2026-06-09',
};
const patrol = {
  patrolledOn: '2026-06-02',
  patrolledBy: '解放社区网格员',
  patrollerKind: 'RESIDENTS_COMMITTEE' as const,
  note: null,
  hazards: [hazard],
};
const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return Object.keys(((error as DomainError).details as { fields: Record<string, string> }).fields);
  }
  throw new Error('accepted');
};

describe('patrols and the hazards they find (seed 004 §五(四)(五))', () => {
  it('takes a patrol with its hazards', () => {
    expect(definePatrol(patrol, '2026-06-02')).toEqual(patrol);
  });

  it('refuses a future patrol, a hazard without a place, a party without its date, dates before the patrol', () => {
    expect(fieldsOf(() => definePatrol({ ...patrol, patrolledOn: '2026-06-03', hazards: [] }, '2026-06-02'))).toEqual([
      'patrolledOn',
    ]);
    expect(
      fieldsOf(() =>
        definePatrol(
          {
            ...patrol,
            hazards: [
              { ...hazard, location: ' ' },
              { ...hazard, notifiedOn: null },
              { ...hazard, notifiedOn: '2026-06-01', resolveBy: '2026-06-01' },
            ],
          },
          '2026-06-02',
        ),
      ),
    ).toEqual(['hazards[0].location', 'hazards[1].notifiedOn', 'hazards[2].notifiedOn', 'hazards[2].resolveBy']);
  });

  it('refuses more than 50 hazards by their count alone, not one problem per hazard', () => {
    const many = Array.from({ length: 5000 }, () => ({ ...hazard, location: ' ' }));
    expect(fieldsOf(() => definePatrol({ ...patrol, hazards: many }, '2026-06-02'))).toEqual(['hazards']);
  });

  it('keeps a hazard open until resolved, overdue only past its resolve-by date', () => {
    const open = { foundOn: '2026-06-02', resolveBy: '2026-06-09', resolvedOn: null };
    expect(isHazardOverdue(open, '2026-06-09')).toBe(false);
    expect(isHazardOverdue(open, '2026-06-10')).toBe(true);
    expect(isHazardOverdue({ ...open, resolvedOn: '2026-06-08' }, '2026-06-10')).toBe(false);
    expect(isHazardOverdue({ ...open, resolvedOn: '2026-06-12' }, '2026-06-10')).toBe(true);
    expect(isHazardOverdue({ ...open, resolveBy: null }, '2027-01-01')).toBe(false);
  });

  it('resolves a hazard between the day it was found and today', () => {
    expect(() => checkResolution('2026-06-02', '2026-06-05', '2026-06-10')).not.toThrow();
    expect(() => checkResolution('2026-06-02', '2026-06-01', '2026-06-10')).toThrow(DomainError);
    expect(() => checkResolution('2026-06-02', '2026-06-11', '2026-06-10')).toThrow(DomainError);
  });
});
