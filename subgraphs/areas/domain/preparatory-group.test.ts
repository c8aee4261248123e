import { DomainError } from '../../../kernel/errors';
import {
  definePreparatoryGroup,
  isPreparationOverdue,
  preparationDeadline,
  preparationPeriodUnder,
  preparatoryGroupProblems,
  validatePreparatoryGroupComposition,
} from './preparatory-group';
import {
  BEIJING_PREPARATION_PERIOD_SOURCE,
  BEIJING_PREPARATORY_GROUP_LEADER_SOURCE,
  BEIJING_PREPARATORY_GROUP_RULES,
  BEIJING_PREPARATORY_GROUP_SOURCE,
  preparatoryGroupRulesOf,
} from './statutes';

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

describe('a preparatory group’s composition (Beijing art. 31 para. 4)', () => {
  // Led by the residents' committee where one sits in the group (Beijing art. 31 para. 1), else by its first member.
  const seat = (role: 'OWNER' | 'STREET_OFFICE' | 'RESIDENTS_COMMITTEE' | 'DEVELOPER') => ({ role, leader: false });
  const led = (seats: ReturnType<typeof seat>[]) => {
    const at = Math.max(
      seats.findIndex((s) => s.role === 'RESIDENTS_COMMITTEE'),
      0,
    );
    return seats.map((s, i) => ({ ...s, leader: i === at }));
  };
  const beijing = preparatoryGroupRulesOf('110102'); // 西城区

  it('holds Beijing’s areas to art. 31 para. 4 and no other city’s to anything', () => {
    expect(beijing).toBe(BEIJING_PREPARATORY_GROUP_RULES);
    expect(beijing?.source).toBe(
      'Beijing Property Management Regulation art. 31 para. 4: 筹备组人数应当为单数，其中业主代表人数不低于筹备组人数的二分之一',
    );
    expect(preparatoryGroupRulesOf('220681')).toBeNull(); // 临江市: no article confirmed
    // 临江市's group of seed 004 as the street office enters it: one owner of three stands, no rule is held.
    expect(preparatoryGroupProblems(members, null)).toEqual({ problems: [], fields: {}, sources: [] });
  });

  it.each<[string, ReturnType<typeof seat>[], string[]]>([
    ['3 members, 2 owners', [seat('RESIDENTS_COMMITTEE'), seat('OWNER'), seat('OWNER')], []],
    [
      '5 members, 3 owners',
      [seat('RESIDENTS_COMMITTEE'), seat('DEVELOPER'), seat('OWNER'), seat('OWNER'), seat('OWNER')],
      [],
    ],
    // 不低于二分之一: one owner of three is a third.
    [
      '3 members, 1 owner',
      [seat('STREET_OFFICE'), seat('RESIDENTS_COMMITTEE'), seat('OWNER')],
      ['OWNER_MEMBERS_BELOW_HALF'],
    ],
    // 单数: four members, even with half of them owners.
    [
      '4 members, 2 owners',
      [seat('RESIDENTS_COMMITTEE'), seat('DEVELOPER'), seat('OWNER'), seat('OWNER')],
      ['EVEN_MEMBER_COUNT'],
    ],
    [
      '4 members, 1 owner',
      [seat('STREET_OFFICE'), seat('DEVELOPER'), seat('RESIDENTS_COMMITTEE'), seat('OWNER')],
      ['EVEN_MEMBER_COUNT', 'OWNER_MEMBERS_BELOW_HALF'],
    ],
    // Art. 31 para. 1: no residents' committee member to lead it, an owner alone is led by an owner.
    ['1 owner alone', [seat('OWNER')], ['LEADER_NOT_RESIDENTS_COMMITTEE']],
    [
      '3 members led by the street office',
      [seat('STREET_OFFICE'), seat('OWNER'), seat('OWNER')],
      ['LEADER_NOT_RESIDENTS_COMMITTEE'],
    ],
  ])('in Beijing, %s: %j', (_, seats, expected) => {
    expect(preparatoryGroupProblems(led(seats), beijing).problems).toEqual(expected);
  });

  it('refuses with the problems, the members field and the article', () => {
    const refusal = (group: { role: 'OWNER' | 'STREET_OFFICE' | 'RESIDENTS_COMMITTEE'; leader: boolean }[]) => {
      try {
        validatePreparatoryGroupComposition(group, beijing);
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).code).toBe('BAD_USER_INPUT');
        return (error as DomainError).details;
      }
      throw new Error('accepted');
    };
    // 临江's group of seed 004 as entered: one owner of three, led by the street office's official.
    expect(refusal(members)).toEqual({
      problems: ['OWNER_MEMBERS_BELOW_HALF', 'LEADER_NOT_RESIDENTS_COMMITTEE'],
      fields: {
        members: expect.stringMatching(/1 of 3.*; the leader \(组长\) a RESIDENTS_COMMITTEE member, not STREET_OFFICE/),
      },
      source: `${BEIJING_PREPARATORY_GROUP_SOURCE}; ${BEIJING_PREPARATORY_GROUP_LEADER_SOURCE}`,
    });
    // Led by the residents' committee's 王某 instead: only the owners' share is short.
    expect(refusal(members.map((m) => ({ ...m, leader: m.role === 'RESIDENTS_COMMITTEE' })))).toEqual({
      problems: ['OWNER_MEMBERS_BELOW_HALF'],
      fields: { members: expect.stringContaining('1 of 3') },
      source: BEIJING_PREPARATORY_GROUP_SOURCE,
    });
    expect(() => validatePreparatoryGroupComposition(members, null)).not.toThrow();
  });
});

