import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Key, Url } from '../../../platform/graphql/scalars';
import { RequestContext } from '../../../platform/subgraph/context';
import { createWebhookSubscription } from '../application/create-webhook-subscription';
import { deleteWebhookSubscription } from '../application/delete-webhook-subscription';
import { listWebhookSubscriptions } from '../application/list-webhook-subscriptions';
import { replayWebhooks } from '../application/replay-webhooks';
import { resumeWebhookSubscription } from '../application/resume-webhook-subscription';
import { rotateWebhookSecret } from '../application/rotate-webhook-secret';
import { webhookConfig } from '../application/webhook-config';
import { webhookDeliveries } from '../application/webhook-deliveries';
import { attemptsLoader } from './webhook.loaders';
import {
  CreatedWebhookSubscriptionType,
  RotatedWebhookSecretType,
  WebhookAttemptType,
  WebhookDeliveryFilter,
  WebhookDeliveryPageType,
  WebhookDeliveryType,
  WebhookSubscriptionType,
} from './webhook.type';
import { deliveryView, subscriptionView } from './webhook.mappers';

@Resolver(() => WebhookSubscriptionType)
export class WebhookSubscriptionResolver {
  @Directive('@listSize(assumedSize: 20)')
  @Query(() => [WebhookSubscriptionType], {
    description:
      "Your organisation's webhook subscriptions (courts and bureaus; companies and street offices for deadline reminders). The admin: the subscriptions of the organisation named, each with the role and jurisdictions it receives by.",
  })
  async webhookSubscriptions(
    @Ctx() ctx: RequestContext,
    @Arg('organisationId', () => Key, { nullable: true }) organisationId?: string,
  ): Promise<WebhookSubscriptionType[]> {
    return (await listWebhookSubscriptions(ctx.em, ctx.identity, organisationId)).map(subscriptionView);
  }

  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["items"])')
  @Query(() => WebhookDeliveryPageType, {
    description: 'The deliveries of one of your subscriptions, oldest first, each with its attempts.',
  })
  async webhookDeliveries(
    @Arg('subscriptionId', () => ID) subscriptionId: string,
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => WebhookDeliveryFilter, { nullable: true }) filter?: WebhookDeliveryFilter,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset = 0,
  ): Promise<WebhookDeliveryPageType> {
    const page = await webhookDeliveries(ctx.em, ctx.identity, subscriptionId, filter ?? {}, { first, offset });
    return { totalCount: page.totalCount, items: page.items.map(deliveryView) };
  }

  @Mutation(() => CreatedWebhookSubscriptionType, {
    description:
      'Subscribes an https endpoint to event types your role may read; the signing secret is returned this once.',
  })
  async createWebhookSubscription(
    @Arg('eventTypes', () => [Key]) eventTypes: string[],
    @Arg('url', () => Url) url: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CreatedWebhookSubscriptionType> {
    const created = await createWebhookSubscription(ctx.em, ctx.identity, { eventTypes, url }, webhookConfig());
    return { subscription: subscriptionView(created.subscription), secret: created.secret };
  }

  @Mutation(() => RotatedWebhookSecretType, {
    description:
      'Gives your subscription a new signing secret, returned this once, keeping its deliveries and history. The old secret signs beside it until previousSecretExpiresAt (24 h), then is erased; another rotation before then is SECRET_ROTATION_IN_PROGRESS.',
  })
  async rotateWebhookSecret(
    @Arg('subscriptionId', () => ID) subscriptionId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<RotatedWebhookSecretType> {
    const rotated = await rotateWebhookSecret(ctx.em, ctx.identity, subscriptionId, webhookConfig());
    return { subscription: subscriptionView(rotated.subscription), secret: rotated.secret };
  }

  @Mutation(() => Int, {
    description:
      'Sends the events of your subscription from fromTime on again (at most 10,000), as new deliveries; returns how many.',
  })
  replayWebhooks(
    @Arg('subscriptionId', () => ID) subscriptionId: string,
    @Arg('fromTime', () => Date) fromTime: Date,
    @Ctx() ctx: RequestContext,
  ): Promise<number> {
    return replayWebhooks(ctx.em, ctx.identity, { subscriptionId, fromTime });
  }

  @Mutation(() => WebhookSubscriptionType, {
    description: 'Resumes a paused subscription; what waited is sent at once, in order.',
  })
  async resumeWebhookSubscription(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<WebhookSubscriptionType> {
    return subscriptionView(await resumeWebhookSubscription(ctx.em, ctx.identity, id));
  }

  @Mutation(() => Boolean, {
    description:
      'Ends your subscription, with its deliveries (the admin: any organisation’s, e.g. one that lost a jurisdiction).',
  })
  deleteWebhookSubscription(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return deleteWebhookSubscription(ctx.em, ctx.identity, id);
  }
}

@Resolver(() => WebhookDeliveryType)
export class WebhookDeliveryResolver {
  @Directive('@listSize(assumedSize: 20)')
  @FieldResolver(() => [WebhookAttemptType], { description: 'Every attempt, first first.' })
  async attempts(@Root() delivery: WebhookDeliveryType, @Ctx() ctx: RequestContext): Promise<WebhookAttemptType[]> {
    return attemptsLoader(ctx).load(delivery.id);
  }
}
