import { Type } from '@sinclair/typebox';
import { Closed, EventData, EventDefinition, IsoDate, IsoDateTime, Nullable, TopicDefinition } from './types';

/**
 * The State Council's yearly holiday arrangements the hub holds beyond the `chinese-days` package, as the admin
 * records them in the contracts subgraph (`recordHolidayArrangement`). Every subgraph that computes periods keeps a
 * copy and installs it into its working-day calendar (kernel/working-days.ts). Compacted, keyed by year: the latest
 * version of every year stays on the topic, so a new consumer group reads the whole calendar from the beginning.
 */
export const HOLIDAY_CALENDAR_TOPIC: TopicDefinition = {
  name: 'contracts.holiday-calendar.v1',
  producer: 'contracts',
  description:
    'The yearly State Council holiday arrangements recorded beyond the packaged ones, one message per version of a year.',
  key: 'year',
  compacted: true,
};

const Year = Type.Integer({ minimum: 2027, maximum: 2200 });

export const HOLIDAY_YEAR_RECORDED = {
  type: 'hub.contracts.holiday-year.recorded',
  topic: HOLIDAY_CALENDAR_TOPIC,
  summary:
    "The admin recorded a year's holiday arrangement (or corrected it as a new version superseding the last): the days " +
    'off, the weekend days worked and the notice it transcribes. A consumer keeps the highest version of each year.',
  schema: Closed({
    year: Year,
    version: Type.Integer({ minimum: 1 }),
    supersedesVersion: Nullable(Type.Integer({ minimum: 1 })),
    source: Closed({
      title: Type.String({ minLength: 1, maxLength: 200 }),
      documentNumber: Nullable(Type.String({ minLength: 1, maxLength: 100 })),
      publishedOn: IsoDate,
      url: Type.String({ minLength: 1, maxLength: 2000 }),
    }),
    daysOff: Type.Array(Closed({ from: IsoDate, to: IsoDate }), { minItems: 1, maxItems: 20 }),
    weekendWorkingDays: Type.Array(IsoDate, { maxItems: 20 }),
    recordedBy: Type.String({ minLength: 1 }),
    recordedAt: IsoDateTime,
  }),
} satisfies EventDefinition;

export type HolidayYearRecordedData = EventData<typeof HOLIDAY_YEAR_RECORDED>;
