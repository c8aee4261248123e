import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../../platform/subgraph/context';
import { acceptBatch } from '../application/accept-batch';
import { applyCourtReport } from '../application/apply-court-report';
import { approveSmallClaimsExtension } from '../application/approve-small-claims-extension';
import { correctCasePackage } from '../application/correct-case-package';
import { listBatches, readBatch } from '../application/list-batches';
import { listReferrals } from '../application/list-referrals';
import { overdueSmallClaims } from '../application/overdue-small-claims';
import { readReferral } from '../application/read-referral';
import { referArrears } from '../application/refer-arrears';
import { referralStatistics } from '../application/referral-statistics';
import { splitConsolidatedBatch } from '../application/split-batch';
import { verifyCasePackage } from '../application/verify-case-package';
import { withdrawReferral } from '../application/withdraw-referral';
import { caseAcceptanceFee, caseAcceptanceFeeTotal } from '../domain/court-fee';
import { judgmentAboveClaim } from '../domain/referral';
import { enforcementApplicationDeadline, enforcementStartedOnOf, isDecided } from '../domain/enforcement-deadline';
import { isPartyToReferral } from '../domain/access';
import type { CaseStatus } from '../../../catalog';
import {
  courtEventsLoader,
  courtNamesLoader,
  feeFactsLoader,
  packagesLoader,
  plaintiffNamesLoader,
} from './referral.loaders';
import { toBatchType, toCourtEventRecordType, toPackageVerificationType, toReferralType } from './referral.mappers';
import {
  CaseAcceptanceFeeTotalType,
  CaseAcceptanceFeeType,
  CasePackageVersionType,
  ConsolidatedBatchType,
  CourtEventRecordType,
  CourtReportInputType,
  EnforcementApplicationDeadlineType,
  EvidenceInputType,
  CostInputType,
  OverdueSmallClaimType,
  PackageVerificationType,
  ReferralFilterInput,
  ReferralInputType,
  ReferralPageType,
  ReferralStatisticsType,
  ReferralType,
} from './referral.type';
import { Key, LocalDate, Note } from '../../../platform/graphql/scalars';

/** The referral as the caller may now read it, after a mutation changed it. */
const readBack = async (ctx: RequestContext, id: string) =>
  toReferralType(await readReferral(ctx.em, ctx.identity, id));

@Resolver(() => ReferralType)
export class ReferralResolver {
  @Directive('@listSize(assumedSize: 20)')
  @Mutation(() => [ReferralType], {
    description:
      'Refers arrears accounts to a court. Each is checked; an ineligible one is recorded with every failed condition and not sent.',
  })
  async referArrears(
    @Arg('referral', () => ReferralInputType) referral: ReferralInputType,
    @Ctx() ctx: RequestContext,
  ): Promise<ReferralType[]> {
    const results = await referArrears(ctx.em, ctx.identity, referral);
    return Promise.all(results.map((r) => readBack(ctx, r.referralId)));
  }

  @Mutation(() => ReferralType, {
    description: 'A corrected case package, as the next version, before the court dockets it.',
  })
  async correctCasePackage(
    @Arg('referralId', () => ID) referralId: string,
    @Arg('evidence', () => [EvidenceInputType]) evidence: EvidenceInputType[],
    @Ctx() ctx: RequestContext,
    @Arg('costs', () => [CostInputType], { nullable: true }) costs?: CostInputType[],
  ): Promise<ReferralType> {
    await correctCasePackage(ctx.em, ctx.identity, { referralId, evidence, costs });
    return readBack(ctx, referralId);
  }

  @Mutation(() => ReferralType, { description: 'The company withdraws a referral the court has not docketed.' })
  async withdrawReferral(
    @Arg('referralId', () => ID) referralId: string,
    @Arg('reason', () => Note) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ReferralType> {
    await withdrawReferral(ctx.em, ctx.identity, { referralId, reason });
    return readBack(ctx, referralId);
  }

  @Mutation(() => ReferralType, {
    description: 'The court reports a step (ECF 5 style: docketing with the case number, hearing, judgment …).',
  })
  async reportCourtEvent(
    @Arg('report', () => CourtReportInputType) report: CourtReportInputType,
    @Ctx() ctx: RequestContext,
    @Arg('eventId', () => Key, {
      nullable: true,
      description: 'Your system’s id of the report: a retry with it changes nothing.',
    })
    eventId?: string,
  ): Promise<ReferralType> {
    await applyCourtReport(
      ctx.em,
      { ...report, courtId: ctx.identity.organisationId },
      { via: 'API', reporter: ctx.identity, reportId: eventId ?? undefined },
    );
    return readBack(ctx, report.referralId);
  }

  @Mutation(() => ReferralType, {
    description: 'The court records the one-month extension of a small claim’s decision deadline (art. 168).',
  })
  async approveSmallClaimsExtension(
    @Arg('referralId', () => ID) referralId: string,
    @Arg('approvedOn', () => LocalDate) approvedOn: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ReferralType> {
    await approveSmallClaimsExtension(ctx.em, ctx.identity, { referralId, approvedOn });
    return readBack(ctx, referralId);
  }

  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["items"])')
  @Query(() => ReferralPageType, { description: 'A court: the referrals addressed to it; a company: its own.' })
  async referrals(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => ReferralFilterInput, { nullable: true }) filter?: ReferralFilterInput,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset = 0,
    @Arg('after', () => Key, {
      nullable: true,
      description: "The previous page's endCursor: the next page, read from the index however deep.",
    })
    after?: string | null,
  ): Promise<ReferralPageType> {
    const page = await listReferrals(ctx.em, ctx.identity, filter ?? {}, { first, offset, after });
    return { items: page.items.map(toReferralType), endCursor: page.endCursor, countTotal: page.totalCount };
  }

