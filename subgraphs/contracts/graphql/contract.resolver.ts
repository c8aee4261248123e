import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext, childrenLoader } from '../../../platform/subgraph/context';
import { amendContract, draftContract, resubmitFiling, reviewFiling, submitFiling, terminateContract, updateContractDraft } from '../application/filings';
import { listContracts, publicServiceStandards, readableContract, readableFiling, reviewQueue } from '../application/queries';
import { registerReviewSystem } from '../application/review-systems';
import { ContractStatus } from '../domain/contract';
import { ContractTerms } from '../domain/contract-terms';
import { Contract, Filing, FilingTransition, FilingVersion } from '../persistence/contract.entity';
import {
  ContractPageType,
  ContractStatusEnum,
  ContractTermsInput,
  ContractTermsType,
  ContractType,
  FilingDocumentInput,
  FilingReviewQueueFilter,
  FilingReviewQueueType,
  FilingTransitionType,
  FilingType,
  FilingVersionType,
  PublicServiceStandardsType,
  ReturnReasonInput,
  ReviewSystemType,
  publicFee,
} from './contract.type';

const contractView = (c: Contract): ContractType => ({ ...c, area: { id: c.areaId }, terms: c.terms as ContractTermsType });
const filingView = (f: Filing): FilingType => ({ ...f, area: { id: f.areaId } });
const termsOf = (input: ContractTermsInput) => input as unknown as ContractTerms;

const filingsOfContracts = (ctx: RequestContext) =>
  childrenLoader(ctx, 'contracts.filings-by-contract', (ids) => ctx.em.find(Filing, { contractId: { $in: ids } }, { orderBy: { createdAt: 'asc' } }), (f) => f.contractId);
const versionsOfFilings = (ctx: RequestContext) =>
  childrenLoader(ctx, 'contracts.versions-by-filing', (ids) => ctx.em.find(FilingVersion, { filingId: { $in: ids } }, { orderBy: { version: 'asc' } }), (v) => v.filingId);
const historyOfFilings = (ctx: RequestContext) =>
  childrenLoader(ctx, 'contracts.history-by-filing', (ids) => ctx.em.find(FilingTransition, { filingId: { $in: ids } }, { orderBy: { sequence: 'asc' } }), (t) => t.filingId);

@Resolver(() => ContractType)
export class ContractResolver {
  @Query(() => ContractPageType, { description: 'A company lists its own contracts; reviewers those of the areas they review.' })
  async contracts(
    @Ctx() ctx: RequestContext,
    @Arg('status', () => ContractStatusEnum, { nullable: true }) status?: ContractStatus,
    @Arg('areaId', () => ID, { nullable: true }) areaId?: string,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset = 0,
  ): Promise<ContractPageType> {
    const page = await listContracts(ctx.em, ctx.identity, { status, areaId }, { first, offset });
    return { items: page.items.map(contractView), totalCount: page.totalCount };
  }

