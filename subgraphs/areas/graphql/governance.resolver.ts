import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../../platform/subgraph/context';
import { changeCommitteeMembers } from '../application/change-committee-members';
import { formPropertyManagementCommittee } from '../application/form-property-management-committee';
import { CHINA_WORKING_DAYS } from '../application/official-holidays';
import { recordCommitteeFiling } from '../application/record-committee-filing';
import { recordCommitteeRecording } from '../application/record-committee-recording';
import { recordJointDecision } from '../application/record-joint-decision';
import { recordOwnersAssembly } from '../application/record-owners-assembly';
import { recordOwnersCommittee } from '../application/record-owners-committee';
import { committeeRecordingDeadline, isCommitteeRecordedLate } from '../domain/governance-body';
import { isAssemblyMissing } from '../domain/owners-assembly';
import type { GovernanceBody } from '../persistence/governance-body.entity';
import { AreaType } from './area.type';
import { governanceBodiesLoader, jointDecisionsLoader, membersLoader } from './governance.loaders';
import { decisionInputOf, jointDecisionType } from './governance.mappers';
import {
  ChangeCommitteeMembersInput,
  FormPropertyManagementCommitteeInput,
  GovernanceBodyType,
  GovernanceMemberType,
  JointDecisionType,
  RecordJointDecisionInput,
  RecordOwnersAssemblyInput,
  RecordOwnersCommitteeInput,
} from './governance.type';
import { LocalDate } from '../../../platform/graphql/scalars';

@Resolver(() => AreaType)
export class AreaGovernanceResolver {
  @Directive('@listSize(assumedSize: 5)')
  @FieldResolver(() => [GovernanceBodyType], { description: 'Standing and past governance bodies, newest first.' })
  governanceBodies(@Root() area: AreaType, @Ctx() ctx: RequestContext): Promise<GovernanceBodyType[]> {
    return governanceBodiesLoader(ctx).load(area);
  }

  @Directive('@listSize(assumedSize: 10)')
  @FieldResolver(() => [JointDecisionType])
  async jointDecisions(@Root() area: AreaType, @Ctx() ctx: RequestContext): Promise<JointDecisionType[]> {
    return (await jointDecisionsLoader(ctx).load(area)).map(jointDecisionType);
  }

  @Mutation(() => GovernanceBodyType)
  formPropertyManagementCommittee(@Arg('input') input: FormPropertyManagementCommitteeInput, @Ctx() ctx: RequestContext): Promise<GovernanceBodyType> {
    return formPropertyManagementCommittee(ctx.em, ctx.identity, input);
  }

  @Mutation(() => GovernanceBodyType, { description: 'Records the filing of a property-management committee; filedLate flags a filing after 30 days.' })
  recordCommitteeFiling(
    @Arg('bodyId', () => ID) bodyId: string,
    @Arg('filedOn', () => LocalDate) filedOn: string,
    @Ctx() ctx: RequestContext,
  ): Promise<GovernanceBodyType> {
    return recordCommitteeFiling(ctx.em, ctx.identity, { bodyId, filedOn });
  }

  @Mutation(() => GovernanceBodyType, {
    description: 'Records the street office recording (备案) of a filed property-management committee; recordedLate flags one after 5 working days.',
  })
  recordCommitteeRecording(
    @Arg('bodyId', () => ID) bodyId: string,
    @Arg('recordedOn', () => LocalDate) recordedOn: string,
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
    return jointDecisionType(await recordJointDecision(ctx.em, ctx.identity, decisionInputOf(input)));
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
    return committeeRecordingDeadline(body, CHINA_WORKING_DAYS) ?? null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'True when recorded after the recording deadline (flagged, not refused); null until recorded or while unknown.',
  })
  recordedLate(@Root() body: GovernanceBody): boolean | null {
    return isCommitteeRecordedLate(body, CHINA_WORKING_DAYS) ?? null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: "True for an owners' committee recorded while its area's owners' assembly is not on record (recorded anyway, flagged).",
  })
  assemblyNotRecorded(@Root() body: GovernanceBody): boolean | null {
    return isAssemblyMissing(body) ?? null;
  }

  @Directive('@listSize(assumedSize: 15)')
  @FieldResolver(() => [GovernanceMemberType])
  members(@Root() body: GovernanceBody, @Ctx() ctx: RequestContext): Promise<GovernanceMemberType[]> {
    return membersLoader(ctx).load(body.id);
  }
}
