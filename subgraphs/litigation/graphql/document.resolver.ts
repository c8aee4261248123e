import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { wholeFileDownload } from '../../../platform/documents/download-limit';
import { Base64, Key } from '../../../platform/graphql/scalars';
import { RequestContext } from '../../../platform/subgraph/context';
import { batchBundle } from '../application/batch-bundle';
import { readCompanyProfile, updateCompanyProfile } from '../application/company-profile';
import { DocumentView, evidenceView, referralDocuments } from '../application/court-documents';
import {
  completeEvidenceUpload,
  startEvidenceUpload,
  uploadEvidence,
  uploadEvidencePart,
} from '../application/upload-evidence';
import {
  CompanyProfileInputType,
  CompanyProfileType,
  DocumentType,
  EvidenceUploadInputType,
  EvidenceUploadProgressType,
  EvidenceUploadStartInputType,
} from './document.type';
import { ConsolidatedBatchType, ReferralType } from './referral.type';

const toDocumentType = (d: DocumentView): DocumentType => Object.assign(new DocumentType(), d);

@Resolver(() => ReferralType)
export class ReferralDocumentsResolver {
  @Directive('@listSize(assumedSize: 20)')
  @FieldResolver(() => [DocumentType], {
    description:
      'Its court: the complaint (PDF and Word, generated on its first read, again before docketing where what it states changed since (evidence uploaded, the particulars entered), then as docketed on; digests in the evidence chain) and the evidence files; the company: its evidence files.',
  })
  async documents(
    @Root() referral: ReferralType,
    @Ctx() ctx: RequestContext,
    @Arg('sha256', () => Key, {
      nullable: true,
      description:
        'Only the document with this SHA-256 (lower-case hex): list without contentBase64, then fetch each file’s bytes in a request of its own, as a request’s whole files are bounded (DOWNLOAD_TOO_LARGE).',
    })
    sha256?: string,
  ): Promise<DocumentType[]> {
    const documents = await referralDocuments(ctx.em, ctx.identity, referral.id, sha256);
    return documents.filter((d) => sha256 === undefined || d.sha256 === sha256).map(toDocumentType);
  }
}

@Resolver(() => ConsolidatedBatchType)
export class BatchBundleResolver {
  @FieldResolver(() => DocumentType, {
    description:
      'The court: every complaint and evidence file of the batch in one ZIP, with manifest.json of names and digests. Built whole: one bundle per request (ask through consolidatedBatch), of at most 48 MiB of files, else DOWNLOAD_TOO_LARGE (then download each referral’s documents).',
  })
  async bundle(@Root() batch: ConsolidatedBatchType, @Ctx() ctx: RequestContext): Promise<DocumentType> {
    // The ZIP is built whole in memory (every file of the batch, then the archive): a whole-file download already, of
    // a size known only once it is built, so it runs alone.
    return toDocumentType(
      await wholeFileDownload(ctx, 'unknown', () => batchBundle(ctx.em, ctx.identity, batch.batchKey)),
    );
  }
}

@Resolver(() => DocumentType)
export class DocumentContentResolver {
  @FieldResolver(() => String, {
    description:
      'The bytes, base64; checked against sha256 as they are read. DOWNLOADS_BUSY when too many files are being downloaded at once: retry.',
  })
  async contentBase64(@Root() document: DocumentType, @Ctx() ctx: RequestContext): Promise<string> {
    const encoded = async () => (await document.content()).toString('base64');
    // A bundle's bytes are in memory already, counted as all the request may download when it was built (`bundle`).
    if (document.kind === 'BUNDLE') return encoded();
    return wholeFileDownload(ctx, document.sizeBytes, encoded);
  }
}

@Resolver(() => CompanyProfileType)
export class CompanyProfileResolver {
  @Mutation(() => CompanyProfileType, {
    description: 'A company states its own particulars as plaintiff (credit code checked per GB 32100).',
  })
  async updateCompanyProfile(
    @Arg('profile', () => CompanyProfileInputType) profile: CompanyProfileInputType,
    @Ctx() ctx: RequestContext,
  ): Promise<CompanyProfileType> {
    return updateCompanyProfile(ctx.em, ctx.identity, {
      ...profile,
      agent: profile.agent ? { ...profile.agent, title: profile.agent.title ?? null } : null,
      serviceAddress: profile.serviceAddress ?? null,
      serviceRecipient: profile.serviceRecipient ?? null,
      electronicServiceAddress: profile.electronicServiceAddress ?? null,
    });
  }

  @Query(() => CompanyProfileType, {
    nullable: true,
    description: 'The calling company’s particulars as plaintiff; null until stated.',
  })
  async companyProfile(@Ctx() ctx: RequestContext): Promise<CompanyProfileType | null> {
    return readCompanyProfile(ctx.em, ctx.identity);
  }

  @Mutation(() => DocumentType, {
    description:
      'The company attaches an evidence file to its referral (PDF, JPEG, PNG or OFD, 20 MiB at most; SHA-256 into the evidence chain).',
  })
  async uploadEvidence(
    @Arg('file', () => EvidenceUploadInputType) file: EvidenceUploadInputType,
    @Ctx() ctx: RequestContext,
  ): Promise<DocumentType> {
    return toDocumentType(evidenceView(ctx.em, await uploadEvidence(ctx.em, ctx.identity, file)));
  }

  @Mutation(() => EvidenceUploadProgressType, {
    description:
      'Starts an evidence file of up to 20 MiB sent in parts of partBytes (each part fits the gateway’s body limit).',
  })
  async startEvidenceUpload(
    @Arg('upload', () => EvidenceUploadStartInputType) upload: EvidenceUploadStartInputType,
    @Ctx() ctx: RequestContext,
  ): Promise<EvidenceUploadProgressType> {
    return startEvidenceUpload(ctx.em, ctx.identity, upload);
  }

  @Mutation(() => EvidenceUploadProgressType, {
    description: 'One part (index from 0), base64; a part sent again replaces it.',
  })
  async uploadEvidencePart(
    @Arg('uploadId', () => ID) uploadId: string,
    @Arg('index', () => Int) index: number,
    @Arg('contentBase64', () => Base64) contentBase64: string,
    @Ctx() ctx: RequestContext,
  ): Promise<EvidenceUploadProgressType> {
    return uploadEvidencePart(ctx.em, ctx.identity, { uploadId, index, contentBase64 });
  }

  @Mutation(() => DocumentType, {
    description: 'Joins the parts, checks size, SHA-256 and format, and records the evidence file.',
  })
  async completeEvidenceUpload(
    @Arg('uploadId', () => ID) uploadId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<DocumentType> {
    return toDocumentType(evidenceView(ctx.em, await completeEvidenceUpload(ctx.em, ctx.identity, uploadId)));
  }
}
