import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CHARGE_KINDS } from '../../../catalog';
import { graphqlEnum } from '../../../platform/federation/graphql-enum';
import { AreaRef } from './area.type';
import { HouseholdRef } from './household.type';
import { ACCOUNT_STATUSES, AccountStatus } from '../domain/account-status';
import { ADJUSTMENT_KINDS } from '../domain/allocation';
import { COLLECTION_ACTION_KINDS, MEDIATION_OUTCOMES, MESSAGE_CHANNELS } from '../domain/collection-action';
import { PAYMENT_METHODS, PaymentPurpose } from '../domain/payment';
import {
  AGING_BUCKETS,
  AgingBucket,
  DEMAND_ARRIVAL_SOURCE,
  NOTICE_ARRIVAL_SOURCE,
  UTILITY_CUT_OFF_BAN,
} from '../domain/statutes';
import { Fen, Key, LocalDate, Name, Note, PaymentFen, RateFen } from '../../../platform/graphql/scalars';

export const AccountStatusEnum = graphqlEnum(ACCOUNT_STATUSES);
export const AgingBucketEnum = graphqlEnum(AGING_BUCKETS.map((b) => b.bucket));
export const PaymentMethodEnum = graphqlEnum(PAYMENT_METHODS);
export const PaymentPurposeEnum = graphqlEnum(CHARGE_KINDS);
export const ChargeKindEnum = PaymentPurposeEnum;
export const AdjustmentKindEnum = graphqlEnum(ADJUSTMENT_KINDS);
export const CollectionActionKindEnum = graphqlEnum(COLLECTION_ACTION_KINDS);
export const MessageChannelEnum = graphqlEnum(MESSAGE_CHANNELS);
export const MediationOutcomeEnum = graphqlEnum(MEDIATION_OUTCOMES);
export const UtilityEnum = graphqlEnum(UTILITY_CUT_OFF_BAN.utilities);
export const RateGroupingEnum = graphqlEnum(['AREA', 'BUILDING', 'MONTH', 'ALL'] as const);
registerEnumType(AccountStatusEnum, { name: 'ArrearsAccountStatus' });
registerEnumType(AgingBucketEnum, {
  name: 'AgingBucket',
  description: 'Days past the due date (a charge is aged only once past due): 1–30, 31–90, 91–180, 181–365, over 365.',
});
registerEnumType(PaymentMethodEnum, { name: 'PaymentMethod' });
registerEnumType(PaymentPurposeEnum, {
  name: 'ChargeKind',
  description: 'SERVICE_FEE (monthly property fee) or LEVY (one-off special levy, paid into its own account).',
});
registerEnumType(AdjustmentKindEnum, { name: 'AdjustmentKind' });
registerEnumType(CollectionActionKindEnum, {
  name: 'CollectionActionKind',
  description: 'There is no kind that cuts water, power, heating or gas (Civil Code art. 944).',
});
registerEnumType(MessageChannelEnum, { name: 'MessageChannel' });
registerEnumType(MediationOutcomeEnum, { name: 'MediationOutcome' });
registerEnumType(RateGroupingEnum, { name: 'CollectionRateGrouping' });
registerEnumType(UtilityEnum, {
  name: 'Utility',
  description: 'A supply a company may never cut to collect fees (Civil Code art. 944 para. 3).',
});

const FEN = { description: 'Whole fen (分).' };

@ObjectType('BilledSubsidy', {
  description: "A subsidy billed to its payer for the month, not to the owners (seed 003's 0.78 from the street).",
})
export class BilledSubsidyType {
  @Field() payer!: string;
  @Field() buildingClass!: string;
  @Field(() => Int) households!: number;
  @Field(() => Float, FEN) amountFen!: number;
}

@ObjectType('BillingRunPart', {
  description:
    "One of your contracts' days of the month billed: one part, but where one ends within the month and your renewal (another contract of the area) begins, each billed at its own filing's rates.",
})
export class BillingRunPartType {
  @Field(() => ID) filingId!: string;
  @Field(() => String, { nullable: true }) recordNumber!: string | null;
  @Field(() => Int, { description: 'The days of the month this contract serves.' }) days!: number;
}

