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
