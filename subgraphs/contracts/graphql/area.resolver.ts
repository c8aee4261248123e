import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../../platform/subgraph/context';
import { filingReviewersLoader } from './area.loader';
import { AreaRef, FilingReviewers } from './area.type';

@Resolver(() => AreaRef)
export class AreaFilingResolver {
  @FieldResolver(() => FilingReviewers, {
    nullable: true,
    description: 'Null until the area has reached the contracts subgraph, or when you may not see it.',
  })
  filingReviewers(@Root() area: AreaRef, @Ctx() ctx: RequestContext): Promise<FilingReviewers | null> {
    return filingReviewersLoader(ctx).load(area.id);
  }
}