@ObjectType('ChargePart', {
  description:
    "A part of a month's fee billed in parts: the days one of the company's contracts served at its filing's owner rate.",
})
export class ChargePartType {
  @Field(() => ID) filingId!: string;
  @Field(() => Int, { description: 'Fen per m² per month, the owner rate filed.' }) rateFen!: number;
  @Field(() => Int, { description: 'The days of the month served under this filing.' }) days!: number;
}

@ObjectType('BillingRun')
export class BillingRunType {
  @Field(() => ID) id!: string;
  @Field(() => ID) areaId!: string;
  @Field() month!: string;
  @Field(() => ID, { description: 'The accepted filing whose fee schedule was billed.' }) filingId!: string;
  @Field(() => String, { nullable: true }) recordNumber!: string | null;
  @Field(() => Int, { description: 'Households billed for the month, over every run of it.' }) households!: number;
  @Field(() => Float, FEN) chargedFen!: number;
  @Field(() => Int, { description: 'Households this run billed; 0 when the month was already billed.' })
  newlyBilled!: number;
  @Field(() => Int, {
    description: 'Households of the area the schedule has no rate for (their building class is missing).',
  })
  unbilledHouseholds!: number;
  @Field() dueOn!: string;
  @Field(() => Int, {
    description:
      "The days of the month your contracts serve the area: fewer than `monthDays` when one began or ended within it (a handover, Civil Code arts. 940, 949), and each household's fee and subsidy is then charged for those days.",
  })
  servedDays!: number;
  @Field(() => Int, { description: 'The days of the month.' }) monthDays!: number;
  @Directive('@listSize(assumedSize: 2)')
  @Field(() => [BillingRunPartType], {
    description:
      "Your contracts' days of the month, in order: one part, or two where one ends within the month and your renewal begins; each household's fee is then floor area × Σ rate × days ÷ the month's days, rounded once (its statement's `parts`).",
  })
  parts!: BillingRunPartType[];
  @Field(() => Int, {
    description:
      "Households whose fee of the month you billed for more days than your contracts now serve (a termination, or the owners' regular contract ending your preliminary one, filed after the month was billed): see correctFeesToServedDays.",
  })
  overbilledHouseholds!: number;
  @Field(() => Int, {
    description:
      "Households whose fee of the month, billed for fewer days than your contracts now serve (before your renewal, the contract it renews or your continued service was accepted), this run topped up to the month's parts: each a CORRECTION in the ledger with its reason, the raise falling due at the end of this month (its own late fee and limitation period); what was billed first keeps its due date, and what was paid of it stays paid. 0 when nothing fell short.",
  })
  toppedUpHouseholds!: number;
  @Field(() => Int, {
    description:
      "Households whose fee still falls short of the days your contracts serve, left as it is: corrected by hand since (correct it with adjustCharge), in arrears on the day its account was referred to a court (the claim stands as the court has it), or another company's fee of the month charges those days (run the month again once it is corrected).",
  })
  shortHouseholds!: number;
  @Field(() => Int, {
    description:
      "Households of the area you did not bill because another company's fee of the month charges more than the days its contracts serve (billed before its contract was known to end): it covers days yours serves, and an owner is never charged a day twice. Once that company corrects its fee (correctFeesToServedDays or adjustCharge), run the month again to bill them.",
  })
  billedByAnotherCompany!: number;
  @Directive('@listSize(assumedSize: 10)')
  @Field(() => [BilledSubsidyType])
  subsidies!: BilledSubsidyType[];
}

@ObjectType('ServedDaysCorrection')
export class ServedDaysCorrectionType {
  @Field(() => ID) areaId!: string;
  @Field() month!: string;
  @Field(() => Int, { description: 'The days of the month your contracts serve the area (0: none).' })
  servedDays!: number;
  @Field(() => Int) monthDays!: number;
  @Field(() => Int, { description: 'Households whose fee this request corrected to the days served.' })
  correctedHouseholds!: number;
  @Field(() => Int, {
    description:
      'Households billed for more days than served and left as they are: their fee was adjusted since, paid beyond the days served (a refund, not a correction), or its account is referred to a court (the claim stands as the court has it). Correct them one by one with adjustCharge.',
  })
  leftHouseholds!: number;
}

