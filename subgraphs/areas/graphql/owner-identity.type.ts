import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Key, LocalDate, Name } from '../../../platform/graphql/scalars';
import { graphqlEnum } from '../../../platform/federation/graphql-enum';
import { OWNER_ID_TYPES, OwnerIdType } from '../domain/owner-identity';

export const OwnerIdTypeEnum = graphqlEnum(OWNER_ID_TYPES);
registerEnumType(OwnerIdTypeEnum, {
  name: 'OwnerIdType',
  description:
    '居民身份证 (GB 11643 number) / 护照 / another identity document of a natural person; UNIFIED_SOCIAL_CREDIT_CODE (GB 32100, check character verified) for an owner that is a legal person or other organisation, which the complaint names as 被告（法人、非法人组织）.',
});

export const OwnerDataKindEnum = graphqlEnum(['NAME', 'IDENTITY'] as const);
registerEnumType(OwnerDataKindEnum, {
  name: 'OwnerDataKind',
  description: 'What was read in full: the owner’s name, or the whole identity.',
});

@ObjectType('OwnerIdentity', {
  description:
    'The owner’s identity for court documents. In full only for the street office of the household’s street and a court ' +
    'holding a referral of the household (each such read is logged); masked (张**, 110***********1234, 138****5678) for ' +
    'everyone else, with masked: true.',
})
export class OwnerIdentityType {
  @Field(() => Name)
  legalName!: string;

  @Field(() => OwnerIdTypeEnum)
  idType!: OwnerIdType;

  @Field(() => Key)
  idNumber!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Where documents are served (送达地址).' })
  serviceAddress!: string | null;

  @Field()
  masked!: boolean;

  @Field(() => String, {
    description:
      'Whose identity this is: the household’s owner now, or, for the court of a referral against an owner who has sold since, that owner.',
  })
  ownerReference!: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The day this owner died (YYYY-MM-DD), where the street office recorded it; null otherwise.',
  })
  ownerDiedOn!: string | null;
}

@InputType({
  description:
    'The owner’s legal identity: a resident ID number must pass its GB 11643 check character and birth date.',
})
export class OwnerIdentityInput {
  @Field(() => Name)
  legalName!: string;

  @Field(() => OwnerIdTypeEnum)
  idType!: OwnerIdType;

  @Field(() => Key)
  idNumber!: string;

  @Field(() => Key, { nullable: true })
  phone?: string | null;

  @Field(() => Name, { nullable: true })
  serviceAddress?: string | null;
}

@ObjectType('OwnerDataAccess', { description: 'One read of an owner’s personal data in full.' })
export class OwnerDataAccessType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  householdId!: string;

  @Field(() => OwnerDataKindEnum)
  data!: 'NAME' | 'IDENTITY';

  @Field()
  accessedAt!: Date;

  @Field({ description: 'The organisation that read it.' })
  organisationId!: string;

  @Field()
  role!: string;

  @Field({ description: 'The user or system account (token subject).' })
  subject!: string;

  @Field(() => ID, { nullable: true, description: 'The referral the read was for.' })
  referralId!: string | null;

  @Field({ description: 'STREET_OFFICE_REGISTER or COURT_REFERRAL.' })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Whose data was read: the owner reference of the household’s owner then, or of the former owner a court’s referral is against (after a sale, the seller). Null for reads logged before the hub recorded it.',
  })
  ownerReference!: string | null;
}

@ObjectType('OwnerDataAccessPage')
export class OwnerDataAccessPageType {
  @Directive('@listSize(assumedSize: 50)')
  @Field(() => [OwnerDataAccessType])
  items!: OwnerDataAccessType[];

  @Field(() => Int)
  totalCount!: number;
}
