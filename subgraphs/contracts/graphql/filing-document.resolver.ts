import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MEDIA_TYPE_MIME } from '../../../kernel/media-type';
import { downloadTurn } from '../../../platform/documents/download-limit';
import { RequestContext } from '../../../platform/subgraph/context';
import { Base64, Key } from '../../../platform/graphql/scalars';
import { documentsOfReadableContract } from '../application/contract-documents';
import { downloadFilingDocument } from '../application/download-filing-document';
import { filingCertificate } from '../application/filing-certificate';
import { filingDocumentDownloads } from '../application/filing-document-downloads';
import {
  completeFilingDocumentUpload,
  startFilingDocumentUpload,
  uploadFilingDocument,
  uploadFilingDocumentPart,
} from '../application/upload-filing-document';
import { verifyFilingCertificate } from '../application/verify-filing-certificate';
import type { FilingDocumentFile } from '../domain/filing-document-file';
import {
  CertificateVerificationType,
  FilingCertificateType,
  FilingDocumentContentType,
  FilingDocumentDownloadType,
  FilingDocumentUploadInput,
  FilingDocumentUploadProgressType,
  FilingDocumentUploadStartInput,
  UploadedFilingDocumentType,
} from './filing-document.type';

const documentView = (d: FilingDocumentFile): UploadedFilingDocumentType => ({
  id: d.id,
  contractId: d.contractId,
  filingId: d.filingId,
  name: d.name,
  type: d.type,
  mediaType: d.mediaType,
  sha256: d.sha256,
  sizeBytes: d.sizeBytes,
  uploadedAt: d.uploadedAt,
});

@Resolver()
export class FilingDocumentResolver {
  @Directive('@listSize(assumedSize: 20)')
  @Query(() => [UploadedFilingDocumentType], {
    description:
      'The files uploaded to a contract: the company sees all, its reviewers and a court holding a referral those a filing carries.',
  })
  async contractDocuments(
    @Arg('contractId', () => ID) contractId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<UploadedFilingDocumentType[]> {
    return (await documentsOfReadableContract(ctx.em, ctx.identity, contractId)).map(documentView);
  }

  @Query(() => FilingDocumentContentType, {
    description:
      'Downloads a filing document (its company, the area’s reviewers, a court holding a referral); logged. DOWNLOADS_BUSY when too many files are being downloaded at once: retry.',
  })
  async filingDocumentContent(
    @Arg('documentId', () => ID) documentId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<FilingDocumentContentType> {
    const { document, bytes } = await downloadFilingDocument(ctx.em, ctx.identity, documentId, downloadTurn(ctx));
    return {
      document: documentView(document),
      mimeType: MEDIA_TYPE_MIME[document.mediaType],
      contentBase64: bytes.toString('base64'),
    };
  }

  @Directive('@listSize(slicingArguments: ["first"])')
  @Query(() => [FilingDocumentDownloadType], {
    description: 'Who downloaded the contract’s documents and when, newest first: for the company and the reviewers.',
  })
  async filingDocumentDownloads(
    @Arg('contractId', () => ID) contractId: string,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
  ): Promise<FilingDocumentDownloadType[]> {
    return filingDocumentDownloads(ctx.em, ctx.identity, contractId, first);
  }

  @Query(() => FilingCertificateType, {
    nullable: true,
    description:
      'The certificate (备案证明) of an accepted filing, for those who may read the filing; null before acceptance.',
  })
  async filingCertificate(
    @Arg('filingId', () => ID) filingId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<FilingCertificateType | null> {
    return filingCertificate(ctx.em, ctx.identity, filingId);
  }

  @Query(() => CertificateVerificationType, {
    description:
      'Public (no token): verifies a filing certificate by its record number and digest (from its QR code, or the PDF’s SHA-256).',
  })
  async verifyFilingCertificate(
    @Arg('recordNumber', () => Key) recordNumber: string,
    @Arg('digest', () => Key) digest: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CertificateVerificationType> {
    const v = await verifyFilingCertificate(ctx.em, recordNumber, digest);
    return {
      result: v.result,
      since: v.since,
      provider: v.facts?.provider ?? null,
      areaName: v.facts?.areaName ?? null,
      startsOn: v.facts?.startsOn ?? null,
      endsOn: v.facts?.endsOn ?? null,
      acceptedOn: v.facts?.acceptedOn ?? null,
      contractNumber: v.facts?.contractNumber ?? null,
      ownersSide: v.facts?.ownersSide ?? null,
      authority: v.facts?.authority ?? null,
      fees: v.facts?.fees ?? null,
    };
  }

  @Mutation(() => UploadedFilingDocumentType, {
    description:
      'The company uploads a document of its contract (PDF, OFD, JPEG or PNG; 20 MiB, 100 MiB a filing); the next submission carries it.',
  })
  async uploadFilingDocument(
    @Arg('document', () => FilingDocumentUploadInput) document: FilingDocumentUploadInput,
    @Ctx() ctx: RequestContext,
  ): Promise<UploadedFilingDocumentType> {
    return documentView(await uploadFilingDocument(ctx.em, ctx.identity, document));
  }

  @Mutation(() => FilingDocumentUploadProgressType, {
    description: 'Starts a document of up to 20 MiB sent in parts of partBytes (each within the gateway’s body limit).',
  })
  async startFilingDocumentUpload(
    @Arg('upload', () => FilingDocumentUploadStartInput) upload: FilingDocumentUploadStartInput,
    @Ctx() ctx: RequestContext,
  ): Promise<FilingDocumentUploadProgressType> {
    return startFilingDocumentUpload(ctx.em, ctx.identity, upload);
  }

  @Mutation(() => FilingDocumentUploadProgressType, { description: 'Sends one part (a part again replaces it).' })
  async uploadFilingDocumentPart(
    @Arg('uploadId', () => ID) uploadId: string,
    @Arg('index', () => Int) index: number,
    @Arg('contentBase64', () => Base64) contentBase64: string,
    @Ctx() ctx: RequestContext,
  ): Promise<FilingDocumentUploadProgressType> {
    return uploadFilingDocumentPart(ctx.em, ctx.identity, { uploadId, index, contentBase64 });
  }

  @Mutation(() => UploadedFilingDocumentType, {
    description: 'Joins the parts, checks size, SHA-256 and format, and records the document.',
  })
  async completeFilingDocumentUpload(
    @Arg('uploadId', () => ID) uploadId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<UploadedFilingDocumentType> {
    return documentView(await completeFilingDocumentUpload(ctx.em, ctx.identity, uploadId));
  }
}

@Resolver(() => FilingCertificateType)
export class FilingCertificateContentResolver {
  @FieldResolver(() => String, { description: 'The PDF, base64; checked against pdfSha256 as it is read.' })
  async contentBase64(@Root() certificate: FilingCertificateType): Promise<string> {
    return (await certificate.content()).toString('base64');
  }
}
