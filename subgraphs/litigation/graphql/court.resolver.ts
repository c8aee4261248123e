import { Arg, Ctx, Directive, Field, Float, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Fen, Key, LocalDate, Name, Note } from '../../../platform/graphql/scalars';
import { RequestContext } from '../../../platform/subgraph/context';
import { listCourts } from '../application/list-courts';
import { listSmallClaimsThresholds, recordSmallClaimsThreshold } from '../application/record-small-claims-threshold';
import { registerCourt, setCourtTerritory } from '../application/register-court';
import { MAX_COURT_DISTRICTS } from '../domain/court';
import { RecordedThreshold } from '../domain/small-claims-threshold';

@ObjectType('SmallClaimsThreshold', {
  description:
    "A province's small-claims threshold for a year as a court recorded it from its high court's notice (Civil Procedure Law art. 165).",
})
export class SmallClaimsThresholdType {
  @Field() provinceCode!: string;
  @Field(() => Int) year!: number;
  @Field() effectiveFrom!: string;
  @Field(() => Float, { description: 'Claims at or below it are small claims; whole fen (分).' }) amountFen!: number;
  @Field(() => Float, {
    description: "Above the threshold and at or below this, small claims by both parties' consent; whole fen.",
  })
  consentCeilingFen!: number;
  @Field({ description: "The high court's notice." }) source!: string;
  @Field() recordedBy!: string;
  @Field() recordedRole!: string;
  @Field() recordedAt!: Date;
}

@InputType('SmallClaimsThresholdInput')
export class SmallClaimsThresholdInput {
  @Field(() => Key, { description: 'GB/T 2260 province code, e.g. 110000.' }) provinceCode!: string;
  @Field(() => Int, { description: 'The year of docketing the figure applies to.' }) year!: number;
  @Field(() => Fen, { description: 'The threshold as published, whole fen.' }) amountFen!: number;
  @Field(() => Fen, {
    description:
      "The notice's consent ceiling (200% of the wage, art. 165 para. 2), whole fen. Required: 4 × a rounded threshold can exceed it. Within ¥4 of 4 × amountFen (both in whole yuan of one wage).",
  })
  consentCeilingFen!: number;
  @Field(() => LocalDate, {
    nullable: true,
    description: 'The first day it applies (YYYY-MM-DD); the year’s first day when omitted.',
  })
  effectiveFrom?: string | null;
  @Field(() => Note, { description: "The high court's notice: title, number and date (up to 1,000 characters)." })
  source!: string;
}

const thresholdView = (t: RecordedThreshold): SmallClaimsThresholdType => ({
  provinceCode: t.provinceCode,
  year: t.applicationYear,
  effectiveFrom: t.effectiveFrom,
  amountFen: t.thresholdFen,
  consentCeilingFen: t.consentCeilingFen,
  source: t.source,
  recordedBy: t.recordedBy,
  recordedRole: t.recordedRole,
  recordedAt: t.recordedAt,
});

@ObjectType('Court', { description: 'A court receiving referrals through the green channel (绿色通道).' })
export class CourtType {
  @Field()
  courtId!: string;

  @Field()
  name!: string;

  @Field({ description: 'GB/T 2260 province code; decides the small-claims threshold.' })
  provinceCode!: string;

  @Directive(`@listSize(assumedSize: ${MAX_COURT_DISTRICTS})`)
  @Field(() => [String], {
    description:
      'Its territory: the GB/T 2260 districts whose property-fee cases it hears (Civil Procedure Law art. 24, where the property is). A referral goes to the court of the area’s district.',
  })
  districtCodes!: string[];
}

@InputType()
export class RegisterCourtInput {
  @Field(() => Key)
  courtId!: string;

  @Field(() => Name)
  name!: string;

  @Field(() => Key)
  provinceCode!: string;

  @Field(() => [Key], { description: `1-${MAX_COURT_DISTRICTS} district codes of the province: its territory.` })
  districtCodes!: string[];
}

@Resolver(() => CourtType)
export class CourtResolver {
  @Directive('@listSize(assumedSize: 50)')
  @Query(() => [CourtType], {
    description: 'Courts connected to the hub, for referring parties: any signed-in organisation reads it.',
  })
  courts(@Ctx() ctx: RequestContext): Promise<CourtType[]> {
    return listCourts(ctx.em);
  }

  @Directive('@listSize(assumedSize: 20)')
  @Query(() => [SmallClaimsThresholdType], {
    description:
      'Small-claims thresholds recorded for a province, oldest first (the latest of a year applies), with who recorded each.',
  })
  async smallClaimsThresholds(
    @Arg('provinceCode', () => Key) provinceCode: string,
    @Ctx() ctx: RequestContext,
  ): Promise<SmallClaimsThresholdType[]> {
    return (await listSmallClaimsThresholds(ctx.em, provinceCode)).map(thresholdView);
  }

  @Directive('@listSize(assumedSize: 20)')
  @Mutation(() => [SmallClaimsThresholdType], {
    description:
      "A court of the province (or the admin) records its high court's small-claims threshold for a year; returns that year's records, the new one last.",
  })
  async recordSmallClaimsThreshold(
    @Arg('threshold', () => SmallClaimsThresholdInput) threshold: SmallClaimsThresholdInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SmallClaimsThresholdType[]> {
    return (await recordSmallClaimsThreshold(ctx.em, ctx.identity, threshold)).map(thresholdView);
  }

  @Mutation(() => CourtType, { description: 'Hub administrators connect a court to the hub.' })
  registerCourt(@Arg('input') input: RegisterCourtInput, @Ctx() ctx: RequestContext): Promise<CourtType> {
    return registerCourt(ctx.em, ctx.identity, input);
  }

  @Mutation(() => CourtType, {
    description: 'Hub administrators set the districts a court hears (its territory); later referrals follow it.',
  })
  setCourtTerritory(
    @Arg('courtId', () => Key) courtId: string,
    @Arg('districtCodes', () => [Key]) districtCodes: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<CourtType> {
    return setCourtTerritory(ctx.em, ctx.identity, courtId, districtCodes);
  }
}
