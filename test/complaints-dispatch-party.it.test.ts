import { randomUUID } from 'node:crypto';
import { HotlineOrderData } from '../catalog';
import { HubOrm } from '../platform/db/orm';
import { sqlRun } from '../platform/db/sql';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { admitOrder } from '../subgraphs/complaints/application/receive-order';
import { dispatchOrder } from '../subgraphs/complaints/application/dispatch-order';
import { escalateOrder } from '../subgraphs/complaints/application/escalate-order';
import { answerOrder } from '../subgraphs/complaints/application/answer-order';
import { complaintStatistics } from '../subgraphs/complaints/application/complaint-statistics';
import { complaintsSubgraph } from '../subgraphs/complaints/module';
import { adminPostgresUrl, identity, uniqueSuffix } from './support/hub-fixture';
import { runDatabaseName } from './support/run-databases';
import { migratedSubgraphOrm } from './support/subgraph-orm';

/**
 * Audit (helper-270). 吹哨 may not send an order to the street office itself: README › Hotline complaints, "never to the
 * street office itself … (BAD_USER_INPUT naming bureauOrganisationId; before, an office escalated to itself answered
 * as the 'bureau', in its own rate)". The first dispatch of an order whose item names a BUREAU (or property-rights
 * units, or a residents' council) for the compound's governance model takes any organisation the street office names,
 * itself included: the street office then accepts its own order as the bureau, in time, and its street's response rate
 * counts it, the very hole the escalation rule closed.
 */
describe('audit: a dispatch to a bureau cannot name the street office itself', () => {
  const database = runDatabaseName(`complaints_dispatch_party_${uniqueSuffix()}`);
  const STREET = '110102020';
  const COMPOUND = randomUUID();
  const office = identity('STREET_OFFICE', 'street-office-guangwai', [STREET]);
  const hotline = identity('SYSTEM', 'beijing-12345', [STREET]);
  /** The company serving the compound under an accepted filing: the order is about its service. */
  const COMPANY = '91110102MA0000DPCO';
  const HOUR = 3600_000;
  let orm: HubOrm;
  let n = 0;
  const sql = (text: string, params: unknown[] = []) => sqlRun(orm.em.fork(), text, params);

  const receive = async (itemCode: string) => {
    const data: HotlineOrderData = {
      orderNumber: `DP-${++n}`,
      senderOrganisationId: hotline.organisationId,
      receivedAt: new Date(Date.now() - 60_000).toISOString(),
      callerName: '王小明',
      callerPhone: `1381234${String(n).padStart(4, '0')}`,
      addressText: '红居南街9号院3号楼',
      streetCode: STREET,
      categoryCode: 'T1',
      itemCode,
      text: '违法建设',
      respondBy: new Date(Date.now() + HOUR).toISOString(),
      resolveBy: new Date(Date.now() + 24 * HOUR).toISOString(),
    };
    return (await orm.em.fork().transactional((tx) => admitOrder(tx, hotline, data)))!;
  };

  beforeAll(async () => {
    orm = await migratedSubgraphOrm(complaintsSubgraph, database);
    await sql(`insert into complaints.compound_view values (?, '红居南街9号院', '110102', ?, 'CONTRACT_BASED', 1)`, [
      COMPOUND,
      STREET,
    ]);
    const areaId = randomUUID();
    await sql(`insert into complaints.building_view values (?, ?, ?, 10)`, [randomUUID(), COMPOUND, areaId]);
    await sql(
      `insert into complaints.filing_snapshot (filing_id, contract_id, area_id, company_id, kind, status, sequence,
         accepted_on, starts_on, ends_on, terms, terms_sha256)
       values (?, ?, ?, ?, 'INITIAL', 'ACCEPTED', 1, '2018-12-20', '2019-01-01', '2099-12-31', '{"kind": "REGULAR"}', 'x')`,
      [randomUUID(), randomUUID(), areaId, COMPANY],
    );
    await sql(
      `insert into complaints.taxonomy_category values ('T1', '2019-01-01', null, '测试大类', 'test', 'test', now())`,
    );
    await sql(`insert into complaints.taxonomy_item values ('T1.2', '2019-01-01', null, 'T1', '违法建设', 'test',
      '{"CONTRACT_BASED":"BUREAU","MULTI_PARTY_CO_GOVERNANCE":"BUREAU","GOVERNMENT_BACKSTOP":"BUREAU"}', 'test', now())`);
  });

  afterAll(async () => {
    await orm?.close();
    await dropDatabase(adminPostgresUrl(), database);
  });

  it('the escalation refuses the street office as the bureau (as the README says)', async () => {
    const order = await receive('T1.2');
    await expect(
      escalateOrder(orm.em.fork(), office, order.id, office.organisationId, '自己处理'),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('the dispatch refuses the street office as the bureau the item names', async () => {
    const order = await receive('T1.2');
    // Today the dispatch is taken: the order is the office's own as a "BUREAU" party.
    await expect(dispatchOrder(orm.em.fork(), office, order.id, office.organisationId)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it("so the street office cannot answer its own order as the bureau and raise its street's response rate", async () => {
    const order = await receive('T1.2');
    await dispatchOrder(orm.em.fork(), office, order.id, office.organisationId).catch(() => undefined);
    await answerOrder(orm.em.fork(), office, { orderId: order.id, step: 'ACCEPT' }).catch(() => undefined);
    const all = (await complaintStatistics(orm.em.fork(), office, 'ALL', {}))[0];
    // Today: the office's own acceptance as the "bureau" is counted as the order's response in time.
    expect(all.response.numerator).toBe(0);
  });

  it('the dispatch refuses, as the bureau, the company serving the compound the order is about', async () => {
    const order = await receive('T1.2');
    // Today taken: the company answers, as the supervising "bureau", a call about its own compound, off its record.
    await expect(dispatchOrder(orm.em.fork(), office, order.id, COMPANY)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});
