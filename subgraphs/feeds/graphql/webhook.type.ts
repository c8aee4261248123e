import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Key } from '../../../platform/graphql/scalars';
import { graphqlEnum } from '../../../platform/federation/graphql-enum';

export const WebhookSubscriptionStatusEnum = graphqlEnum(['ACTIVE', 'PAUSED'] as const);
export const WebhookDeliveryStatusEnum = graphqlEnum(['PENDING', 'DELIVERED'] as const);
registerEnumType(WebhookSubscriptionStatusEnum, {
  name: 'WebhookSubscriptionStatus',
  description:
    'PAUSED once a delivery kept failing for the whole retry window (24 h); resumeWebhookSubscription sends what waited.',
});
registerEnumType(WebhookDeliveryStatusEnum, { name: 'WebhookDeliveryStatus' });

@ObjectType('WebhookSubscription', {
  description:
    "A party's endpoint receiving the events it may read (a company or street office: its deadline reminders), signed per Standard Webhooks.",
})
export class WebhookSubscriptionType {
  @Field(() => ID) id!: string;
  @Field(() => [String], { description: 'CloudEvents types delivered (ce-type).' }) eventTypes!: string[];
  @Field() url!: string;
  @Field(() => WebhookSubscriptionStatusEnum) status!: 'ACTIVE' | 'PAUSED';
  @Field(() => Date, { nullable: true }) pausedAt!: Date | null;
  @Field(() => String, { nullable: true }) pausedReason!: string | null;
  @Field(() => [String], { description: 'The jurisdictions of the token that created it: what it may receive.' })
  jurisdictions!: string[];
  @Field() createdAt!: Date;
  @Field(() => Date, {
    nullable: true,
    description: 'When rotateWebhookSecret last gave it a new secret; null if never.',
  })
  secretRotatedAt!: Date | null;
  @Field(() => Date, {
    nullable: true,
    description:
      'Until when the secret the last rotation replaced still signs every delivery beside the new one (two v1 entries in webhook-signature and webhook-ce-signature); once past, only the new secret signs and the old one is erased. Null if never rotated.',
  })
  previousSecretExpiresAt!: Date | null;
}

@ObjectType('CreatedWebhookSubscription')
export class CreatedWebhookSubscriptionType {
  @Field(() => WebhookSubscriptionType) subscription!: WebhookSubscriptionType;
  @Field({ description: 'The signing secret (whsec_…): shown this once, keep it in the receiver.' }) secret!: string;
}

@ObjectType('RotatedWebhookSecret')
export class RotatedWebhookSecretType {
  @Field(() => WebhookSubscriptionType) subscription!: WebhookSubscriptionType;
  @Field({
    description:
      'The new signing secret (whsec_…): shown this once. Until subscription.previousSecretExpiresAt both secrets sign; put it in the receiver before then.',
  })
  secret!: string;
}

@ObjectType('WebhookAttempt', { description: 'One POST of a delivery and what the receiver answered.' })
export class WebhookAttemptType {
  @Field(() => Int) attempt!: number;
  @Field() attemptedAt!: Date;
  @Field(() => Int, { nullable: true, description: 'None when no answer came (timeout, refused connection).' })
  statusCode!: number | null;
  @Field(() => Int) latencyMs!: number;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => String, { nullable: true, description: 'The first KiB of the answer, no more.' }) responseBody!:
    string | null;
}

@ObjectType('WebhookDelivery', { description: 'One event for one subscription, with each attempt.' })
export class WebhookDeliveryType {
  @Field(() => ID) id!: string;
  @Field({ description: 'webhook-id: the same on every retry; a replay is a new delivery with a new one.' })
  messageId!: string;
  @Field({ description: 'ce-id: the event.' }) eventId!: string;
  @Field() eventType!: string;
  @Field() eventTime!: Date;
  @Field({
    description: 'The aggregate (filing, referral, batch): its events are delivered one after another, in order.',
  })
  aggregateKey!: string;
  @Field() replay!: boolean;
  @Field(() => WebhookDeliveryStatusEnum) status!: 'PENDING' | 'DELIVERED';
  @Field(() => Date, { nullable: true }) nextAttemptAt!: Date | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
}

@ObjectType('WebhookDeliveryPage')
export class WebhookDeliveryPageType {
  @Directive('@listSize(assumedSize: 50)')
  @Field(() => [WebhookDeliveryType])
  items!: WebhookDeliveryType[];
  @Field(() => Int) totalCount!: number;
}

@InputType('WebhookDeliveryFilter')
export class WebhookDeliveryFilter {
  @Field(() => WebhookDeliveryStatusEnum, { nullable: true }) status?: 'PENDING' | 'DELIVERED' | null;
  @Field(() => Key, { nullable: true }) eventType?: string | null;
  @Field(() => Date, { nullable: true, description: 'Events from this time on.' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Events before this time.' }) to?: Date | null;
}