@ObjectType('AgingLine')
export class AgingLineType {
  @Field(() => AgingBucketEnum) bucket!: string;
  @Field(() => Int) count!: number;
  @Field(() => Float, FEN) openFen!: number;
}

// simpleResolvers: graphql-js reads each field's property itself, without type-graphql's per-field wrapper (no
// middleware or auth checker is registered): a page resolves 50 rows of these (issue 16).
@ObjectType('ArrearsAccountSummary', {
  description: 'An account in a list: no owner name, only the household and its arrears.',
  simpleResolvers: true,
})
export class ArrearsListItemType {
  @Field(() => ID) accountId!: string;
  @Field() companyId!: string;
  @Field(() => HouseholdRef, {
    nullable: true,
    description: 'The household in the areas register, where you may read it there.',
  })
  household!: HouseholdRef | null;
  @Field(() => ID) areaId!: string;
  @Field(() => ID) buildingId!: string;
  @Field(() => String, { nullable: true }) unit!: string | null;
  @Field(() => String, { nullable: true }) room!: string | null;
  @Field(() => AccountStatusEnum) status!: string;
  @Field(() => Float, { description: 'Everything open on the account, due or not, whole fen.' }) openFen!: number;
  @Field(() => Float, {
    description: 'What is open on the charges in arrears (past due and owed: Civil Code art. 944 para. 2), whole fen.',
  })
  arrearsFen!: number;
  @Field(() => Int, { description: 'Charges in arrears.' }) openCharges!: number;
  @Field(() => String, { nullable: true, description: 'Due date of the oldest charge in arrears.' }) oldestDueOn!:
    string | null;
  @Field(() => Int) daysOverdue!: number;
  @Field(() => AgingBucketEnum, { nullable: true }) agingBucket!: string | null;
}

@ObjectType('ArrearsPage', { simpleResolvers: true })
export class ArrearsPageType {
  @Directive('@listSize(assumedSize: 50)')
  @Field(() => [ArrearsListItemType])
  items!: ArrearsListItemType[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' })
  endCursor!: string | null;
  /** Reads the count and open total when `totalCount` or `openFen` is selected (ArrearsPageResolver). */
  totals!: () => Promise<{ totalCount: number; openFen: number }>;
  /** Reads the aging when `aging` is selected (ArrearsPageResolver). */
  agingLines!: () => Promise<AgingLineType[]>;
}

@ObjectType('StatementCharge')
export class StatementChargeType {
  @Field(() => ID) chargeId!: string;
  @Field(() => ChargeKindEnum) kind!: string;
  @Field({ description: 'The month served (YYYY-MM); for a levy, the month it was decided.' }) month!: string;
  @Field(() => ID, { nullable: true }) levyId!: string | null;
  @Field(() => ID, { nullable: true }) filingId!: string | null;
  @Field() dueOn!: string;
  @Field(() => Int, { description: 'Hundredths of m².' }) floorAreaCentiM2!: number;
  @Field(() => Int, { description: 'Fen per m² (per month for fees).' }) rateFen!: number;
  @Field(() => Int, {
    nullable: true,
    description:
      "The days of the month served, for a month's fee charged by the day (the company's contract began or ended within it): floor area × rate × servedDays ÷ the month's days. Null for the whole month and for a levy.",
  })
  servedDays!: number | null;
  @Directive('@listSize(assumedSize: 2)')
  @Field(() => [ChargePartType], {
    nullable: true,
    description:
      "A month's fee billed in parts (a contract of the company ended within the month and its renewal began, at another rate): each contract's filing, owner rate and days, the amount being floor area × Σ rate × days ÷ the month's days, rounded once (`rateFen` and `filingId` are the last part's). Null for a fee of one rate and for a levy.",
  })
  parts!: ChargePartType[] | null;
  @Field(() => Float, FEN) amountFen!: number;
  @Field(() => Float, FEN) paidFen!: number;
  @Field(() => Float, FEN) waivedFen!: number;
  @Field(() => Float, FEN) openFen!: number;
  @Field(() => Int) daysOverdue!: number;
  @Field({
    description:
      'Past due as of the statement (due before its day: Civil Code art. 944 para. 2), so in arrears while open.',
  })
  inArrears!: boolean;
  @Field(() => AgingBucketEnum, { nullable: true, description: 'Null while the charge is not yet past due.' })
  agingBucket!: string | null;
  @Field({
    description:
      "The day what is open fell due: dueOn, but where a correction raised the fee after it was billed and the part billed first is settled, the raise's own due date (the last day of the correction's month). limitationEndsOn and a referral's due date and demands count from it; daysOverdue, inArrears and agingBucket still count from dueOn, as the account's status and the arrears list do.",
  })
  owedSince!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Last day to sue without the limitation defence (Civil Code arts. 188, 195), counted from owedSince; null for a voluntary contribution.',
  })
  limitationEndsOn!: string | null;
  @Field(() => Float, { description: "Late fee as of today under the contract's terms; 0 when it has none." })
  lateFeeFen!: number;
  @Field(() => Int, {
    nullable: true,
    description:
      "Set while the grace period's last day lies past the holiday data: the fee (0 meanwhile) runs once the arrangement " +
      'for this year is recorded, from the day art. 203 gives.',
  })
  lateFeeAwaitsHolidayYear!: number | null;
  @Field({
    description: 'The company waived the late fee of this charge (adjustCharge LATE_FEE_WAIVER): 0 from then on.',
  })
  lateFeeWaived!: boolean;
}

