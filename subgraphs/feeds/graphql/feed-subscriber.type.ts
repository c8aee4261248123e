import { Directive, Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Key } from '../../../platform/graphql/scalars';
import { graphqlEnum } from '../../../platform/federation/graphql-enum';
import {
  FEED_SUBSCRIBER_KINDS,
  FEED_SUBSCRIBER_STATUSES,
  FeedSubscriberKind,
  FeedSubscriberStatus,
  MAX_JURISDICTIONS,
} from '../domain/feed-subscriber';

export const FeedSubscriberKindEnum = graphqlEnum(FEED_SUBSCRIBER_KINDS);
registerEnumType(FeedSubscriberKindEnum, {
  name: 'FeedSubscriberKind',
  description: 'What kind of party reads the feeds.',
});
export const FeedSubscriberStatusEnum = graphqlEnum(FEED_SUBSCRIBER_STATUSES);
registerEnumType(FeedSubscriberStatusEnum, { name: 'FeedSubscriberStatus' });

@InputType('FeedSubscriberInput')
export class FeedSubscriberInput {
  @Field(() => Key, {
    description: 'The party: lower-case letters, digits and hyphens; its principal is `party-<partyId>`.',
  })
  partyId!: string;
  @Field(() => FeedSubscriberKindEnum) kind!: FeedSubscriberKind;
  @Field(() => Key, { nullable: true, description: 'COURT: the court whose referrals it reads and reports on.' })
  courtId?: string | null;
  @Field(() => [Key], {
    nullable: true,
    description: `Bureaus: up to ${MAX_JURISDICTIONS} division codes of a district or wider.`,
  })
  jurisdictions?: string[] | null;
}

@ObjectType('FeedAccess', { description: "One of the broker's ACLs for the party's principal." })
export class FeedAccessType {
  @Field({ description: 'TOPIC or GROUP.' }) resource!: string;
  @Field({ description: 'The topic or consumer group name, or its prefix.' }) name!: string;
  @Field() prefixed!: boolean;
  @Field({ description: 'READ, WRITE or DESCRIBE.' }) operation!: string;
}

@ObjectType('FeedSubscriber', {
  description: 'A party registered for the Kafka feeds; its reach is the broker’s ACLs.',
})
export class FeedSubscriberType {
  @Field() partyId!: string;
  @Field(() => FeedSubscriberKindEnum) kind!: FeedSubscriberKind;
  @Field(() => String, { nullable: true }) courtId!: string | null;
  @Directive('@listSize(assumedSize: 10)')
  @Field(() => [String])
  jurisdictions!: string[];
  @Field({ description: 'The SASL/SCRAM-SHA-512 username.' }) username!: string;
  @Field(() => FeedSubscriberStatusEnum) status!: FeedSubscriberStatus;
  @Field() registeredAt!: Date;
  @Field(() => Date, { nullable: true }) credentialRotatedAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType('FeedCredential', { description: 'A principal’s password, shown this once: the hub does not keep it.' })
export class FeedCredentialType {
  @Field(() => FeedSubscriberType) subscriber!: FeedSubscriberType;
  @Field() username!: string;
  @Field() password!: string;
  @Field({
    description:
      "SCRAM-SHA-512, over TLS (SASL_SSL) on the broker's listener for parties; the hub's own processes use its plain one.",
  })
  mechanism!: string;
}
