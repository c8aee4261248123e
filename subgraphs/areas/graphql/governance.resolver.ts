import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { InvalidInputError } from '../../../kernel/errors';
import { RequestContext, childrenLoader } from '../../../platform/subgraph/context';
import {
  changeCommitteeMembers,
  formPropertyManagementCommittee,
  recordCommitteeFiling,
  recordCommitteeRecording,
  recordJointDecision,
  recordOwnersAssembly,
  recordOwnersCommittee,
} from '../application/governance';
import { CHINA_WORKING_DAYS } from '../application/official-holidays';
import { mayReadStreet } from '../domain/access';
import { parseSquareMetres } from '../domain/floor-area';
import { JointDecisionOutcome, RatioView, decideJointDecision } from '../domain/joint-decision';
import { isAssemblyMissing } from '../domain/owners-assembly';
import { isRecordingLate, recordingDeadline } from '../domain/property-management-committee';
import { JointDecisionMatter } from '../domain/statutes';
import { Area } from '../persistence/area.entity';
import { GovernanceBody, GovernanceMember, JointDecision } from '../persistence/governance.entity';
import { AreaType } from './area.type';
import {
  ChangeCommitteeMembersInput,
  FormPropertyManagementCommitteeInput,
  GovernanceBodyType,
  GovernanceMemberType,
  JointDecisionType,
  RatioType,
  RecordJointDecisionInput,
  RecordOwnersAssemblyInput,
  RecordOwnersCommitteeInput,
  TallyInput,
} from './governance.type';

const ratio = (r: RatioView | null): RatioType | null =>
  r && { numerator: String(r.numerator), denominator: String(r.denominator), percent: r.display };

function decisionView(decision: JointDecision, outcome: JointDecisionOutcome): JointDecisionType {
  return {
    id: decision.id,
    areaId: decision.areaId,
    matter: decision.matter as JointDecisionMatter,
    heldOn: decision.heldOn,
    valid: outcome.valid,
    reasons: outcome.reasons,
    participationOwners: ratio(outcome.ratios.participationOwners)!,
    participationArea: ratio(outcome.ratios.participationArea)!,
    consentOwners: ratio(outcome.ratios.consentOwners),
    consentArea: ratio(outcome.ratios.consentArea),
  };
}

/** Stored decisions are re-assessed from their stored tally, so the ratios shown are the exact ones decided on. */
const storedOutcome = (d: JointDecision) =>
  decideJointDecision(d.matter as JointDecisionMatter, {
    totalOwners: d.totalOwners,
    totalAreaCentiM2: Number(d.totalAreaCentiM2),
    participatingOwners: d.participatingOwners,
    participatingAreaCentiM2: Number(d.participatingAreaCentiM2),
    consentingOwners: d.consentingOwners,
    consentingAreaCentiM2: Number(d.consentingAreaCentiM2),
  });

function tallyFromInput(t: TallyInput) {
  const areas = { totalArea: t.totalArea, participatingArea: t.participatingArea, consentingArea: t.consentingArea };
  const parsed = Object.fromEntries(Object.entries(areas).map(([k, v]) => [k, parseSquareMetres(v)]));
  const bad = Object.entries(parsed).filter(([, v]) => v === undefined);
  if (bad.length > 0) throw new InvalidInputError('Areas must be m² with at most two decimals', { fields: Object.fromEntries(bad.map(([k]) => [k, 'not an area'])) });
  return {
    totalOwners: t.totalOwners,
    totalAreaCentiM2: parsed.totalArea!,
    participatingOwners: t.participatingOwners,
    participatingAreaCentiM2: parsed.participatingArea!,
    consentingOwners: t.consentingOwners,
    consentingAreaCentiM2: parsed.consentingArea!,
  };
}

@Resolver(() => AreaType)
export class AreaGovernanceResolver {
  @FieldResolver(() => [GovernanceBodyType], { description: 'Standing and past governance bodies, newest first.' })
  governanceBodies(@Root() area: Area, @Ctx() ctx: RequestContext): Promise<GovernanceBodyType[]> {
    if (!mayReadStreet(ctx.identity, area.streetCode)) return Promise.resolve([]);
    return childrenLoader(ctx, 'areas.bodies-by-area', (ids) => ctx.em.find(GovernanceBody, { areaId: { $in: ids } }, { orderBy: { formedOn: 'desc' } }), (b) => b.areaId).load(area.id);
  }

  @FieldResolver(() => [JointDecisionType])
  async jointDecisions(@Root() area: Area, @Ctx() ctx: RequestContext): Promise<JointDecisionType[]> {
    if (!mayReadStreet(ctx.identity, area.streetCode)) return [];
    const decisions = await childrenLoader(
      ctx,
      'areas.decisions-by-area',
      (ids) => ctx.em.find(JointDecision, { areaId: { $in: ids } }, { orderBy: { heldOn: 'desc' } }),
      (d) => d.areaId,
    ).load(area.id);
    return decisions.map((d) => decisionView(d, storedOutcome(d)));
  }

