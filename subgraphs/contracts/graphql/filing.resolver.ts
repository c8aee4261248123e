import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../../platform/subgraph/context';
import { filingReviewQueue } from '../application/filing-review-queue';
import { readableFiling } from '../application/readable-filing';
import { registerReviewSystem } from '../application/register-review-system';
import { resubmitFiling } from '../application/resubmit-filing';
import { reviewFiling } from '../application/review-filing';
import { historyOfFilingsLoader, versionsOfFilingsLoader } from './contract.loaders';
import { contractTermsOf, filingView, transitionView, versionView } from './contract.mappers';
import {
  ContractTermsInput,
  ContractTermsType,
  FilingDocumentInput,
  FilingReviewQueueFilter,
  FilingReviewQueueType,
  FilingStatusCountType,
  FilingTransitionType,
  FilingType,
  FilingVersionType,
  ReturnReasonInput,
  ReviewSystemType,
} from './contract.type';
import { Key, Name } from '../../../platform/graphql/scalars';
import type { ReviewSystemRole } from '../persistence/review-system.entity';

@Resolver(() => FilingType)
export class FilingResolver {
  @Query(() => FilingType, {
    description: "A filing with its versions and audit trail: for its company and the area's reviewers.",
  })
  async filing(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<FilingType> {
    return filingView(await readableFiling(ctx.em, ctx.identity, id));
  }

  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["items"])')
  @Query(() => FilingReviewQueueType, { description: 'Filings of the areas you review, oldest submission first.' })
  async filingReviewQueue(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => FilingReviewQueueFilter, { nullable: true }) filter?: FilingReviewQueueFilter,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset = 0,
    @Arg('after', () => Key, {
      nullable: true,
      description: "The previous page's endCursor: the next page, read from the index however deep.",
    })
    after?: string | null,
  ): Promise<FilingReviewQueueType> {
    const queue = await filingReviewQueue(ctx.em, ctx.identity, filter ?? {}, { first, offset, after });
    return {
      items: queue.items.map(filingView),
      endCursor: queue.endCursor,
      countTotal: queue.totalCount,
      countByStatus: queue.counts,
    };
  }

  @Directive('@listSize(assumedSize: 5)')
  @FieldResolver(() => [FilingVersionType], { description: 'Every submitted version, oldest first.' })
  async versions(@Root() filing: FilingType, @Ctx() ctx: RequestContext): Promise<FilingVersionType[]> {
    return (await versionsOfFilingsLoader(ctx).load(filing.id)).map(versionView);
  }

  @FieldResolver(() => ContractTermsType, { description: 'The terms of the current version.' })
  async terms(@Root() filing: FilingType, @Ctx() ctx: RequestContext): Promise<ContractTermsType> {
    const current = (await versionsOfFilingsLoader(ctx).load(filing.id)).find(
      (v) => v.version === filing.currentVersion,
    )!;
    return versionView(current).terms;
  }

  @Directive('@listSize(assumedSize: 20)')
  @FieldResolver(() => [FilingTransitionType], {
    description: 'The audit trail: every transition, who made it and through which channel.',
  })
  async history(@Root() filing: FilingType, @Ctx() ctx: RequestContext): Promise<FilingTransitionType[]> {
    return (await historyOfFilingsLoader(ctx).load(filing.id)).map(transitionView);
  }

  @Mutation(() => FilingType, { description: 'Resubmits a returned filing, corrected, as its next version.' })
  async resubmitFiling(
    @Arg('filingId', () => ID) filingId: string,
    @Arg('idempotencyKey', () => Key) idempotencyKey: string,
    @Arg('terms') terms: ContractTermsInput,
    @Arg('documents', () => [FilingDocumentInput]) documents: FilingDocumentInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<FilingType> {
    return filingView(
      await resubmitFiling(ctx.em, ctx.identity, {
        filingId,
        idempotencyKey,
        terms: contractTermsOf(terms),
        documents,
      }),
    );
  }

  @Mutation(() => FilingType, {
    description:
      "Accepts the given version; the hub assigns the record number. By the area's street office (where the city has it decide) or the city's filingReviewerRole bureau of the district; FORBIDDEN to the admin, who reads filings but decides none.",
  })
  async acceptFiling(
    @Arg('filingId', () => ID) filingId: string,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: RequestContext,
  ): Promise<FilingType> {
    return filingView(await reviewFiling(ctx.em, ctx.identity, { filingId, version, outcome: 'ACCEPT' }));
  }

  @Mutation(() => FilingType, {
    description:
      'Returns the given version with a reason per field. By those who accept it (acceptFiling); FORBIDDEN to the admin.',
  })
  async returnFiling(
    @Arg('filingId', () => ID) filingId: string,
    @Arg('version', () => Int) version: number,
    @Arg('reasons', () => [ReturnReasonInput]) reasons: ReturnReasonInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<FilingType> {
    return filingView(
      await reviewFiling(ctx.em, ctx.identity, { filingId, version, outcome: 'RETURN', returnReasons: reasons }),
    );
  }

  @Mutation(() => ReviewSystemType, {
    description:
      "Admin: allows a bureau's system to send decisions on its own topic city.filing-reviews.v1.<organisationId> (its principal from registerFeedSubscriber).",
  })
  registerReviewSystem(
    @Arg('organisationId', () => Key) organisationId: string,
    @Arg('name', () => Name) name: string,
    @Arg('role', () => Key) role: ReviewSystemRole,
    @Arg('jurisdictions', () => [Key]) jurisdictions: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<ReviewSystemType> {
    return registerReviewSystem(ctx.em, ctx.identity, { organisationId, name, role, jurisdictions });
  }
}

@Resolver(() => FilingReviewQueueType)
export class FilingReviewQueueResolver {
  @FieldResolver(() => Int, { description: 'How many filings match in all; counted only when selected.' })
  totalCount(@Root() queue: FilingReviewQueueType): Promise<number> {
    return queue.countTotal();
  }

  @Directive('@listSize(assumedSize: 6)')
  @FieldResolver(() => [FilingStatusCountType], {
    description: 'Counts per status under the same filter, ignoring the status filter; counted only when selected.',
  })
  counts(@Root() queue: FilingReviewQueueType): Promise<FilingStatusCountType[]> {
    return queue.countByStatus();
  }
}
