import { randomUUID } from 'node:crypto';
import { HotlineOrderData } from '../catalog';
import { HubOrm } from '../platform/db/orm';
import { sqlArray, sqlRows, sqlRun } from '../platform/db/sql';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { admitOrder } from '../subgraphs/complaints/application/receive-order';
import { dispatchOrder } from '../subgraphs/complaints/application/dispatch-order';
import { escalateOrder } from '../subgraphs/complaints/application/escalate-order';
import { answerOrder } from '../subgraphs/complaints/application/answer-order';
import {
  companiesComplaintStatistics,
  complaintStatistics,
} from '../subgraphs/complaints/application/complaint-statistics';
import { complaintsSubgraph } from '../subgraphs/complaints/module';
import { adminPostgresUrl, identity, uniqueSuffix } from './support/hub-fixture';
import { runDatabaseName } from './support/run-databases';
import { migratedSubgraphOrm } from './support/subgraph-orm';

/**
 * A company's response rate (Filing.companyComplaintRecord, complaintStatistics(groupBy: COMPANY)) counts the orders
 * the company held at their respondBy, by its own acceptance; the orders of no company keep their answering party's
 * response. Before (a complaints audit, 2026-12-07), an order dispatched after its deadline had passed at the street office, or
 * escalated away before it, was the company's late response, and the null COMPANY group always showed 0 %.
 */
