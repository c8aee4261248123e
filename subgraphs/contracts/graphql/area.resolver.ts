import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequestContext, requestLoader } from '../../../platform/subgraph/context';
import { filingReviewersOf, mayReviewFiling } from '../domain/filing-reviewers';
import { AreaView } from '../persistence/area-view.entity';
import { AreaRef, FilingReviewers } from './area.type';

const areaViewLoader = (ctx: RequestContext) =>
  requestLoader(ctx, 'contracts.area-view', () =>
    new DataLoader<string, AreaView | null>(async (ids) => {
      const found = new Map((await ctx.em.find(AreaView, { areaId: { $in: [...ids] } })).map((a) => [a.areaId, a]));
      return ids.map((id) => found.get(id) ?? null);
    }),
  );

@Resolver(() => AreaRef)
export class AreaFilingResolver {
  @FieldResolver(() => FilingReviewers, {
    nullable: true,
    description: 'Null until the area has reached the contracts subgraph, or when you may not see it.',
  })
  async filingReviewers(@Root() area: AreaRef, @Ctx() ctx: RequestContext): Promise<FilingReviewers | null> {
    const view = await areaViewLoader(ctx).load(area.id);
    if (!view || !mayReviewFiling(ctx.identity, view)) return null;
    return { ...filingReviewersOf(view), syncedAt: view.syncedAt };
  }
}
