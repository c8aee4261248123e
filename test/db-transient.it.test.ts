import { TEST_POOL_MAX, TestHub, startTestHub } from './support/hub-fixture';
import { GUANGWAI_OFFICE, HONGJU, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';

/**
 * Issue 12: under heavy load a request once answered INTERNAL_SERVER_ERROR. What load does to a subgraph's database
 * (no connection to be had in time, connections dropped) is answered with a code, on the real PostgreSQL: retried
 * where that is safe, TEMPORARILY_UNAVAILABLE where it is not, with nothing written.
 */
const ACQUIRE_TIMEOUT_MS = 1000;
/** The test hub's pool size (each subgraph's most connections): every one of them is held below. */
const POOL_MAX = TEST_POOL_MAX;
const COMPOUND = `query($c: ID!) { compound(id: $c) { id name } }`;
const REGISTER = `mutation($i: RegisterCompoundInput!) { registerCompound(input: $i) { id } }`;
const compoundInput = (name: string) => ({
  name,
  districtCode: '110102',
  streetCode: '110102020',
  kind: 'COMMERCIAL',
  governanceModel: 'CONTRACT_BASED',
  propertyRightsUnits: 1,
  maintenanceFund: 'ESTABLISHED',
});
type Answer = { body: { data?: Record<string, unknown> | null; errors?: { extensions: { code: string } }[] } };
const codes = (res: Answer) => (res.body.errors ?? []).map((e) => e.extensions.code);

describe("a subgraph's database under load: typed answers, never INTERNAL_SERVER_ERROR", () => {
  let t: TestHub;
  let compoundId: string;
  const before = process.env.HUB_DB_ACQUIRE_TIMEOUT_MS;

  beforeAll(async () => {
    process.env.HUB_DB_ACQUIRE_TIMEOUT_MS = String(ACQUIRE_TIMEOUT_MS);
    t = await startTestHub({ subgraphs: ['areas'] });
    ({ compoundId } = await scenario(t).compound(HONGJU));
  });

  afterAll(async () => {
    if (before === undefined) delete process.env.HUB_DB_ACQUIRE_TIMEOUT_MS;
    else process.env.HUB_DB_ACQUIRE_TIMEOUT_MS = before;
    await t?.stop();
  });

  it('answers TEMPORARILY_UNAVAILABLE while no connection is to be had, writes nothing, and answers again once one is', async () => {
    const orm = t.hub.subgraphs.areas!.orm;
    // Every connection of the areas pool busy for a while, as a burst of slow statements would keep them.
    const busy = Promise.all(
      Array.from({ length: POOL_MAX }, () => orm.em.fork().getConnection().execute('select pg_sleep(8)')),
    );
    try {
      await waitFor(
        'the pool to be held',
        async () =>
          (
            await t.sql<{ n: number }>(
              `select count(*)::int as n from pg_stat_activity where datname = current_database() and query = 'select pg_sleep(8)'`,
            )
          )[0].n === POOL_MAX,
      );
      const read = (await t.gql(GUANGWAI_OFFICE, COMPOUND, { c: compoundId })) as Answer;
      expect(codes(read)).toEqual(['TEMPORARILY_UNAVAILABLE']);
      const write = (await t.gql(GUANGWAI_OFFICE, REGISTER, { i: compoundInput('忙碌时登记院') })) as Answer;
      expect(codes(write)).toEqual(['TEMPORARILY_UNAVAILABLE']);
    } finally {
      await busy;
    }
    const [{ n }] = await t.sql<{ n: number }>(`select count(*)::int as n from areas.compound where name = $1`, [
      '忙碌时登记院',
    ]);
    expect(n).toBe(0);
    const again = (await t.gql(GUANGWAI_OFFICE, COMPOUND, { c: compoundId })) as Answer;
    expect(again.body).toEqual({ data: { compound: { id: compoundId, name: HONGJU } } });
  });

  it('answers through connections the database dropped (a restart, a failover): the pool replaces them', async () => {
    const answers: Answer[] = [];
    for (let round = 0; round < 3; round++) {
      await t.sql(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
      );
      answers.push((await t.gql(GUANGWAI_OFFICE, COMPOUND, { c: compoundId })) as Answer);
      answers.push((await t.gql(GUANGWAI_OFFICE, REGISTER, { i: compoundInput(`断线后登记院${round}`) })) as Answer);
    }
    // Each answer is data or, at worst, the typed retry: never INTERNAL_SERVER_ERROR or an error without a code.
    for (const answer of answers) expect(codes(answer).filter((c) => c !== 'TEMPORARILY_UNAVAILABLE')).toEqual([]);
    const last = (await t.gql(GUANGWAI_OFFICE, COMPOUND, { c: compoundId })) as Answer;
    expect(last.body).toEqual({ data: { compound: { id: compoundId, name: HONGJU } } });
  });
});
