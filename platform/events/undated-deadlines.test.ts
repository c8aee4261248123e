import type { DeadlineChangedData } from '../../catalog';
import { heldUntil } from '../read-models/holiday-calendar';
import { datedByNewHolidayYears } from './undated-deadlines';

const deadline = (facts: Partial<DeadlineChangedData>): DeadlineChangedData => ({
  deadlineKey: 'contract-filing:0b7f3c52-6a0e-4f59-8d77-3f1b2c4d5e6f',
  kind: 'CONTRACT_FILING',
  subjectId: '0b7f3c52-6a0e-4f59-8d77-3f1b2c4d5e6f',
  ownerKind: 'PROPERTY_COMPANY',
  ownerOrganisationId: '91110102MA0000H217',
  districtCode: '110102',
  legalBasis: 'Beijing art. 63',
  dueOn: '2027-01-06',
  metOn: null,
  cancelled: false,
  sequence: 1,
  ...facts,
});

/** FICTITIOUS TEST DATA, not the State Council's 2027 notice. */
const FICTITIOUS_2027 = { year: 2027, daysOff: [{ from: '2026-12-31', to: '2027-01-05' }], weekendWorkingDays: [] };

describe('a deadline announced undated for want of the holiday years just recorded', () => {
  it('is held until 24 December of the last year recorded: the next notice can reach back to the 25th', () => {
    expect(heldUntil([])).toBe('2026-12-24');
    expect(heldUntil([FICTITIOUS_2027])).toBe('2027-12-24');
    // A year recorded after a gap extends nothing (years are taken in order).
    expect(heldUntil([{ ...FICTITIOUS_2027, year: 2028, daysOff: [] }])).toBe('2026-12-24');
  });

  it('is one still open and now due after the last day held before', () => {
    expect(datedByNewHolidayYears(deadline({}), '2026-12-24')).toBe(true);
    // The first day the new year decides: a period ending 25 December needed it.
    expect(datedByNewHolidayYears(deadline({ dueOn: '2026-12-25' }), '2026-12-24')).toBe(true);
  });

  it('is not one due on or before that day: it was announced with this very date', () => {
    expect(datedByNewHolidayYears(deadline({ dueOn: '2026-12-24' }), '2026-12-24')).toBe(false);
    expect(datedByNewHolidayYears(deadline({ dueOn: '2026-10-08' }), '2026-12-24')).toBe(false);
  });

  it('is not one still undated (it needs a later year still), nor one met or cancelled, which stays as announced', () => {
    expect(datedByNewHolidayYears(deadline({ dueOn: null }), '2026-12-24')).toBe(false);
    expect(datedByNewHolidayYears(deadline({ metOn: '2026-12-28' }), '2026-12-24')).toBe(false);
    expect(datedByNewHolidayYears(deadline({ cancelled: true }), '2026-12-24')).toBe(false);
  });
});