@ObjectType('StatementPayment')
export class StatementPaymentType {
  @Field(() => ID) paymentId!: string;
  @Field() receiptNumber!: string;
  @Field(() => ChargeKindEnum) purpose!: string;
  @Field(() => Float, FEN) amountFen!: number;
  @Field(() => Float, FEN) creditFen!: number;
  @Field() paidOn!: string;
  @Field(() => PaymentMethodEnum) method!: string;
  @Field(() => String, { nullable: true, description: 'The day the payment, recorded in error, was reversed.' })
  reversedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was reversed.' })
  reversalReason!: string | null;
}

@ObjectType('StatementAdjustment')
export class StatementAdjustmentType {
  @Field(() => ID) chargeId!: string;
  @Field(() => AdjustmentKindEnum) kind!: string;
  @Field(() => Float, { nullable: true }) fen!: number | null;
  @Field(() => Float) amountBeforeFen!: number;
  @Field(() => Float) amountAfterFen!: number;
  @Field() reason!: string;
  @Field() on!: string;
}

@ObjectType('Instalment')
export class InstalmentType {
  @Field() dueOn!: string;
  @Field(() => Float, FEN) fen!: number;
}

@ObjectType('CollectionActionRecord')
export class CollectionActionRecordType {
  @Field(() => ID) actionId!: string;
  @Field(() => CollectionActionKindEnum) kind!: string;
  @Field() on!: string;
  @Directive('@listSize(assumedSize: 60)')
  @Field(() => [ID])
  chargeIds!: string[];
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => MessageChannelEnum, { nullable: true }) channel!: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'VISIT and CALL: whether the owner was reached; NOTICE_POSTED: whether the notice reached the owner (null for notices recorded before it was asked, counted as reached).',
  })
  reached!: boolean | null;
  @Field(() => String, { nullable: true }) promisedBy!: string | null;
  @Directive('@listSize(assumedSize: 24)')
  @Field(() => [InstalmentType], { nullable: true })
  instalments!: InstalmentType[] | null;
  @Field(() => String, { nullable: true }) mediator!: string | null;
  @Field(() => MediationOutcomeEnum, { nullable: true }) outcome!: string | null;
  @Field(() => String, { nullable: true }) outcomeOn!: string | null;
  @Field(() => String, {
    nullable: true,
    description: `LETTER: the day it reached the owner (or by the postal record should have); null while not recorded, and then the letter interrupts no limitation period and demands nothing yet (${DEMAND_ARRIVAL_SOURCE}). Letters recorded before arrivals were count from their sending until one is recorded.`,
  })
  deliveredOn!: string | null;
  @Field() recordedByRole!: string;
}

