import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { todayInChina } from '../../../kernel/clock';
import { RequestContext } from '../../../platform/subgraph/context';
import { changeCommitteeMembers } from '../application/change-committee-members';
import { formPropertyManagementCommittee } from '../application/form-property-management-committee';
import { recordCommitteeFiling } from '../application/record-committee-filing';
import { recordCommitteeRecording } from '../application/record-committee-recording';
import { listAreaJointDecisions } from '../application/list-area-joint-decisions';
import { recordJointDecision } from '../application/record-joint-decision';
import { recordOwnersAssembly } from '../application/record-owners-assembly';
import { recordOwnersCommittee } from '../application/record-owners-committee';
import { overdueGovernanceBodies } from '../application/overdue-governance-bodies';
import {
  isBodyRecordedLate,
  isFilingOverdue,
  isTermExpired,
  shownBodyFilingDeadline,
  shownBodyRecordingDeadline,
} from '../domain/governance-body';
import { PMC_FILING_CONDITION } from '../domain/statutes';
import { isAssemblyMissing } from '../domain/owners-assembly';
import type { GovernanceBody } from '../persistence/governance-body.entity';
import { AreaType } from './area.type';
import { governanceBodiesLoader, jointDecisionsLoader, membersLoader, ownersLoader } from './governance.loaders';
import { decisionInputOf, jointDecisionType } from './governance.mappers';
import {
  AreaOwnersType,
  ChangeCommitteeMembersInput,
  FormPropertyManagementCommitteeInput,
  GovernanceBodyType,
  GovernanceMemberType,
  JointDecisionType,
  OverdueGovernanceBodyType,
  RecordJointDecisionInput,
  RecordOwnersAssemblyInput,
  RecordOwnersCommitteeInput,
} from './governance.type';
import { Key, LocalDate } from '../../../platform/graphql/scalars';

