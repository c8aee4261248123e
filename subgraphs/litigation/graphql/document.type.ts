import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { graphqlEnum } from '../../../platform/federation/graphql-enum';
import { Base64, Key, Name } from '../../../platform/graphql/scalars';
import { AGENT_AUTHORITIES } from '../domain/company-profile';

export const DOCUMENT_KINDS = ['COMPLAINT_PDF', 'COMPLAINT_DOCX', 'EVIDENCE', 'BUNDLE'] as const;
export const DocumentKindEnum = graphqlEnum(DOCUMENT_KINDS);
export const AgentAuthorityEnum = graphqlEnum(AGENT_AUTHORITIES);
registerEnumType(DocumentKindEnum, {
  name: 'DocumentKind',
  description: 'The complaint (民事起诉状) as PDF or Word, an evidence file, or a batch’s ZIP bundle.',
});
registerEnumType(AgentAuthorityEnum, { name: 'AgentAuthority', description: 'GENERAL: 一般授权; SPECIAL: 特别授权.' });

@ObjectType('CourtDocument', {
  description: 'A file of a case: name, kind, SHA-256 and size; its bytes inline as base64 when asked for.',
})
export class DocumentType {
  @Field() name!: string;
  @Field(() => DocumentKindEnum) kind!: string;
  @Field({ description: 'e.g. application/pdf' }) mediaType!: string;
  @Field({ description: 'SHA-256 of the bytes, lower-case hex.' }) sha256!: string;
  @Field(() => Int) sizeBytes!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'The evidence-chain entry recording the digest (null for a bundle: each file in it has its own).',
  })
  chainSequence!: number | null;
  /** Not a field: reads the bytes (resolved by contentBase64 only when asked for). */
  content!: () => Promise<Buffer>;
}

@ObjectType('LitigationAgent')
export class LitigationAgentType {
  @Field() name!: string;
  @Field({ description: '单位: employer or law firm.' }) employer!: string;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field() phone!: string;
  @Field(() => AgentAuthorityEnum) authority!: string;
}

@ObjectType('CompanyProfile', { description: 'The plaintiff’s particulars every complaint of the company states.' })
export class CompanyProfileType {
  @Field() companyId!: string;
  @Field() legalName!: string;
  @Field({ description: '住所地（主要办事机构所在地）' }) domicile!: string;
  @Field({ description: 'Unified social credit code (GB 32100).' }) creditCode!: string;
  @Field() legalRepresentative!: string;
  @Field() legalRepresentativeTitle!: string;
  @Field() phone!: string;
  @Field(() => LitigationAgentType, { nullable: true }) agent!: LitigationAgentType | null;
  @Field(() => String, { nullable: true, description: 'Null: serve at the domicile.' }) serviceAddress!: string | null;
  @Field(() => String, { nullable: true, description: 'Null: the legal representative.' }) serviceRecipient!:
    string | null;
  @Field() acceptsElectronicService!: boolean;
  @Field(() => String, { nullable: true }) electronicServiceAddress!: string | null;
}

@InputType('LitigationAgentInput')
export class LitigationAgentInputType {
  @Field(() => Name) name!: string;
  @Field(() => Name) employer!: string;
  @Field(() => Name, { nullable: true }) title?: string | null;
  @Field(() => Key) phone!: string;
  @Field(() => AgentAuthorityEnum) authority!: 'GENERAL' | 'SPECIAL';
}

@InputType('CompanyProfileInput')
export class CompanyProfileInputType {
  @Field(() => Name) legalName!: string;
  @Field(() => Name) domicile!: string;
  @Field(() => Key) creditCode!: string;
  @Field(() => Name) legalRepresentative!: string;
  @Field(() => Name) legalRepresentativeTitle!: string;
  @Field(() => Key) phone!: string;
  @Field(() => LitigationAgentInputType, { nullable: true }) agent?: LitigationAgentInputType | null;
  @Field(() => Name, { nullable: true }) serviceAddress?: string | null;
  @Field(() => Name, { nullable: true }) serviceRecipient?: string | null;
  @Field() acceptsElectronicService!: boolean;
  @Field(() => Key, { nullable: true }) electronicServiceAddress?: string | null;
}

@InputType('EvidenceUploadInput')
export class EvidenceUploadInputType {
  @Field(() => ID) referralId!: string;
  @Field(() => Name, { description: 'The file name, e.g. 催缴函.pdf (at most 120 characters).' }) name!: string;
  @Field(() => Key, { description: 'What it proves: CONTRACT, DEMAND_LETTER, DELIVERY_RECEIPT, STATEMENT …' })
  type!: string;
  @Field(() => Base64, { description: 'The bytes, standard base64: PDF, JPEG, PNG or OFD, at most 20 MiB.' })
  contentBase64!: string;
}

@InputType('EvidenceUploadStartInput')
export class EvidenceUploadStartInputType {
  @Field(() => ID) referralId!: string;
  @Field(() => Name) name!: string;
  @Field(() => Key) type!: string;
  @Field(() => Int, { description: 'The whole file’s size: at most 20 MiB.' }) sizeBytes!: number;
  @Field(() => Key, { description: 'SHA-256 of the whole file, lower-case hex: checked when the upload completes.' })
  sha256!: string;
}

@ObjectType('EvidenceUploadProgress', { description: 'An evidence file sent in parts: what has arrived so far.' })
export class EvidenceUploadProgressType {
  @Field(() => ID) uploadId!: string;
  @Field(() => Int, { description: 'Every part but the last holds exactly this many bytes.' }) partBytes!: number;
  @Field(() => Int) parts!: number;
  @Directive('@listSize(assumedSize: 40)')
  @Field(() => [Int])
  receivedParts!: number[];
  @Field(() => Int) receivedBytes!: number;
}
