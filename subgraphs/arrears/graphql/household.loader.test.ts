import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { RequestContext } from '../../../platform/subgraph/context';
import { ArrearsListing, listArrears as listAll } from '../application/list-arrears';
import { ArrearsListItem } from '../domain/arrears-list';
import { accountsOfHouseholds } from './household.loader';

// What this file checks is how the loader pages, not the listing's SQL (arrears-balance.it and the lists read it on
// PostgreSQL): the listing is stubbed.
jest.mock('../application/list-arrears', () => ({ listArrears: jest.fn() }));
const listArrears = listAll as jest.MockedFunction<typeof listAll>;

const office: Identity = { subject: 'u', role: 'STREET_OFFICE', organisationId: 'so', jurisdictions: ['110102020'] };
const context = (): RequestContext =>
  ({ identity: office, em: {} as EntityManager, loaders: new Map() }) as unknown as RequestContext;
const item = (householdId: string, n: number) => ({ householdId, accountId: `${householdId}-${n}` }) as ArrearsListItem;
const listing = (items: ArrearsListItem[], endCursor: string | null) =>
  ({ items, endCursor }) as unknown as ArrearsListing;

describe("households' arrears accounts, loaded for a request's households at once", () => {
  afterEach(() => jest.resetAllMocks());

  it('reads every page of the accounts by cursor, so no household is shown without its accounts', async () => {
    // Before, the first 500 accounts of the batch only: the rest of its households came back with none.
    listArrears
      .mockResolvedValueOnce(
        listing(
          Array.from({ length: 500 }, (_, i) => item('h1', i)),
          'c1',
        ),
      )
      .mockResolvedValueOnce(listing([item('h2', 0), item('h2', 1)], null));
    const loader = accountsOfHouseholds(context());
    const [h1, h2] = await Promise.all([loader.load('h1'), loader.load('h2')]);
    expect([h1.length, h2.length]).toEqual([500, 2]);
    expect(listArrears.mock.calls.map((c) => [c[2], c[3].after ?? null])).toEqual([
      [{ householdIds: ['h1', 'h2'] }, null],
      [{ householdIds: ['h1', 'h2'] }, 'c1'],
    ]);
  });

  it('refuses a request whose households hold more accounts than it reads, rather than answering in part', async () => {
    listArrears.mockResolvedValue(
      listing(
        Array.from({ length: 500 }, (_, i) => item('h1', i)),
        'next',
      ),
    );
    await expect(accountsOfHouseholds(context()).load('h1')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(listArrears).toHaveBeenCalledTimes(40);
  });
});
