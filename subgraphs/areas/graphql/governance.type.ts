import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { COMMITTEE_SEATS, CommitteeSeat } from '../domain/property-management-committee';
import { RULES_REFERENCE_MAX_LENGTH } from '../domain/owners-assembly';
import { JOINT_DECISION_MATTERS, JOINT_DECISION_TALLY_SOURCES } from '../../../catalog';
import type { JointDecisionMatter } from '../domain/statutes';
import type { TallySource } from '../domain/joint-decision';
import { graphqlEnum } from '../../../platform/federation/graphql-enum';
import { AreaType } from './area.type';
import { Key, LocalDate, Name } from '../../../platform/graphql/scalars';

export const CommitteeSeatEnum = graphqlEnum(COMMITTEE_SEATS);
export const VoteEnum = { CONSENT: 'CONSENT', OPPOSE: 'OPPOSE', ABSTAIN: 'ABSTAIN' } as const;
registerEnumType(CommitteeSeatEnum, {
  name: 'CommitteeSeat',
  description: '居委会代表 / 产权单位代表 / 业主代表 / 物业使用人代表',
});
export const JointDecisionMatterEnum = graphqlEnum(JOINT_DECISION_MATTERS);
registerEnumType(JointDecisionMatterEnum, {
  name: 'JointDecisionMatter',
  description: 'The nine matters of Civil Code art. 278.',
});
registerEnumType(VoteEnum, { name: 'Vote' });
export const TallySourceEnum = graphqlEnum(JOINT_DECISION_TALLY_SOURCES);
registerEnumType(TallySourceEnum, {
  name: 'JointDecisionTallySource',
  description:
    "Where a decision's figures come from: REGISTER_BALLOTS (household ballots counted against the register), " +
    "REPORTED_TALLY_CHECKED (a meeting's tally whose totals are the register's owners and area), " +
    "REPORTED_TALLY_UNCHECKED (a meeting's tally as reported: the register holds no household of the area), " +
    "REPORTED_TALLY_BOUNDED (a meeting's tally recorded after a change of owner registered since the meeting: its area is the register's, its owners within one of the register's per household changed since).",
});

@ObjectType('GovernanceMember')
export class GovernanceMemberType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => CommitteeSeatEnum)
  seat!: CommitteeSeat;

  @Field(() => String, { nullable: true })
  represents?: string | null;
}

@ObjectType('GovernanceBody', {
  description:
    "An owners' assembly (业主大会), an owners' committee (业主委员会) or a property-management committee (物管会).",
})
export class GovernanceBodyType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  areaId!: string;

  @Field({ description: 'OWNERS_ASSEMBLY, OWNERS_COMMITTEE or PROPERTY_MANAGEMENT_COMMITTEE.' })
  kind!: string;

  @Field({ description: "Formation (成立): an assembly's first meeting; an owners' committee's recording day." })
  formedOn!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The last day of a committee's term; an owners' committee recorded without one has the statutory ceiling " +
      '(5 years from its election or recording); null for an assembly, and for an owners’ committee recorded before that.',
  })
  termEndsOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "An owners' committee's election day (选举产生之日), where its recording gave one.",
  })
  electedOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "A property-management committee's filing, or an owners' committee's application for recording.",
  })
  filedOn?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "True when filed after the filing deadline (flagged, not refused); for an owners' committee recorded without " +
      'its application day, false when recorded within the period and null when not.',
  })
  filedLate?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: "The street office's recording (备案) of a property-management committee or an owners' committee.",
  })
  recordedOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "An owners' assembly's rules of procedure (议事规则), by reference.",
  })
  rulesReference?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The owners' assembly an owners' committee carries out decisions for.",
  })
  assemblyId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The owners' joint decision that elected an owners' committee (Civil Code art. 278 para. 1 item 3), where its recording named one.",
  })
  electionDecisionId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "A property-management committee dissolved when the area's owners' committee was recorded: 30 days after that recording (Beijing art. 59); null where the hub holds no rules for the area's city.",
  })
  dissolutionDeadline?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True when the committee was dissolved after its dissolution deadline (flagged, not refused).',
  })
  dissolvedLate?: boolean | null;

  @Field(() => ID, { nullable: true })
  chairMemberId?: string | null;

  @Field(() => String, { nullable: true })
  dissolvedOn?: string | null;

  @Field(() => String, { nullable: true })
  dissolutionReason?: string | null;
}

