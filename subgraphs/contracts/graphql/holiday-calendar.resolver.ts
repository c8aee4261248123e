import { Arg, Ctx, Directive, Int, Mutation, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../../platform/subgraph/context';
import { holidayArrangementHistory, holidayCalendar } from '../application/list-holiday-calendar';
import { recordHolidayArrangement } from '../application/record-holiday-arrangement';
import type { HolidayYearRecord } from '../domain/holiday-arrangement';
import { HolidayArrangementInput, HolidayCalendarType, HolidayYearType } from './holiday-calendar.type';

const holidayYearView = (record: HolidayYearRecord): HolidayYearType => ({
  ...record,
  daysOff: record.daysOff.map((r) => ({ ...r })),
  weekendWorkingDays: [...record.weekendWorkingDays],
  source: { ...record.source },
});

@Resolver()
export class HolidayCalendarResolver {
  @Query(() => HolidayCalendarType, {
    description:
      'The holiday calendar the hub computes periods with: its range and the recorded years (any signed-in organisation).',
  })
  async holidayCalendar(@Ctx() ctx: RequestContext): Promise<HolidayCalendarType> {
    const { range, recorded } = await holidayCalendar(ctx.em, ctx.identity);
    return {
      ...range,
      nextYearToRecord: Number(range.to.slice(0, 4)) + 1,
      recordedYears: recorded.map(holidayYearView),
    };
  }

  @Directive('@listSize(assumedSize: 5)')
  @Query(() => [HolidayYearType], { description: "Admin: every version of a year's arrangement, oldest first." })
  async holidayArrangementHistory(
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<HolidayYearType[]> {
    return (await holidayArrangementHistory(ctx.em, ctx.identity, year)).map(holidayYearView);
  }

  @Mutation(() => HolidayYearType, {
    description:
      "Admin: records the next year's State Council holiday arrangement from its published notice, or corrects a recorded " +
      'year as its next version. Every problem is reported at once in `details.problems` (BAD_USER_INPUT).',
  })
  async recordHolidayArrangement(
    @Arg('arrangement', () => HolidayArrangementInput) arrangement: HolidayArrangementInput,
    @Ctx() ctx: RequestContext,
  ): Promise<HolidayYearType> {
    const { source, note, ...year } = arrangement;
    return holidayYearView(
      await recordHolidayArrangement(ctx.em, ctx.identity, {
        arrangement: year,
        source: { ...source, documentNumber: source.documentNumber ?? null },
        note: note ?? null,
      }),
    );
  }
}
