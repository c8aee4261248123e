import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { OrderCounts, noOrderCounts } from '../domain/measures';
import { orderCounts as countOrders } from '../persistence/complaint-measures.sql';
import { CompoundView, findCompounds as readCompounds } from '../persistence/read-model.repository';
import { companiesComplaintStatistics, compoundsComplaintStatistics } from './complaint-statistics';

// What this file checks is how many counts a batch makes, not the SQL (complaints-orders.it measures on PostgreSQL):
// the two reads are stubbed.
jest.mock('../persistence/complaint-measures.sql', () => ({ orderCounts: jest.fn() }));
jest.mock('../persistence/read-model.repository', () => ({ findCompounds: jest.fn() }));
const orderCounts = countOrders as jest.MockedFunction<typeof countOrders>;
const findCompounds = readCompounds as jest.MockedFunction<typeof readCompounds>;

const counts = (orders: number, households: number): OrderCounts => ({
  ...noOrderCounts(households),
  orders,
  ordersOfHouseholds: orders,
});
const em = {} as EntityManager;
const bureau: Identity = { subject: 'u', role: 'CITY_BUREAU', organisationId: 'xicheng', jurisdictions: ['110102'] };

describe('complaint measures of many compounds or companies', () => {
  afterEach(() => jest.resetAllMocks());

  it('counts the compounds at once, and reads the register once for those without orders in reach', async () => {
    orderCounts.mockResolvedValue(new Map([['c1', counts(3, 72)]]));
    findCompounds.mockResolvedValue([{ compoundId: 'c2', households: 40, streetCode: '110102020' } as CompoundView]);
    const [c1, c2, c3] = await compoundsComplaintStatistics(em, bureau, ['c1', 'c2', 'c3']);
    expect(orderCounts).toHaveBeenCalledTimes(1);
    expect(orderCounts.mock.calls[0][2]).toMatchObject({ compoundIds: ['c1', 'c2', 'c3'] });
    expect(findCompounds).toHaveBeenCalledWith(em, ['c2', 'c3']);
    expect([c1.key, c1.orders, c1.perHundredHouseholds.denominator]).toEqual(['c1', 3, 72]);
    expect([c2.key, c2.orders, c2.perHundredHouseholds.denominator]).toEqual(['c2', 0, 40]);
    expect([c3.key, c3.orders, c3.perHundredHouseholds.denominator]).toEqual(['c3', 0, 0]);
    // A compound outside the reader's divisions, and any compound for a company (its reach holds no households): no
    // households beside zero orders, as beside its orders (before, a company saw a rate only where it had none).
    findCompounds.mockResolvedValue([{ compoundId: 'c2', households: 40, streetCode: '110108001' } as CompoundView]);
    expect((await compoundsComplaintStatistics(em, bureau, ['c2']))[0].perHundredHouseholds.denominator).toBe(0);
    findCompounds.mockResolvedValue([{ compoundId: 'c2', households: 40, streetCode: '110102020' } as CompoundView]);
    const company: Identity = { subject: 'a', role: 'PROPERTY_COMPANY', organisationId: 'a', jurisdictions: [] };
    expect((await compoundsComplaintStatistics(em, company, ['c2']))[0].perHundredHouseholds.denominator).toBe(0);
  });

  it('counts the companies at once, each once however many filings asked, and nothing for a court', async () => {
    orderCounts.mockResolvedValue(new Map([['a', counts(2, 0)]]));
    const records = await companiesComplaintStatistics(em, bureau, ['a', 'b', 'a']);
    expect(orderCounts).toHaveBeenCalledTimes(1);
    expect(orderCounts.mock.calls[0][2]).toMatchObject({ companyOrganisationIds: ['a', 'b'] });
    expect(records.map((r) => [r?.key, r?.orders])).toEqual([
      ['a', 2],
      ['b', 0],
      ['a', 2],
    ]);
    const court: Identity = { subject: 'c', role: 'COURT', organisationId: 'bj-court', jurisdictions: [] };
    expect(await companiesComplaintStatistics(em, court, ['a'])).toEqual([null]);
    expect(orderCounts).toHaveBeenCalledTimes(1);
  });
});
