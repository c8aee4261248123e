import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { graphqlEnum } from '../../../platform/federation/graphql-enum';
import {
  BUILDING_CLASSES,
  BuildingClass,
  COMPOUND_KINDS,
  CompoundKind,
  GOVERNANCE_MODELS,
  GovernanceModel,
  MAINTENANCE_FUND_STATUSES,
  MaintenanceFundStatus,
} from '../domain/compound';
import { OwnerIdentityInput } from './owner-identity.type';
import { Key, LocalDate, Name } from '../../../platform/graphql/scalars';

/** A GraphQL enum from a domain list of values, so the schema never restates them. */
export const CompoundKindEnum = graphqlEnum(COMPOUND_KINDS);
export const GovernanceModelEnum = graphqlEnum(GOVERNANCE_MODELS);
export const MaintenanceFundEnum = graphqlEnum(MAINTENANCE_FUND_STATUSES);
export const BuildingClassEnum = graphqlEnum(BUILDING_CLASSES);
registerEnumType(CompoundKindEnum, {
  name: 'CompoundKind',
  description: '商品房 / 保障房 / 老旧小区·房改房·售后公房 / 平房区 / 失管小区',
});
registerEnumType(GovernanceModelEnum, {
  name: 'GovernanceModel',
  description: '物业服务合同型 / 多方联动共治型 / 政府托底居民自治型',
});
registerEnumType(MaintenanceFundEnum, { name: 'MaintenanceFundStatus' });
registerEnumType(BuildingClassEnum, { name: 'BuildingClass', description: 'Fee standards differ by class.' });

@ObjectType('CompoundStatistics')
export class CompoundStatisticsType {
  @Field(() => Int)
  buildings!: number;

  @Field(() => Int)
  elevators!: number;

  @Field(() => Int)
  households!: number;

  @Field({ description: 'Sum of the households’ certificate floor areas, m² with two decimals.' })
  floorAreaM2!: string;
}

@ObjectType('Compound', { description: 'A residential compound (小区 / 院).' })
@Directive('@key(fields: "id")')
export class CompoundType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  districtCode!: string;

  @Field()
  streetCode!: string;

  @Field(() => String, { nullable: true })
  communityCode?: string | null;

  @Field(() => CompoundKindEnum)
  kind!: CompoundKind;

  @Field(() => GovernanceModelEnum)
  governanceModel!: GovernanceModel;

  @Field(() => Int, { nullable: true })
  yearBuilt?: number | null;

  @Field(() => Int, { description: 'Property-rights units (产权单位) holding homes in the compound.' })
  propertyRightsUnits!: number;

  @Field(() => MaintenanceFundEnum)
  maintenanceFund!: MaintenanceFundStatus;
}

@ObjectType('Building')
export class BuildingType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  compoundId!: string;

  @Field(() => ID, { nullable: true, description: 'The property-management area, once delimited.' })
  areaId?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'The day the building joined its area, where it was added to an area delimited on an earlier day; null: part of the area as delimited.',
  })
  joinedAreaOn?: string | null;

  @Field()
  label!: string;

  @Field(() => BuildingClassEnum)
  buildingClass!: BuildingClass;

  @Field(() => Int)
  floors!: number;

  @Field(() => Int)
  elevators!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'The month (YYYY-MM) the building’s elevators were last installed or replaced, where the street office recorded it.',
  })
  elevatorsReplacedIn?: string | null;
}

// simpleResolvers: graphql-js reads the plain fields itself, without type-graphql's per-field wrapper (no middleware
// or auth checker is registered; ownerName and ownerIdentity keep their field resolvers): the gateway's `_entities`
// asks for 50 of these per page of arrears (issue 16).
@ObjectType('Household', { simpleResolvers: true })
@Directive('@key(fields: "id")')
export class HouseholdType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  buildingId!: string;

  @Field()
  unit!: string;

  @Field()
  room!: string;

  @Field({ description: 'Certificate floor area (房本面积), m² with two decimals.' })
  floorAreaM2!: string;

  @Field()
  ownerReference!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The day the owner became the owner (YYYY-MM-DD), where the street office recorded a change of owner (UpdateHouseholdInput.ownerSince); null for an owner registered with the household. A referral leaves out the months begun before it.',
  })
  ownerSince!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The day the registered owner died (YYYY-MM-DD), where the street office recorded it (UpdateHouseholdInput.ownerDiedOn); null otherwise. A deceased owner cannot be sued: a referral is refused (OWNER_DECEASED) until the heirs are registered as the owner.',
  })
  ownerDiedOn!: string | null;
}

@ObjectType('HouseholdPage')
export class HouseholdPageType {
  @Directive('@listSize(assumedSize: 50)')
  @Field(() => [HouseholdType])
  items!: HouseholdType[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' })
  endCursor!: string | null;

  /** Counts the households when `totalCount` is selected (HouseholdPageResolver). */
  countTotal!: () => Promise<number>;
}

@ObjectType('CompoundImportSummary')
export class ImportSummaryType {
  @Field(() => Int)
  buildingsCreated!: number;

