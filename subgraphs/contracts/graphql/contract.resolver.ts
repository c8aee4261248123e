import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../../platform/subgraph/context';
import { amendContract } from '../application/amend-contract';
import { draftContract } from '../application/draft-contract';
import { listContracts } from '../application/list-contracts';
import { publicServiceStandards } from '../application/public-service-standards';
import { readableContract } from '../application/readable-contract';
import { submitFiling } from '../application/submit-filing';
import { terminateContract } from '../application/terminate-contract';
import { recordContinuedService } from '../application/record-continued-service';
import { discardContractDraft } from '../application/discard-contract-draft';
import { updateContractDraft } from '../application/update-contract-draft';
import { ContractStatus } from '../domain/contract';
import { filingsOfContractsLoader } from './contract.loaders';
import { contractTermsOf, contractView, filingView, publicServiceStandardsView } from './contract.mappers';
import {
  ContractPageType,
  ContractStatusEnum,
  ContractTermsInput,
  ContractType,
  FilingDocumentInput,
  FilingType,
  PublicServiceStandardsType,
} from './contract.type';
import { Key, LocalDate, Name, Note } from '../../../platform/graphql/scalars';

@Resolver(() => ContractType)
export class ContractResolver {
  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["items"])')
  @Query(() => ContractPageType, {
    description: 'A company lists its own contracts; reviewers those of the areas they review.',
  })
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

  @Directive('@listSize(assumedSize: 5)')
  @FieldResolver(() => [FilingType], { description: 'Every filing of the contract, oldest first.' })
  async filings(@Root() contract: ContractType, @Ctx() ctx: RequestContext): Promise<FilingType[]> {
    return (await filingsOfContractsLoader(ctx).load(contract.id)).map(filingView);
  }

  @Mutation(() => ContractType, { description: 'A company enters a contract; problems are reported when it is filed.' })
  async draftContract(
    @Arg('areaId', () => ID) areaId: string,
    @Arg('terms') terms: ContractTermsInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => Key, {
      nullable: true,
      description: 'Your id of this draft (8–128 of A–Z a–z 0–9 . _ : -): a retry with it returns the same draft.',
    })
    idempotencyKey?: string | null,
  ): Promise<ContractType> {
    return contractView(
      await draftContract(ctx.em, ctx.identity, { areaId, terms: contractTermsOf(terms), idempotencyKey }),
    );
  }

  @Mutation(() => ContractType)
  async updateContractDraft(
    @Arg('contractId', () => ID) contractId: string,
    @Arg('terms') terms: ContractTermsInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ContractType> {
    return contractView(await updateContractDraft(ctx.em, ctx.identity, { contractId, terms: contractTermsOf(terms) }));
  }

  @Mutation(() => FilingType, {
    description: 'Files a drafted contract. Retrying with the same idempotency key returns the same filing.',
  })
  async submitFiling(
    @Arg('contractId', () => ID) contractId: string,
    @Arg('idempotencyKey', () => Key) idempotencyKey: string,
    @Arg('documents', () => [FilingDocumentInput]) documents: FilingDocumentInput[],
    @Ctx() ctx: RequestContext,
    @Arg('submittedOn', () => LocalDate, {
      nullable: true,
      description: 'Admin only: the date a paper filing was received.',
    })
    submittedOn?: string,
    @Arg('companyId', () => Key, {
      nullable: true,
      description: 'Admin only: the provider a paper filing is entered for.',
    })
    companyId?: string,
  ): Promise<FilingType> {
    return filingView(
      await submitFiling(ctx.em, ctx.identity, { contractId, idempotencyKey, documents, submittedOn, companyId }),
    );
  }

  @Mutation(() => ContractType, {
    description:
      "Ends a contract early; its filings are terminated with the handover date. terminatedOn is the last day served, on or before the term's end; past it only for a contract continuing after its term (recordContinuedService), with 60 days' written notice (Civil Code art. 948 para. 2): TERMINATION_NOTICE_TOO_SHORT unless terminatedOn is at least 60 days after noticeGivenOn (today when not given) or the area's next contract starts by the day after.",
  })
  async terminateContract(
    @Arg('contractId', () => ID) contractId: string,
    @Arg('terminatedOn', () => LocalDate) terminatedOn: string,
    @Arg('handoverOn', () => LocalDate) handoverOn: string,
    @Arg('reason', () => Note) reason: string,
    @Ctx() ctx: RequestContext,
    @Arg('noticeGivenOn', () => LocalDate, {
      nullable: true,
      description:
        'The day the written notice of termination was given, on or before today; today when not given. Read only for a termination past the term of a contract continuing after it.',
    })
    noticeGivenOn?: string | null,
  ): Promise<ContractType> {
    return contractView(
      await terminateContract(ctx.em, ctx.identity, { contractId, terminatedOn, handoverOn, reason, noticeGivenOn }),
    );
  }

  @Mutation(() => ContractType, {
    description:
      "The company records that it goes on serving under its contract after the term, the owners having decided no renewal and no other provider (Civil Code art. 948): the contract continues for an unfixed term from the day after endsOn (continuedFrom), billed, claimed and published as serving until its termination (60 days' written notice) or the day before the area's next contract starts. From 90 days before the term ends (art. 947 para. 2): CONTINUATION_TOO_EARLY before; CONTRACT_NOT_IN_FORCE unless the contract is ACCEPTED; SUCCESSOR_IN_FORCE when another contract of the area serves the day after the term. Recorded again, returns the contract as it is.",
  })
  async recordContinuedService(
    @Arg('contractId', () => ID) contractId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ContractType> {
    return contractView(await recordContinuedService(ctx.em, ctx.identity, { contractId }));
  }

  @Mutation(() => ContractType, {
    description:
      'Discards a draft entered by mistake, never filed: it stays, DISCARDED, and its filing deadline is cancelled. CONTRACT_NOT_DRAFT once filed (terminate a filed contract).',
  })
  async discardContractDraft(
    @Arg('contractId', () => ID) contractId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ContractType> {
    return contractView(await discardContractDraft(ctx.em, ctx.identity, contractId));
  }

  @Mutation(() => FilingType, {
    description: 'Files an amendment of a contract in force; its terms apply once the amendment is accepted.',
  })
  async amendContract(
    @Arg('contractId', () => ID) contractId: string,
    @Arg('idempotencyKey', () => Key) idempotencyKey: string,
    @Arg('amendedOn', () => LocalDate) amendedOn: string,
    @Arg('terms') terms: ContractTermsInput,
    @Arg('documents', () => [FilingDocumentInput]) documents: FilingDocumentInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<FilingType> {
    return filingView(
      await amendContract(ctx.em, ctx.identity, {
        contractId,
        idempotencyKey,
        amendedOn,
        terms: contractTermsOf(terms),
        documents,
      }),
    );
  }

  @Directive('@listSize(assumedSize: 5)')
  @Query(() => [PublicServiceStandardsType], {
    description: 'Public (no token): the filed provider, standards and owner fees in force, by compound name.',
  })
  async publicServiceStandards(
    @Arg('compoundName', () => Name) compoundName: string,
    @Ctx() ctx: RequestContext,
  ): Promise<PublicServiceStandardsType[]> {
    return (await publicServiceStandards(ctx.em, compoundName)).map(publicServiceStandardsView);
  }
}