  @Query(() => ContractType)
  async contract(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ContractType> {
    return contractView(await readableContract(ctx.em, ctx.identity, id));
  }

  @FieldResolver(() => [FilingType], { description: 'Every filing of the contract, oldest first.' })
  async filings(@Root() contract: ContractType, @Ctx() ctx: RequestContext): Promise<FilingType[]> {
    return (await filingsOfContracts(ctx).load(contract.id)).map(filingView);
  }

  @Mutation(() => ContractType, { description: 'A company enters a contract; problems are reported when it is filed.' })
  async draftContract(@Arg('areaId', () => ID) areaId: string, @Arg('terms') terms: ContractTermsInput, @Ctx() ctx: RequestContext): Promise<ContractType> {
    return contractView(await draftContract(ctx.em, ctx.identity, { areaId, terms: termsOf(terms) }));
  }

  @Mutation(() => ContractType)
  async updateContractDraft(@Arg('contractId', () => ID) contractId: string, @Arg('terms') terms: ContractTermsInput, @Ctx() ctx: RequestContext): Promise<ContractType> {
    return contractView(await updateContractDraft(ctx.em, ctx.identity, { contractId, terms: termsOf(terms) }));
  }

  @Mutation(() => FilingType, { description: 'Files a drafted contract. Retrying with the same idempotency key returns the same filing.' })
  async submitFiling(
    @Arg('contractId', () => ID) contractId: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Arg('documents', () => [FilingDocumentInput]) documents: FilingDocumentInput[],
    @Ctx() ctx: RequestContext,
    @Arg('submittedOn', () => String, { nullable: true, description: 'Admin only: the date a paper filing was received.' }) submittedOn?: string,
    @Arg('companyId', () => String, { nullable: true, description: 'Admin only: the provider a paper filing is entered for.' }) companyId?: string,
  ): Promise<FilingType> {
    return filingView(await submitFiling(ctx.em, ctx.identity, { contractId, idempotencyKey, documents, submittedOn, companyId }));
  }

  @Mutation(() => ContractType, { description: 'Ends a contract early; its filings are terminated with the handover date.' })
  async terminateContract(
    @Arg('contractId', () => ID) contractId: string,
    @Arg('terminatedOn') terminatedOn: string,
    @Arg('handoverOn') handoverOn: string,
    @Arg('reason') reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ContractType> {
    return contractView(await terminateContract(ctx.em, ctx.identity, { contractId, terminatedOn, handoverOn, reason }));
  }

  @Mutation(() => FilingType, { description: 'Files an amendment of a contract in force; its terms apply once the amendment is accepted.' })
  async amendContract(
    @Arg('contractId', () => ID) contractId: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Arg('amendedOn') amendedOn: string,
    @Arg('terms') terms: ContractTermsInput,
    @Arg('documents', () => [FilingDocumentInput]) documents: FilingDocumentInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<FilingType> {
    return filingView(await amendContract(ctx.em, ctx.identity, { contractId, idempotencyKey, amendedOn, terms: termsOf(terms), documents }));
  }

  @Query(() => [PublicServiceStandardsType], { description: 'Public (no token): the filed provider, standards and owner fees in force, by compound name.' })
  async publicServiceStandards(@Arg('compoundName') compoundName: string, @Ctx() ctx: RequestContext): Promise<PublicServiceStandardsType[]> {
    const rows = await publicServiceStandards(ctx.em, compoundName);
    return rows.map(({ feeClasses, ...row }) => ({ ...row, fees: feeClasses.map(publicFee) }));
  }
}

@Resolver(() => FilingType)
export class FilingResolver {
  @Query(() => FilingType, { description: "A filing with its versions and audit trail: for its company and the area's reviewers." })
  async filing(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<FilingType> {
    return filingView(await readableFiling(ctx.em, ctx.identity, id));
  }

  @Query(() => FilingReviewQueueType, { description: 'Filings of the areas you review, oldest submission first.' })
  async filingReviewQueue(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => FilingReviewQueueFilter, { nullable: true }) filter?: FilingReviewQueueFilter,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset = 0,
  ): Promise<FilingReviewQueueType> {
    const queue = await reviewQueue(ctx.em, ctx.identity, filter ?? {}, { first, offset });
    return { ...queue, items: queue.items.map(filingView) };
  }

  @FieldResolver(() => [FilingVersionType], { description: 'Every submitted version, oldest first.' })
  async versions(@Root() filing: FilingType, @Ctx() ctx: RequestContext): Promise<FilingVersionType[]> {
    return (await versionsOfFilings(ctx).load(filing.id)) as unknown as FilingVersionType[];
  }

  @FieldResolver(() => ContractTermsType, { description: 'The terms of the current version.' })
  async terms(@Root() filing: FilingType, @Ctx() ctx: RequestContext): Promise<ContractTermsType> {
    const versions = await versionsOfFilings(ctx).load(filing.id);
    return versions.find((v) => v.version === filing.currentVersion)!.terms as ContractTermsType;
  }

  @FieldResolver(() => [FilingTransitionType], { description: 'The audit trail: every transition, who made it and through which channel.' })
  async history(@Root() filing: FilingType, @Ctx() ctx: RequestContext): Promise<FilingTransitionType[]> {
    return (await historyOfFilings(ctx).load(filing.id)) as FilingTransitionType[];
  }

  @Mutation(() => FilingType, { description: 'Resubmits a returned filing, corrected, as its next version.' })
  async resubmitFiling(
    @Arg('filingId', () => ID) filingId: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Arg('terms') terms: ContractTermsInput,
    @Arg('documents', () => [FilingDocumentInput]) documents: FilingDocumentInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<FilingType> {
    return filingView(await resubmitFiling(ctx.em, ctx.identity, { filingId, idempotencyKey, terms: termsOf(terms), documents }));
  }

  @Mutation(() => FilingType, { description: 'Accepts the given version; the hub assigns the record number.' })
  async acceptFiling(@Arg('filingId', () => ID) filingId: string, @Arg('version', () => Int) version: number, @Ctx() ctx: RequestContext): Promise<FilingType> {
    return filingView(await reviewFiling(ctx.em, ctx.identity, { filingId, version, outcome: 'ACCEPT' }));
  }

  @Mutation(() => FilingType, { description: 'Returns the given version with a reason per field.' })
  async returnFiling(
    @Arg('filingId', () => ID) filingId: string,
    @Arg('version', () => Int) version: number,
    @Arg('reasons', () => [ReturnReasonInput]) reasons: ReturnReasonInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<FilingType> {
    return filingView(await reviewFiling(ctx.em, ctx.identity, { filingId, version, outcome: 'RETURN', returnReasons: reasons }));
  }

  @Mutation(() => ReviewSystemType, { description: "Admin: allows a bureau's system to send decisions on city.filing-reviews.v1." })
  registerReviewSystem(
    @Arg('organisationId') organisationId: string,
    @Arg('name') name: string,
    @Arg('role') role: 'STREET_OFFICE' | 'CITY_BUREAU',
    @Arg('jurisdictions', () => [String]) jurisdictions: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<ReviewSystemType> {
    return registerReviewSystem(ctx.em, ctx.identity, { organisationId, name, role, jurisdictions });
  }
}