@ObjectType('AreaOwners', {
  description: "The area's owners as the register counts them for joint decisions (法释〔2009〕7号 arts. 8–9).",
})
export class AreaOwnersType {
  @Field(() => Int, {
    description:
      "Owners: one per owner reference, so several units of one owner, or the developer's units, are one owner (art. 9).",
  })
  owners!: number;

  @Field(() => Int, { description: 'Households (exclusive parts, 专有部分) on the register.' })
  households!: number;

  @Field({ description: 'Their registered floor area in m² (art. 8), two decimals.' })
  floorArea!: string;
}

@ObjectType('OverdueGovernanceBody', {
  description: "A standing committee on the street office's overdue list, with the dates that put it there.",
})
export class OverdueGovernanceBodyType {
  @Field(() => GovernanceBodyType)
  body!: GovernanceBodyType;

  @Field(() => AreaType)
  area!: AreaType;

  @Field({ description: 'The day the list was drawn up for.' })
  asOf!: string;

  @Directive('@listSize(assumedSize: 2)')
  @Field(() => [String], {
    description:
      'FILING_OVERDUE (unfiled after its filing deadline), FILING_DEADLINE_BEYOND_CALENDAR (unfiled after the plain 30 days, the deadline ' +
      'past the holiday data) and / or TERM_EXPIRED (standing after termEndsOn).',
  })
  reasons!: string[];
}

@ObjectType('Ratio', { description: 'An exact ratio; percent is for display only (two decimals).' })
export class RatioType {
  @Field()
  numerator!: string;

  @Field()
  denominator!: string;

  @Field()
  percent!: string;
}

@ObjectType('JointDecision', {
  description: "An owners' joint decision and the hub's verdict under Civil Code art. 278.",
})
export class JointDecisionType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  areaId!: string;

  @Field(() => JointDecisionMatterEnum)
  matter!: JointDecisionMatter;

  @Field()
  heldOn!: string;

  @Field(() => String, { nullable: true, description: 'The agenda item (议题), when one was named.' })
  agendaItem?: string | null;

  @Field(() => TallySourceEnum, {
    nullable: true,
    description: 'Where the figures come from; null for decisions recorded before the hub kept it (2026-12-05).',
  })
  tallySource?: TallySource | null;

  @Field()
  valid!: boolean;

  @Directive('@listSize(assumedSize: 10)')
  @Field(() => [String], { description: 'Every failed condition, by stable code; empty when valid.' })
  reasons!: string[];

  @Field(() => RatioType)
  participationOwners!: RatioType;

  @Field(() => RatioType)
  participationArea!: RatioType;

  @Field(() => RatioType, { nullable: true })
  consentOwners?: RatioType | null;

  @Field(() => RatioType, { nullable: true })
  consentArea?: RatioType | null;
}

@InputType()
export class MemberInput {
  @Field(() => Name)
  name!: string;

  @Field(() => CommitteeSeatEnum)
  seat!: CommitteeSeat;

  @Field(() => Name, { nullable: true })
  represents?: string;
}

@InputType()
export class FormPropertyManagementCommitteeInput {
  @Field(() => ID)
  areaId!: string;

  @Field(() => LocalDate, { description: 'YYYY-MM-DD' })
  formedOn!: string;

  @Field(() => LocalDate, {
    description:
      'YYYY-MM-DD, after formation; in Beijing at most 3 years after (Beijing art. 58; no other city’s rules are held).',
  })
  termEndsOn!: string;

  @Field(() => LocalDate, { nullable: true })
  filedOn?: string;

  @Field(() => [MemberInput])
  members!: MemberInput[];

  @Field(() => Int, { description: 'Index in members of the chair (a residents’ committee member).' })
  chairIndex!: number;
}

@InputType()
export class RecordOwnersCommitteeInput {
  @Field(() => ID)
  areaId!: string;