@Resolver(() => AreaType)
export class AreaGovernanceResolver {
  @Directive('@listSize(assumedSize: 20)')
  @Query(() => [OverdueGovernanceBodyType], {
    description:
      "The street office's overdue list: standing committees of your streets whose 30-day filing passed unfiled (Beijing art. 55 para. 1, in Beijing; " +
      'Civil Code art. 203) or whose term has ended, as of asOf (today unless given). Street offices and bureaus, their jurisdiction only.',
  })
  overdueGovernanceBodies(
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => LocalDate, { nullable: true }) asOf?: string,
  ): Promise<OverdueGovernanceBodyType[]> {
    return overdueGovernanceBodies(ctx.em, ctx.identity, asOf);
  }

  @Directive('@listSize(slicingArguments: ["first"])')
  @Query(() => [JointDecisionType], {
    description:
      "One area's joint decisions, latest meeting first (at most 200): its street office and bureaus, and the area's own committee until it is dissolved. Anyone else NOT_FOUND.",
  })
  async areaJointDecisions(
    @Arg('areaId', () => ID) areaId: string,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
  ): Promise<JointDecisionType[]> {
    return (await listAreaJointDecisions(ctx.em, ctx.identity, areaId, first)).map(jointDecisionType);
  }

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

  @FieldResolver(() => AreaOwnersType, {
    nullable: true,
    description:
      'The electorate of joint decisions, from the register (street offices and bureaus); null without households or access.',
  })
  async owners(@Root() area: AreaType, @Ctx() ctx: RequestContext): Promise<AreaOwnersType | null> {
    const [counted] = await ownersLoader(ctx).load(area);
    return counted
      ? {
          owners: counted.owners,
          households: counted.households,
          floorArea: (counted.floorAreaCentiM2 / 100).toFixed(2),
        }
      : null;
  }

  @Mutation(() => GovernanceBodyType)
  formPropertyManagementCommittee(
    @Arg('input') input: FormPropertyManagementCommitteeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<GovernanceBodyType> {
    return formPropertyManagementCommittee(ctx.em, ctx.identity, input);
  }

  @Mutation(() => GovernanceBodyType, {
    description: `Records the filing of a property-management committee; filedLate flags a filing after 30 days (Beijing, where the period runs: ${PMC_FILING_CONDITION}; null otherwise and where the hub holds no rules for the city).`,
  })
  recordCommitteeFiling(
    @Arg('bodyId', () => ID) bodyId: string,
    @Arg('filedOn', () => LocalDate) filedOn: string,
    @Ctx() ctx: RequestContext,
  ): Promise<GovernanceBodyType> {
    return recordCommitteeFiling(ctx.em, ctx.identity, { bodyId, filedOn });
  }

  @Mutation(() => GovernanceBodyType, {
    description:
      'Records the street office recording (备案) of a filed property-management committee; recordedLate flags one after 5 working days (Beijing; null where the hub holds no rules for the city).',
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
  recordOwnersAssembly(
    @Arg('input') input: RecordOwnersAssemblyInput,
    @Ctx() ctx: RequestContext,
  ): Promise<GovernanceBodyType> {
    return recordOwnersAssembly(ctx.em, ctx.identity, input);
  }

  @Mutation(() => GovernanceBodyType, {
    description:
      "Replaces the membership; a property-management committee must still meet art. 54, an owners' committee its " +
      'size and owner members (as recordOwnersCommittee; BAD_USER_INPUT naming each problem).',
  })
  changeCommitteeMembers(
    @Arg('input') input: ChangeCommitteeMembersInput,
    @Ctx() ctx: RequestContext,
  ): Promise<GovernanceBodyType> {
    return changeCommitteeMembers(ctx.em, ctx.identity, input);
  }

  @Mutation(() => GovernanceBodyType, {
    description:
      "Records an owners' committee, linked to the area's owners' assembly (flagged assemblyNotRecorded without one); " +
      'a standing property-management committee is dissolved. Its members are owners (OWNER, PROPERTY_RIGHTS_UNIT), ' +
      'an odd number, 5 to 11 (Ministry guidance 建房〔2009〕274号 art. 31) or in Beijing 5 or more, 3 where the ' +
      "area's declared households are at most 100 (Beijing art. 39); its term, when given, at most 5 years from its " +
      'election, or from recordedOn where no election day is known (art. 32; Beijing art. 41): BAD_USER_INPUT naming ' +
      'each problem and field otherwise.',
  })
  recordOwnersCommittee(
    @Arg('input') input: RecordOwnersCommitteeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<GovernanceBodyType> {
    return recordOwnersCommittee(ctx.em, ctx.identity, input);
  }

  @Mutation(() => JointDecisionType, {
    description: 'Records a joint decision; the hub decides valid / invalid with every reason.',
  })
  async recordJointDecision(
    @Arg('input') input: RecordJointDecisionInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => Key, {
      nullable: true,
      description:
        'Your id of this record (8–128 of A–Z a–z 0–9 . _ : -): a retry with it returns the decision recorded the first time instead of recording it twice.',
    })
    idempotencyKey?: string | null,
  ): Promise<JointDecisionType> {
    return jointDecisionType(await recordJointDecision(ctx.em, ctx.identity, decisionInputOf(input), idempotencyKey));
  }
}

@Resolver(() => GovernanceBodyType)
export class GovernanceBodyResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      `A filed property-management committee is recorded by the 5th working day after its filing (Beijing art. 55, in Beijing, where its periods run: ${PMC_FILING_CONDITION}; null otherwise and elsewhere; ` +
      "State Council holiday notices), an owners' committee by the 5th working day after its application (Beijing art. 43 para. 2; null elsewhere and without filedOn); " +
      "null until filed; provisional (the plain count) while the deadline's year is not in the holiday data.",
  })
  recordingDeadline(@Root() body: GovernanceBody): string | null {
    return shownBodyRecordingDeadline(body)?.date ?? null;
  }

  @FieldResolver(() => Boolean, {
    description:
      'True while the recording deadline runs past the holiday data: it is then the plain 5th day (the earliest possible end, safe ' +
      'to act by) until the arrangement for its year is recorded (holidayCalendar).',
  })
  recordingDeadlineProvisional(@Root() body: GovernanceBody): boolean {
    return shownBodyRecordingDeadline(body)?.provisional ?? false;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'True when recorded after the recording deadline (flagged, not refused); null until recorded.',
  })
  recordedLate(@Root() body: GovernanceBody): boolean | null {
    return isBodyRecordedLate(body) ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "A property-management committee's filing with the street office is due 30 days after formation, moved to the next working day " +
      'when that is a rest day (Civil Code art. 203); provisional (the plain 30th day) past the holiday data. Beijing art. 55 para. 1: null ' +
      `for a committee of a city whose rules the hub does not hold, for one of an area without an owners' assembly on record when it formed (${PMC_FILING_CONDITION}; art. 55 para. 3), and for an assembly. ` +
      "An owners' committee applies for its recording within 30 days of its election (Beijing art. 43 para. 1; elsewhere the Ministry's guidance art. 33), the same way; null without electedOn.",
  })
  filingDeadline(@Root() body: GovernanceBody): string | null {
    return shownBodyFilingDeadline(body)?.date ?? null;
  }

  @FieldResolver(() => Boolean, {
    description:
      'True while the filing deadline runs past the holiday data: it is then the plain 30th day (the earliest possible end, safe to ' +
      'act by) until the arrangement for its year is recorded (holidayCalendar).',
  })
  filingDeadlineProvisional(@Root() body: GovernanceBody): boolean {
    return shownBodyFilingDeadline(body)?.provisional ?? false;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'True for a standing property-management committee still unfiled today after its filing deadline (30 days, Civil Code art. 203); ' +
      'null for other bodies.',
  })
  filingOverdue(@Root() body: GovernanceBody): boolean | null {
    return isFilingOverdue(body, todayInChina()) ?? null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      "True for a committee standing today after termEndsOn, or, for an owners' committee recorded without a term " +
      '(termEndsOn null, recorded before the hub recorded the statutory ceiling), after the corresponding day 5 years ' +
      "from its election or recording (Beijing art. 41; the guidance art. 32); null for an owners' assembly.",
  })
  termExpired(@Root() body: GovernanceBody): boolean | null {
    return isTermExpired(body, todayInChina()) ?? null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      "True for an owners' committee recorded while its area's owners' assembly is not on record (recorded anyway, flagged).",
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