describe("complaints: a company's response rate counts the orders it held at their deadline", () => {
  const database = runDatabaseName(`complaints_company_response_${uniqueSuffix()}`);
  const STREET = '110102020';
  const BACKSTOP_COMPOUND = '00000000-0000-4000-8000-0000000000c2';
  const office = identity('STREET_OFFICE', 'street-office-guangwai', [STREET]);
  const bureau = identity('CITY_BUREAU', 'xicheng-housing-bureau', ['110102']);
  const hotline = identity('SYSTEM', 'beijing-12345', [STREET]);
  const ENFORCEMENT = 'xicheng-enforcement-bureau';
  const HOUR = 3600_000;
  let orm: HubOrm;
  let n = 0;

  const sql = (text: string, params: unknown[] = []) => sqlRun(orm.em.fork(), text, params);
  /**
   * The orders' response deadline passes now, after the steps taken so far: set in the database rather than waited
   * for, so no step of the test races the wall clock on a loaded machine.
   */
  const deadlinePasses = async (orderIds: string[]) => {
    await sql(`update complaints.complaint_order set respond_by = clock_timestamp() where id = any(?::uuid[])`, [
      sqlArray(orderIds),
    ]);
    await new Promise((r) => setTimeout(r, 5)); // past it by the measures' clock too
  };
  const respondByOf = async (orderId: string) =>
    (
      await sqlRows<{ at: number }>(
        orm.em.fork(),
        `select (extract(epoch from respond_by) * 1000)::float8 as at from complaints.complaint_order where id = ?`,
        [orderId],
      )
    )[0].at;

  /** A company with an accepted filing over a compound of its own, and an address there. */
  const newCompany = async () => {
    n++;
    const compoundId = randomUUID();
    const areaId = randomUUID();
    const companyId = `91110102MA000${String(n).padStart(5, '0')}`;
    const name = `红居南街${n}号院`;
    await sql(`insert into complaints.compound_view values (?, ?, '110102', ?, 'CONTRACT_BASED', 1)`, [
      compoundId,
      name,
      STREET,
    ]);
    await sql(`insert into complaints.building_view values (?, ?, ?, 10)`, [randomUUID(), compoundId, areaId]);
    await sql(
      `insert into complaints.filing_snapshot (filing_id, contract_id, area_id, company_id, kind, status, sequence,
         accepted_on, starts_on, ends_on, terms, terms_sha256)
       values (?, ?, ?, ?, 'INITIAL', 'ACCEPTED', 1, '2018-12-20', '2019-01-01', '2099-12-31', '{"kind": "REGULAR"}', 'x')`,
      [randomUUID(), randomUUID(), areaId, companyId],
    );
    return { company: identity('PROPERTY_COMPANY', companyId), address: `${name}3号楼` };
  };

  const receive = async (address: string, receivedAt: Date, respondBy: Date) => {
    const data: HotlineOrderData = {
      orderNumber: `CR-${++n}`,
      senderOrganisationId: hotline.organisationId,
      receivedAt: receivedAt.toISOString(),
      callerName: '王小明',
      callerPhone: `1381234${String(n).padStart(4, '0')}`,
      addressText: address,
      streetCode: STREET,
      categoryCode: 'T1',
      itemCode: 'T1.1',
      text: '楼道灯不亮',
      respondBy: respondBy.toISOString(),
      resolveBy: new Date(Date.now() + 24 * HOUR).toISOString(),
    };
    return (await orm.em.fork().transactional((tx) => admitOrder(tx, hotline, data)))!;
  };

  /** The company's record as the reviewing bureau reads it beside the filing (Filing.companyComplaintRecord). */
  const responseOf = async (companyId: string) => {
    const [record] = await companiesComplaintStatistics(orm.em.fork(), bureau, [companyId]);
    const grouped = (await complaintStatistics(orm.em.fork(), bureau, 'COMPANY')).find((g) => g.key === companyId);
    // the same count grouped by company
    expect(grouped?.response ?? record!.response).toEqual(record!.response);
    return record!.response;
  };
  /** When the order reached its company and left it, in epoch milliseconds. */
  const hold = async (orderId: string) =>
    (
      await sqlRows<{ dispatched: number | null; released: number | null }>(
        orm.em.fork(),
        `select (extract(epoch from company_dispatched_at) * 1000)::float8 as dispatched,
                (extract(epoch from company_released_at) * 1000)::float8 as released
           from complaints.complaint_order where id = ?`,
        [orderId],
      )
    )[0];

  beforeAll(async () => {
    orm = await migratedSubgraphOrm(complaintsSubgraph, database);
    await sql(`insert into complaints.compound_view values (?, '白纸坊1号', '110102', ?, 'GOVERNMENT_BACKSTOP', 1)`, [
      BACKSTOP_COMPOUND,
      STREET,
    ]);
    await sql(
      `insert into complaints.taxonomy_category values ('T1', '2019-01-01', null, '测试大类', 'test', 'test', now())`,
    );
    await sql(`insert into complaints.taxonomy_item values ('T1.1', '2019-01-01', null, 'T1', '测试小项', 'test',
      '{"CONTRACT_BASED":"PROPERTY_COMPANY","MULTI_PARTY_CO_GOVERNANCE":"PROPERTY_RIGHTS_UNITS","GOVERNMENT_BACKSTOP":"STREET_SERVICE_CENTRE"}', 'test', now())`);
  });

  afterAll(async () => {
    await orm?.close();
    await dropDatabase(adminPostgresUrl(), database);
  });

  it('leaves out an order that reached the company after its deadline had passed at the street office', async () => {
    const { company, address } = await newCompany();
    const order = await receive(address, new Date(Date.now() - 3 * HOUR), new Date(Date.now() - 2 * HOUR));
    await dispatchOrder(orm.em.fork(), office, order.id);
    await answerOrder(orm.em.fork(), company, { orderId: order.id, step: 'ACCEPT' });
    // It accepted the order the moment it got it: no response of its was due, none was late (before: 0 of 1).
    expect(await responseOf(company.organisationId)).toEqual({ numerator: 0, denominator: 0, percent: null });
    expect((await hold(order.id)).dispatched).toBeGreaterThan(order.respondBy.getTime());
    // The order's own response, by whoever held it, stays late.
    const all = (await complaintStatistics(orm.em.fork(), office, 'ALL', {}))[0];
    expect(all.response.denominator - all.response.numerator).toBeGreaterThanOrEqual(1);
  });

  it('leaves out an order the street office escalated away from the company before its deadline', async () => {
    const { company, address } = await newCompany();
    const order = await receive(address, new Date(Date.now() - 60_000), new Date(Date.now() + HOUR));
    await dispatchOrder(orm.em.fork(), office, order.id);
    await escalateOrder(orm.em.fork(), office, order.id, ENFORCEMENT, '属执法事项');
    await escalateOrder(orm.em.fork(), office, order.id, 'xicheng-housing-bureau', '转住建委');
    const { released } = await hold(order.id);
    await deadlinePasses([order.id]); // the company holding no means to accept
    expect(released).toBeLessThan(await respondByOf(order.id));
    expect(await responseOf(company.organisationId)).toEqual({ numerator: 0, denominator: 0, percent: null });
  });

  it('still counts late a company that held the order at its deadline and had not accepted it', async () => {
    const [idle, slow, escalatedLate, prompt] = await Promise.all([
      newCompany(),
      newCompany(),
      newCompany(),
      newCompany(),
    ]);
    const respondBy = new Date(Date.now() + HOUR);
    const received = new Date(Date.now() - 60_000);
    const orders = await Promise.all(
      [idle, slow, escalatedLate, prompt].map((c) => receive(c.address, received, respondBy)),
    );
    for (const o of orders) await dispatchOrder(orm.em.fork(), office, o.id);
    // prompt accepts in time, then the street office escalates it anyway: still its response in time
    await answerOrder(orm.em.fork(), prompt.company, { orderId: orders[3].id, step: 'ACCEPT' });
    await escalateOrder(orm.em.fork(), office, orders[3].id, ENFORCEMENT, '需执法');
    await deadlinePasses(orders.map((o) => o.id));
    // slow accepts after the deadline; the street office escalates escalatedLate's unanswered order after it
    await answerOrder(orm.em.fork(), slow.company, { orderId: orders[1].id, step: 'ACCEPT' });
    await escalateOrder(orm.em.fork(), office, orders[2].id, ENFORCEMENT, '物业未处理');
    const late = { numerator: 0, denominator: 1, percent: '0.0' };
    expect(await responseOf(idle.company.organisationId)).toEqual(late);
    expect(await responseOf(slow.company.organisationId)).toEqual(late);
    expect(await responseOf(escalatedLate.company.organisationId)).toEqual(late);
    expect(await responseOf(prompt.company.organisationId)).toEqual({ numerator: 1, denominator: 1, percent: '100.0' });
    expect((await hold(orders[3].id)).released).toBeNull();
  });

  it("grouped by company, gives the orders of no company their answering party's response", async () => {
    // The street's service centre (the office itself) and a bureau the order was escalated to unmatched-to-a-company
    // each accept theirs in time: before, the null group read a company's response on them and showed 0 %.
    const toCentre = await receive('白纸坊1号', new Date(Date.now() - 60_000), new Date(Date.now() + HOUR));
    await dispatchOrder(orm.em.fork(), office, toCentre.id);
    await answerOrder(orm.em.fork(), office, { orderId: toCentre.id, step: 'ACCEPT' });
    const toBureau = await receive('某胡同9号', new Date(Date.now() - 60_000), new Date(Date.now() + HOUR));
    await escalateOrder(orm.em.fork(), office, toBureau.id, bureau.organisationId, '无物业');
    await answerOrder(orm.em.fork(), bureau, { orderId: toBureau.id, step: 'ACCEPT' });
    const noCompany = (await complaintStatistics(orm.em.fork(), office, 'COMPANY')).find((g) => g.key === null);
    expect(noCompany).toMatchObject({ orders: 2, response: { numerator: 2, denominator: 2, percent: '100.0' } });
  });
});
