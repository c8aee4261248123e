import { randomUUID } from 'node:crypto';
import { HubOrm, migrateUp } from '../platform/db/orm';
import { sqlRows, sqlRun } from '../platform/db/sql';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { complaintsSubgraph } from '../subgraphs/complaints/module';
import { adminPostgresUrl, uniqueSuffix } from './support/hub-fixture';
import { runDatabaseName } from './support/run-databases';
import { migratedSubgraphOrm } from './support/subgraph-orm';

/**
 * The orders held before 2026-12-06 get what the code now keeps of an order: the company it was last dispatched to,
 * from its steps (Migration20261215000000_order_company), and when a backfill wrote it, from its first event's
 * publication (Migration20261215010000_order_backfilled_at; the receipt's own time is the call's); when the company
 * got the order and lost it unanswered, from its steps (Migration20261228000000_company_hold).
 */
describe('complaints: the migrations keeping an order’s company and when a backfill wrote it', () => {
  const database = runDatabaseName(`complaints_order_migrations_${uniqueSuffix()}`);
  const [escalated, imported, live, answered] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const [redispatched, otherCompany, returned, sentBack] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const [t1, t2, t3, t4] = [
    '2026-11-01T02:00:00.000Z',
    '2026-11-01T03:00:00.000Z',
    '2026-11-01T04:00:00.000Z',
    '2026-11-01T05:00:00.000Z',
  ];
  const companyAcceptedAt = '2026-11-01T02:00:00.000Z';
  const importedAt = '2026-11-20T02:00:00.000Z';
  const senderRegisteredAt = '2026-10-01T00:00:00.000Z';
  let orm: HubOrm;

  beforeAll(async () => {
    orm = await migratedSubgraphOrm(complaintsSubgraph, database, {
      upTo: 'Migration20261209000000_item_per_category',
    });
    const em = orm.em.fork();
    const order = (id: string, n: string, party: [string, string] | null) =>
      sqlRun(
        em,
        `insert into complaints.complaint_order (id, order_number, sender_id, received_at, address_text, street_code, category_code,
           item_code, text, respond_by, resolve_by, status, responsible_party_kind, party_organisation_id, sequence)
         values (?, ?, 'hotline', '2026-11-01T01:00:00Z', '某胡同1号', '110102020', 'T1', 'T1.1', '漏水', '2026-11-01T03:00:00Z',
           '2026-11-08T01:00:00Z', ?, ?, ?, ?)`,
        [id, n, party ? 'ESCALATED' : 'MATCHED', party?.[0] ?? null, party?.[1] ?? null, party ? 3 : 1],
      );
    const step = (
      id: string,
      sequence: number,
      step: string,
      role: string,
      party: [string, string] | null,
      actor = 'o',
      at = '2026-11-02T00:00:00Z',
    ) =>
      sqlRun(
        em,
        `insert into complaints.order_transition (order_id, sequence, step, to_status, actor_subject, actor_role, actor_organisation,
           at, party_kind, party_organisation_id) values (?, ?, ?, 'X', 's', ?, ?, ?, ?, ?)`,
        [id, sequence, step, role, actor, at, party?.[0] ?? null, party?.[1] ?? null],
      );
    await order(escalated, 'N-1', ['BUREAU', 'xicheng-housing']);
    await step(escalated, 1, 'RECEIVE', 'SYSTEM', null);
    await step(escalated, 2, 'DISPATCH', 'STREET_OFFICE', ['PROPERTY_COMPANY', 'company-a']);
    await step(escalated, 3, 'ESCALATE', 'STREET_OFFICE', ['BUREAU', 'xicheng-housing']);
    await step(escalated, 4, 'ACCEPT', 'CITY_BUREAU', null, 'xicheng-housing');
    await order(answered, 'N-4', ['BUREAU', 'xicheng-housing']);
    await step(answered, 1, 'RECEIVE', 'SYSTEM', null);
    await step(answered, 2, 'DISPATCH', 'STREET_OFFICE', ['PROPERTY_COMPANY', 'company-a']);
    await step(answered, 3, 'ACCEPT', 'PROPERTY_COMPANY', null, 'company-a', companyAcceptedAt);
    await step(answered, 4, 'ESCALATE', 'STREET_OFFICE', ['BUREAU', 'xicheng-housing']);
    await step(answered, 5, 'ACCEPT', 'CITY_BUREAU', null, 'xicheng-housing');
    // Dispatched to the same company twice: it has had the order since the first.
    await order(redispatched, 'H-1', ['PROPERTY_COMPANY', 'company-a']);
    await step(redispatched, 1, 'RECEIVE', 'SYSTEM', null);
    await step(redispatched, 2, 'DISPATCH', 'STREET_OFFICE', ['PROPERTY_COMPANY', 'company-a'], 'o', t1);
    await step(redispatched, 3, 'DISPATCH', 'STREET_OFFICE', ['PROPERTY_COMPANY', 'company-a'], 'o', t2);
    // Re-dispatched to another company: that one's since then.
    await order(otherCompany, 'H-2', ['PROPERTY_COMPANY', 'company-b']);
    await step(otherCompany, 1, 'RECEIVE', 'SYSTEM', null);
    await step(otherCompany, 2, 'DISPATCH', 'STREET_OFFICE', ['PROPERTY_COMPANY', 'company-a'], 'o', t1);
    await step(otherCompany, 3, 'DISPATCH', 'STREET_OFFICE', ['PROPERTY_COMPANY', 'company-b'], 'o', t2);
    // Escalated away unanswered, then back to the company: it has it again from then; before, it left at t2.
    await order(returned, 'H-3', ['BUREAU', 'company-a']);
    await step(returned, 1, 'RECEIVE', 'SYSTEM', null);
    await step(returned, 2, 'DISPATCH', 'STREET_OFFICE', ['PROPERTY_COMPANY', 'company-a'], 'o', t1);
    await step(returned, 3, 'ESCALATE', 'STREET_OFFICE', ['BUREAU', 'xicheng-housing'], 'o', t2);
    await step(returned, 4, 'ESCALATE', 'STREET_OFFICE', ['BUREAU', 'company-a'], 'o', t3);
    // Re-routed away and sent back: only the dispatch since it came back is the company's hold.
    await order(sentBack, 'H-4', ['PROPERTY_COMPANY', 'company-a']);
    await step(sentBack, 1, 'RECEIVE', 'SYSTEM', null);
    await step(sentBack, 2, 'DISPATCH', 'STREET_OFFICE', ['PROPERTY_COMPANY', 'company-a'], 'o', t1);
    await step(sentBack, 3, 'REROUTE', 'SYSTEM', ['PROPERTY_COMPANY', 'company-a'], 'hotline', t2);
    await step(sentBack, 4, 'REROUTE_BACK', 'SYSTEM', null, 'hotline', t3);
    await step(sentBack, 5, 'DISPATCH', 'STREET_OFFICE', ['PROPERTY_COMPANY', 'company-a'], 'o', t4);
    await order(imported, 'N-2', null);
    await step(imported, 1, 'RECEIVE', 'STREET_OFFICE', null);
    await sqlRun(
      em,
      `insert into complaints.outbox (event_id, topic, message_key, event_type, source, occurred_at, payload, published_at)
         values (?, 'complaints.orders.v1', ?, 'hub.complaints.order.changed', 'x', '2026-11-01T01:00:00Z', '{}', ?)`,
      [randomUUID(), imported, importedAt],
    );
    await order(live, 'N-3', null);
    await step(live, 1, 'RECEIVE', 'SYSTEM', null);
    await sqlRun(
      em,
      `insert into complaints.hotline_sender (organisation_id, name, jurisdictions, registered_at)
         values ('hotline', '12345', '{110102,110105}', ?)`,
      [senderRegisteredAt],
    );
    await migrateUp(orm);
  });

  afterAll(async () => {
    await orm?.close();
    await dropDatabase(adminPostgresUrl(), database);
  });

  it('keeps the company of the latest dispatch through an escalation, and marks only imported orders as backfilled, as of their publication', async () => {
    const rows = await sqlRows<{
      order_number: string;
      company: string | null;
      backfilled_at: Date | null;
      company_responded_at: Date | null;
    }>(
      orm.em.fork(),
      `select order_number, company_organisation_id as company, backfilled_at, company_responded_at
         from complaints.complaint_order where order_number like 'N-%' order by order_number`,
    );
    const iso = (d: Date | null) => d && new Date(d).toISOString();
    // and when the company accepted an order itself: not the bureau's acceptance after an escalation
    // (Migration20261218000000_company_responded_at)
    expect(rows.map((r) => [r.order_number, r.company, iso(r.backfilled_at), iso(r.company_responded_at)])).toEqual([
      ['N-1', 'company-a', null, null],
      ['N-2', null, importedAt, null],
      ['N-3', null, null, null],
      ['N-4', 'company-a', null, companyAcceptedAt],
    ]);
  });

  it('keeps when the company got each order and when it lost it unanswered, from the steps', async () => {
    const rows = await sqlRows<{
      order_number: string;
      company: string;
      dispatched: Date | null;
      released: Date | null;
    }>(
      orm.em.fork(),
      `select order_number, company_organisation_id as company, company_dispatched_at as dispatched,
              company_released_at as released
         from complaints.complaint_order where company_organisation_id is not null order by order_number`,
    );
    const iso = (d: Date | null) => d && new Date(d).toISOString();
    const steps = '2026-11-02T00:00:00.000Z';
    expect(rows.map((r) => [r.order_number, r.company, iso(r.dispatched), iso(r.released)])).toEqual([
      ['H-1', 'company-a', t1, null],
      ['H-2', 'company-b', t2, null],
      ['H-3', 'company-a', t3, null],
      ['H-4', 'company-a', t4, null],
      // escalated away before the company accepted; and escalated after it accepted, its response
      ['N-1', 'company-a', steps, steps],
      ['N-4', 'company-a', steps, null],
    ]);
  });

  it("gives each of a hotline system's divisions its registration's start, the only one known", async () => {
    // Migration20261220000000_hotline_served_since: a division added by a later registration gets its own start.
    const [row] = await sqlRows<{ served_since: Record<string, string> }>(
      orm.em.fork(),
      `select served_since from complaints.hotline_sender where organisation_id = 'hotline'`,
    );
    expect(
      Object.fromEntries(Object.entries(row.served_since).map(([k, v]) => [k, new Date(v).toISOString()])),
    ).toEqual({
      '110102': senderRegisteredAt,
      '110105': senderRegisteredAt,
    });
  });

  it('keeps an order number unique within its street for each sender, the orders held so far kept', async () => {
    // Migration20261222000000_order_number_per_sender: another sender's order under a held number (the hotline's
    // beside a street office's backfill) stands; the same sender's again is still a duplicate.
    const em = orm.em.fork();
    const insert = (sender: string) =>
      sqlRun(
        em,
        `insert into complaints.complaint_order (id, order_number, sender_id, received_at, address_text, street_code, category_code,
           item_code, text, respond_by, resolve_by, status, sequence)
         values (?, 'N-2', ?, '2026-12-01T01:00:00Z', '某胡同1号', '110102020', 'T1', 'T1.1', '漏水', '2026-12-01T03:00:00Z',
           '2026-12-08T01:00:00Z', 'MATCHED', 1)`,
        [randomUUID(), sender],
      );
    await insert('street-office-guanganmenwai');
    await expect(insert('hotline')).rejects.toThrow(/complaint_order_street_number_sender_key/);
    const held = await sqlRows<{ sender_id: string }>(
      em,
      `select sender_id from complaints.complaint_order where order_number = 'N-2' order by sender_id`,
    );
    expect(held.map((r) => r.sender_id)).toEqual(['hotline', 'street-office-guanganmenwai']);
  });

  it('holds a number once among a street’s backfilled orders, whoever imported them; the hotline’s order still stands beside', async () => {
    // Migration20261222030000_backfill_number_once: two imports of one line at once by the street office and the admin
    // each passed the "number not held" check, and both rows stood.
    const em = orm.em.fork();
    const insert = (n: string, sender: string, backfilled: boolean) =>
      sqlRun(
        em,
        `insert into complaints.complaint_order (id, order_number, sender_id, received_at, address_text, street_code, category_code,
           item_code, text, respond_by, resolve_by, status, sequence, backfilled_at)
         values (?, ?, ?, '2019-05-06T01:00:00Z', '某胡同1号', '110102020', 'T1', 'T1.1', '漏水', '2019-05-06T03:00:00Z',
           '2019-05-13T01:00:00Z', 'MATCHED', 1, ?)`,
        [randomUUID(), n, sender, backfilled ? '2026-12-06T00:00:00Z' : null],
      );
    await insert('N-9', 'street-office-guanganmenwai', true);
    await expect(insert('N-9', 'hub-admin', true)).rejects.toThrow(/complaint_order_backfilled_number_key/);
    await insert('N-9', 'hotline', false);
    const held = await sqlRows<{ sender_id: string }>(
      em,
      `select sender_id from complaints.complaint_order where order_number = 'N-9' order by sender_id`,
    );
    expect(held.map((r) => r.sender_id)).toEqual(['hotline', 'street-office-guanganmenwai']);
  });
});
