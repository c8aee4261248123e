import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { graphqlEnum } from '../../../platform/federation/graphql-enum';
import { Base64, Key, Name } from '../../../platform/graphql/scalars';
import type { DocumentType } from '../domain/filing';
import { VERIFICATION_RESULTS } from '../domain/filing-certificate';
import { DocumentTypeEnum } from './contract.type';

export const VerificationResultEnum = graphqlEnum(VERIFICATION_RESULTS);
registerEnumType(VerificationResultEnum, {
  name: 'CertificateVerificationResult',
  description:
    'VALID: genuine and in force; SUPERSEDED / TERMINATED: genuine, no longer in force (since the date given); TAMPERED: the record exists but the digest matches no certificate issued; UNKNOWN: no certificate under that number.',
});

@ObjectType('UploadedFilingDocument', {
  description: 'A file of a filing’s materials, uploaded to its contract; the bytes through filingDocumentContent.',
})
export class UploadedFilingDocumentType {
  @Field(() => ID) id!: string;
  @Field(() => ID) contractId!: string;
  @Field(() => ID, { nullable: true, description: 'The filing whose version carries it; null until a submission.' })
  filingId!: string | null;
  @Field() name!: string;
  @Field(() => DocumentTypeEnum) type!: DocumentType;
  @Field({ description: 'PDF, OFD, JPEG or PNG, recognised by the first bytes.' }) mediaType!: string;
  @Field() sha256!: string;
  @Field(() => Int) sizeBytes!: number;
  @Field() uploadedAt!: Date;
}

@ObjectType('FilingDocumentContent', { description: 'A document’s bytes, read back and checked against its SHA-256.' })
export class FilingDocumentContentType {
  @Field(() => UploadedFilingDocumentType) document!: UploadedFilingDocumentType;
  @Field({ description: 'e.g. application/pdf' }) mimeType!: string;
  @Field({ description: 'The bytes, standard base64.' }) contentBase64!: string;
}

@ObjectType('FilingDocumentDownload', { description: 'One download of a filing document: who, when, which.' })
export class FilingDocumentDownloadType {
  @Field(() => ID) documentId!: string;
  @Field() at!: Date;
  @Field() organisationId!: string;
  @Field() role!: string;
  @Field({ description: 'The account that downloaded (JWT sub).' }) subject!: string;
}

@InputType('FilingDocumentUploadInput')
export class FilingDocumentUploadInput {
  @Field(() => ID) contractId!: string;
  @Field(() => Name, { description: 'The file name, e.g. 物业服务合同.pdf (at most 120 characters).' }) name!: string;
  @Field(() => DocumentTypeEnum) type!: DocumentType;
  @Field(() => Base64, {
    description: 'The bytes, standard base64: PDF, OFD, JPEG or PNG; larger files go in parts.',
  })
  contentBase64!: string;
}

@InputType('FilingDocumentUploadStartInput')
export class FilingDocumentUploadStartInput {
  @Field(() => ID) contractId!: string;
  @Field(() => Name) name!: string;
  @Field(() => DocumentTypeEnum) type!: DocumentType;
  @Field(() => Int, { description: 'The whole file’s size: at most 20 MiB.' }) sizeBytes!: number;
  @Field(() => Key, { description: 'SHA-256 of the whole file, lower-case hex: checked when the upload completes.' })
  sha256!: string;
}

@ObjectType('FilingDocumentUploadProgress', { description: 'A document sent in parts: what has arrived so far.' })
export class FilingDocumentUploadProgressType {
  @Field(() => ID) uploadId!: string;
  @Field(() => Int, { description: 'Every part but the last holds exactly this many bytes.' }) partBytes!: number;
  @Field(() => Int) parts!: number;
  @Directive('@listSize(assumedSize: 40)')
  @Field(() => [Int])
  receivedParts!: number[];
  @Field(() => Int) receivedBytes!: number;
}

@ObjectType('FilingCertificate', {
  description: 'The certificate (备案证明) of an accepted filing: a PDF with a QR code of its verification URL.',
})
export class FilingCertificateType {
  @Field() recordNumber!: string;
  @Field() issuedOn!: string;
  @Field({ description: 'Digest of the certificate’s facts (in its QR code): what verification asks for.' })
  contentSha256!: string;
  @Field({ description: 'SHA-256 of the PDF itself; verification accepts it too.' }) pdfSha256!: string;
  @Field(() => Int) sizeBytes!: number;
  @Field() verificationUrl!: string;
  /** Not a field: reads the PDF (resolved by contentBase64 only when asked for). */
  content!: () => Promise<Buffer>;
}

@ObjectType('CertificateFee', {
  description: 'An owner fee the certificate states: per m² per month, by building class.',
})
export class CertificateFeeType {
  @Field() buildingClass!: string;
  @Field(() => Int, { description: 'Fen per m² per month.' }) ownerRateFenPerM2Month!: number;
}

@ObjectType('CertificateVerification', {
  description: 'The public answer for a certificate: genuine or not, in force or not, and only public facts.',
})
export class CertificateVerificationType {
  @Field(() => VerificationResultEnum) result!: string;
  @Field(() => String, { nullable: true, description: 'Superseded or terminated on (YYYY-MM-DD).' })
  since!: string | null;
  @Field(() => String, { nullable: true }) provider!: string | null;
  @Field(() => String, { nullable: true }) areaName!: string | null;
  @Field(() => String, { nullable: true }) startsOn!: string | null;
  @Field(() => String, { nullable: true }) endsOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Accepted (备案) on (YYYY-MM-DD).' }) acceptedOn!: string | null;
  @Field(() => String, { nullable: true }) contractNumber!: string | null;
  @Field(() => String, { nullable: true, description: 'The owners’ side that signed (业主委员会, a developer …).' })
  ownersSide!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The filing authority it names (备案机关): its city settings’ filingAuthority when accepted.',
  })
  authority!: string | null;
  @Directive('@listSize(assumedSize: 4)')
  @Field(() => [CertificateFeeType], { nullable: true, description: 'The owner fees the certificate states.' })
  fees!: CertificateFeeType[] | null;
}
