import { Arg, Ctx, Directive, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../../platform/subgraph/context';
import { accountStatement } from '../application/account-statement';
import { adjustCharge } from '../application/adjust-charge';
import { changeAccountStatus } from '../application/change-account-status';
import { RateGrouping, collectionRates } from '../application/collection-rates';
import { createLevy } from '../application/create-levy';
import { importPayments } from '../application/import-payments';
import { listArrears } from '../application/list-arrears';
import { listLevies } from '../application/list-levies';
import { listMediationSessions } from '../application/list-mediation-sessions';
import { recordCollectionAction } from '../application/record-collection-action';
import { recordLetterDelivery } from '../application/record-letter-delivery';
import { recordMediationOutcome } from '../application/record-mediation-outcome';
import { recordPayment } from '../application/record-payment';
import { reversePayment } from '../application/reverse-payment';
import { companyViolations, recordUtilityCutOff } from '../application/record-utility-cut-off';
import { runBilling } from '../application/run-billing';
import { correctMonthToServedDays } from '../application/correct-fees-to-served-days';
import { AccountStatus } from '../domain/account-status';
import { AdjustmentKind } from '../domain/allocation';
import { MediationOutcome } from '../domain/collection-action';
import { collectionActionInputOf, listItemView, mediationSessionView, statementView } from './arrears.mappers';
import {
  AgingLineType,
  AccountStatusEnum,
  AdjustmentKindEnum,
  ArrearsAccountType,
  ArrearsFilterInput,
  ArrearsPageType,
  BillingRunType,
  CollectionActionInputType,
  CollectionTotalsType,
  LevyInputType,
  LevyType,
  MediationOutcomeEnum,
  MediationSessionPageType,
  PaymentInputType,
  RateGroupingEnum,
  ReceiptType,
  CompanyViolationPageType,
  UtilityCutOffInputType,
  UtilityViolationType,
  ServedDaysCorrectionType,
} from './arrears.type';
import { Fen, Key, LocalDate, Note } from '../../../platform/graphql/scalars';

const statementOf = async (ctx: RequestContext, accountId: string) =>
  statementView(await accountStatement(ctx.em, ctx.identity, accountId));

@Resolver(() => ArrearsAccountType)
export class ArrearsResolver {
  @Mutation(() => BillingRunType, {
    description:
      'Bills one month of an area under your accepted contract; re-running the month bills nobody twice, and tops up the fees billed for fewer days than your contracts now serve (`toppedUpHouseholds`: a month billed before your renewal was accepted).',
  })
  async runBilling(
    @Arg('areaId', () => ID) areaId: string,
    @Arg('month', () => Key) month: string,
    @Ctx() ctx: RequestContext,
  ): Promise<BillingRunType> {
    return runBilling(ctx.em, ctx.identity, { areaId, month });
  }

  @Mutation(() => ServedDaysCorrectionType, {
    description:
      "Corrects your fees of an area's month to the days your contracts serve, where they were billed for more (`BillingRun.overbilledHouseholds`: a termination, or the owners' regular contract ending your preliminary one, filed after the month was billed): each fee a CORRECTION with its reason. Not done by the billing run: a company that went on serving until the new one took over may claim that period (Civil Code art. 950). Asking again corrects nothing more.",
  })
  async correctFeesToServedDays(
    @Arg('areaId', () => ID) areaId: string,
    @Arg('month', () => Key) month: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ServedDaysCorrectionType> {
    return correctMonthToServedDays(ctx.em, ctx.identity, { areaId, month });
  }

  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["items"])')
  @Query(() => ArrearsPageType, {
    description: 'Accounts with arrears you may read, largest first, with totals and aging.',
  })
  async arrears(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => ArrearsFilterInput, { nullable: true }) filter?: ArrearsFilterInput,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset = 0,
    @Arg('after', () => Key, {
      nullable: true,
      description: "The previous page's endCursor: the next page, without reading the rows before it.",
    })
    after?: string | null,
  ): Promise<ArrearsPageType> {
    const page = await listArrears(ctx.em, ctx.identity, filter ?? {}, { first, offset, after });
    return {
      items: page.items.map(listItemView),
      endCursor: page.endCursor,
      totals: page.totals,
      agingLines: page.aging,
    };
  }

  @Query(() => ArrearsAccountType, { description: "An account's statement as of today." })
  async arrearsAccount(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ArrearsAccountType> {
    return statementOf(ctx, id);
  }

  @Mutation(() => ReceiptType, {
    description: 'Records a payment and applies it; a retry with the same idempotency key returns the same receipt.',
  })
  async recordPayment(
    @Arg('payment', () => PaymentInputType) payment: PaymentInputType,
    @Ctx() ctx: RequestContext,
  ): Promise<ReceiptType> {
    return recordPayment(ctx.em, ctx.identity, payment);
  }

  @Directive('@listSize(assumedSize: 100)')
  @Mutation(() => [ReceiptType], {
    description:
      "Records a batch of payments (a bank's or payment platform's statement, up to 1,000), all or nothing; lines recorded before return their receipts.",
  })
  async importPayments(
    @Arg('payments', () => [PaymentInputType]) payments: PaymentInputType[],
    @Ctx() ctx: RequestContext,
  ): Promise<ReceiptType[]> {
    return importPayments(ctx.em, ctx.identity, payments);
  }

  @Mutation(() => ArrearsAccountType, {
    description:
      "Reverses a payment recorded in error (a returned transfer, another account's money, a wrong amount), with a reason: what it paid of each charge is owed again and late fees run as if it had never been paid, the credit it left is taken back; its receipt stays, marked reversed. The account keeps its status. PAYMENT_ALREADY_REVERSED the second time.",
  })
  async reversePayment(
    @Arg('paymentId', () => ID) paymentId: string,
    @Arg('reason', () => Note) reason: string,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => Key, {
      nullable: true,
      description: 'The same on every retry: a retry returns the account, the payment reversed once.',
    })
    idempotencyKey?: string,
  ): Promise<ArrearsAccountType> {
    return statementOf(ctx, await reversePayment(ctx.em, ctx.identity, { paymentId, reason, idempotencyKey }));
  }

  @Mutation(() => ArrearsAccountType, {
    description:
      'Waives part of a charge (WAIVER), corrects its amount (CORRECTION), or waives its late fee, run up and to come (LATE_FEE_WAIVER: NO_LATE_FEE or LATE_FEE_ALREADY_WAIVED in details.problems otherwise), with a reason.',
  })
  async adjustCharge(
    @Arg('chargeId', () => ID) chargeId: string,
    @Arg('kind', () => AdjustmentKindEnum) kind: AdjustmentKind,
    @Arg('reason', () => Note) reason: string,
    @Ctx() ctx: RequestContext,
    @Arg('fen', () => Fen, { nullable: true, description: 'WAIVER: the fen forgiven.' }) fen?: number,
    @Arg('amountFen', () => Fen, { nullable: true, description: 'CORRECTION: the right amount of the charge.' })
    amountFen?: number,
    @Arg('idempotencyKey', () => Key, {
      nullable: true,
      description: 'The same on every retry: a retry returns the account, adjusted once.',
    })
    idempotencyKey?: string,
  ): Promise<ArrearsAccountType> {
    return statementOf(
      ctx,
      await adjustCharge(ctx.em, ctx.identity, { chargeId, kind, fen, amountFen, reason, idempotencyKey }),
    );
  }

  @Mutation(() => ArrearsAccountType, {
    description:
      'Records a collection step: the company its demands, promises and plans; the street office mediation sessions.',
  })
  async recordCollectionAction(
    @Arg('accountId', () => ID) accountId: string,
    @Arg('action', () => CollectionActionInputType) action: CollectionActionInputType,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => Key, {
      nullable: true,
      description: 'Your id of this step (8–128 of A–Z a–z 0–9 . _ : -): a retry with it records the step once.',
    })
    idempotencyKey?: string | null,
  ): Promise<ArrearsAccountType> {
    await recordCollectionAction(ctx.em, ctx.identity, {
      accountId,
      action: collectionActionInputOf(action),
      idempotencyKey,
    });
    return statementOf(ctx, accountId);
  }

  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["items"])')
  @Query(() => MediationSessionPageType, {
    description:
      'Mediation sessions on the accounts you may read (the street office: its street; a company: its own accounts), pending first, then the latest.',
  })
  async mediationSessions(
    @Ctx() ctx: RequestContext,
    @Arg('pending', () => Boolean, { nullable: true, description: 'Only pending (true) or only ended (false).' })
    pending?: boolean | null,
    @Arg('first', () => Int, { defaultValue: 20, description: '1–100.' }) first = 20,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset = 0,
    @Arg('after', () => Key, {
      nullable: true,
      description: "The previous page's endCursor: the next page, without reading the rows before it.",
    })
    after?: string | null,
  ): Promise<MediationSessionPageType> {
    const page = await listMediationSessions(
      ctx.em,
      ctx.identity,
      { pending: pending ?? null },
      { first, offset, after },
    );
    return { items: page.items.map(mediationSessionView), endCursor: page.endCursor, count: page.totalCount };
  }

  @Mutation(() => ArrearsAccountType, { description: 'The street office records how a pending mediation ended.' })
  async recordMediationOutcome(
    @Arg('actionId', () => ID) actionId: string,
    @Arg('outcome', () => MediationOutcomeEnum) outcome: MediationOutcome,
    @Arg('outcomeOn', () => LocalDate) outcomeOn: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ArrearsAccountType> {
    return statementOf(ctx, await recordMediationOutcome(ctx.em, ctx.identity, { actionId, outcome, outcomeOn }));
  }

  @Mutation(() => ArrearsAccountType, {
    description:
      "The company records the day its demand letter reached the owner (or by the postal record should have): the letter interrupts the limitation period of the charges it named from that day. Recorded once (LETTER_DELIVERY_ALREADY_RECORDED); another company's letter is NOT_FOUND.",
  })
  async recordLetterDelivery(
    @Arg('actionId', () => ID) actionId: string,
    @Arg('deliveredOn', () => LocalDate) deliveredOn: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ArrearsAccountType> {
    return statementOf(ctx, await recordLetterDelivery(ctx.em, ctx.identity, { actionId, deliveredOn }));
  }

  @Mutation(() => ArrearsAccountType, {
    description:
      'Back to CURRENT once cleared, into IN_COLLECTION (from JUDGED, SETTLED or WRITTEN_OFF too: a new case for what is in arrears, NOTHING_IN_ARREARS otherwise), or WRITTEN_OFF with a reason.',
  })
  async changeArrearsStatus(
    @Arg('accountId', () => ID) accountId: string,
    @Arg('to', () => AccountStatusEnum) to: AccountStatus,
    @Ctx() ctx: RequestContext,
    @Arg('reason', () => Note, { nullable: true }) reason?: string,
  ): Promise<ArrearsAccountType> {
    return statementOf(ctx, await changeAccountStatus(ctx.em, ctx.identity, { accountId, to, reason }));
  }

  @Directive('@listSize(assumedSize: 100)')
  @Query(() => [CollectionTotalsType], {
    description: 'Collection rates by households and by amount in your scope; no household is named.',
  })
  async collectionRates(
    @Ctx() ctx: RequestContext,
    @Arg('groupBy', () => RateGroupingEnum, { defaultValue: 'ALL' }) groupBy: RateGrouping = 'ALL',
    @Arg('areaId', () => ID, { nullable: true }) areaId?: string,
    @Arg('levyId', () => ID, { nullable: true, description: "A levy's rates instead of the monthly fees'." })
    levyId?: string,
    @Arg('fromMonth', () => Key, { nullable: true }) fromMonth?: string,
    @Arg('toMonth', () => Key, { nullable: true }) toMonth?: string,
  ): Promise<CollectionTotalsType[]> {
    return collectionRates(ctx.em, ctx.identity, { groupBy, areaId, levyId, fromMonth, toMonth });
  }

  @Mutation(() => UtilityViolationType, {
    description:
      "The area's street office or owners' committee records a utility cut-off reported against the company serving it (Civil Code art. 944 para. 3).",
  })
  recordUtilityCutOff(
    @Arg('report', () => UtilityCutOffInputType) report: UtilityCutOffInputType,
    @Ctx() ctx: RequestContext,
  ): Promise<UtilityViolationType> {
    return recordUtilityCutOff(ctx.em, ctx.identity, report);
  }

  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["items"])')
  @Query(() => CompanyViolationPageType, {
    description:
      "Utility cut-offs on companies' records you may read (a bureau: its districts), of one company when named, latest first.",
  })
  companyViolations(
    @Ctx() ctx: RequestContext,
    @Arg('companyId', () => Key, { nullable: true }) companyId?: string,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset = 0,
  ): Promise<CompanyViolationPageType> {
    return companyViolations(ctx.em, ctx.identity, companyId ?? null, { first, offset });
  }

  @Mutation(() => LevyType, {
    description: 'Records a special levy the owners decided and bills it to the households of its buildings.',
  })
  async createLevy(
    @Arg('levy', () => LevyInputType) levy: LevyInputType,
    @Ctx() ctx: RequestContext,
  ): Promise<LevyType> {
    const id = await createLevy(ctx.em, ctx.identity, levy);
    const [view] = await listLevies(ctx.em, ctx.identity, { levyId: id });
    return view;
  }

  @Directive('@listSize(assumedSize: 20)')
  @Query(() => [LevyType], { description: 'Levies with each building’s progress towards its activation threshold.' })
  async levies(
    @Ctx() ctx: RequestContext,
    @Arg('areaId', () => ID, { nullable: true }) areaId?: string,
  ): Promise<LevyType[]> {
    return listLevies(ctx.em, ctx.identity, { areaId });
  }

  @Query(() => LevyType)
  async levy(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<LevyType> {
    const [view] = await listLevies(ctx.em, ctx.identity, { levyId: id });
    return view;
  }
}

@Resolver(() => ArrearsPageType)
export class ArrearsPageResolver {
  @FieldResolver(() => Int, { description: 'How many accounts match in all; counted only when selected.' })
  async totalCount(@Root() page: ArrearsPageType): Promise<number> {
    return (await page.totals()).totalCount;
  }

  @FieldResolver(() => Float, {
    description: 'Open arrears of every account matching the filter, in fen; summed only when selected.',
  })
  async openFen(@Root() page: ArrearsPageType): Promise<number> {
    return (await page.totals()).openFen;
  }

  @Directive('@listSize(assumedSize: 5)')
  @FieldResolver(() => [AgingLineType], {
    description: 'Charges in arrears of every matching account by days past due.',
  })
  aging(@Root() page: ArrearsPageType): Promise<AgingLineType[]> {
    return page.agingLines();
  }
}

@Resolver(() => MediationSessionPageType)
export class MediationSessionPageResolver {
  @FieldResolver(() => Int, { description: 'How many sessions match in all; counted only when selected.' })
  totalCount(@Root() page: MediationSessionPageType): Promise<number> {
    return page.count();
  }
}