  @Field(() => Int)
  householdsCreated!: number;
}

@InputType()
export class RegisterCompoundInput {
  @Field(() => Name)
  name!: string;

  @Field(() => Key)
  districtCode!: string;

  @Field(() => Key)
  streetCode!: string;

  @Field(() => Key, { nullable: true })
  communityCode?: string | null;

  @Field(() => CompoundKindEnum)
  kind!: CompoundKind;

  @Field(() => GovernanceModelEnum)
  governanceModel!: GovernanceModel;

  @Field(() => Int, { nullable: true })
  yearBuilt?: number;

  @Field(() => Int)
  propertyRightsUnits!: number;

  @Field(() => MaintenanceFundEnum)
  maintenanceFund!: MaintenanceFundStatus;
}

@InputType()
export class RegisterBuildingInput {
  @Field(() => Name)
  label!: string;

  @Field(() => BuildingClassEnum)
  buildingClass!: BuildingClass;

  @Field(() => Int)
  floors!: number;

  @Field(() => Int)
  elevators!: number;

  @Field(() => Key, {
    nullable: true,
    description: 'YYYY-MM: the month its elevators were last installed or replaced, no later than this month.',
  })
  elevatorsReplacedIn?: string | null;
}

@InputType()
export class RegisterHouseholdInput {
  @Field(() => Key)
  unit!: string;

  @Field(() => Key)
  room!: string;

  @Field(() => Key, { description: 'm² with at most two decimals, e.g. "56.78".' })
  floorArea!: string;

  @Field(() => Key)
  ownerReference!: string;

  @Field(() => Name, { nullable: true })
  ownerName?: string;

  @Field(() => OwnerIdentityInput, {
    nullable: true,
    description: 'The owner’s legal identity, kept encrypted; optional.',
  })
  ownerIdentity?: OwnerIdentityInput | null;
}

@InputType({ description: 'Only the fields given change; the street and district of a compound never do.' })
export class UpdateCompoundInput {
  @Field(() => Name, { nullable: true })
  name?: string;

  @Field(() => CompoundKindEnum, { nullable: true })
  kind?: CompoundKind;

  @Field(() => GovernanceModelEnum, { nullable: true })
  governanceModel?: GovernanceModel;

  @Field(() => Int, { nullable: true })
  yearBuilt?: number;

  @Field(() => Int, { nullable: true })
  propertyRightsUnits?: number;

  @Field(() => MaintenanceFundEnum, { nullable: true })
  maintenanceFund?: MaintenanceFundStatus;
}

@InputType({
  description:
    'A corrected certificate area, the owner’s identity, or a new owner (reference, name and identity together: a new ' +
    'reference without an identity removes the former owner’s).',
})
export class UpdateHouseholdInput {
  @Field(() => Key, { nullable: true })
  floorArea?: string;

  @Field(() => Key, { nullable: true })
  ownerReference?: string;

  @Field(() => Name, { nullable: true })
  ownerName?: string;

  @Field(() => OwnerIdentityInput, { nullable: true })
  ownerIdentity?: OwnerIdentityInput | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'The day the owner became the owner (业主): the transfer’s registration (Civil Code art. 209), or a buyer’s lawful handover from the developer (法释〔2009〕7号 art. 1 para. 2). A referral of the household leaves out the fees of months begun before it, the former owner’s. With a new ownerReference and no day, today (unless a death is recorded or given with it: the stored day is kept, see ownerDiedOn); a day alone corrects the stored one; null clears it (a corrected reference that was no sale). Not after today.',
  })
  ownerSince?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'The day the registered owner died (from the death certificate or the cancelled household registration). A deceased person cannot be sued (Civil Code art. 13; Civil Procedure Law art. 122 item 2): a referral of the household is refused (OWNER_DECEASED) until the heirs (继承人; not legatees) are registered as the new owner with ownerSince on or after the day of the death (the heirs own the flat from it, arts. 1121, 230; they answer for the deceased’s fees up to the estate’s value, art. 1161, a claim the hub leaves outside the green channel), which clears it; a new ownerReference without ownerSince corrects the deceased owner’s reference and keeps the death. null clears it. Not after today, nor before ownerSince; refused for an organisation (it ends by deregistration, arts. 59, 68).',
  })
  ownerDiedOn?: string | null;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateBuildingInput {
  @Field(() => Name, { nullable: true })
  label?: string;

  @Field(() => BuildingClassEnum, { nullable: true })
  buildingClass?: BuildingClass;

  @Field(() => Int, { nullable: true })
  floors?: number;

  @Field(() => Int, { nullable: true })
  elevators?: number;

  @Field(() => Key, {
    nullable: true,
    description: 'YYYY-MM: the month its elevators were last installed or replaced, no later than this month.',
  })
  elevatorsReplacedIn?: string;
}