  @Mutation(() => GovernanceBodyType)
  formPropertyManagementCommittee(@Arg('input') input: FormPropertyManagementCommitteeInput, @Ctx() ctx: RequestContext): Promise<GovernanceBodyType> {
    return formPropertyManagementCommittee(ctx.em, ctx.identity, input);
  }

  @Mutation(() => GovernanceBodyType, { description: 'Records the filing of a property-management committee; filedLate flags a filing after 30 days.' })
  recordCommitteeFiling(
    @Arg('bodyId', () => ID) bodyId: string,
    @Arg('filedOn') filedOn: string,
    @Ctx() ctx: RequestContext,
  ): Promise<GovernanceBodyType> {
    return recordCommitteeFiling(ctx.em, ctx.identity, { bodyId, filedOn });
  }

  @Mutation(() => GovernanceBodyType, {
    description: 'Records the street office recording (备案) of a filed property-management committee; recordedLate flags one after 5 working days.',
  })
  recordCommitteeRecording(
    @Arg('bodyId', () => ID) bodyId: string,
    @Arg('recordedOn') recordedOn: string,
    @Ctx() ctx: RequestContext,
  ): Promise<GovernanceBodyType> {
    return recordCommitteeRecording(ctx.em, ctx.identity, { bodyId, recordedOn });
  }

  @Mutation(() => GovernanceBodyType, {
    description: "Records the area's owners' assembly (one per area); a standing owners' committee is linked to it.",
  })
  recordOwnersAssembly(@Arg('input') input: RecordOwnersAssemblyInput, @Ctx() ctx: RequestContext): Promise<GovernanceBodyType> {
    return recordOwnersAssembly(ctx.em, ctx.identity, input);
  }

  @Mutation(() => GovernanceBodyType, { description: 'Replaces the membership; a property-management committee must still meet arts. 52–59.' })
  changeCommitteeMembers(@Arg('input') input: ChangeCommitteeMembersInput, @Ctx() ctx: RequestContext): Promise<GovernanceBodyType> {
    return changeCommitteeMembers(ctx.em, ctx.identity, input);
  }

  @Mutation(() => GovernanceBodyType, {
    description:
      "Records an owners' committee, linked to the area's owners' assembly (flagged assemblyNotRecorded without one); " +
      'a standing property-management committee is dissolved.',
  })
  recordOwnersCommittee(@Arg('input') input: RecordOwnersCommitteeInput, @Ctx() ctx: RequestContext): Promise<GovernanceBodyType> {
    return recordOwnersCommittee(ctx.em, ctx.identity, input);
  }

  @Mutation(() => JointDecisionType, { description: 'Records a joint decision; the hub decides valid / invalid with every reason.' })
  async recordJointDecision(@Arg('input') input: RecordJointDecisionInput, @Ctx() ctx: RequestContext): Promise<JointDecisionType> {
    const { decision, outcome } = await recordJointDecision(ctx.em, ctx.identity, {
      areaId: input.areaId,
      matter: input.matter,
      heldOn: input.heldOn,
      ...(input.tally ? { tally: tallyFromInput(input.tally) } : { ballots: input.ballots ?? [] }),
    } as Parameters<typeof recordJointDecision>[2]);
    return decisionView(decision, outcome);
  }
}

@Resolver(() => GovernanceBodyType)
export class GovernanceBodyResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'A filed property-management committee is recorded by the 5th working day after its filing (Beijing art. 55; ' +
      "State Council holiday notices); null until filed, or while the deadline's year has no published notice.",
  })
  recordingDeadline(@Root() body: GovernanceBody): string | null {
    if (body.kind !== 'PROPERTY_MANAGEMENT_COMMITTEE' || !body.filedOn) return null;
    return recordingDeadline(body.filedOn, CHINA_WORKING_DAYS) ?? null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'True when recorded after the recording deadline (flagged, not refused); null until recorded or while unknown.',
  })
  recordedLate(@Root() body: GovernanceBody): boolean | null {
    if (body.kind !== 'PROPERTY_MANAGEMENT_COMMITTEE' || !body.filedOn || !body.recordedOn) return null;
    return isRecordingLate(body.filedOn, body.recordedOn, CHINA_WORKING_DAYS) ?? null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: "True for an owners' committee recorded while its area's owners' assembly is not on record (recorded anyway, flagged).",
  })
  assemblyNotRecorded(@Root() body: GovernanceBody): boolean | null {
    return isAssemblyMissing(body) ?? null;
  }

  @FieldResolver(() => [GovernanceMemberType])
  members(@Root() body: GovernanceBody, @Ctx() ctx: RequestContext): Promise<GovernanceMemberType[]> {
    return childrenLoader(
      ctx,
      'areas.members-by-body',
      (ids) => ctx.em.find(GovernanceMember, { bodyId: { $in: ids } }, { orderBy: { seat: 'asc', name: 'asc' } }),
      (m) => m.bodyId,
    ).load(body.id);
  }
}
