import { Ctx, Directive, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { ForbiddenError } from '../../kernel/errors';
import type { RequestContext } from './context';

@ObjectType({ description: 'Operational state of one subgraph, for operators and monitoring; no business data.' })
@Directive('@shareable')
export class SubgraphHealth {
  @Field()
  subgraph!: string;

  @Field({ description: 'OK when the subgraph reached its database.' })
  status!: string;

  @Field(() => Int, { description: 'Events committed but not yet published to Kafka (outbox backlog). ADMIN only.' })
  unpublishedEvents!: number;

  @Field(() => Int, { description: 'Events this subgraph has applied from other subgraphs (inbox size). ADMIN only.' })
  appliedEvents!: number;

  @Field()
  checkedAt!: Date;
}

/** Each subgraph exposes `<name>Health`; one factory keeps them identical. */
export function createHealthResolver(subgraph: string) {
  @Resolver()
  class HealthResolver {
    @Query(() => SubgraphHealth, { name: `${subgraph}Health` })
    async health(@Ctx() ctx: RequestContext): Promise<SubgraphHealth> {
      const schema = ctx.em.config.get('schema');
      const admin = ctx.identity.role === 'ADMIN';
      // The backlogs are counted for an operator only (the inbox is never pruned: counting it for any caller's
      // health question let one token loop full scans of every subgraph's inbox; a platform audit, 2026-12-06);
      // anyone else reaching the database is told OK.
      const [row] = await ctx.em.getConnection().execute<{ unpublished: string; applied: string }[]>(
        admin
          ? `select (select count(*) from "${schema}"."outbox" where published_at is null) as unpublished,
                    (select count(*) from "${schema}"."inbox") as applied`
          : `select 0 as unpublished, 0 as applied`,
      );
      // Backlog sizes tell an outsider how busy each party's feed is and whether a relay is stuck: operators only.
      const detail = (count: string) => () => {
        if (!admin) throw new ForbiddenError('health details are for ADMIN only');
        return Number(count);
      };
      return Object.defineProperties(
        { subgraph, status: 'OK', checkedAt: new Date() },
        {
          unpublishedEvents: { get: detail(row.unpublished), enumerable: true },
          appliedEvents: { get: detail(row.applied), enumerable: true },
        },
      ) as SubgraphHealth;
    }
  }
  return HealthResolver;
}
