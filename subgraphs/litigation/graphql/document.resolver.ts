import { Arg, Ctx, Directive, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../../platform/subgraph/context';
import { batchBundle } from '../application/batch-bundle';
import { readCompanyProfile, updateCompanyProfile } from '../application/company-profile';
import { DocumentView, evidenceView, referralDocuments } from '../application/court-documents';
import { uploadEvidence } from '../application/upload-evidence';
import { CompanyProfileInputType, CompanyProfileType, DocumentType, EvidenceUploadInputType } from './document.type';
import { ConsolidatedBatchType, ReferralType } from './referral.type';

const toDocumentType = (d: DocumentView): DocumentType => Object.assign(new DocumentType(), d);

@Resolver(() => ReferralType)
export class ReferralDocumentsResolver {
  @Directive('@listSize(assumedSize: 20)')
  @FieldResolver(() => [DocumentType], {
    description: 'Its court: the complaint (PDF and Word, generated on its first read and then frozen, digests in the evidence chain) and the evidence files; the company: its evidence files.',
  })
  async documents(@Root() referral: ReferralType, @Ctx() ctx: RequestContext): Promise<DocumentType[]> {
    return (await referralDocuments(ctx.em, ctx.identity, referral.id)).map(toDocumentType);
  }
}

@Resolver(() => ConsolidatedBatchType)
export class BatchBundleResolver {
  @FieldResolver(() => DocumentType, { description: 'The court: every complaint and evidence file of the batch in one ZIP, with manifest.json of names and digests.' })
  async bundle(@Root() batch: ConsolidatedBatchType, @Ctx() ctx: RequestContext): Promise<DocumentType> {
    return toDocumentType(await batchBundle(ctx.em, ctx.identity, batch.batchKey));
  }
}

@Resolver(() => DocumentType)
export class DocumentContentResolver {
  @FieldResolver(() => String, { description: 'The bytes, base64; checked against sha256 as they are read.' })
  async contentBase64(@Root() document: DocumentType): Promise<string> {
    return (await document.content()).toString('base64');
  }
}

@Resolver(() => CompanyProfileType)
export class CompanyProfileResolver {
  @Mutation(() => CompanyProfileType, { description: 'A company states its own particulars as plaintiff (credit code checked per GB 32100).' })
  async updateCompanyProfile(@Arg('profile', () => CompanyProfileInputType) profile: CompanyProfileInputType, @Ctx() ctx: RequestContext): Promise<CompanyProfileType> {
    return updateCompanyProfile(ctx.em, ctx.identity, {
      ...profile,
      agent: profile.agent ? { ...profile.agent, title: profile.agent.title ?? null } : null,
      serviceAddress: profile.serviceAddress ?? null,
      serviceRecipient: profile.serviceRecipient ?? null,
      electronicServiceAddress: profile.electronicServiceAddress ?? null,
    });
  }

  @Query(() => CompanyProfileType, { nullable: true, description: 'The calling company’s particulars as plaintiff; null until stated.' })
  async companyProfile(@Ctx() ctx: RequestContext): Promise<CompanyProfileType | null> {
    return readCompanyProfile(ctx.em, ctx.identity);
  }

  @Mutation(() => DocumentType, { description: 'The company attaches an evidence file to its referral (PDF, JPEG, PNG or OFD, 20 MiB at most; SHA-256 into the evidence chain).' })
  async uploadEvidence(@Arg('file', () => EvidenceUploadInputType) file: EvidenceUploadInputType, @Ctx() ctx: RequestContext): Promise<DocumentType> {
    return toDocumentType(evidenceView(ctx.em, await uploadEvidence(ctx.em, ctx.identity, file)));
  }
}
