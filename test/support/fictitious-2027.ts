import type { Identity } from '../../kernel/identity';

/**
 * FICTITIOUS TEST DATA, NOT the State Council's 2027 notice (国务院办公厅关于2027年部分节假日安排的通知), which the
 * hub does not have: days off 31 December 2026 to 5 January 2027 and 6–12 February, Saturdays 9 January and
 * 13 February worked. Title and URL say so.
 */
export const FICTITIOUS_2027 = {
  year: 2027,
  daysOff: [
    { from: '2026-12-31', to: '2027-01-05' },
    { from: '2027-02-06', to: '2027-02-12' },
  ],
  weekendWorkingDays: ['2027-01-09', '2027-02-13'],
  source: {
    title: 'FICTITIOUS TEST ARRANGEMENT 2027 (not an official notice)',
    documentNumber: null,
    publishedOn: '2026-11-30',
    url: 'https://example.invalid/fictitious-test-arrangement-2027',
  },
};

/**
 * The owners' assembly of area `areaId` (first met 2026-11-01) and its property-management committee formed
 * 2026-12-04, recorded by `office`: the committee's 30-day filing period ends on Sunday 2027-01-03, past the packaged
 * holiday data, so its deadline waits for the 2027 arrangement. Its id.
 */
export async function committeeFormedPastTheData(
  ok: (who: Identity, query: string, variables: Record<string, unknown>) => Promise<Record<string, { id: string }>>,
  office: Identity,
  areaId: string,
): Promise<string> {
  await ok(office, 'mutation($i: RecordOwnersAssemblyInput!) { recordOwnersAssembly(input: $i) { id } }', {
    i: { areaId, firstMeetingOn: '2026-11-01' },
  });
  const { formPropertyManagementCommittee } = await ok(
    office,
    'mutation($i: FormPropertyManagementCommitteeInput!) { formPropertyManagementCommittee(input: $i) { id } }',
    {
      i: {
        areaId,
        formedOn: '2026-12-04',
        termEndsOn: '2029-12-03',
        members: [
          { name: '居委会代表', seat: 'RESIDENTS_COMMITTEE' },
          ...Array.from({ length: 6 }, (_, i) => ({ name: `业主代表 ${i + 1}`, seat: 'OWNER' })),
        ],
        chairIndex: 0,
      },
    },
  );
  return formPropertyManagementCommittee.id;
}
