import type { EntityManager } from '@mikro-orm/postgresql';
import { DeadlineChangedData, HOLIDAY_YEAR_RECORDED, HolidayYearRecordedData } from '../../catalog';
import { IsoDate, compareDates } from '../../kernel/calendar';
import {
  CHINA_WORKING_DAYS,
  OFFICIAL_HOLIDAYS,
  RecordedYear,
  YearArrangement,
  extendArrangement,
  workingDayCalendar,
} from '../../kernel/working-days';
import { sqlRows } from '../db/sql';
import { ConsumerDefinition, on } from '../events/consumer';
import { logger } from '../logging';

/**
 * The recorded holiday years (contracts.holiday-calendar.v1) as each subgraph that computes periods keeps them:
 * one row per year, the highest version received. The process's calendar (CHINA_WORKING_DAYS) takes them at start
 * and whenever they change; `holidayCalendarRefresher` reads the copy again every few seconds, so every process of
 * a subgraph converges, not only the one whose consumer took the message (a consumer group shares the partitions).
 */
export type HolidayCalendarKeeper = 'contracts' | 'areas' | 'arrears' | 'litigation';

export function holidayYearDdl(schema: HolidayCalendarKeeper): string[] {
  return [
    `create table "${schema}"."holiday_year" (
      "year" int primary key check ("year" between 2027 and 2200),
      "version" int not null check ("version" >= 1),
      "arrangement" jsonb not null,
      "received_at" timestamptz not null default now())`,
  ];
}

/** Keeps `data` when it is newer than the year's copy; redelivery and replays are no-ops. */
export async function applyHolidayYear(
  em: EntityManager,
  schema: HolidayCalendarKeeper,
  data: HolidayYearRecordedData,
): Promise<void> {
  await em.getConnection().execute(
    `insert into "${schema}"."holiday_year" as h (year, version, arrangement) values (?, ?, ?::jsonb)
      on conflict (year) do update set version = excluded.version, arrangement = excluded.arrangement, received_at = now()
      where h.version < excluded.version`,
    [data.year, data.version, JSON.stringify(data)],
    'run',
    em.getTransactionContext(),
  );
}

/** The years of the subgraph's copy, as the calendar takes them. */
export async function storedHolidayYears(em: EntityManager, schema: HolidayCalendarKeeper): Promise<RecordedYear[]> {
  const rows = await sqlRows<{ arrangement: HolidayYearRecordedData }>(
    em,
    `select arrangement from "${schema}"."holiday_year" order by year`,
  );
  return rows.map(({ arrangement: a }) => ({
    year: a.year,
    version: a.version,
    daysOff: a.daysOff,
    weekendWorkingDays: a.weekendWorkingDays,
  }));
}

/** The last day the calendar answers for with `years` recorded beyond the package's: 24 December of the last held. */
export function heldUntil(years: readonly YearArrangement[]): IsoDate {
  return workingDayCalendar(extendArrangement(OFFICIAL_HOLIDAYS, years)).range.to;
}

/** Installs the subgraph's copy into this process's calendar (newer versions only, see ExtendableCalendar). */
export async function installStoredHolidayYears(em: EntityManager, schema: HolidayCalendarKeeper): Promise<void> {
  CHINA_WORKING_DAYS.install(await storedHolidayYears(em, schema));
}

/**
 * The deadlines `announce` computes, computed again where one would go out with no due date while this process's
 * calendar lags the subgraph's stored years (`calendarCaughtUp` installs them first: a year recorded in the last 10 s,
 * HOLIDAY_CALENDAR_REFRESH_MS, is not yet here). Otherwise that undated announcement, under the next sequence,
 * outranked the dated one the recording's sweep had just made, and the register kept the deadline undated until its
 * next change (a review of 2026-12-07).
 */
export async function calendarCaughtUp<T extends readonly (DeadlineChangedData | null)[]>(
  em: EntityManager,
  schema: HolidayCalendarKeeper,
  announce: () => T,
): Promise<T> {
  const announced = announce();
  if (!announced.some((d) => d !== null && d.dueOn === null && d.metOn === null && !d.cancelled)) return announced;
  const before = CHINA_WORKING_DAYS.range.to;
  await installStoredHolidayYears(em, schema);
  return compareDates(CHINA_WORKING_DAYS.range.to, before) > 0 ? announce() : announced;
}

/**
 * The consumer of a subgraph that keeps a copy: stores the year, then installs it here at once (within the inbox
 * transaction: a transaction that fails is retried with the same message, which installs the same year again).
 * When the copy now reaches further, `afterExtended` runs in the same transaction with the last day held before
 * (read from the copy, not from this process's calendar, which a failed try may already have extended): the
 * subgraph announces again its deadlines the new days date. A message redelivered or replayed extends nothing.
 */
export function holidayCalendarConsumer(
  schema: Exclude<HolidayCalendarKeeper, 'contracts'>,
  afterExtended?: (em: EntityManager, heldUntilBefore: IsoDate) => Promise<unknown>,
): ConsumerDefinition {
  return {
    name: `${schema}.holiday-calendar`,
    subscriptions: [
      on(HOLIDAY_YEAR_RECORDED, async (em, event) => {
        const before = heldUntil(await storedHolidayYears(em, schema));
        await applyHolidayYear(em, schema, event.data);
        const years = await storedHolidayYears(em, schema);
        CHINA_WORKING_DAYS.install(years);
        if (afterExtended && compareDates(heldUntil(years), before) > 0) await afterExtended(em, before);
      }),
    ],
  };
}

/** How often every process reads its subgraph's copy again. */
export const HOLIDAY_CALENDAR_REFRESH_MS = 10_000;

/** Installs the copy at start (awaited before the subgraph serves) and again every few seconds. */
export function holidayCalendarRefresher(
  em: () => EntityManager,
  schema: HolidayCalendarKeeper,
  intervalMs = HOLIDAY_CALENDAR_REFRESH_MS,
) {
  let timer: NodeJS.Timeout | undefined;
  return {
    async start(): Promise<void> {
      await installStoredHolidayYears(em(), schema);
      timer = setInterval(() => {
        installStoredHolidayYears(em(), schema).catch((error: unknown) =>
          logger.warn({ err: error, subgraph: schema }, 'holiday calendar refresh failed; the years held stay'),
        );
      }, intervalMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
    },
  };
}
