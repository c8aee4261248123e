import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { HOLIDAY_YEAR_RECORDED, HolidayYearRecordedData } from '../../../catalog';
import { todayInChina } from '../../../kernel/clock';
import { ForbiddenError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { compareDates } from '../../../kernel/calendar';
import {
  OFFICIAL_HOLIDAYS,
  YearArrangement,
  extendArrangement,
  workingDayCalendar,
} from '../../../kernel/working-days';
import { recordEvent } from '../../../platform/events/outbox';
import { applyHolidayYear, installStoredHolidayYears } from '../../../platform/read-models/holiday-calendar';
import { HolidayYearRecord, NoticeSource, checkHolidayYear } from '../domain/holiday-arrangement';
import { CONTRACTS_EVENT_SOURCE } from '../events/publish/filing-events';
import { reannounceUndatedFilingDeadlines } from './announce-filing-deadline';
import {
  currentHolidayYears,
  insertHolidayArrangement,
  lockHolidayCalendar,
} from '../persistence/holiday-arrangement.repository';

const eventOf = (record: HolidayYearRecord): HolidayYearRecordedData => ({
  year: record.year,
  version: record.version,
  supersedesVersion: record.version > 1 ? record.version - 1 : null,
  source: { ...record.source },
  daysOff: record.daysOff.map((r) => ({ from: r.from, to: r.to })),
  weekendWorkingDays: [...record.weekendWorkingDays],
  recordedBy: record.recordedBy,
  recordedAt: record.recordedAt.toISOString(),
});

/**
 * The admin records the next year's State Council holiday arrangement once its notice is published, or corrects a
 * recorded year as its next version (history kept). Checked whole against the calendar held; written with who and
 * when, copied to holiday_year and published (contracts.holiday-calendar.v1) in one transaction; this process's
 * calendar takes it after the commit, the other subgraphs when their consumers receive it. The filing deadlines it
 * dates that were announced undated are announced again in the same transaction (the areas and litigation
 * subgraphs do the same with theirs when their consumers receive the year).
 */
export async function recordHolidayArrangement(
  em: EntityManager,
  identity: Identity,
  input: { arrangement: YearArrangement; source: NoticeSource; note: string | null },
): Promise<HolidayYearRecord> {
  if (identity.role !== 'ADMIN') throw new ForbiddenError('Only the admin records holiday arrangements');
  const record = await em.transactional(async (tx) => {
    await lockHolidayCalendar(tx);
    const recorded = await currentHolidayYears(tx);
    const held = extendArrangement(OFFICIAL_HOLIDAYS, recorded);
    checkHolidayYear(held, new Set(recorded.map((y) => y.year)), input, todayInChina());
    const previous = recorded.find((y) => y.year === input.arrangement.year);
    const record: HolidayYearRecord = {
      year: input.arrangement.year,
      version: (previous?.version ?? 0) + 1,
      daysOff: input.arrangement.daysOff.map((r) => ({ from: r.from, to: r.to })),
      weekendWorkingDays: [...input.arrangement.weekendWorkingDays],
      source: input.source,
      note: input.note?.trim() || null,
      recordedBy: identity.subject,
      recordedAt: new Date(),
    };
    await insertHolidayArrangement(tx, randomUUID(), record, identity.organisationId);
    const data = eventOf(record);
    await applyHolidayYear(tx, 'contracts', data);
    recordEvent(tx, HOLIDAY_YEAR_RECORDED, {
      source: CONTRACTS_EVENT_SOURCE,
      key: String(record.year),
      subject: String(record.year),
      data,
    });
    const calendar = workingDayCalendar(
      extendArrangement(OFFICIAL_HOLIDAYS, [...recorded.filter((y) => y.year !== record.year), record]),
    );
    const heldUntilBefore = workingDayCalendar(held).range.to;
    if (compareDates(calendar.range.to, heldUntilBefore) > 0)
      await reannounceUndatedFilingDeadlines(tx, heldUntilBefore, calendar);
    return record;
  });
  await installStoredHolidayYears(em.fork(), 'contracts');
  return record;
}
