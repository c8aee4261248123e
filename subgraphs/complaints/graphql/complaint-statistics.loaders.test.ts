import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { RequestContext } from '../../../platform/subgraph/context';
import {
  GroupMeasures,
  companiesComplaintStatistics as companiesOf,
  compoundsComplaintStatistics as compoundsOf,
} from '../application/complaint-statistics';
import {
  companyComplaintRecordLoader,
  companyRecordKey,
  compoundComplaintStatisticsLoader,
} from './complaint-statistics.loaders';

// What this file checks is how a request's entities are batched (application/complaint-statistics.test.ts how one
// batch is counted, complaints-orders.it the figures on PostgreSQL): the application's two reads are stubbed.
jest.mock('../application/complaint-statistics', () => ({
  compoundsComplaintStatistics: jest.fn(),
  companiesComplaintStatistics: jest.fn(),
}));
const compoundsComplaintStatistics = compoundsOf as jest.MockedFunction<typeof compoundsOf>;
const companiesComplaintStatistics = companiesOf as jest.MockedFunction<typeof companiesOf>;

const bureau: Identity = { subject: 'u', role: 'CITY_BUREAU', organisationId: 'xicheng', jurisdictions: ['110102'] };
const context = (): RequestContext =>
  ({ identity: bureau, em: {} as EntityManager, loaders: new Map() }) as unknown as RequestContext;
const measured = (key: string) => ({ key, orders: 1 }) as GroupMeasures;

describe("complaints' measures on other subgraphs' entities, batched per request", () => {
  afterEach(() => jest.resetAllMocks());

  it('measures every compound of a request at once', async () => {
    // Before, one transaction per compound: ten aliases of a thousand compounds held the subgraph's whole pool.
    compoundsComplaintStatistics.mockImplementation(async (_em, _who, ids) => ids.map(measured));
    const loader = compoundComplaintStatisticsLoader(context());
    const found = await Promise.all(['c1', 'c2', 'c3'].map((id) => loader.load(id)));
    expect(found.map((m) => m.key)).toEqual(['c1', 'c2', 'c3']);
    expect(compoundsComplaintStatistics).toHaveBeenCalledTimes(1);
    expect(compoundsComplaintStatistics.mock.calls[0][2]).toEqual(['c1', 'c2', 'c3']);
  });

  it("measures each company's record once for all its filings, once per date range", async () => {
    companiesComplaintStatistics.mockImplementation(async (_em, _who, ids) => ids.map(measured));
    const loader = companyComplaintRecordLoader(context());
    const keys = [
      companyRecordKey('a', null, null),
      companyRecordKey('b', null, null),
      companyRecordKey('a', null, null),
      companyRecordKey('a', '2026-01-01', null),
    ];
    const records = await Promise.all(keys.map((k) => loader.load(k)));
    expect(records.map((r) => r?.key)).toEqual(['a', 'b', 'a', 'a']);
    expect(companiesComplaintStatistics.mock.calls.map((c) => [c[2], c[3]])).toEqual([
      [['a', 'b'], { receivedFrom: null, receivedTo: null }],
      [['a'], { receivedFrom: '2026-01-01', receivedTo: null }],
    ]);
  });
});
