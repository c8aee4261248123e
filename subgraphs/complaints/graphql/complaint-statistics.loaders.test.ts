import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { RequestContext } from '../../../platform/subgraph/context';
import { OrderCounts } from '../domain/measures';
import { orderCounts as countOrders } from '../persistence/complaint-measures.sql';
import { CompoundView, findCompounds as readCompounds } from '../persistence/read-model.repository';
import {
  companyComplaintRecordLoader,
  companyRecordKey,
  compoundComplaintStatisticsLoader,
} from './complaint-statistics.loaders';

// What this file checks is how many counts a batch makes, not the SQL (complaints-orders.it measures through the
// gateway on PostgreSQL): the two reads are stubbed.
jest.mock('../persistence/complaint-measures.sql', () => ({
  ...jest.requireActual('../persistence/complaint-measures.sql'),
  orderCounts: jest.fn(),
}));
jest.mock('../persistence/read-model.repository', () => ({
  ...jest.requireActual('../persistence/read-model.repository'),
  findCompounds: jest.fn(),
}));
const orderCounts = countOrders as jest.MockedFunction<typeof countOrders>;
const findCompounds = readCompounds as jest.MockedFunction<typeof readCompounds>;

const counts = (orders: number, households: number): OrderCounts => ({
  orders,
  dueForResponse: 0,
  respondedInTime: 0,
  closed: 0,
  closedResolved: 0,
  rated: 0,
  satisfied: 0,
  repeats: 0,
  households,
});
const bureau: Identity = { subject: 'u', role: 'CITY_BUREAU', organisationId: 'xicheng', jurisdictions: ['110102'] };
const context = (identity: Identity = bureau): RequestContext =>
  ({ identity, em: {} as EntityManager, loaders: new Map() }) as unknown as RequestContext;

describe("complaints' measures on other subgraphs' entities, batched per request", () => {
  afterEach(() => jest.resetAllMocks());

  it('counts every compound of a batch at once, and reads the register once for those without orders', async () => {
    // Before, one transaction per compound: ten aliases of a thousand compounds held the subgraph's whole pool.
    orderCounts.mockResolvedValue(new Map([['c1', counts(3, 72)]]));
    findCompounds.mockResolvedValue([{ compoundId: 'c2', households: 40 } as CompoundView]);
    const loader = compoundComplaintStatisticsLoader(context());
    const [c1, c2, c3] = await Promise.all(['c1', 'c2', 'c3'].map((id) => loader.load(id)));
    expect(orderCounts).toHaveBeenCalledTimes(1);
    expect(orderCounts.mock.calls[0][2]).toMatchObject({ compoundIds: ['c1', 'c2', 'c3'] });
    expect(findCompounds).toHaveBeenCalledWith(expect.anything(), ['c2', 'c3']);
    expect([c1.key, c1.orders, c1.perHundredHouseholds.denominator]).toEqual(['c1', 3, 72]);
    expect([c2.key, c2.orders, c2.perHundredHouseholds.denominator]).toEqual(['c2', 0, 40]);
    expect([c3.key, c3.orders, c3.perHundredHouseholds.denominator]).toEqual(['c3', 0, 0]);
  });

  it("counts each company's record once for all its filings, one count per date range", async () => {
    orderCounts.mockResolvedValue(new Map([['a', counts(2, 0)]]));
    const loader = companyComplaintRecordLoader(context());
    const keys = [
      companyRecordKey('a', null, null),
      companyRecordKey('b', null, null),
      companyRecordKey('a', null, null),
      companyRecordKey('a', '2026-01-01', null),
    ];
    const records = await Promise.all(keys.map((k) => loader.load(k)));
    expect(orderCounts).toHaveBeenCalledTimes(2);
    expect(orderCounts.mock.calls.map((c) => c[2])).toEqual([
      expect.objectContaining({ companyOrganisationIds: ['a', 'b'], receivedFrom: null, receivedTo: null }),
      expect.objectContaining({ companyOrganisationIds: ['a'], receivedFrom: '2026-01-01', receivedTo: null }),
    ]);
    expect(records.map((r) => [r?.key, r?.orders])).toEqual([
      ['a', 2],
      ['b', 0],
      ['a', 2],
      ['a', 2],
    ]);
    // A court reads no hotline orders: no record, and nothing counted.
    orderCounts.mockClear();
    const court: Identity = { subject: 'c', role: 'COURT', organisationId: 'bj-court', jurisdictions: [] };
    expect(await companyComplaintRecordLoader(context(court)).load(keys[0])).toBeNull();
    expect(orderCounts).not.toHaveBeenCalled();
  });
});
