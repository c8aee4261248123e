import { Directive, Field, InputType, Int, ObjectType } from 'type-graphql';
import type { DocumentType } from '../domain/filing';
import { DocumentTypeEnum } from './contract.type';
import { Fen, Key, Name, Note } from '../../../platform/graphql/scalars';

@ObjectType('LateFilingPenalty', { description: "The consequence a city's regulation attaches to a late filing." })
export class LateFilingPenaltyType {
  @Field() warningFirst!: boolean;
  @Field(() => Int) fineMinFen!: number;
  @Field(() => Int) fineMaxFen!: number;
  @Field() description!: string;
  @Field() source!: string;
}

@ObjectType('CitySettingSources', {
  description: 'Where each setting comes from (article or document); null where the setting is not set.',
})
export class CitySettingSourcesType {
  @Field(() => String, { nullable: true }) filingDeadline!: string | null;
  @Field() agreementSelection!: string;
  @Field(() => String, { nullable: true }) preliminaryContractTerm!: string | null;
  @Field() filingAuthority!: string;
  @Field(() => String, { nullable: true }) creditNoticePeriod?: string | null;
  @Field(() => String, { nullable: true }) smallClaimsProvince?: string | null;
  @Field(() => String, { nullable: true }) demandPeriod?: string | null;
}

@ObjectType('MaterialItem', {
  description:
    'An item of a city’s materials checklist: the document type that meets it, when it applies, and its source (null: the operator’s configured list).',
})
export class MaterialItemType {
  @Field(() => DocumentTypeEnum) documentType!: DocumentType;
  @Field() label!: string;
  @Field(() => [String]) contractKinds!: string[];
  @Field(() => [String], { nullable: true, description: 'Only contracts chosen this way; null: any selection.' })
  selectionMethods!: string[] | null;
  @Field() required!: boolean;
  @Field(() => String, { nullable: true }) source!: string | null;
}

@InputType('MaterialItemInput')
export class MaterialItemInput {
  @Field(() => DocumentTypeEnum) documentType!: DocumentType;
  @Field(() => Name) label!: string;
  @Field(() => [Key]) contractKinds!: string[];
  @Field(() => [Key], { nullable: true }) selectionMethods?: string[] | null;
  @Field() required!: boolean;
  @Field(() => Note, { nullable: true }) source?: string | null;
}

@ObjectType('CitySettings', {
  description: "A city's filing rules, each with its source: the registry keyed by city code (GB/T 2260).",
})
export class CitySettingsType {
  @Field() cityCode!: string;
  @Field() cityName!: string;
  @Field() regulation!: string;
  @Field(() => Int, {
    nullable: true,
    description: 'Days after signing or amending to file; null where the city has no confirmed deadline.',
  })
  filingDeadlineDays!: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Largest total building floor area, in hundredths of m², for choosing a provider by agreement; null where no figure of the city is confirmed (the approval reference alone is checked).',
  })
  agreementSelectionMaxFloorAreaCentiM2!: number | null;
  @Field(() => Int, { nullable: true }) preliminaryContractMaxYears!: number | null;
  @Field({
    description:
      'The authority filings are made with, in Chinese as its source names it: the certificate prints it as 备案机关 (Beijing art. 63 para. 3: 街道办事处、乡镇人民政府、区住房和城乡建设或者房屋主管部门).',
  })
  filingAuthority!: string;
  @Field({
    description: 'CITY_BUREAU or ENFORCEMENT_BUREAU: the bureau that reviews filings beside the street office.',
  })
  filingReviewerRole!: string;
  @Field({
    description:
      "Whether the area's street office decides (accepts or returns) a filing beside that bureau: true in Beijing (art. 63), false in 临江市, where it supervises and the enforcement bureau decides (seed 004 §六(七)).",
  })
  streetOfficeDecidesFilings!: boolean;
  @Field(() => LateFilingPenaltyType, { nullable: true }) lateFilingPenalty!: LateFilingPenaltyType | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Days after a credit entry before the credit feed publishes it (the party may object meanwhile); null where the city gives none: its entries are never published.',
  })
  creditNoticePeriodDays?: number | null;
  @Field(() => String, {
    nullable: true,
    description:
      "GB/T 2260 code of the province whose high court's small-claims threshold applies to the city's referrals (Civil Procedure Law art. 165); null: the court decides.",
  })
  smallClaimsProvinceCode?: string | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Days after a demand for payment before arrears may be referred to court (Civil Code art. 944 para. 2 fixes no number), for contracts that state none; null: the hub default applies.',
  })
  demandPeriodDays?: number | null;
  @Field(() => CitySettingSourcesType) sources!: CitySettingSourcesType;
  @Directive('@listSize(assumedSize: 10)')
  @Field(() => [MaterialItemType], {
    description:
      'The materials checklist per contract kind; empty where none is set (the contract text is always required).',
  })
  materials!: MaterialItemType[];
  @Field(() => Int, { description: 'The version in the audit trail.' }) version!: number;
  @Field() changedAt!: Date;
}