@ObjectType('MediationSessionSummary', {
  description:
    "A mediation session in the street's list, with its account (the household as the areas register releases it).",
})
export class MediationSessionItemType {
  @Field(() => ID) actionId!: string;
  @Field(() => ID) accountId!: string;
  @Field({ description: 'The company that billed the account.' }) companyId!: string;
  @Field(() => HouseholdRef, {
    nullable: true,
    description: 'The household in the areas register, where you may read it there.',
  })
  household!: HouseholdRef | null;
  @Field(() => ID) areaId!: string;
  @Field(() => AreaRef, {
    nullable: true,
    description: 'The area (住宅小区) in the areas register, where you may read it there.',
  })
  area!: AreaRef | null;
  @Field(() => ID) buildingId!: string;
  @Field(() => String, { nullable: true }) unit!: string | null;
  @Field(() => String, { nullable: true }) room!: string | null;
  @Field(() => AccountStatusEnum) accountStatus!: string;
  @Field({ description: 'The day of the session (YYYY-MM-DD).' }) on!: string;
  @Field() mediator!: string;
  @Field(() => MediationOutcomeEnum) outcome!: string;
  @Field(() => String, { nullable: true, description: 'When the mediation ended; null while PENDING.' })
  outcomeOn!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType('MediationSessionPage')
export class MediationSessionPageType {
  @Directive('@listSize(assumedSize: 20)')
  @Field(() => [MediationSessionItemType])
  items!: MediationSessionItemType[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' })
  endCursor!: string | null;
  /** Counts the sessions when `totalCount` is selected (MediationSessionPageResolver). */
  count!: () => Promise<number>;
}

@ObjectType('AccountTransition')
export class AccountTransitionType {
  @Field(() => AccountStatusEnum) from!: string;
  @Field(() => AccountStatusEnum) to!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field() on!: string;
  @Field() byRole!: string;
}

@ObjectType('ArrearsAccount', {
  description: "A household's account with the company that billed it: its statement as of today.",
})
export class ArrearsAccountType {
  @Field(() => ID) id!: string;
  @Field() companyId!: string;
  @Field(() => HouseholdRef, {
    nullable: true,
    description: 'The household in the areas register, where you may read it there.',
  })
  household!: HouseholdRef | null;
  @Field(() => ID) areaId!: string;
  @Field(() => ID) buildingId!: string;
  @Field(() => String, { nullable: true }) unit!: string | null;
  @Field(() => String, { nullable: true }) room!: string | null;
  @Field(() => Int, { nullable: true }) floorAreaCentiM2!: number | null;
  @Field(() => AccountStatusEnum) status!: string;
  @Field() statusChangedOn!: string;
  @Field(() => Float, {
    description:
      "Paid and not applied to any charge, in fen: what a payment left over (beyond every open charge, or beyond the charges it designated). An undesignated service-fee payment's credit is set against the fees billed later, when the area is billed; a designated payment's rest is held.",
  })
  creditFen!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Awarded by the court’s judgment, in fen (from the litigation referral).',
  })
  judgedFen!: number | null;
  @Field(() => Float, { nullable: true, description: 'Agreed in a settlement before the court, in fen.' }) settledFen!:
    number | null;
  @Field() asOf!: string;
  @Directive('@listSize(assumedSize: 60)')
  @Field(() => [StatementChargeType])
  charges!: StatementChargeType[];
  @Directive('@listSize(assumedSize: 5)')
  @Field(() => [AgingLineType])
  aging!: AgingLineType[];
  @Field(() => Float, FEN) billedFen!: number;
  @Field(() => Float, FEN) paidFen!: number;
  @Field(() => Float, FEN) waivedFen!: number;
  @Field(() => Float, FEN) openFen!: number;
  @Field(() => Float, {
    description: 'What is open on the charges past due (in arrears), whole fen; openFen less what is not yet due.',
  })
  arrearsFen!: number;
  @Field(() => Float, FEN) lateFeeFen!: number;
  @Directive('@listSize(assumedSize: 60)')
  @Field(() => [StatementPaymentType])
  payments!: StatementPaymentType[];
  @Directive('@listSize(assumedSize: 20)')
  @Field(() => [StatementAdjustmentType])
  adjustments!: StatementAdjustmentType[];
  @Directive('@listSize(assumedSize: 30)')
  @Field(() => [CollectionActionRecordType])
  actions!: CollectionActionRecordType[];
  @Directive('@listSize(assumedSize: 30)')
  @Field(() => [AccountTransitionType])
  transitions!: AccountTransitionType[];
}