describe('a Beijing preparatory group’s leader (art. 31 para. 1)', () => {
  const beijing = preparatoryGroupRulesOf('110102'); // 西城区

  it('is a residents’ or villagers’ committee staff member, never the street office’s own official', () => {
    expect(beijing?.leader).toEqual({ role: 'RESIDENTS_COMMITTEE', source: BEIJING_PREPARATORY_GROUP_LEADER_SOURCE });
    expect(BEIJING_PREPARATORY_GROUP_LEADER_SOURCE).toBe(
      'Beijing Property Management Regulation art. 31 para. 1: 指定居民委员会、村民委员会工作人员担任筹备组组长',
    );
    // Odd, owners 3 of 5 (art. 31 para. 4 met), but led by 广外街道's official.
    const group = [
      { name: '广外街道 张某', role: 'STREET_OFFICE' as const, leader: true },
      { name: '社区居委会 王某', role: 'RESIDENTS_COMMITTEE' as const, leader: false },
      { name: '业主 李某', role: 'OWNER' as const, leader: false },
      { name: '业主 赵某', role: 'OWNER' as const, leader: false },
      { name: '业主 钱某', role: 'OWNER' as const, leader: false },
    ];
    const defined = definePreparatoryGroup({ formedOn: '2026-06-01', members: group, period: null }, '2026-12-07');
    expect(preparatoryGroupProblems(defined.members, beijing)).toEqual({
      problems: ['LEADER_NOT_RESIDENTS_COMMITTEE'],
      fields: { members: expect.stringContaining('not STREET_OFFICE') },
      sources: [BEIJING_PREPARATORY_GROUP_LEADER_SOURCE],
    });
    const byResidentsCommittee = defined.members.map((m) => ({ ...m, leader: m.role === 'RESIDENTS_COMMITTEE' }));
    expect(preparatoryGroupProblems(byResidentsCommittee, beijing).problems).toEqual([]);
    // Where the hub holds no rules (临江市), any member may lead it.
    expect(preparatoryGroupProblems(defined.members, preparatoryGroupRulesOf('220681')).problems).toEqual([]);
  });
});

describe('a Beijing preparatory group’s period (art. 32 para. 4)', () => {
  const beijing = preparatoryGroupRulesOf('110102'); // 西城区
  const statutory = { days: 60, source: BEIJING_PREPARATION_PERIOD_SOURCE };

  it('is the statute’s 60 days, entered or not; another period is refused with the article', () => {
    expect(BEIJING_PREPARATION_PERIOD_SOURCE).toBe(
      'Beijing Property Management Regulation art. 32 para. 4: 筹备组应当自成立之日起六十日内，组织召开首次业主大会会议',
    );
    expect(preparationPeriodUnder(null, beijing)).toEqual(statutory);
    expect(preparationPeriodUnder({ days: 60, source: '北京条例第三十二条' }, beijing)).toEqual(statutory);
    try {
      preparationPeriodUnder(period, beijing); // the 90 days a clerk entered
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('BAD_USER_INPUT');
      expect((error as DomainError).details).toEqual({
        fields: { 'period.days': expect.stringContaining('60 days') },
        source: BEIJING_PREPARATION_PERIOD_SOURCE,
      });
    }
  });

  it('keeps the entered period, or none, where the hub holds no city’s rules', () => {
    expect(preparationPeriodUnder(period, null)).toBe(period);
    expect(preparationPeriodUnder(null, preparatoryGroupRulesOf('220681'))).toBeNull();
  });

  it('counts the 60 days by the calendar (Civil Code arts. 201, 203)', () => {
    // Formed Monday 1 June 2026: 29 days to 30 June and 31 to 31 July, the 60th day a Friday, a working day.
    expect(preparationDeadline('2026-06-01', preparationPeriodUnder(null, beijing))).toBe('2026-07-31');
    // Formed Tuesday 4 August 2026: 27 days to 31 August, 30 to 30 September, the 60th day Saturday 3 October, in the
    // National Day holiday (1–7 October): the first assembly is due by Thursday 8 October.
    expect(preparationDeadline('2026-08-04', preparationPeriodUnder(null, beijing))).toBe('2026-10-08');
    const group = { formedOn: '2026-06-01', period: preparationPeriodUnder(null, beijing), firstAssemblyOn: null };
    expect(isPreparationOverdue(group, '2026-07-31')).toBe(false);
    expect(isPreparationOverdue(group, '2026-08-01')).toBe(true);
  });
});
