import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DEADLINE_KINDS, DEADLINE_OWNER_KINDS, DEADLINE_STATES } from '../../../catalog';
import { graphqlEnum } from '../../../platform/federation/graphql-enum';

export const DeadlineKindEnum = graphqlEnum(DEADLINE_KINDS);
export const DeadlineOwnerKindEnum = graphqlEnum(DEADLINE_OWNER_KINDS);
export const DeadlineStateEnum = graphqlEnum(DEADLINE_STATES);
registerEnumType(DeadlineKindEnum, {
  name: 'DeadlineKind',
  description:
    "What a deadline is for: CONTRACT_FILING, a service contract's filing (备案) with the district; ENFORCEMENT_APPLICATION, a property company's two years to apply for enforcement of a judgment or settlement (Civil Procedure Law art. 250).",
});
registerEnumType(DeadlineOwnerKindEnum, {
  name: 'DeadlineOwnerKind',
  description: 'The role of the party that must act.',
});
registerEnumType(DeadlineStateEnum, {
  name: 'DeadlineState',
  description:
    'On the day asked: MET (done), OVERDUE (passed unmet), DUE_SOON (7 days or fewer left), UPCOMING (further ahead).',
});

@ObjectType('Deadline', {
  description: 'A deadline a subgraph’s rule sets, as the register holds it (feeds), with its state on the day asked.',
})
export class DeadlineType {
  @Field({ description: 'Its kind and the aggregate it concerns, e.g. contract-filing:<contract id>.' }) key!: string;
  @Field(() => DeadlineKindEnum) kind!: string;
  @Field({ description: 'The aggregate the deadline concerns (for CONTRACT_FILING, the contract).' })
  subjectId!: string;
  @Field(() => DeadlineOwnerKindEnum) ownerKind!: string;
  @Field({ description: 'The organisation that must act.' }) ownerOrganisationId!: string;
  @Field(() => String, { nullable: true, description: 'The district concerned, whose bureau sees the deadline.' })
  districtCode!: string | null;
  @Field({ description: 'The articles that set the deadline.' }) legalBasis!: string;
  @Field({ description: 'The last day to act (YYYY-MM-DD).' }) dueOn!: string;
  @Field(() => String, { nullable: true, description: 'The day it was met (e.g. the filing submitted).' })
  metOn!: string | null;
  @Field(() => DeadlineStateEnum) state!: string;
}

@ObjectType('DeadlineReminderLeads', {
  description: 'When reminders are sent: these many days before a due date, and the day after it passed unmet.',
})
export class DeadlineReminderLeadsType {
  @Field(() => [Int], { description: 'Days before the due date, largest first (7 and 1 by default).' })
  leadDays!: number[];
  @Field({ description: 'Whether a reminder goes out once the deadline has passed unmet.' }) overdue!: boolean;
}

@ObjectType('DeadlineReminderRun')
export class DeadlineReminderRunType {
  @Field({ description: 'False when another instance was running the reminders (this run sent nothing).' })
  ran!: boolean;
  @Field(() => Int, { description: 'Reminders sent (each once per deadline and lead).' }) sent!: number;
  @Field(() => [String], {
    description:
      'Keys of the deadlines a reminder was due for whose owner has no party id on the broker: left out, not sent.',
  })
  withoutParty!: string[];
}