@ObjectType('ReceiptAllocation')
export class ReceiptAllocationType {
  @Field(() => ID) chargeId!: string;
  @Field() month!: string;
  @Field(() => Float, FEN) fen!: number;
}

@ObjectType('Receipt', { description: 'What the payer is given: the receipt number and where the money went.' })
export class ReceiptType {
  @Field(() => ID) paymentId!: string;
  @Field() receiptNumber!: string;
  @Field(() => ID) accountId!: string;
  @Field(() => ChargeKindEnum) purpose!: string;
  @Field(() => ID, { nullable: true }) levyId!: string | null;
  @Field({ description: "PROPERTY_SERVICE_FEES, or the levy's separate account." }) paidInto!: string;
  @Field(() => Float, FEN) amountFen!: number;
  @Field(() => Float, { description: 'What no charge could take, kept as a credit on the account.' })
  creditFen!: number;
  @Field() paidOn!: string;
  @Field(() => PaymentMethodEnum) method!: string;
  @Directive('@listSize(assumedSize: 12)')
  @Field(() => [ReceiptAllocationType])
  allocations!: ReceiptAllocationType[];
  @Field() recordedAt!: Date;
  @Field(() => String, {
    nullable: true,
    description: 'The day the payment, recorded in error, was reversed (reversePayment); null while it stands.',
  })
  reversedOn!: string | null;
  @Field({
    description:
      'True when an earlier request had recorded this payment under the same idempotency key: nothing was recorded for it now (a retry, or a statement imported again).',
  })
  replayed!: boolean;
}

@ObjectType('CollectionRate', {
  description:
    'A rate with its numerator and denominator; percent has one decimal, half up, null when nothing was due.',
})
export class CollectionRateType {
  @Field(() => Float) numerator!: number;
  @Field(() => Float) denominator!: number;
  @Field(() => String, { nullable: true }) percent!: string | null;
}

@ObjectType('CollectionTotals')
export class CollectionTotalsType {
  @Field({ description: 'The area id, building id, month, or ALL.' }) key!: string;
  @Field(() => Int, { description: 'Charges billed (household-months when summed over months).' }) households!: number;
  @Field(() => Int) paidHouseholds!: number;
  @Field(() => Float, FEN) billedFen!: number;
  @Field(() => Float, FEN) collectedFen!: number;
  @Field(() => CollectionRateType) byHouseholds!: CollectionRateType;
  @Field(() => CollectionRateType) byAmount!: CollectionRateType;
}

@ObjectType('LevyBuilding')
export class LevyBuildingType {
  @Field(() => ID) buildingId!: string;
  @Field(() => Int) households!: number;
  @Field(() => Int) paidHouseholds!: number;
  @Field(() => Int, { description: 'Paid households needed to start the work (ceil of threshold × households).' })
  quota!: number;
  @Field() activated!: boolean;
  @Field(() => String, { nullable: true }) activatedOn!: string | null;
  @Field(() => Float, FEN) billedFen!: number;
  @Field(() => Float, FEN) collectedFen!: number;
  @Field(() => CollectionRateType) rate!: CollectionRateType;
}

