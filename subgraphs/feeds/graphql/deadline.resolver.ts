import { Arg, Ctx, Directive, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Key, LocalDate } from '../../../platform/graphql/scalars';
import { RequestContext } from '../../../platform/subgraph/context';
import { deadlineReminderLeads, setDeadlineReminderLeads } from '../application/deadline-reminder-leads';
import { sendDeadlineRemindersAs } from '../application/send-deadline-reminders';
import { upcomingDeadlines } from '../application/upcoming-deadlines';
import { DeadlineReminderLeadsType, DeadlineReminderRunType, DeadlineType } from './deadline.type';

@Resolver(() => DeadlineType)
export class DeadlineResolver {
  @Directive('@listSize(assumedSize: 50)')
  @Query(() => [DeadlineType], {
    description:
      'The deadlines in your scope due within `within` days (1–366) of `asOf` (today in China), overdue ones included, earliest first: ' +
      'a company its contracts’ filings, a street office its committees’, a court its decisions’, a bureau those of its districts.',
  })
  async upcomingDeadlines(
    @Arg('within', () => Int) within: number,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => LocalDate, { nullable: true }) asOf?: string,
  ): Promise<DeadlineType[]> {
    const deadlines = await upcomingDeadlines(ctx.em, ctx.identity, { within, asOf });
    return deadlines.map((d) => ({ ...d, key: d.deadlineKey, dueOn: d.dueOn as string }));
  }

  @Query(() => DeadlineReminderLeadsType, {
    description: 'The reminder leads that apply to your organisation (the admin: the default).',
  })
  deadlineReminderLeads(@Ctx() ctx: RequestContext): Promise<DeadlineReminderLeadsType> {
    return deadlineReminderLeads(ctx.em, ctx.identity);
  }

  @Mutation(() => DeadlineReminderLeadsType, {
    description:
      'Sets when reminders go out: up to 5 leads of 0–90 days before the due date, and whether once overdue. ' +
      'A party sets its own; the admin any organisation’s, or without one the default.',
  })
  setDeadlineReminderLeads(
    @Arg('leadDays', () => [Int]) leadDays: number[],
    @Arg('overdue') overdue: boolean,
    @Ctx() ctx: RequestContext,
    @Arg('organisationId', () => Key, { nullable: true }) organisationId?: string,
  ): Promise<DeadlineReminderLeadsType> {
    return setDeadlineReminderLeads(ctx.em, ctx.identity, { leadDays, overdue, organisationId });
  }

  @Mutation(() => DeadlineReminderRunType, {
    description:
      'Admin: sends the reminders due on `asOf` now (the scheduler does so every hour for today); each goes out once.',
  })
  async sendDeadlineReminders(
    @Arg('asOf', () => LocalDate) asOf: string,
    @Ctx() ctx: RequestContext,
  ): Promise<DeadlineReminderRunType> {
    return sendDeadlineRemindersAs(ctx.em, ctx.identity, asOf);
  }
}