  @Query(() => ReferralType)
  async referral(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ReferralType> {
    return readBack(ctx, id);
  }

  @Directive('@listSize(assumedSize: 5)')
  @FieldResolver(() => [CasePackageVersionType], { description: 'Every version of the case package, oldest first.' })
  async packages(@Root() referral: ReferralType, @Ctx() ctx: RequestContext): Promise<CasePackageVersionType[]> {
    return packagesLoader(ctx).load(referral.id);
  }

  @FieldResolver(() => Boolean, {
    description:
      'The amount judged (judgedFen) exceeds all that was claimed (grandTotalFen: claims and costs), where the package does not ask for the late fee until paid: almost surely a typing error in the report (an award beyond the claims is a retrial ground, Civil Procedure Law art. 211 item 11); check it with the court, which corrects it (JUDGMENT_CORRECTED). The judgment is taken as reported.',
  })
  async judgedAboveClaim(@Root() referral: ReferralType, @Ctx() ctx: RequestContext): Promise<boolean> {
    if (referral.judgedFen === null) return false;
    const versions = await packagesLoader(ctx).load(referral.id);
    const latest = versions[versions.length - 1]?.package;
    return judgmentAboveClaim(referral.judgedFen, referral.grandTotalFen, latest?.lateFeeUntilPaid === true);
  }

  @FieldResolver(() => LocalDate, {
    nullable: true,
    description:
      'The last day of the performance period (or of the last instalment) the judgment, its correction or the settlement sets, as the court reported it: the two years to apply for enforcement count from it (Civil Procedure Law art. 250). For the company and the court of the referral only (null for anyone else), as enforcementApplicationDeadline.',
  })
  performanceDueOn(@Root() referral: ReferralType, @Ctx() ctx: RequestContext): string | null {
    return isPartyToReferral(ctx.identity, referral) ? referral.performanceDueOn : null;
  }

  @FieldResolver(() => EnforcementApplicationDeadlineType, {
    nullable: true,
    description:
      'The last day the company may apply for enforcement of the judgment or settlement (Civil Procedure Law art. 250), for the company and the court of the referral only (null for anyone else). Null before the case is judged or settled, and for a judgment that is appealable (not a small claim’s) reported without the last day of its performance period: the hub does not know the day it took effect.',
  })
  async enforcementApplicationDeadline(
    @Root() referral: ReferralType,
    @Ctx() ctx: RequestContext,
  ): Promise<EnforcementApplicationDeadlineType | null> {
    if (!isPartyToReferral(ctx.identity, referral) || !isDecided(referral)) return null;
    const reports = await courtEventsLoader(ctx).load(referral.id);
    return enforcementApplicationDeadline({
      ...referral,
      status: referral.status as CaseStatus | null,
      enforcementStartedOn: enforcementStartedOnOf(reports),
    });
  }

  @FieldResolver(() => CaseAcceptanceFeeType, {
    nullable: true,
    description:
      'The case acceptance fee for the amount in dispute under the procedure proposed or docketed; null for an ineligible referral, which was not sent.',
  })
  caseAcceptanceFee(@Root() referral: ReferralType): CaseAcceptanceFeeType | null {
    return referral.status === null ? null : caseAcceptanceFee(referral.amountInDisputeFen, referral.procedure);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The plaintiff company's legal name, as it gave its particulars for complaints (updateCompanyProfile); null until it has: then companyId is all the hub holds.",
  })
  async plaintiffName(@Root() referral: ReferralType, @Ctx() ctx: RequestContext): Promise<string | null> {
    return plaintiffNamesLoader(ctx).load(referral.companyId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The court's registered name (registerCourt); null for a court the hub has not registered.",
  })
  async courtName(@Root() referral: ReferralType, @Ctx() ctx: RequestContext): Promise<string | null> {
    return courtNamesLoader(ctx).load(referral.courtId);
  }

