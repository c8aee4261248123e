import officialTable from 'chinese-days/dist/chinese-days.json';
import { isIsoDate } from '../../../kernel/calendar';
import { HolidayArrangement, WorkingDayCalendar, workingDayCalendar } from '../domain/working-days';

/**
 * The State Council's holiday arrangements, from the `chinese-days` package (MIT), which transcribes each yearly
 * notice of the General Office of the State Council (国务院办公厅关于某年部分节假日安排的通知, e.g. 国办发明电〔2023〕7号
 * for 2024), the 2020 extension of the Spring Festival holiday included. Version 1.5.7 holds 2004–2026; an update
 * of the package brings a new year in and nothing here changes. A year the table does not hold is unknown to the
 * calendar, never guessed from weekdays (see domain/working-days.ts).
 */
interface ChineseDaysTable {
  /** Days off: date → "English name,中文名,days". */
  holidays: Record<string, string>;
  /** Weekend days made working days: date → the holiday they make up for. */
  workdays: Record<string, string>;
}

/**
 * Every notice arranges the Spring Festival, which always falls in January or February of its own year, so a year
 * with Spring Festival days off is a year whose notice the table holds; a New Year's Day bridge reaching back into
 * December (2018-12-30 and 31, under the 2019 notice) does not make December's year look covered.
 */
export function arrangementFromTable(table: ChineseDaysTable): HolidayArrangement {
  const dates = [...Object.keys(table.holidays), ...Object.keys(table.workdays)];
  const malformed = dates.filter((d) => !isIsoDate(d));
  if (malformed.length > 0) throw new Error(`The holiday table has malformed dates: ${malformed.slice(0, 5).join(', ')}`);
  const years = new Set(
    Object.entries(table.holidays)
      .filter(([date, name]) => name.includes('春节') && date.slice(5, 7) <= '02')
      .map(([date]) => Number(date.slice(0, 4))),
  );
  return { years, daysOff: new Set(Object.keys(table.holidays)), weekendWorkingDays: new Set(Object.keys(table.workdays)) };
}

export const OFFICIAL_HOLIDAYS: HolidayArrangement = arrangementFromTable(officialTable as ChineseDaysTable);

/** Mainland China's working days under the State Council's notices, for every working-day deadline of the hub. */
export const CHINA_WORKING_DAYS: WorkingDayCalendar = workingDayCalendar(OFFICIAL_HOLIDAYS);
