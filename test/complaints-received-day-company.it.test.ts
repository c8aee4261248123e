import { randomUUID } from 'node:crypto';
import { HotlineOrderData } from '../catalog';
import { HubOrm } from '../platform/db/orm';
import { sqlRows, sqlRun } from '../platform/db/sql';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { admitOrder } from '../subgraphs/complaints/application/receive-order';
import { importOrdersCsv } from '../subgraphs/complaints/application/import-orders-csv';
import { dispatchOrder } from '../subgraphs/complaints/application/dispatch-order';
import { escalateOrder } from '../subgraphs/complaints/application/escalate-order';
import { companiesComplaintStatistics } from '../subgraphs/complaints/application/complaint-statistics';
import { complaintsSubgraph } from '../subgraphs/complaints/module';
import { adminPostgresUrl, identity, uniqueSuffix } from './support/hub-fixture';
import { runDatabaseName } from './support/run-databases';
import { migratedSubgraphOrm } from './support/subgraph-orm';

/**
 * The company an order is about is the one serving its compound on the day the order was received (China date of
 * received_at), not on the day it is dispatched: an order backfilled from the hotline's export, or dispatched days
 * after it came in, after a change of provider still goes to, and counts against, the company whose service the
 * caller complained of. Before, dispatch took the company serving the compound the day it was dispatched (a
 * complaints audit, 2026-12-07): the new provider answered, and was measured by, calls from before it served.
 */
