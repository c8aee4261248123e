import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { SatisfactionLevel } from '../../../catalog';
import { checkPage } from '../../../kernel/pagination';
import { CsvText, Key, LocalDate, Name, Note } from '../../../platform/graphql/scalars';
import { RequestContext, childrenLoader } from '../../../platform/subgraph/context';
import { AnswerStep, answerOrder } from '../application/answer-order';
import { closeOrder } from '../application/close-order';
import { complaintStatistics } from '../application/complaint-statistics';
import { defineCategory, defineItem } from '../application/define-taxonomy';
import { dispatchOrder } from '../application/dispatch-order';
import { escalateOrder } from '../application/escalate-order';
import { importOrdersCsv } from '../application/import-orders-csv';
import { listReadableOrders, orderTransitions } from '../application/list-orders';
import { listTaxonomy } from '../application/list-taxonomy';
import { matchOrder } from '../application/match-order';
import { registerHotlineSender } from '../application/register-hotline-sender';
import { MeasureGroup } from '../domain/measures';
import {
  AnswerStepEnum,
  ComplaintCategoryInput,
  ComplaintCategoryType,
  ComplaintItemInput,
  ComplaintItemType,
  ComplaintOrderFilter,
  ComplaintOrderImportType,
  ComplaintOrderPageType,
  ComplaintOrderType,
  ComplaintStatisticsType,
  ComplaintTransitionType,
  HotlineSenderType,
  MeasureGroupEnum,
  SatisfactionEnum,
} from './complaint.type';
import { categoryView, itemView, orderView, transitionView } from './complaint.mappers';

