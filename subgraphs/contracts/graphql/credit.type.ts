import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { CREDIT_ENTRY_KINDS, CREDIT_SUBJECT_KINDS } from '../../../catalog';
import { graphqlEnum } from '../../../platform/federation/graphql-enum';
import { Key, LocalDate, Note } from '../../../platform/graphql/scalars';
import { BUREAU_RECORDED_KINDS, CREDIT_ENTRY_STATUSES } from '../domain/credit';

export const CreditEntryKindEnum = graphqlEnum(CREDIT_ENTRY_KINDS);
export const CreditSubjectKindEnum = graphqlEnum(CREDIT_SUBJECT_KINDS);
export const CreditEntryStatusEnum = graphqlEnum(CREDIT_ENTRY_STATUSES);
export const CreditFindingKindEnum = graphqlEnum(BUREAU_RECORDED_KINDS);
registerEnumType(CreditEntryKindEnum, { name: 'CreditEntryKind' });
registerEnumType(CreditSubjectKindEnum, {
  name: 'CreditSubjectKind',
  description: 'OWNER only ever from a court’s listing as a dishonest judgment debtor.',
});
registerEnumType(CreditEntryStatusEnum, {
  name: 'CreditEntryStatus',
  description:
    'RECORDED (within or past its notice period, not yet published), OBJECTED (held until the bureau decides), PUBLISHED (on the credit feed), WITHDRAWN (objection upheld).',
});
registerEnumType(CreditFindingKindEnum, { name: 'CreditFindingKind' });

@ObjectType('CreditObjection')
export class CreditObjectionType {
  @Field() grounds!: string;
  @Field({ description: 'The objecting organisation.' }) by!: string;
  @Field() at!: string;
  @Field(() => String, { nullable: true, description: 'UPHELD or DISMISSED; null while pending.' })
  decision!: string | null;
  @Field(() => String, { nullable: true }) decidedBy!: string | null;
  @Field(() => String, { nullable: true }) decidedAt!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

@ObjectType('CreditEntry', {
  description: 'One entry of a credit record, with its legal basis, date and source (issue 17 §3).',
})
export class CreditEntryType {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: 'The city whose credit platform receives it.' })
  cityCode!: string | null;
  @Field(() => ID) areaId!: string;
  @Field(() => CreditSubjectKindEnum) subjectKind!: string;
  @Field(() => String, { nullable: true }) companyId!: string | null;
  @Field(() => ID, { nullable: true, description: 'For an owner entry: the household; no personal data.' })
  householdId!: string | null;
  @Field(() => String, { nullable: true }) courtId!: string | null;
  @Field(() => String, { nullable: true, description: 'The enforcement case number of a court listing.' })
  caseNumber!: string | null;
  @Field(() => ID, { nullable: true }) filingId!: string | null;
  @Field(() => CreditEntryKindEnum, {
    description:
      'RETURNED_FILING only on entries recorded before helper-236: a returned filing version makes no entry now (no provision makes it a credit matter).',
  })
  kind!: string;
  @Field() legalBasis!: string;
  @Field() occurredOn!: string;
  @Field() source!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => CreditEntryStatusEnum) status!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'The last day of the notice period (Civil Code arts. 201, 203); null where the city gives none (never published) or it ends past the holiday data.',
  })
  noticeEndsOn!: string | null;
  @Field(() => String, { nullable: true }) publishedOn!: string | null;
  @Field(() => String, { nullable: true }) withdrawnOn!: string | null;
  @Field(() => [CreditObjectionType]) objections!: CreditObjectionType[];
}

@InputType('CreditFindingInput')
export class CreditFindingInput {
  @Field(() => Key) companyId!: string;
  @Field(() => ID) areaId!: string;
  @Field(() => CreditFindingKindEnum) kind!: (typeof BUREAU_RECORDED_KINDS)[number];
  @Field(() => LocalDate) occurredOn!: string;
  @Field(() => Note, { description: 'The article or rule the finding rests on.' }) legalBasis!: string;
  @Field(() => Note, { nullable: true }) note?: string | null;
}

@InputType('CreditEntryFilter')
export class CreditEntryFilter {
  @Field(() => Key, { nullable: true }) companyId?: string | null;
  @Field(() => CreditSubjectKindEnum, { nullable: true }) subjectKind?: (typeof CREDIT_SUBJECT_KINDS)[number] | null;
  @Field(() => CreditEntryStatusEnum, { nullable: true }) status?: (typeof CREDIT_ENTRY_STATUSES)[number] | null;
}
