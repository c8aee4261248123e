import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDate, Name, Note, Url } from '../../../platform/graphql/scalars';

@ObjectType('DateRange', { description: 'Consecutive days, both ends included.' })
export class DateRangeType {
  @Field() from!: string;
  @Field() to!: string;
}

@ObjectType('HolidayNotice', { description: 'The State Council notice a recorded year transcribes.' })
export class HolidayNoticeType {
  @Field() title!: string;
  @Field(() => String, { nullable: true, description: 'e.g. 国办发明电〔2025〕N号; null when it has none.' })
  documentNumber!: string | null;
  @Field() publishedOn!: string;
  @Field() url!: string;
}

@ObjectType('HolidayYear', {
  description: "One version of a year's holiday arrangement as the admin recorded it (a correction is a new version).",
})
export class HolidayYearType {
  @Field(() => Int) year!: number;
  @Field(() => Int) version!: number;
  @Field(() => [DateRangeType], { description: 'Days off (holidays and the days bridged to them).' })
  daysOff!: DateRangeType[];
  @Field(() => [String], { description: 'Saturdays and Sundays worked in lieu (调休上班).' })
  weekendWorkingDays!: string[];
  @Field(() => HolidayNoticeType) source!: HolidayNoticeType;
  @Field(() => String, { nullable: true, description: 'Why a correction was made.' }) note!: string | null;
  @Field() recordedBy!: string;
  @Field() recordedAt!: Date;
}

@ObjectType('HolidayCalendar', {
  description:
    'The working-day calendar every period is computed with: the chinese-days package (2004–2026) and the years recorded since. ' +
    'Deadlines past `to` are shown provisional (the plain count); judgements that need a later day are refused (OUTSIDE_HOLIDAY_CALENDAR).',
})
export class HolidayCalendarType {
  @Field({ description: 'The first day the calendar answers for.' }) from!: string;
  @Field({
    description: 'The last day: 24 December of the last year held (the next notice may reach back into the last week).',
  })
  to!: string;
  @Field(() => Int, { description: 'The next year whose arrangement must be recorded.' }) nextYearToRecord!: number;
  @Field(() => [HolidayYearType], { description: 'The recorded years, current versions.' })
  recordedYears!: HolidayYearType[];
}

@InputType('DateRangeInput')
export class DateRangeInput {
  @Field(() => LocalDate) from!: string;
  @Field(() => LocalDate) to!: string;
}

@InputType('HolidayNoticeInput')
export class HolidayNoticeInput {
  @Field(() => Name, { description: 'The notice title, e.g. 国务院办公厅关于2027年部分节假日安排的通知.' })
  title!: string;
  @Field(() => Name, { nullable: true }) documentNumber?: string | null;
  @Field(() => LocalDate) publishedOn!: string;
  @Field(() => Url) url!: string;
}

@InputType('HolidayArrangementInput')
export class HolidayArrangementInput {
  @Field(() => Int) year!: number;
  @Field(() => [DateRangeInput]) daysOff!: DateRangeInput[];
  @Field(() => [LocalDate]) weekendWorkingDays!: string[];
  @Field(() => HolidayNoticeInput) source!: HolidayNoticeInput;
  @Field(() => Note, { nullable: true, description: 'Required for a correction of a recorded year: why.' })
  note?: string | null;
}
