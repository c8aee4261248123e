import DataLoader from 'dataloader';
import { RequestContext, requestLoader } from '../../../platform/subgraph/context';
import {
  GroupMeasures,
  companiesComplaintStatistics,
  compoundsComplaintStatistics,
} from '../application/complaint-statistics';

/** Each compound's measures asked for in one tick (the gateway's `_entities` batch), in one count. */
export const compoundComplaintStatisticsLoader = (ctx: RequestContext) =>
  requestLoader(
    ctx,
    'complaints.compound-statistics',
    () => new DataLoader<string, GroupMeasures>((ids) => compoundsComplaintStatistics(ctx.em, ctx.identity, ids)),
  );

/**
 * Each filing company's record asked for in one tick, one count per date range asked (a review queue's filings share
 * a few companies and one range). Keyed `<company>\u0000<from>\u0000<to>`.
 */
export const companyComplaintRecordLoader = (ctx: RequestContext) =>
  requestLoader(
    ctx,
    'complaints.company-records',
    () =>
      new DataLoader<string, GroupMeasures | null>(async (keys) => {
        const byRange = new Map<string, string[]>();
        for (const key of keys) {
          const [companyId, ...range] = key.split('\u0000');
          const rangeKey = range.join('\u0000');
          byRange.set(rangeKey, [...(byRange.get(rangeKey) ?? []), companyId]);
        }
        const found = new Map<string, GroupMeasures | null>();
        for (const [rangeKey, companyIds] of byRange) {
          const [from, to] = rangeKey.split('\u0000');
          const range = { receivedFrom: from || null, receivedTo: to || null };
          const records = await companiesComplaintStatistics(ctx.em, ctx.identity, companyIds, range);
          companyIds.forEach((id, i) => found.set(`${id}\u0000${rangeKey}`, records[i]));
        }
        return keys.map((key) => found.get(key) ?? null);
      }),
  );

export const companyRecordKey = (companyId: string, from: string | null, to: string | null): string =>
  `${companyId}\u0000${from ?? ''}\u0000${to ?? ''}`;