@ObjectType('CitySettingsChange', {
  description: 'One entry of the audit trail: the settings as set, who set them, when and why.',
})
export class CitySettingsChangeType {
  @Field(() => Int) version!: number;
  @Field() changedAt!: Date;
  @Field() changedBy!: string;
  @Field() reason!: string;
  @Field(() => CitySettingsType) settings!: CitySettingsType;
}

@InputType('LateFilingPenaltyInput')
export class LateFilingPenaltyInput {
  @Field() warningFirst!: boolean;
  @Field(() => Fen) fineMinFen!: number;
  @Field(() => Fen) fineMaxFen!: number;
  @Field(() => Note) description!: string;
  @Field(() => Note) source!: string;
}

@InputType('CitySettingSourcesInput')
export class CitySettingSourcesInput {
  @Field(() => Note, { nullable: true }) filingDeadline?: string | null;
  @Field(() => Note) agreementSelection!: string;
  @Field(() => Note, { nullable: true }) preliminaryContractTerm?: string | null;
  @Field(() => Note) filingAuthority!: string;
  @Field(() => Note, { nullable: true }) creditNoticePeriod?: string | null;
  @Field(() => Note, { nullable: true }) smallClaimsProvince?: string | null;
  @Field(() => Note, { nullable: true }) demandPeriod?: string | null;
}

@InputType('CitySettingsInput')
export class CitySettingsInput {
  @Field(() => Key) cityCode!: string;
  @Field(() => Name) cityName!: string;
  @Field(() => Note) regulation!: string;
  @Field(() => Int, { nullable: true }) filingDeadlineDays?: number | null;
  @Field(() => Int, { nullable: true }) agreementSelectionMaxFloorAreaCentiM2?: number | null;
  @Field(() => Int, { nullable: true }) preliminaryContractMaxYears?: number | null;
  @Field(() => Note, {
    description: 'In Chinese, as its source names it (printed as 备案机关 on the certificate); other text is refused.',
  })
  filingAuthority!: string;
  @Field(() => Key) filingReviewerRole!: string;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'false where the street office supervises and only the bureau decides filings; true or left out: it decides too.',
  })
  streetOfficeDecidesFilings?: boolean | null;
  @Field(() => LateFilingPenaltyInput, { nullable: true }) lateFilingPenalty?: LateFilingPenaltyInput | null;
  @Field(() => Int, { nullable: true }) creditNoticePeriodDays?: number | null;
  @Field(() => Key, { nullable: true }) smallClaimsProvinceCode?: string | null;
  @Field(() => Int, { nullable: true, description: 'Days, 1 to 180, with sources.demandPeriod; null: hub default.' })
  demandPeriodDays?: number | null;
  @Field(() => CitySettingSourcesInput) sources!: CitySettingSourcesInput;
  @Field(() => [MaterialItemInput], { nullable: true, description: 'The materials checklist (at most 30 items).' })
  materials?: MaterialItemInput[] | null;
}
