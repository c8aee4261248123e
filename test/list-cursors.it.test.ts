import { Client } from 'pg';
import { TestHub, identity, startTestHub } from './support/hub-fixture';
import { generateArrears, generateFilings, generateHouseholds } from './support/list-rows';
import { connectedClient } from './support/db-client';

// Lists a role pages through, by cursor (after / endCursor) beside offset, counted only when totalCount is asked.
const haidianBureau = identity('CITY_BUREAU', 'bureau-haidian', ['110108']);
const xichengBureau = identity('CITY_BUREAU', 'bureau-xicheng', ['110102']);
const guangwai = identity('STREET_OFFICE', 'street-office-guangwai', ['110102020']);
const desheng = identity('STREET_OFFICE', 'street-office-desheng', ['110102011']);
const company = identity('PROPERTY_COMPANY', '91110102MA01LISTAR');
const otherCompany = identity('PROPERTY_COMPANY', '91110102MA01LISTBR');

const QUEUE = `query($first: Int!, $offset: Int, $after: Key) { filingReviewQueue(first: $first, offset: $offset, after: $after) { endCursor items { id } } }`;
const ARREARS = `query($first: Int!, $offset: Int, $after: Key) { arrears(first: $first, offset: $offset, after: $after) { endCursor items { id: accountId openFen } } }`;
const HOUSEHOLDS = `query($c: ID!, $first: Int!, $offset: Int, $after: Key) { compound(id: $c) { households(first: $first, offset: $offset, after: $after) { endCursor items { id } } } }`;

type Who = ReturnType<typeof identity>;
type PageOf = (body: Record<string, unknown>) => { endCursor: string | null; items: { id: string }[] };

