import { dayOfWeek } from '../domain/working-days';
import { decisionPosting, isRecordingLate, recordingDeadline } from '../domain/property-management-committee';
import { CHINA_WORKING_DAYS, OFFICIAL_HOLIDAYS, arrangementFromTable } from './official-holidays';

/**
 * The official table (chinese-days) checked against the State Council notices it transcribes, and the committee
 * deadlines worked out with it on real dates.
 */
describe('the State Council holiday arrangements the hub uses', () => {
  it('holds every year from 2020, when the Beijing regulation took effect, to 2026, and no later year', () => {
    for (let year = 2020; year <= 2026; year++) expect(OFFICIAL_HOLIDAYS.years.has(year)).toBe(true);
    expect(OFFICIAL_HOLIDAYS.years.has(2027)).toBe(false);
    expect(CHINA_WORKING_DAYS.isWorkingDay('2027-01-04')).toBeUndefined();
  });

  it('lists only Saturdays and Sundays as weekend working days', () => {
    const weekdays = [...OFFICIAL_HOLIDAYS.weekendWorkingDays].map(dayOfWeek);
    expect(weekdays.every((d) => d === 0 || d === 6)).toBe(true);
  });

  it.each([
    // 国办发明电〔2023〕7号: National Day 2024, 1–7 October off, Sunday 29 September and Saturday 12 October worked.
    ['2024-09-29', true],
    ['2024-10-04', false],
    ['2024-10-12', true],
    // 2025-11-04 notice for 2026: Spring Festival 15–23 February off, Saturdays 14 and 28 February worked;
    // National Day 1–7 October off, Sunday 20 September and Saturday 10 October worked.
    ['2026-02-14', true],
    ['2026-02-23', false],
    ['2026-02-28', true],
    ['2026-09-20', true],
    ['2026-10-07', false],
    ['2026-10-10', true],
    // 2020: the Spring Festival holiday extended to Sunday 2 February (国办发明电〔2020〕1号), so Saturday 1 February,
    // first arranged as a working day, was not one; work resumed on Monday 3 February.
    ['2020-01-31', false],
    ['2020-02-01', false],
    ['2020-02-03', true],
    // 2020 Dragon Boat Festival: 25–27 June off, Sunday 28 June worked.
    ['2020-06-26', false],
    ['2020-06-28', true],
  ])('%s is a working day: %s', (date, working) => {
    expect(CHINA_WORKING_DAYS.isWorkingDay(date)).toBe(working);
  });

  it('takes a year as held only when its Spring Festival is in the table', () => {
    const arrangement = arrangementFromTable({ holidays: { '2018-12-31': "New Year's Day,元旦,1", '2019-02-05': 'Spring Festival,春节,3' }, workdays: {} });
    expect([...arrangement.years]).toEqual([2019]);
    expect(() => arrangementFromTable({ holidays: { '2019-02-30': 'Spring Festival,春节,3' }, workdays: {} })).toThrow(/malformed/);
  });
});

describe('property-management committee deadlines in working days (Beijing arts. 55, 57)', () => {
  it.each<[string, string, string]>([
    // Seed 000's year: filed on Wednesday 24 June 2020, before the Dragon Boat holiday and its worked Sunday.
    ['2020-06-24', '2020-07-02', 'Dragon Boat Festival 2020'],
    ['2020-06-29', '2020-07-06', 'an ordinary week'],
    ['2020-01-23', '2020-02-07', 'the extended Spring Festival of 2020'],
    ['2024-09-27', '2024-10-10', 'National Day 2024, Sunday 29 September worked'],
    ['2024-09-30', '2024-10-12', 'National Day 2024, Saturday 12 October worked'],
    ['2026-02-13', '2026-02-27', 'Spring Festival 2026, Saturday 14 February worked'],
    ['2026-09-30', '2026-10-13', 'National Day 2026, Saturday 10 October worked'],
  ])('a committee filed on %s is recorded by %s (%s)', (filedOn, deadline) => {
    expect(recordingDeadline(filedOn, CHINA_WORKING_DAYS)).toBe(deadline);
  });

  it('flags a recording after the fifth working day, and leaves it open while the notice is not out', () => {
    expect(isRecordingLate('2024-09-27', '2024-10-10', CHINA_WORKING_DAYS)).toBe(false);
    expect(isRecordingLate('2024-09-27', '2024-10-11', CHINA_WORKING_DAYS)).toBe(true);
    expect(recordingDeadline('2026-12-22', CHINA_WORKING_DAYS)).toBeUndefined();
    expect(isRecordingLate('2026-12-22', '2026-12-24', CHINA_WORKING_DAYS)).toBe(false);
    expect(isRecordingLate('2026-12-22', '2027-01-08', CHINA_WORKING_DAYS)).toBeUndefined();
  });

  it('posts a decision of a meeting on Thursday 26 September 2024 for ten working days across National Day', () => {
    expect(decisionPosting('2024-09-26', '2024-09-27', CHINA_WORKING_DAYS)).toEqual({ postBy: '2024-09-29', postedLate: false, postingEndsOn: '2024-10-16' });
    expect(decisionPosting('2024-09-26', '2024-09-30', CHINA_WORKING_DAYS)).toEqual({ postBy: '2024-09-29', postedLate: true, postingEndsOn: '2024-10-18' });
  });
});
