import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CourtEventKind } from '../../../catalog';
import { RequestContext, childrenLoader } from '../../../platform/subgraph/context';
import { applyCourtReport, approveSmallClaimsExtension, withdrawReferral } from '../application/court-events';
import {
  ReferralRow,
  acceptBatch,
  courtEventsOf,
  listBatches,
  listReferrals,
  overdueSmallClaims,
  packageVersions,
  readableReferral,
  referralStatistics,
  splitConsolidatedBatch,
  verifyCasePackage,
} from '../application/queries';
import { correctCasePackage, referArrears } from '../application/referrals';
import {
  CasePackageVersionType,
  ConsolidatedBatchType,
  CourtEventRecordType,
  CourtReportInputType,
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

/** An ineligible referral went to no court, so no court reads its household: it has none to show. */
const referralView = (r: ReferralRow): ReferralType => ({ ...r, household: r.eligible ? { id: r.householdId } : null }) as unknown as ReferralType;

const packagesOf = (ctx: RequestContext) => childrenLoader(ctx, 'litigation.packages', (ids) => packageVersions(ctx.em, ids), (p) => p.referralId);
const eventsOf = (ctx: RequestContext) => childrenLoader(ctx, 'litigation.court-events', (ids) => courtEventsOf(ctx.em, ids), (e) => e.referral_id);

@Resolver(() => ReferralType)
export class ReferralResolver {
  @Mutation(() => [ReferralType], {
    description: 'Refers arrears accounts to a court. Each is checked; an ineligible one is recorded with every failed condition and not sent.',
  })
  async referArrears(@Arg('referral', () => ReferralInputType) referral: ReferralInputType, @Ctx() ctx: RequestContext): Promise<ReferralType[]> {
    const results = await referArrears(ctx.em, ctx.identity, referral);
    return Promise.all(results.map(async (r) => referralView(await readableReferral(ctx.em, ctx.identity, r.referralId))));
  }

  @Mutation(() => ReferralType, { description: 'A corrected case package, as the next version, before the court dockets it.' })
  async correctCasePackage(
    @Arg('referralId', () => ID) referralId: string,
    @Arg('evidence', () => [EvidenceInputType]) evidence: EvidenceInputType[],
    @Ctx() ctx: RequestContext,
    @Arg('costs', () => [CostInputType], { nullable: true }) costs?: CostInputType[],
  ): Promise<ReferralType> {
    await correctCasePackage(ctx.em, ctx.identity, { referralId, evidence, costs });
    return referralView(await readableReferral(ctx.em, ctx.identity, referralId));
  }

  @Mutation(() => ReferralType, { description: 'The company withdraws a referral the court has not docketed.' })
  async withdrawReferral(@Arg('referralId', () => ID) referralId: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext): Promise<ReferralType> {
    await withdrawReferral(ctx.em, ctx.identity, { referralId, reason });
    return referralView(await readableReferral(ctx.em, ctx.identity, referralId));
  }

  @Mutation(() => ReferralType, { description: 'The court reports a step (ECF 5 style: docketing with the case number, hearing, judgment …).' })
  async reportCourtEvent(
    @Arg('report', () => CourtReportInputType) report: CourtReportInputType,
    @Ctx() ctx: RequestContext,
    @Arg('eventId', () => String, { nullable: true, description: 'Your system’s id of the report: a retry with it changes nothing.' }) eventId?: string,
  ): Promise<ReferralType> {
    await applyCourtReport(ctx.em, { ...report, courtId: ctx.identity.organisationId }, 'API', ctx.identity, eventId ?? undefined);
    return referralView(await readableReferral(ctx.em, ctx.identity, report.referralId));
  }

  @Mutation(() => ReferralType, { description: 'The court records the one-month extension of a small claim’s decision deadline (art. 168).' })
  async approveSmallClaimsExtension(@Arg('referralId', () => ID) referralId: string, @Arg('approvedOn') approvedOn: string, @Ctx() ctx: RequestContext): Promise<ReferralType> {
    await approveSmallClaimsExtension(ctx.em, ctx.identity, { referralId, approvedOn });
    return referralView(await readableReferral(ctx.em, ctx.identity, referralId));
  }

  @Query(() => ReferralPageType, { description: 'A court: the referrals addressed to it; a company: its own.' })
  async referrals(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => ReferralFilterInput, { nullable: true }) filter?: ReferralFilterInput,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset = 0,
  ): Promise<ReferralPageType> {
    const page = await listReferrals(ctx.em, ctx.identity, filter ?? {}, { first, offset });
    return { items: page.items.map(referralView), totalCount: page.totalCount };
  }

  @Query(() => ReferralType)
  async referral(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ReferralType> {
    return referralView(await readableReferral(ctx.em, ctx.identity, id));
  }

  @FieldResolver(() => [CasePackageVersionType], { description: 'Every version of the case package, oldest first.' })
  async packages(@Root() referral: ReferralType, @Ctx() ctx: RequestContext): Promise<CasePackageVersionType[]> {
    return packagesOf(ctx).load(referral.id);
  }

  @FieldResolver(() => [CourtEventRecordType], { description: 'Every report received from the court, with how it was judged.' })
  async courtEvents(@Root() referral: ReferralType, @Ctx() ctx: RequestContext): Promise<CourtEventRecordType[]> {
    return (await eventsOf(ctx).load(referral.id)).map((e) => ({ kind: e.kind as CourtEventKind, occurredAt: e.occurred_at, verdict: e.verdict, via: e.via, receivedAt: e.received_at }));
  }

  @Query(() => PackageVerificationType, { description: "Recomputes a package's digest and checks its place in the evidence chain." })
  async verifyCasePackage(
    @Arg('referralId', () => ID) referralId: string,
    @Ctx() ctx: RequestContext,
    @Arg('version', () => Int, { nullable: true }) version?: number,
  ): Promise<PackageVerificationType> {
    const v = await verifyCasePackage(ctx.em, ctx.identity, referralId, version);
    return {
      valid: v.valid,
      version: v.version,
      storedDigest: v.storedDigest,
      digest: v.digest,
      sequence: v.sequence ?? null,
      previousVersionSequence: v.previousVersionSequence ?? null,
      reason: v.reason ?? null,
      chainValid: v.chain.valid,
      firstBrokenSequence: v.chain.firstBrokenSequence ?? null,
    };
  }

  @Query(() => [ConsolidatedBatchType], { description: 'Consolidated batches: a court its own, a company those of its referrals.' })
  async consolidatedBatches(@Ctx() ctx: RequestContext): Promise<ConsolidatedBatchType[]> {
    return listBatches(ctx.em, ctx.identity);
  }

  @Mutation(() => ConsolidatedBatchType, { description: 'The court accepts a batch for a joint hearing.' })
  async acceptConsolidatedBatch(@Arg('batchKey') batchKey: string, @Ctx() ctx: RequestContext): Promise<ConsolidatedBatchType> {
    return acceptBatch(ctx.em, ctx.identity, batchKey);
  }

  @Mutation(() => [ConsolidatedBatchType], { description: 'The court takes cases out of a batch into a batch of their own.' })
  async splitConsolidatedBatch(@Arg('batchKey') batchKey: string, @Arg('referralIds', () => [ID]) referralIds: string[], @Ctx() ctx: RequestContext): Promise<ConsolidatedBatchType[]> {
    return splitConsolidatedBatch(ctx.em, ctx.identity, batchKey, referralIds);
  }

  @Query(() => [OverdueSmallClaimType], { description: 'Docketed small claims past their decision date (art. 168), most overdue first.' })
  async overdueSmallClaims(@Ctx() ctx: RequestContext, @Arg('asOf', () => String, { nullable: true }) asOf?: string): Promise<OverdueSmallClaimType[]> {
    return (await overdueSmallClaims(ctx.em, ctx.identity, asOf ?? null)).map((o) => ({ ...o, referral: referralView(o.referral) }));
  }

  @Query(() => [ReferralStatisticsType], { description: 'Bureaus: referrals by compound and company in their jurisdiction, without households.' })
  async referralStatistics(@Ctx() ctx: RequestContext): Promise<ReferralStatisticsType[]> {
    return referralStatistics(ctx.em, ctx.identity);
  }
}
