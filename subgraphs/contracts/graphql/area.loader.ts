import DataLoader from 'dataloader';
import { RequestContext, requestLoader } from '../../../platform/subgraph/context';
import { AreaFilingReviewers, filingReviewersOfAreas } from '../application/filing-reviewers-of-areas';

/** One query per request for the filing reviewers of every area asked (gateway `_entities` batches included). */
export const filingReviewersLoader = (ctx: RequestContext) =>
  requestLoader(
    ctx,
    'contracts.filing-reviewers',
    () =>
      new DataLoader<string, AreaFilingReviewers | null>((ids) => filingReviewersOfAreas(ctx.em, ctx.identity, ids)),
  );