@Resolver(() => ComplaintOrderType)
export class ComplaintResolver {
  @Directive('@listSize(assumedSize: 12)')
  @Query(() => [ComplaintCategoryType], {
    description:
      "The complaints taxonomy in force on a day (today by default), as each division's bureau maintains it: every division's, or the one a division's or street's orders of that day follow.",
  })
  async complaintTaxonomy(
    @Arg('asOf', () => LocalDate, { nullable: true }) asOf: string | null,
    @Arg('division', () => Key, {
      nullable: true,
      description: 'A division or street code: only the taxonomy its orders follow (the most specific in force).',
    })
    division: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ComplaintCategoryType[]> {
    return (await listTaxonomy(ctx.em, asOf, division)).map(({ category, items }) => categoryView(category, items));
  }

  @Mutation(() => ComplaintCategoryType, {
    description: 'The city bureau records a category version (never changed afterwards; a later version replaces it).',
  })
  async defineComplaintCategory(
    @Arg('category', () => ComplaintCategoryInput) category: ComplaintCategoryInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ComplaintCategoryType> {
    return categoryView(await defineCategory(ctx.em, ctx.identity, category), []);
  }

  @Mutation(() => ComplaintItemType, {
    description: 'The city bureau records an item version with the party responsible under each governance model.',
  })
  async defineComplaintItem(
    @Arg('item', () => ComplaintItemInput) item: ComplaintItemInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ComplaintItemType> {
    return itemView(await defineItem(ctx.em, ctx.identity, { ...item, responsible: { ...item.responsible } }));
  }

  @Mutation(() => HotlineSenderType, {
    description: 'The admin registers a hotline system and the divisions it sends orders for.',
  })
  registerHotlineSender(
    @Arg('organisationId', () => Key) organisationId: string,
    @Arg('name', () => Name) name: string,
    @Arg('jurisdictions', () => [Key]) jurisdictions: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<HotlineSenderType> {
    return registerHotlineSender(ctx.em, ctx.identity, { organisationId, name, jurisdictions });
  }

  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["orders"])')
  @Query(() => ComplaintOrderPageType, {
    description:
      'Hotline orders you may read: the street office its street (with the unmatched queue), bureaus their jurisdiction, a party those dispatched to it.',
  })
  async complaintOrders(
    @Arg('filter', () => ComplaintOrderFilter, { nullable: true }) filter: ComplaintOrderFilter | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: RequestContext,
  ): Promise<ComplaintOrderPageType> {
    checkPage({ first, offset });
    const { compoundId, ...rest } = filter ?? {};
    const page = await listReadableOrders(ctx.em, ctx.identity, {
      ...rest,
      compoundIds: compoundId ? [compoundId] : null,
      first,
      offset,
    });
    return { total: page.total, orders: page.orders.map(orderView) };
  }

  @Directive('@listSize(assumedSize: 20)')
  @Query(() => [ComplaintStatisticsType], {
    description:
      'Orders, the three rates, repeats and orders per 100 households per group, over the orders you may read.',
  })
  async complaintStatistics(
    @Arg('groupBy', () => MeasureGroupEnum) groupBy: MeasureGroup,
    @Arg('receivedFrom', () => LocalDate, { nullable: true }) receivedFrom: string | null,
    @Arg('receivedTo', () => LocalDate, { nullable: true }) receivedTo: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ComplaintStatisticsType[]> {
    return complaintStatistics(ctx.em, ctx.identity, groupBy, { receivedFrom, receivedTo });
  }

  @Mutation(() => ComplaintOrderImportType, {
    description:
      'The street office backfills its street’s orders from a CSV (order_number,received_at,caller_name,caller_phone,address,street_code,category_code,item_code,text,respond_by,resolve_by): all or nothing, every bad line in details.lines.',
  })
  importComplaintOrdersCsv(
    @Arg('csv', () => CsvText) csv: string,
    @Arg('demo', () => Boolean, { defaultValue: false, description: 'Marks the orders as demo data, not real calls.' })
    demo: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<ComplaintOrderImportType> {
    return importOrdersCsv(ctx.em, ctx.identity, csv, { demo });
  }

  @Mutation(() => ComplaintOrderType, {
    description: 'The street office matches a queued order to a compound of its street.',
  })
  async matchComplaintOrder(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('compoundId', () => ID) compoundId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ComplaintOrderType> {
    return orderView(await matchOrder(ctx.em, ctx.identity, orderId, compoundId));
  }

  @Mutation(() => ComplaintOrderType, {
    description:
      '吹哨报到: dispatch to the party the taxonomy names for the compound’s governance model (a company is found from its accepted filing in force on the day the order was received).',
  })
  async dispatchComplaintOrder(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('partyOrganisationId', () => Key, { nullable: true }) partyOrganisationId: string | null,
    @Arg('note', () => Note, { nullable: true }) note: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ComplaintOrderType> {
    return orderView(await dispatchOrder(ctx.em, ctx.identity, orderId, partyOrganisationId, note));
  }

  @Mutation(() => ComplaintOrderType, { description: '吹哨: escalate an order to a bureau with the reason.' })
  async escalateComplaintOrder(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('bureauOrganisationId', () => Key) bureauOrganisationId: string,
    @Arg('reason', () => Note) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ComplaintOrderType> {
    return orderView(await escalateOrder(ctx.em, ctx.identity, orderId, bureauOrganisationId, reason));
  }

  @Mutation(() => ComplaintOrderType, {
    description:
      '报到: the party the order went to accepts it, visits, resolves it, with a note and evidence SHA-256 digests.',
  })
  async answerComplaintOrder(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('step', () => AnswerStepEnum) step: AnswerStep,
    @Arg('note', () => Note, { nullable: true }) note: string | null,
    @Arg('evidenceSha256', () => [Key], { nullable: true }) evidenceSha256: string[] | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ComplaintOrderType> {
    return orderView(await answerOrder(ctx.em, ctx.identity, { orderId, step, note, evidenceSha256 }));
  }

  @Mutation(() => ComplaintOrderType, {
    description: 'The street office closes a resolved order with the caller’s verdict.',
  })
  async closeComplaintOrder(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('resolvedByCaller', () => Boolean) resolvedByCaller: boolean,
    @Arg('satisfaction', () => SatisfactionEnum) satisfaction: SatisfactionLevel,
    @Arg('note', () => Note, { nullable: true }) note: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ComplaintOrderType> {
    return orderView(await closeOrder(ctx.em, ctx.identity, { orderId, resolvedByCaller, satisfaction, note }));
  }

  @Directive('@listSize(assumedSize: 10)')
  @FieldResolver(() => [ComplaintTransitionType], { description: 'Every step, oldest first.' })
  async transitions(@Root() order: ComplaintOrderType, @Ctx() ctx: RequestContext): Promise<ComplaintTransitionType[]> {
    const loader = childrenLoader(
      ctx,
      'complaints.transitions',
      (ids) => orderTransitions(ctx.em, ctx.identity, ids),
      (t) => t.orderId,
    );
    return (await loader.load(order.id)).map(transitionView);
  }
}