describe('lists at scale: keyset pages agree with offset pages, and stay in the caller’s scope', () => {
  let t: TestHub;
  let db: Client;
  let compoundId: string;

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears'] });
    db = await connectedClient(t.databaseUrl);
    await generateFilings(db, { streetCode: '110108001', count: 130 });
    await generateFilings(db, { streetCode: '110102020', count: 12 });
    compoundId = await generateHouseholds(db, { streetCode: '110102020', buildings: 3, perBuilding: 70 });
    await generateArrears(db, { compoundId, companyId: company.organisationId, months: 3 });
  });

  afterAll(async () => {
    await db?.end();
    await t?.stop();
  });

  /** Every page by cursor, `size` at a time, until the list says there is no next page. */
  const byCursor = async (who: Who, query: string, pageOf: PageOf, variables: Record<string, unknown>, size = 50) => {
    const ids: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const res = await t.gql(who, query, { ...variables, first: size, after });
      expect(res.body.errors).toBeUndefined();
      const page = pageOf(res.body.data);
      ids.push(...page.items.map((i) => i.id));
      if (!page.endCursor) return ids;
      after = page.endCursor;
    }
    throw new Error('the list never ended');
  };
  const queueOf: PageOf = (d) => d.filingReviewQueue as ReturnType<PageOf>;
  const arrearsOf: PageOf = (d) => d.arrears as ReturnType<PageOf>;
  const householdsOf: PageOf = (d) => (d.compound as { households: ReturnType<PageOf> }).households;

  it("a bureau's review queue: cursor pages are the offset order, without gaps or repeats; counts only when asked", async () => {
    const ids = await byCursor(haidianBureau, QUEUE, queueOf, {});
    expect(ids).toHaveLength(130);
    expect(new Set(ids).size).toBe(130);
    const all = await t.gql(haidianBureau, QUEUE, { first: 500, offset: 0 });
    expect(queueOf(all.body.data).items.map((i) => i.id)).toEqual(ids);
    // The order is the queue's: oldest submission first, then the oldest row.
    const { rows } = await db.query(
      `select id from contracts.filing where district_code = '110108' and status = 'SUBMITTED' order by submitted_on, created_at, id`,
    );
    expect(rows.map((r) => r.id)).toEqual(ids);
    const counted = await t.gql(
      haidianBureau,
      `{ filingReviewQueue(first: 1) { totalCount counts { status count late } } }`,
    );
    expect(counted.body.data.filingReviewQueue).toEqual({
      totalCount: 130,
      counts: [{ status: 'SUBMITTED', count: 130, late: 0 }],
    });
  });

  it("another district's bureau sees only its own filings, even with this bureau's cursor", async () => {
    const first = await t.gql(haidianBureau, QUEUE, { first: 50 });
    const cursor = queueOf(first.body.data).endCursor;
    const xicheng = await byCursor(xichengBureau, QUEUE, queueOf, {}, 5);
    expect(xicheng).toHaveLength(12);
    const borrowed = await t.gql(xichengBureau, QUEUE, { first: 50, after: cursor });
    const { rows } = await db.query(`select id from contracts.filing where district_code = '110102'`);
    const own = new Set(rows.map((r) => r.id));
    expect(queueOf(borrowed.body.data).items.every((i) => own.has(i.id))).toBe(true);
  });

  it('refuses a cursor the list did not give, and a cursor with an offset', async () => {
    const forged = await t.gql(haidianBureau, QUEUE, { first: 5, after: 'bm90LWEtY3Vyc29y' });
    expect(forged.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const first = await t.gql(haidianBureau, QUEUE, { first: 5 });
    const both = await t.gql(haidianBureau, QUEUE, { first: 5, offset: 5, after: queueOf(first.body.data).endCursor });
    expect(both.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it("a street office pages a compound's households by cursor in building / unit / room order; another office cannot", async () => {
    const ids = await byCursor(guangwai, HOUSEHOLDS, householdsOf, { c: compoundId }, 40);
    expect(ids).toHaveLength(210);
    expect(new Set(ids).size).toBe(210);
    const all = await t.gql(guangwai, HOUSEHOLDS, { c: compoundId, first: 500, offset: 0 });
    expect(householdsOf(all.body.data).items.map((i) => i.id)).toEqual(ids);
    const total = await t.gql(guangwai, `query($c: ID!) { compound(id: $c) { households(first: 1) { totalCount } } }`, {
      c: compoundId,
    });
    expect(total.body.data.compound.households.totalCount).toBe(210);
    const other = await t.gql(desheng, HOUSEHOLDS, { c: compoundId, first: 5 });
    expect(other.body.data?.compound?.households?.items ?? []).toHaveLength(0);
    // Outside its jurisdiction the compound is not disclosed (areas' compound lookup): NOT_FOUND, not merely an error.
    expect(other.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it("a company's arrears: cursor pages are the offset order (largest first), totals only when asked; another company sees none", async () => {
    const ids = await byCursor(company, ARREARS, arrearsOf, {}, 40);
    expect(ids).toHaveLength(210);
    expect(new Set(ids).size).toBe(210);
    const all = await t.gql(company, ARREARS, { first: 500, offset: 0 });
    const items = (all.body.data.arrears as { items: { id: string; openFen: number }[] }).items;
    expect(items.map((i) => i.id)).toEqual(ids);
    expect(items.every((item, i) => i === 0 || items[i - 1].openFen >= item.openFen)).toBe(true);
    const totals = await t.gql(company, '{ arrears(first: 1) { totalCount openFen } }');
    expect(totals.body.data.arrears).toEqual({
      totalCount: 210,
      openFen: items.reduce((sum, item) => sum + item.openFen, 0),
    });
    // The households of its accounts, from areas, which knows the company serves the area.
    const withHouseholds = await t.gql(company, '{ arrears(first: 5) { items { household { unit room } } } }');
    expect(withHouseholds.body.errors).toBeUndefined();
    expect(withHouseholds.body.data.arrears.items[0].household.unit).toMatch(/单元$/);
    const forged = await t.gql(company, ARREARS, { first: 5, after: 'WyJ4IiwieSJd' });
    expect(forged.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const other = await t.gql(otherCompany, '{ arrears(first: 50) { totalCount items { accountId } } }');
    expect(other.body.data.arrears).toEqual({ totalCount: 0, items: [] });
  });

  it("a page of 50 accounts' households with owner names costs areas two statements, as a page of 5 does; another company reads none", async () => {
    // Owners on record, so the company's masked names are read too.
    await db.query(
      `update areas.household h set owner_name = '王' || h.room from areas.building b where b.id = h.building_id and b.compound_id = $1`,
      [compoundId],
    );
    const statements: string[] = [];
    const knex = t.hub.subgraphs.areas!.orm.em.getConnection().getKnex();
    const count = (q: { sql: string }) => {
      if (/areas\.(household|filing_snapshot|contract_area|court_household|owner_data_access)\b/.test(q.sql))
        statements.push(q.sql);
    };
    const page = `query($first: Int!) { arrears(first: $first) { items { household { id unit room ownerName } } } }`;
    type Item = { household: { id: string; unit: string; room: string; ownerName: string | null } | null };
    const statementsOf = async (who: Who, first: number) => {
      statements.length = 0;
      knex.on('query', count);
      try {
        const res = await t.gql(who, page, { first });
        return { res, items: (res.body.data?.arrears?.items ?? []) as Item[], statements: [...statements] };
      } finally {
        knex.off('query', count);
      }
    };
    for (const first of [5, 50]) {
      const { res, items, statements: read } = await statementsOf(company, first);
      expect(res.body.errors).toBeUndefined();
      expect(items).toHaveLength(first);
      // each household with its room, the owner's name masked (the company serves the area; it is not the register)
      for (const { household } of items) expect(household?.ownerName).toBe(`王${'*'.repeat(household!.room.length)}`);
      // the households, and the company's grants; nothing logged (no name in full)
      expect(read).toHaveLength(2);
    }
    // Another company with accounts naming the same households and a contract of their area (its identifying facts
    // only): every household is NOT_FOUND to it, in the same two statements.
    await db.query(
      `insert into arrears.account (id, company_id, household_id, area_id, building_id, status, status_changed_on, arrears_fen, arrears_charges, oldest_due_on)
       select gen_random_uuid(), $2, household_id, area_id, building_id, status, status_changed_on, arrears_fen, arrears_charges, oldest_due_on
         from arrears.account where company_id = $1 and arrears_fen > 0 order by id limit 50`,
      [company.organisationId, otherCompany.organisationId],
    );
    await db.query(
      `insert into areas.contract_area (contract_id, company_id, area_id)
       select gen_random_uuid(), $2, area_id from arrears.account where company_id = $1 limit 1`,
      [company.organisationId, otherCompany.organisationId],
    );
    const other = await statementsOf(otherCompany, 50);
    expect(other.items).toHaveLength(50);
    expect(other.items.every((i) => i.household === null)).toBe(true);
    expect(new Set(other.res.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code))).toEqual(
      new Set(['NOT_FOUND']),
    );
    expect(other.statements).toHaveLength(2);
  });
});