@ObjectType('Levy', { description: 'A special levy (专项集资) per m² for some buildings, paid into its own account.' })
export class LevyType {
  @Field(() => ID) id!: string;
  @Field(() => ID) areaId!: string;
  @Field() title!: string;
  @Field() purpose!: string;
  @Field() accountName!: string;
  @Field(() => Int) rateFenPerM2!: number;
  @Field(() => Int) activationThresholdPercent!: number;
  @Field(() => Float, { description: 'What the company advanced for urgent work, in fen.' }) advanceFen!: number;
  @Field() decidedOn!: string;
  @Field() dueOn!: string;
  @Field(() => String, { nullable: true }) decisionReference!: string | null;
  @Field({
    description:
      "JOINT_DECISION (owed under the owners' joint decision named, Civil Code art. 278 item 6) or VOLUNTARY (never arrears).",
  })
  basis!: string;
  @Field(() => ID, { nullable: true }) jointDecisionId!: string | null;
  @Directive('@listSize(assumedSize: 50)')
  @Field(() => [LevyBuildingType])
  buildings!: LevyBuildingType[];
  @Field(() => Int) households!: number;
  @Field(() => Int) paidHouseholds!: number;
  @Field(() => Float, FEN) billedFen!: number;
  @Field(() => Float, FEN) collectedFen!: number;
  @Field(() => CollectionRateType) byHouseholds!: CollectionRateType;
  @Field(() => CollectionRateType) byAmount!: CollectionRateType;
}

// ------------------------------------------------------------------------------------------------ inputs

@InputType('ArrearsFilter')
export class ArrearsFilterInput {
  @Field(() => ID, { nullable: true }) areaId?: string | null;
  @Field(() => ID, { nullable: true }) buildingId?: string | null;
  @Field(() => [AccountStatusEnum], {
    nullable: true,
    description: 'Without statuses only accounts with something open are listed.',
  })
  statuses?: AccountStatus[] | null;
  @Field(() => AgingBucketEnum, { nullable: true, description: "The bucket of the account's oldest open charge." })
  agingBucket?: AgingBucket | null;
  @Field(() => Fen, { nullable: true }) minOpenFen?: number | null;
  @Field(() => Fen, { nullable: true }) maxOpenFen?: number | null;
}

@InputType('PaymentInput')
export class PaymentInputType {
  @Field(() => ID) accountId!: string;
  @Field(() => PaymentFen, FEN) amountFen!: number;
  @Field(() => LocalDate) paidOn!: string;
  @Field(() => PaymentMethodEnum) method!: string;
  @Field(() => PaymentPurposeEnum, { defaultValue: 'SERVICE_FEE' }) purpose!: PaymentPurpose;
  @Field(() => ID, { nullable: true }) levyId?: string | null;
  @Field(() => [ID], {
    nullable: true,
    description:
      'Charges the payer designated; otherwise those due by the day paid, the ones carrying a late fee first (Civil Code art. 560 para. 2), then the earliest due.',
  })
  designatedChargeIds?: string[] | null;
  @Field(() => Key, { nullable: true, description: 'Bank or payment-platform reference.' }) payerReference?:
    string | null;
  @Field(() => Key, { description: 'The same on every retry: a retry returns the same receipt.' })
  idempotencyKey!: string;
}

@InputType('InstalmentInput')
export class InstalmentInputType {
  @Field(() => LocalDate) dueOn!: string;
  @Field(() => PaymentFen, FEN) fen!: number;
}