  @Directive('@listSize(assumedSize: 10)')
  @FieldResolver(() => [CourtEventRecordType], {
    description: 'Every report received from the court, with how it was judged.',
  })
  async courtEvents(@Root() referral: ReferralType, @Ctx() ctx: RequestContext): Promise<CourtEventRecordType[]> {
    return (await courtEventsLoader(ctx).load(referral.id)).map(toCourtEventRecordType);
  }

  @Query(() => PackageVerificationType, {
    description: "Recomputes a package's digest and checks its place in the evidence chain.",
  })
  async verifyCasePackage(
    @Arg('referralId', () => ID) referralId: string,
    @Ctx() ctx: RequestContext,
    @Arg('version', () => Int, { nullable: true }) version?: number,
  ): Promise<PackageVerificationType> {
    return toPackageVerificationType(await verifyCasePackage(ctx.em, ctx.identity, referralId, version));
  }

  @Directive('@listSize(assumedSize: 50)')
  @Query(() => [ConsolidatedBatchType], {
    description: 'Consolidated batches: a court its own, a company those of its referrals.',
  })
  async consolidatedBatches(@Ctx() ctx: RequestContext): Promise<ConsolidatedBatchType[]> {
    return (await listBatches(ctx.em, ctx.identity)).map(toBatchType);
  }

  @Query(() => ConsolidatedBatchType, {
    description:
      "One consolidated batch (a court its own, a company one of its referrals'): where a court asks for a batch's bundle, one per request.",
  })
  async consolidatedBatch(
    @Arg('batchKey', () => Key) batchKey: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ConsolidatedBatchType> {
    return toBatchType(await readBatch(ctx.em, ctx.identity, batchKey));
  }

  @Mutation(() => ConsolidatedBatchType, { description: 'The court accepts a batch for a joint hearing.' })
  async acceptConsolidatedBatch(
    @Arg('batchKey', () => Key) batchKey: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ConsolidatedBatchType> {
    return toBatchType(await acceptBatch(ctx.em, ctx.identity, batchKey));
  }

  @Directive('@listSize(assumedSize: 10)')
  @Mutation(() => [ConsolidatedBatchType], {
    description: 'The court takes cases out of a batch into a batch of their own.',
  })
  async splitConsolidatedBatch(
    @Arg('batchKey', () => Key) batchKey: string,
    @Arg('referralIds', () => [ID]) referralIds: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<ConsolidatedBatchType[]> {
    return (await splitConsolidatedBatch(ctx.em, ctx.identity, batchKey, referralIds)).map(toBatchType);
  }

  @Directive('@listSize(assumedSize: 50)')
  @Query(() => [OverdueSmallClaimType], {
    description: 'Docketed small claims past their decision date (art. 168), most overdue first.',
  })
  async overdueSmallClaims(
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => LocalDate, { nullable: true }) asOf?: string,
  ): Promise<OverdueSmallClaimType[]> {
    return (await overdueSmallClaims(ctx.em, ctx.identity, asOf ?? null)).map((o) => ({
      ...o,
      referral: toReferralType(o.referral),
    }));
  }

  @Directive('@listSize(assumedSize: 100)')
  @Query(() => [ReferralStatisticsType], {
    description: 'Bureaus: referrals by compound and company in their jurisdiction, without households.',
  })
  async referralStatistics(@Ctx() ctx: RequestContext): Promise<ReferralStatisticsType[]> {
    return referralStatistics(ctx.em, ctx.identity);
  }
}

@Resolver(() => ReferralPageType)
export class ReferralPageResolver {
  @FieldResolver(() => Int, { description: 'How many referrals match in all; counted only when selected.' })
  totalCount(@Root() page: ReferralPageType): Promise<number> {
    return page.countTotal();
  }
}

@Resolver(() => ConsolidatedBatchType)
export class BatchFeeResolver {
  @FieldResolver(() => CaseAcceptanceFeeTotalType, {
    description:
      "The case acceptance fees of the batch's cases added up, each on its own amount under its own procedure, for whoever reads the batch (its court, its company).",
  })
  async caseAcceptanceFeeTotal(
    @Root() batch: ConsolidatedBatchType,
    @Ctx() ctx: RequestContext,
  ): Promise<CaseAcceptanceFeeTotalType> {
    const loader = feeFactsLoader(ctx);
    return caseAcceptanceFeeTotal((await Promise.all(batch.referralIds.map((id) => loader.load(id)))).flat());
  }
}
