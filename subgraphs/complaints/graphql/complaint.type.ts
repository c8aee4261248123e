import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { COMPLAINT_STATUSES, RESPONSIBLE_PARTY_KINDS, SATISFACTION_LEVELS } from '../../../catalog';
import { graphqlEnum } from '../../../platform/federation/graphql-enum';
import { Key, LocalDate, Name, Note } from '../../../platform/graphql/scalars';
import { ANSWER_STEPS } from '../application/answer-order';
import { MEASURE_GROUPS } from '../domain/measures';

export const ComplaintStatusEnum = graphqlEnum(COMPLAINT_STATUSES);
export const ResponsiblePartyKindEnum = graphqlEnum(RESPONSIBLE_PARTY_KINDS);
export const SatisfactionEnum = graphqlEnum(SATISFACTION_LEVELS);
export const AnswerStepEnum = graphqlEnum(ANSWER_STEPS);
export const MeasureGroupEnum = graphqlEnum(MEASURE_GROUPS);
registerEnumType(ComplaintStatusEnum, {
  name: 'ComplaintStatus',
  description:
    'Where a hotline work order (接诉即办) stands. REROUTED: the hotline sent the order under its number to another street, whose copy is the order now; this copy counts in no measure (sent back, it starts over as MATCHED or AWAITING_MATCH).',
});
registerEnumType(ResponsiblePartyKindEnum, {
  name: 'ResponsiblePartyKind',
  description: 'Who answers an order under the taxonomy and the governance model (seed 001).',
});
registerEnumType(SatisfactionEnum, { name: 'CallerSatisfaction' });
registerEnumType(AnswerStepEnum, {
  name: 'ComplaintAnswerStep',
  description: 'ACCEPT (the response), VISIT, RESOLVE.',
});
registerEnumType(MeasureGroupEnum, { name: 'ComplaintMeasureGroup' });

@ObjectType('ResponsibleParties', {
  description: 'The party normally responsible for an item under each governance model.',
})
export class ResponsiblePartiesType {
  @Field(() => ResponsiblePartyKindEnum) CONTRACT_BASED!: string;
  @Field(() => ResponsiblePartyKindEnum) MULTI_PARTY_CO_GOVERNANCE!: string;
  @Field(() => ResponsiblePartyKindEnum) GOVERNMENT_BACKSTOP!: string;
}

@ObjectType('ComplaintItem', { description: 'An item (小项) of the complaints taxonomy, one version of it.' })
export class ComplaintItemType {
  @Field({
    description:
      'The division whose hotline orders the taxonomy serves: a jurisdiction code (11 Beijing, 110102 西城区, 220681 临江市); empty for versions recorded before taxonomies were kept per division, which serve every division without one of its own.',
  })
  division!: string;
  @Field() code!: string;
  @Field() categoryCode!: string;
  @Field() name!: string;
  @Field() validFrom!: string;
  @Field(() => String, { nullable: true }) validTo!: string | null;
  @Field({ description: 'The public document the text is taken from.' }) source!: string;
  @Field(() => ResponsiblePartiesType) responsible!: ResponsiblePartiesType;
}

@ObjectType('ComplaintCategory', {
  description: 'A category (大类) of the complaints taxonomy in force on the day asked, with its items.',
})
export class ComplaintCategoryType {
  @Field({
    description:
      'The division whose hotline orders the taxonomy serves: a jurisdiction code (11 Beijing, 110102 西城区, 220681 临江市); empty for versions recorded before taxonomies were kept per division, which serve every division without one of its own.',
  })
  division!: string;
  @Field() code!: string;
  @Field() name!: string;
  @Field() validFrom!: string;
  @Field(() => String, { nullable: true }) validTo!: string | null;
  @Field() source!: string;
  @Directive('@listSize(assumedSize: 20)')
  @Field(() => [ComplaintItemType])
  items!: ComplaintItemType[];
}

@InputType('ComplaintCategoryInput')
export class ComplaintCategoryInput {
  @Field(() => Key, {
    nullable: true,
    description:
      'The division the version serves (GB/T 2260 digits, one of your jurisdictions; 110000 is taken as 11). By default your only jurisdiction; the admin names one, or "" for the taxonomy recorded before divisions were kept (every division without its own).',
  })
  division?: string | null;
  @Field(() => Key) code!: string;
  @Field(() => Name) name!: string;
  @Field(() => LocalDate) validFrom!: string;
  @Field(() => LocalDate, { nullable: true }) validTo?: string | null;
  @Field(() => Note, { description: 'The public document the category is taken from.' }) source!: string;
}

@InputType('ResponsiblePartiesInput')
export class ResponsiblePartiesInput {
  @Field(() => ResponsiblePartyKindEnum) CONTRACT_BASED!: (typeof RESPONSIBLE_PARTY_KINDS)[number];
  @Field(() => ResponsiblePartyKindEnum) MULTI_PARTY_CO_GOVERNANCE!: (typeof RESPONSIBLE_PARTY_KINDS)[number];
  @Field(() => ResponsiblePartyKindEnum) GOVERNMENT_BACKSTOP!: (typeof RESPONSIBLE_PARTY_KINDS)[number];
}

@InputType('ComplaintItemInput')
export class ComplaintItemInput extends ComplaintCategoryInput {
  @Field(() => Key) categoryCode!: string;
  @Field(() => ResponsiblePartiesInput) responsible!: ResponsiblePartiesInput;
}

@ObjectType('HotlineSender', { description: 'A hotline system registered to send work orders for its divisions.' })
export class HotlineSenderType {
  @Field() organisationId!: string;
  @Field() name!: string;
  @Directive('@listSize(assumedSize: 20)')
  @Field(() => [String])
  jurisdictions!: string[];
}