describe('complaints: the company responsible for an order is the one serving on the day it was received', () => {
  const database = runDatabaseName(`complaints_received_day_${uniqueSuffix()}`);
  const STREET = '110102020';
  const COMPOUND = randomUUID();
  const NAME = '红居南街8号院';
  const office = identity('STREET_OFFICE', 'street-office-guangwai', [STREET]);
  const hotline = identity('SYSTEM', 'beijing-12345', [STREET]);
  /** Served the compound from 2019 to 31 October 2026, when its contract ended. */
  const COMPANY_A = '91110102MA000RDAAA';
  /** Took over on 1 November 2026, under the owners' new contract. */
  const COMPANY_B = '91110102MA000RDBBB';
  const HOUR = 3600_000;
  const HEADER =
    'order_number,received_at,caller_name,caller_phone,address,street_code,category_code,item_code,text,respond_by,resolve_by';
  let orm: HubOrm;
  const sql = (text: string, params: unknown[] = []) => sqlRun(orm.em.fork(), text, params);
  const orderId = async (orderNumber: string) =>
    (
      await sqlRows<{ id: string }>(orm.em.fork(), `select id from complaints.complaint_order where order_number = ?`, [
        orderNumber,
      ])
    )[0].id;
  /** A line of the hotline's export, received on `day` at 09:00 China time, its deadlines long past. */
  const exported = (orderNumber: string, day: string) =>
    `${orderNumber},${day}T09:00:00+08:00,李四,13900001111,西城区${NAME}2号楼,${STREET},T1,T1.1,楼道灯不亮,${day}T11:00:00+08:00,${day}T20:00:00+08:00`;
  const record = async () =>
    Object.fromEntries(
      (await companiesComplaintStatistics(orm.em.fork(), office, [COMPANY_A, COMPANY_B])).map((g) => [
        g!.key,
        g!.orders,
      ]),
    );

  beforeAll(async () => {
    orm = await migratedSubgraphOrm(complaintsSubgraph, database);
    await sql(`insert into complaints.compound_view values (?, ?, '110102', ?, 'CONTRACT_BASED', 1)`, [
      COMPOUND,
      NAME,
      STREET,
    ]);
    const areaId = randomUUID();
    await sql(`insert into complaints.building_view values (?, ?, ?, 10)`, [randomUUID(), COMPOUND, areaId]);
    const filing = `insert into complaints.filing_snapshot (filing_id, contract_id, area_id, company_id, kind, status,
        sequence, accepted_on, starts_on, ends_on, terms, terms_sha256)
      values (?, ?, ?, ?, 'INITIAL', 'ACCEPTED', 1, ?, ?, ?, '{"kind": "REGULAR"}', 'x')`;
    // A's first contract to 30 September, none that week (the owners' own management), A again to 31 October, then B.
    await sql(filing, [randomUUID(), randomUUID(), areaId, COMPANY_A, '2018-12-20', '2019-01-01', '2026-09-30']);
    await sql(filing, [randomUUID(), randomUUID(), areaId, COMPANY_A, '2026-09-25', '2026-10-08', '2026-10-31']);
    await sql(filing, [randomUUID(), randomUUID(), areaId, COMPANY_B, '2026-10-20', '2026-11-01', '2029-10-31']);
    await sql(
      `insert into complaints.taxonomy_category values ('T1', '2019-01-01', null, '测试大类', 'test', 'test', now())`,
    );
    await sql(`insert into complaints.taxonomy_item values ('T1.1', '2019-01-01', null, 'T1', '楼道照明', 'test',
      '{"CONTRACT_BASED":"PROPERTY_COMPANY","MULTI_PARTY_CO_GOVERNANCE":"PROPERTY_COMPANY","GOVERNMENT_BACKSTOP":"STREET_SERVICE_CENTRE"}', 'test', now())`);
  });

  afterAll(async () => {
    await orm?.close();
    await dropDatabase(adminPostgresUrl(), database);
  });

  it('an order backfilled from when A served goes to A and counts on A’s record, not B’s', async () => {
    const imported = await importOrdersCsv(orm.em.fork(), office, [HEADER, exported('RD-1', '2026-10-15')].join('\n'));
    expect(imported).toEqual({ received: 1, duplicates: 0, unmatched: 0 });
    const id = await orderId('RD-1');
    // Dispatched today, with B serving: before, B (the company serving today) took it.
    const dispatched = await dispatchOrder(orm.em.fork(), office, id);
    expect(dispatched).toMatchObject({ partyOrganisationId: COMPANY_A, companyOrganisationId: COMPANY_A });
    expect(await record()).toEqual({ [COMPANY_A]: 1, [COMPANY_B]: 0 });
    // A is the company the order is about: not a "bureau" to escalate it to.
    await expect(escalateOrder(orm.em.fork(), office, id, COMPANY_A, '物业不处理')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('an order received on a day no company served finds none, as before when none serves', async () => {
    await importOrdersCsv(orm.em.fork(), office, [HEADER, exported('RD-2', '2026-10-03')].join('\n'));
    // Before, B (serving today) took it.
    await expect(dispatchOrder(orm.em.fork(), office, await orderId('RD-2'))).rejects.toMatchObject({
      code: 'NO_RESPONSIBLE_PARTY',
    });
  });

  it('a live order goes to the company serving today, as before', async () => {
    const data: HotlineOrderData = {
      orderNumber: 'RD-LIVE',
      senderOrganisationId: hotline.organisationId,
      receivedAt: new Date(Date.now() - 60_000).toISOString(),
      callerName: '王小明',
      callerPhone: '13812340001',
      addressText: `${NAME}3号楼`,
      streetCode: STREET,
      categoryCode: 'T1',
      itemCode: 'T1.1',
      text: '楼道灯不亮',
      respondBy: new Date(Date.now() + HOUR).toISOString(),
      resolveBy: new Date(Date.now() + 24 * HOUR).toISOString(),
    };
    const before = await record();
    const order = (await orm.em.fork().transactional((tx) => admitOrder(tx, hotline, data)))!;
    expect(order.compoundId).toBe(COMPOUND);
    const dispatched = await dispatchOrder(orm.em.fork(), office, order.id);
    expect(dispatched).toMatchObject({ partyOrganisationId: COMPANY_B, companyOrganisationId: COMPANY_B });
    expect(await record()).toEqual({ [COMPANY_A]: before[COMPANY_A], [COMPANY_B]: before[COMPANY_B] + 1 });
  });
});
