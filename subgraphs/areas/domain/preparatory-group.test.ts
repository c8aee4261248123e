import { DomainError } from '../../../kernel/errors';
import { definePreparatoryGroup, isPreparationOverdue, preparationDeadline } from './preparatory-group';

const members = [
  { name: '建国街道 张某', role: 'STREET_OFFICE' as const, leader: true },
  { name: '业主 李某', role: 'OWNER' as const, leader: false },
  { name: '建国社区居委会 王某', role: 'RESIDENTS_COMMITTEE' as const, leader: false },
];
const period = { days: 90, source: 'the regulation’s article the street office applies' };

describe('a preparatory group for the first owners’ assembly', () => {
  it('takes its members with one leader, and the period with its source', () => {
    expect(definePreparatoryGroup({ formedOn: '2026-06-01', members, period }, '2026-06-02')).toEqual({
      formedOn: '2026-06-01',
      members,
      period,
    });
  });

  it.each([
    ['no member', { members: [] }, 'members'],
    ['no leader', { members: members.map((m) => ({ ...m, leader: false })) }, 'members'],
    ['two leaders', { members: members.map((m) => ({ ...m, leader: true })) }, 'members'],
    ['a nameless member', { members: [{ ...members[0], name: ' ' }] }, 'members'],
    ['a future formation', { formedOn: '2026-07-01' }, 'formedOn'],
    ['a period without its source', { period: { days: 90, source: '' } }, 'period.source'],
    ['a period of 0 days', { period: { ...period, days: 0 } }, 'period.days'],
  ])('refuses %s', (_, change, field) => {
    try {
      definePreparatoryGroup({ formedOn: '2026-06-01', members, period, ...change }, '2026-06-02');
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).details).toEqual({ fields: { [field]: expect.any(String) } });
    }
  });

  it('counts the period by the calendar: a last day in the National Day holiday moves to the next working day', () => {
    // 2026-09-18 + 15 days is Saturday 3 October, in the holiday: the first assembly is due by 8 October.
    expect(preparationDeadline('2026-09-18', { ...period, days: 15 })).toBe('2026-10-08');
    expect(preparationDeadline('2026-06-01', null)).toBeNull();
  });

  it('is overdue only after its deadline without a first assembly', () => {
    const group = { formedOn: '2026-09-18', period: { ...period, days: 15 }, firstAssemblyOn: null };
    expect(isPreparationOverdue(group, '2026-10-08')).toBe(false);
    expect(isPreparationOverdue(group, '2026-10-09')).toBe(true);
    expect(isPreparationOverdue({ ...group, firstAssemblyOn: '2026-10-05' }, '2026-10-20')).toBe(false);
    // An assembly recorded after asOf did not exist yet on asOf.
    expect(isPreparationOverdue({ ...group, firstAssemblyOn: '2026-10-15' }, '2026-10-10')).toBe(true);
    expect(isPreparationOverdue({ ...group, period: null }, '2027-06-01')).toBe(false);
  });
});
