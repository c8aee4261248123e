import { RequestContext, childrenLoader } from '../../../platform/subgraph/context';
import { filingsOfContracts, transitionsOfFilings, versionsOfFilings } from '../persistence/filing.repository';

/** Per-request loaders: every parent asked for in one tick is fetched with one query. */

export const filingsOfContractsLoader = (ctx: RequestContext) =>
  childrenLoader(
    ctx,
    'contracts.filings-by-contract',
    (ids) => filingsOfContracts(ctx.em, ids),
    (f) => f.contractId,
  );

export const versionsOfFilingsLoader = (ctx: RequestContext) =>
  childrenLoader(
    ctx,
    'contracts.versions-by-filing',
    (ids) => versionsOfFilings(ctx.em, ids),
    (v) => v.filingId,
  );

export const historyOfFilingsLoader = (ctx: RequestContext) =>
  childrenLoader(
    ctx,
    'contracts.history-by-filing',
    (ids) => transitionsOfFilings(ctx.em, ids),
    (t) => t.filingId,
  );
