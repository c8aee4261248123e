import type { EntityManager } from '@mikro-orm/postgresql';
import { advisoryLock, sqlRows, sqlRun } from '../../../platform/db/sql';
import type { HolidayYearRecord } from '../domain/holiday-arrangement';

interface HolidayArrangementRow {
  year: number;
  version: number;
  title: string;
  document_number: string | null;
  published_on: string;
  url: string;
  days_off: HolidayYearRecord['daysOff'];
  weekend_working_days: string[];
  note: string | null;
  recorded_by: string;
  recorded_at: Date;
}

const COLUMNS = `year, version, title, document_number, to_char(published_on, 'YYYY-MM-DD') as published_on, url, days_off,
  weekend_working_days, note, recorded_by, recorded_at`;

const recordOf = (row: HolidayArrangementRow): HolidayYearRecord => ({
  year: row.year,
  version: row.version,
  daysOff: row.days_off,
  weekendWorkingDays: row.weekend_working_days,
  source: { title: row.title, documentNumber: row.document_number, publishedOn: row.published_on, url: row.url },
  note: row.note,
  recordedBy: row.recorded_by,
  recordedAt: new Date(row.recorded_at),
});

/** Serialises recordings: two admins recording at once get consecutive versions, never a gap or a duplicate. */
export async function lockHolidayCalendar(em: EntityManager): Promise<void> {
  await advisoryLock(em, 'contracts.holiday_arrangement');
}

/** The current (highest) version of every recorded year, in year order. */
export async function currentHolidayYears(em: EntityManager): Promise<HolidayYearRecord[]> {
  const rows = await sqlRows<HolidayArrangementRow>(
    em,
    `select distinct on (year) ${COLUMNS} from "contracts"."holiday_arrangement" order by year, version desc`,
  );
  return rows.map(recordOf);
}

/** Every version of a year, oldest first: the audit trail. */
export async function holidayYearVersions(em: EntityManager, year: number): Promise<HolidayYearRecord[]> {
  const rows = await sqlRows<HolidayArrangementRow>(
    em,
    `select ${COLUMNS} from "contracts"."holiday_arrangement" where year = ? order by version`,
    [year],
  );
  return rows.map(recordOf);
}

export async function insertHolidayArrangement(
  em: EntityManager,
  id: string,
  record: HolidayYearRecord,
  organisationId: string,
): Promise<void> {
  await sqlRun(
    em,
    `insert into "contracts"."holiday_arrangement" (id, year, version, title, document_number, published_on, url, days_off,
      weekend_working_days, note, recorded_by, recorded_by_organisation, recorded_at)
      values (?, ?, ?, ?, ?, ?::date, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)`,
    [
      id,
      record.year,
      record.version,
      record.source.title,
      record.source.documentNumber,
      record.source.publishedOn,
      record.source.url,
      JSON.stringify(record.daysOff),
      JSON.stringify(record.weekendWorkingDays),
      record.note,
      record.recordedBy,
      organisationId,
      record.recordedAt,
    ],
  );
}