  @Field(() => LocalDate, { description: 'YYYY-MM-DD: the street office records (备案) the committee.' })
  recordedOn!: string;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'YYYY-MM-DD: the last day of its term, after recordedOn and no later than the corresponding day 5 years after ' +
      'its election (electedOn, or the day of electionDecisionId), or after recordedOn where no election day is known ' +
      '(Beijing art. 41; Civil Code art. 202). When not given, that latest day is recorded as its term’s end: the ' +
      'statute sets a ceiling, not a term, and a committee stands no longer than it (before, none was recorded and ' +
      'the committee stood without end).',
  })
  termEndsOn?: string;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'YYYY-MM-DD: the day the owners elected it (选举产生之日), on or before filedOn and recordedOn; the day of ' +
      'electionDecisionId when not given, and refused when another (BAD_USER_INPUT, ELECTED_ON_NOT_DECISION_DAY, ' +
      'details.fields.electedOn naming the decision’s day). Its application for recording is due 30 days on (Beijing art. 43; elsewhere ' +
      "the Ministry's guidance art. 33): filingDeadline, filedLate.",
  })
  electedOn?: string;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'YYYY-MM-DD: the day it applied to the street office for recording (申请备案), on or before recordedOn. In ' +
      'Beijing the office records it by the 5th working day after (art. 43 para. 2): recordingDeadline, recordedLate.',
  })
  filedOn?: string;

  @Field(() => [MemberInput])
  members!: MemberInput[];

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'YYYY-MM-DD: when the standing property-management committee was dissolved, on or after recordedOn (default recordedOn; ' +
      'refused when no committee stands); ' +
      'in Beijing, more than 30 days after recordedOn is flagged dissolvedLate.',
  })
  propertyManagementCommitteeDissolvedOn?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "The owners' joint decision that elected the committee (选举业主委员会, Civil Code art. 278 para. 1 item 3; JointDecision.id): " +
      'checked to be the area’s, valid, on electing the committee or replacing members, and held by recordedOn ' +
      '(BAD_USER_INPUT naming each problem). Optional: committees elected before the hub are recorded without one.',
  })
  electionDecisionId?: string | null;
}

@InputType()
export class RecordOwnersAssemblyInput {
  @Field(() => ID)
  areaId!: string;

  @Field(() => LocalDate, { description: 'YYYY-MM-DD: the first meeting, at which the assembly was formed (成立).' })
  firstMeetingOn!: string;

  @Field(() => Name, {
    nullable: true,
    description: `A reference to its rules of procedure (议事规则) as adopted, at most ${RULES_REFERENCE_MAX_LENGTH} characters.`,
  })
  rulesReference?: string;
}

@InputType()
export class TallyInput {
  @Field(() => Int)
  totalOwners!: number;

  @Field(() => Key, { description: 'm² with two decimals' })
  totalArea!: string;

  @Field(() => Int)
  participatingOwners!: number;

  @Field(() => Key)
  participatingArea!: string;

  @Field(() => Int)
  consentingOwners!: number;

  @Field(() => Key)
  consentingArea!: string;
}

@InputType()
export class BallotInput {
  @Field(() => ID)
  householdId!: string;

  @Field(() => VoteEnum)
  vote!: keyof typeof VoteEnum;
}

@InputType()
export class RecordJointDecisionInput {
  @Field(() => ID)
  areaId!: string;

  @Field(() => JointDecisionMatterEnum)
  matter!: JointDecisionMatter;

  @Field(() => LocalDate)
  heldOn!: string;

  @Field(() => Name, {
    nullable: true,
    description:
      'The agenda item (议题) as the meeting notice names it, when the meeting decided this matter more than once: the area, the day, the matter and the item name one decision.',
  })
  agendaItem?: string;

  @Field(() => TallyInput, {
    nullable: true,
    description: 'Aggregate tally as counted at the meeting; or give ballots.',
  })
  tally?: TallyInput;

  @Field(() => [BallotInput], { nullable: true, description: 'Household ballots; areas come from the register.' })
  ballots?: BallotInput[];
}

@InputType()
export class ChangeCommitteeMembersInput {
  @Field(() => ID)
  bodyId!: string;

  @Field(() => [MemberInput], { description: 'The whole new membership.' })
  members!: MemberInput[];

  @Field(() => Int, {
    nullable: true,
    description: "Required for a property-management committee: its chair (a residents' committee member).",
  })
  chairIndex?: number;
}
