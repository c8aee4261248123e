import { Client } from 'pg';
import { addMonths } from '../kernel/calendar';
import { todayInChina } from '../kernel/clock';
import { TestHub, identity, startTestHub } from './support/hub-fixture';
import { HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';
import { connectedClient } from './support/db-client';
import { publishCollection } from '../subgraphs/arrears/application/collection.publish';
import { sqlRows, sqlRun } from '../platform/db/sql';

/**
 * Civil Code art. 943 has the provider make its performance (履行情况) public: the publicity shows the collection
 * rate of the service fees due in the twelve months before today, from arrears.collection.v1; a month billed but not
 * yet due does not count.
 */
const company = identity('PROPERTY_COMPANY', '91110102MA0PUBLIC1');
const thisMonth = todayInChina().slice(0, 7);
const PUBLIC = `{ publicServiceStandards(compoundName: "${HONGJU}") { asOf providerName performance { dueFrom asOf months households paidHouseholds byHouseholdsPercent byAmountPercent billedYuan collectedYuan } } }`;

describe("publicity of the provider's performance (双晒, Civil Code art. 943)", () => {
  let t: TestHub;
  let db: Client;
  let areaId: string;
  const { ok } = gqlExpectations(() => t);

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears'] });
    db = await connectedClient(t.databaseUrl);
    const given = scenario(t);
    ({ areaId } = await given.compound(HONGJU, { knownTo: ['contracts', 'arrears'] }));
    await given.acceptedFiling(company, areaId, hongjuTerms(company, addMonths(thisMonth, -3)), {
      knownTo: ['arrears'],
    });
    // Three months due before today, and this month, billed but due on its last day.
    await given.billedMonths(company, areaId, [
      addMonths(thisMonth, -3),
      addMonths(thisMonth, -2),
      addMonths(thisMonth, -1),
      thisMonth,
    ]);
  });

  afterAll(async () => {
    await db?.end();
    await t?.stop();
  });

  it('shows the collection rate of the charges due before today, as the arrears ledger counts it', async () => {
    const accounts = (
      await ok(company, `query($a: ID) { arrears(filter: { areaId: $a }, first: 100) { items { accountId } } }`, {
        a: areaId,
      })
    ).arrears.items as { accountId: string }[];
    // Half the households pay everything billed so far, this month's charge included.
    const paying = accounts.slice(0, 36);
    for (const { accountId } of paying) {
      const statement = (
        await ok(company, `query($id: ID!) { arrearsAccount(id: $id) { openFen } }`, { id: accountId })
      ).arrearsAccount;
      await ok(company, `mutation($p: PaymentInput!) { recordPayment(payment: $p) { receiptNumber } }`, {
        p: {
          accountId,
          amountFen: statement.openFen,
          paidOn: todayInChina(),
          method: 'WECHAT_PAY',
          idempotencyKey: `perf-${accountId}`,
        },
      });
    }
    // What the ledger says of the three months due before today: the figures the publicity must repeat.
    const { rows } = await db.query(
      `select count(*)::int as households, count(*) filter (where paid_fen + waived_fen >= amount_fen and paid_fen > 0)::int as paid,
              sum(amount_fen)::bigint as billed, sum(paid_fen)::bigint as collected
         from arrears.charge where area_id = $1 and kind = 'SERVICE_FEE' and due_on < $2::date`,
      [areaId, todayInChina()],
    );
    const ledger = rows[0];
    expect(ledger.households).toBe(72 * 3);
    const performance = await waitFor('the publicity to hold the payments', async () => {
      const p = (await ok(undefined, PUBLIC)).publicServiceStandards[0].performance;
      return p && p.paidHouseholds === ledger.paid ? p : undefined;
    });
    const yuan = (fen: string) => `${BigInt(fen) / 100n}.${String(BigInt(fen) % 100n).padStart(2, '0')}`;
    expect(performance).toMatchObject({
      asOf: todayInChina(),
      months: 3,
      households: ledger.households,
      paidHouseholds: ledger.paid,
      byHouseholdsPercent: '50.0',
      billedYuan: yuan(ledger.billed),
      collectedYuan: yuan(ledger.collected),
    });
  });

  it("counts an area's month after a concurrent change of it has committed, so the summary kept last misses no payment", async () => {
    const month = addMonths(thisMonth, -2);
    const { rows: charges } = await db.query(
      `select c.id, c.account_id, c.amount_fen::int8 as amount from arrears.charge c
        where c.area_id = $1 and c.month = $2 and c.kind = 'SERVICE_FEE' and c.paid_fen = 0 order by c.account_id limit 2`,
      [areaId, month],
    );
    expect(charges).toHaveLength(2);
    const [held, paid] = charges;
    // One change of the area's month committing late: its transaction has counted the month and waits.
    let published!: (pid: number) => void;
    const counted = new Promise<number>((resolve) => (published = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const first = t.hub.subgraphs.arrears!.orm.em.fork().transactional(async (tx) => {
      // On the transaction's connection (a bare execute() ran on another and committed at once).
      await sqlRun(tx, `update arrears.charge set paid_fen = amount_fen where id = ?`, [held.id]);
      await publishCollection(tx, { accountIds: [held.account_id] });
      const [{ pid }] = await sqlRows<{ pid: number }>(tx, `select pg_backend_pid() as pid`);
      published(pid);
      await released;
    });
    const holder = await counted;
    // Another payment of the same month meanwhile, through the API.
    const second = ok(company, `mutation($p: PaymentInput!) { recordPayment(payment: $p) { receiptNumber } }`, {
      p: {
        accountId: paid.account_id,
        amountFen: Number(paid.amount),
        paidOn: todayInChina(),
        method: 'CASH',
        designatedChargeIds: [paid.id],
        idempotencyKey: `perf-concurrent-${paid.id}`,
      },
    });
    // The payment has reached the contended point once its backend waits for a lock the first change holds.
    try {
      await waitFor(
        'the payment to wait on the first change',
        async () =>
          (
            await db.query(
              `select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'
                  and $1::int = any(pg_blocking_pids(pid))`,
              [holder],
            )
          ).rowCount! > 0,
        { timeoutMs: 30_000, intervalMs: 20 },
      );
    } finally {
      release();
    }
    await first;
    await second;
    const { rows: summaries } = await db.query(
      `select payload from arrears.outbox where event_type = 'hub.arrears.collection.summarized'
          and payload->>'areaId' = $1 and payload->>'month' = $2 order by id desc limit 1`,
      [areaId, month],
    );
    const { rows: ledger } = await db.query(
      `select sum(paid_fen)::int8 as collected from arrears.charge where area_id = $1 and month = $2 and kind = 'SERVICE_FEE'`,
      [areaId, month],
    );
    // Before, the payment counted the month while the first change was uncommitted and was kept last without it.
    expect(Number(summaries[0].payload.collectedFen)).toBe(Number(ledger[0].collected));
  });
});