@InputType('CollectionActionInput')
export class CollectionActionInputType {
  @Field(() => CollectionActionKindEnum) kind!: string;
  @Field(() => LocalDate, { description: 'When it happened (YYYY-MM-DD).' }) on!: string;
  @Field(() => [ID], { description: 'The charges demanded: only these have their limitation period restarted.' })
  chargeIds!: string[];
  @Field(() => Note, { nullable: true }) note?: string | null;
  @Field(() => MessageChannelEnum, { nullable: true }) channel?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: `VISIT, CALL and NOTICE_POSTED (required for these): whether the owner was reached. A notice reached the owner posted at their own door with proof (a photo of it there, their acknowledgement), not only at the building entrance or in another common part; one that did not demands nothing and interrupts no limitation period (${NOTICE_ARRIVAL_SOURCE}).`,
  })
  reached?: boolean | null;
  @Field(() => Name, { nullable: true }) promisedBy?: string | null;
  @Field(() => [InstalmentInputType], { nullable: true }) instalments?: InstalmentInputType[] | null;
  @Field(() => Name, { nullable: true }) mediator?: string | null;
  @Field(() => MediationOutcomeEnum, { nullable: true }) outcome?: string | null;
  @Field(() => LocalDate, { nullable: true }) outcomeOn?: string | null;
  @Field(() => LocalDate, {
    nullable: true,
    description: `LETTER: the day it reached the owner, or by the postal record should have (refused at the address); not after today. A letter interrupts the limitation period, and demands payment, from its arrival (${DEMAND_ARRIVAL_SOURCE}): without it, not at all; recordLetterDelivery adds it later.`,
  })
  deliveredOn?: string | null;
}

@InputType('LevyInput')
export class LevyInputType {
  @Field(() => ID) areaId!: string;
  @Field(() => Name) title!: string;
  @Field(() => Name) purpose!: string;
  @Field(() => Name, {
    description: "The separate account the levy is paid into (seed 002: the committee's own account).",
  })
  accountName!: string;
  @Field(() => RateFen) rateFenPerM2!: number;
  @Field(() => Int) activationThresholdPercent!: number;
  @Field(() => Fen, { defaultValue: 0 }) advanceFen!: number;
  @Field(() => LocalDate) decidedOn!: string;
  @Field(() => LocalDate) dueOn!: string;
  @Field(() => Name, { nullable: true }) decisionReference?: string | null;
  @Field(() => [ID]) buildingIds!: string[];
  @Field(() => Key, {
    nullable: true,
    description:
      'Your id of this levy (8–128 of A–Z a–z 0–9 . _ : -): a retry with it returns the same levy, billed once.',
  })
  idempotencyKey?: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      "The owners' valid joint decision on raising funds (Civil Code art. 278 item 6) the levy is owed under; or else voluntary.",
  })
  jointDecisionId?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'A voluntary contribution: never arrears, aged, referred or time-barred.',
  })
  voluntary?: boolean | null;
}

@ObjectType('UtilityViolation', {
  description:
    'A utility cut-off reported against a company (Civil Code art. 944 para. 3), kept as evidence on its record.',
})
export class UtilityViolationType {
  @Field(() => ID) id!: string;
  @Field() companyId!: string;
  @Field(() => ID) areaId!: string;
  @Field() occurredOn!: string;
  @Field(() => UtilityEnum) utility!: string;
  @Field({ description: 'SHA-256 of the evidence file (photo, notice, statement).' }) evidenceSha256!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field({ description: 'STREET_OFFICE or OWNERS_COMMITTEE.' }) reportedByRole!: string;
  @Field({ description: 'The reporting organisation.' }) reportedBy!: string;
  @Field() recordedAt!: Date;
  @Field({ description: 'The rule broken.' }) source!: string;
}

@ObjectType('CompanyViolationPage')
export class CompanyViolationPageType {
  @Field(() => Int, {
    description: 'Every violation on the record you may read (of the company asked for), not only this page.',
  })
  totalCount!: number;
  @Directive('@listSize(assumedSize: 50)')
  @Field(() => [UtilityViolationType])
  items!: UtilityViolationType[];
}

@InputType('UtilityCutOffInput')
export class UtilityCutOffInputType {
  @Field(() => Key, { description: "The company's organisation id (registration)." }) companyId!: string;
  @Field(() => ID) areaId!: string;
  @Field(() => LocalDate, { description: 'When the supply was cut (YYYY-MM-DD).' }) occurredOn!: string;
  @Field(() => UtilityEnum) utility!: string;
  @Field(() => Key, { description: "The evidence file's SHA-256 (64 lower-case hex digits)." }) evidenceSha256!: string;
  @Field(() => Note, { nullable: true, description: 'Up to 500 characters.' }) note?: string | null;
}
