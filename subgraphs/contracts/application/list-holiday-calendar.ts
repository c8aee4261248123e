import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { CHINA_WORKING_DAYS } from '../../../kernel/working-days';
import { HolidayYearRecord } from '../domain/holiday-arrangement';
import { currentHolidayYears, holidayYearVersions } from '../persistence/holiday-arrangement.repository';

/** The calendar as this process holds it: its range and the recorded years (current versions). Any signed-in caller. */
export async function holidayCalendar(em: EntityManager, identity: Identity) {
  void identity; // every signed-in organisation computes deadlines with it
  const recorded = await currentHolidayYears(em);
  CHINA_WORKING_DAYS.install(recorded);
  return { range: CHINA_WORKING_DAYS.range, recorded };
}

/** Admin: every version of a year, oldest first, with who recorded it and when. */
export async function holidayArrangementHistory(
  em: EntityManager,
  identity: Identity,
  year: number,
): Promise<HolidayYearRecord[]> {
  if (identity.role !== 'ADMIN')
    throw new ForbiddenError('Only the admin reads the audit trail of the holiday calendar');
  return holidayYearVersions(em, year);
}