@ObjectType('ComplaintTransition', { description: 'One immutable step of an order: who took it and when.' })
export class ComplaintTransitionType {
  @Field(() => Int) sequence!: number;
  @Field() step!: string;
  @Field(() => ComplaintStatusEnum, { nullable: true }) fromStatus!: string | null;
  @Field(() => ComplaintStatusEnum) toStatus!: string;
  @Field() actorRole!: string;
  @Field() actorOrganisation!: string;
  @Field() at!: Date;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Directive('@listSize(assumedSize: 5)')
  @Field(() => [String])
  evidenceSha256!: string[];
  @Field(() => ResponsiblePartyKindEnum, { nullable: true }) partyKind!: string | null;
  @Field(() => String, { nullable: true }) partyOrganisationId!: string | null;
}

@ObjectType('ComplaintOrder', {
  description: 'A 12345 hotline work order (接诉即办). The caller is shown masked to everyone.',
})
export class ComplaintOrderType {
  @Field(() => ID) id!: string;
  @Field() orderNumber!: string;
  @Field() receivedAt!: Date;
  @Field(() => String, { nullable: true, description: 'Masked (张**); the full name is never kept.' }) callerName!:
    string | null;
  @Field(() => String, { nullable: true, description: 'Masked (138****5678); the full number is never kept.' })
  callerPhone!: string | null;
  @Field() addressText!: string;
  @Field() streetCode!: string;
  @Field(() => ID, { nullable: true, description: 'Null while the order waits in the street office’s queue.' })
  compoundId!: string | null;
  @Field() categoryCode!: string;
  @Field() itemCode!: string;
  @Field({
    description:
      "The division whose taxonomy the order's category is of, on the day received: it is dispatched and counted under it ('' for the taxonomy of every division).",
  })
  taxonomyDivision!: string;
  @Field() text!: string;
  @Field() respondBy!: Date;
  @Field() resolveBy!: Date;
  @Field(() => ComplaintStatusEnum) status!: string;
  @Field(() => ResponsiblePartyKindEnum, { nullable: true }) responsiblePartyKind!: string | null;
  @Field(() => String, { nullable: true }) partyOrganisationId!: string | null;
  @Field(() => Date, { nullable: true }) respondedAt!: Date | null;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field(() => Boolean, { nullable: true }) resolvedByCaller!: boolean | null;
  @Field(() => SatisfactionEnum, { nullable: true }) satisfaction!: string | null;
  @Field({ description: 'Demo data, not a real call.' }) demo!: boolean;
}

@ObjectType('ComplaintOrderPage')
export class ComplaintOrderPageType {
  @Field(() => Int) total!: number;
  @Field(() => [ComplaintOrderType]) orders!: ComplaintOrderType[];
}

@InputType('ComplaintOrderFilter')
export class ComplaintOrderFilter {
  @Field(() => ComplaintStatusEnum, { nullable: true }) status?: (typeof COMPLAINT_STATUSES)[number] | null;
  @Field(() => Key, { nullable: true, description: 'A street (or district) code.' }) streetCode?: string | null;
  @Field(() => ID, { nullable: true }) compoundId?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Only orders waiting to be matched to a compound (the street office’s queue; one escalated from it has left it).',
  })
  unmatchedOnly?: boolean | null;
  @Field(() => LocalDate, { nullable: true }) receivedFrom?: string | null;
  @Field(() => LocalDate, { nullable: true }) receivedTo?: string | null;
}

@ObjectType('ComplaintRate', {
  description: 'A rate with its numerator and denominator; percent with one decimal, null when nothing is counted.',
})
export class ComplaintRateType {
  @Field(() => Int) numerator!: number;
  @Field(() => Int) denominator!: number;
  @Field(() => String, { nullable: true }) percent!: string | null;
}

@ObjectType('ComplaintStatistics', {
  description:
    'Orders and the three rates of 接诉即办 as the hub defines them: response = accepted by respondBy / orders due for a response; resolution = closed as resolved by the caller / closed; satisfaction = satisfied or basically satisfied / closed with a verdict. perHundredHouseholds: numerator orders, denominator households, percent = orders per 100 households.',
})
export class ComplaintStatisticsType {
  @Field(() => String, {
    nullable: true,
    description:
      'The group: compound id, company, street code, category code or governance model; null for orders without one.',
  })
  key!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "Grouped by CATEGORY: the division whose taxonomy the category is of (each division keeps its own, so one code may be two cities' categories); '' for the taxonomy of every division. Null otherwise.",
  })
  division?: string | null;
  @Field(() => Int) orders!: number;
  @Field(() => ComplaintRateType) response!: ComplaintRateType;
  @Field(() => ComplaintRateType) resolution!: ComplaintRateType;
  @Field(() => ComplaintRateType) satisfaction!: ComplaintRateType;
  @Field(() => Int, { description: 'Orders of a caller already called about the same item at the same compound.' })
  repeatOrders!: number;
  @Field(() => ComplaintRateType) perHundredHouseholds!: ComplaintRateType;
}

@ObjectType('Compound')
@Directive('@key(fields: "id")')
export class CompoundRef {
  @Field(() => ID) id!: string;
}

/** The contracts subgraph's Filing, which complaints extends with its company's complaint record for the reviewer. */
@ObjectType('Filing')
@Directive('@key(fields: "id")')
export class FilingRef {
  @Field(() => ID) id!: string;
  @Directive('@external')
  @Field()
  companyId!: string;
}

@ObjectType('ComplaintOrderImport', {
  description: 'What a backfill imported: new orders, order numbers already held, and new orders left unmatched.',
})
export class ComplaintOrderImportType {
  @Field(() => Int) received!: number;
  @Field(() => Int) duplicates!: number;
  @Field(() => Int) unmatched!: number;
}
