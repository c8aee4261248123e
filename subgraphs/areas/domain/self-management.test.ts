import { selfManagementProblems } from './self-management';

const decision = {
  areaId: 'a1',
  matter: 'HIRE_OR_DISMISS_PROVIDER' as const,
  heldOn: '2026-03-01',
  valid: true,
};

describe('self-management (Civil Code art. 284 para. 1, decided under art. 278)', () => {
  it('accepts a valid decision of the area on hiring or dismissing a manager, from the meeting day on', () => {
    expect(selfManagementProblems('a1', decision, '2026-03-01')).toEqual([]);
    expect(selfManagementProblems('a1', { ...decision, matter: 'OTHER_MAJOR_MATTER' as const }, '2026-04-01')).toEqual(
      [],
    );
  });

  it('refuses a decision of another area, an invalid one, one on another matter, and a start before the meeting', () => {
    expect(selfManagementProblems('a2', decision, '2026-03-01')).toEqual(['the joint decision is of another area']);
    expect(selfManagementProblems('a1', { ...decision, valid: false }, '2026-03-01')).toEqual([
      'the joint decision did not pass (Civil Code art. 278 para. 2)',
    ]);
    expect(selfManagementProblems('a1', { ...decision, matter: 'REBUILD' as const }, '2026-03-01')).toHaveLength(1);
    expect(selfManagementProblems('a1', decision, '2026-02-28')).toEqual([
      'self-management cannot start before the owners decided it',
    ]);
  });
});
