import { Arg, Ctx, Directive, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Key } from '../../../platform/graphql/scalars';
import { RequestContext } from '../../../platform/subgraph/context';
import { FeedSubscriber, feedAccessOf, feedSubscribers } from '../application/feed-subscribers';
import { FeedCredential, registerFeedSubscriber } from '../application/register-feed-subscriber';
import { revokeFeedSubscriber } from '../application/revoke-feed-subscriber';
import { rotateFeedCredential } from '../application/rotate-feed-credential';
import { FeedAccessType, FeedCredentialType, FeedSubscriberInput, FeedSubscriberType } from './feed-subscriber.type';

const subscriberView = (s: FeedSubscriber): FeedSubscriberType => ({
  partyId: s.partyId,
  kind: s.kind,
  courtId: s.courtId ?? null,
  jurisdictions: s.jurisdictions,
  username: s.username,
  status: s.status,
  registeredAt: s.registeredAt,
  credentialRotatedAt: s.credentialRotatedAt ?? null,
  revokedAt: s.revokedAt ?? null,
});

const credentialView = ({ subscriber, password }: FeedCredential): FeedCredentialType => ({
  subscriber: subscriberView(subscriber),
  username: subscriber.username,
  password,
  mechanism: 'SCRAM-SHA-512',
});

@Resolver(() => FeedSubscriberType)
export class FeedSubscriberResolver {
  @Directive('@listSize(assumedSize: 100)')
  @Query(() => [FeedSubscriberType], { description: 'Admin: the parties registered for the Kafka feeds.' })
  async feedSubscribers(@Ctx() ctx: RequestContext): Promise<FeedSubscriberType[]> {
    return (await feedSubscribers(ctx.em, ctx.identity)).map(subscriberView);
  }

  @Directive('@listSize(assumedSize: 10)')
  @FieldResolver(() => [FeedAccessType], {
    description: "What the broker's ACLs give the party now (asked of the broker).",
  })
  async access(@Root() subscriber: FeedSubscriberType, @Ctx() ctx: RequestContext): Promise<FeedAccessType[]> {
    return (await feedAccessOf(ctx.broker, subscriber.username)).map((g) => ({
      resource: g.resource,
      name: g.name,
      prefixed: g.prefixed ?? false,
      operation: g.operation,
    }));
  }

  @Mutation(() => FeedCredentialType, {
    description:
      'Admin: gives a party its principal and ACLs on the broker, and its own topics; the password is returned this once.',
  })
  async registerFeedSubscriber(
    @Arg('subscriber', () => FeedSubscriberInput) input: FeedSubscriberInput,
    @Ctx() ctx: RequestContext,
  ): Promise<FeedCredentialType> {
    return credentialView(
      await registerFeedSubscriber(ctx.em, ctx.identity, ctx.broker, {
        partyId: input.partyId,
        kind: input.kind,
        courtId: input.courtId ?? null,
        jurisdictions: input.jurisdictions ?? [],
      }),
    );
  }

  @Mutation(() => FeedCredentialType, {
    description: "Admin: a new password for the party's principal, returned this once.",
  })
  async rotateFeedCredential(
    @Arg('partyId', () => Key) partyId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<FeedCredentialType> {
    return credentialView(await rotateFeedCredential(ctx.em, ctx.identity, ctx.broker, partyId));
  }

  @Mutation(() => FeedSubscriberType, {
    description: "Admin: ends the party's feed access at once (its ACLs deleted, its password replaced).",
  })
  async revokeFeedSubscriber(
    @Arg('partyId', () => Key) partyId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<FeedSubscriberType> {
    return subscriberView(await revokeFeedSubscriber(ctx.em, ctx.identity, ctx.broker, partyId));
  }
}
