import { COMPLAINT_ORDER_CHANGED } from '../catalog';
import { DomainError } from '../kernel/errors';
import { HubOrm } from '../platform/db/orm';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { compoundComplaintStatistics } from '../subgraphs/complaints/application/complaint-statistics';
import { importOrdersCsv } from '../subgraphs/complaints/application/import-orders-csv';
import { orderChanged } from '../subgraphs/complaints/events/publish/order-events';
import { complaintsSubgraph } from '../subgraphs/complaints/module';
import { listOrders } from '../subgraphs/complaints/persistence/order.repository';
import { adminPostgresUrl, identity, uniqueSuffix } from './support/hub-fixture';
import { runDatabaseName } from './support/run-databases';
import { migratedSubgraphOrm } from './support/subgraph-orm';

/**
 * The backfill's set-based SQL path on real PostgreSQL (issue 18): the file staged in a temporary table and written
 * with its transitions and events in one statement. What a refused file leaves (nothing), duplicates in the file and
 * already held, addresses matched and not, and the outbox rows the statement selects, equal to the typed event.
 */
describe('complaints: the CSV import’s SQL path', () => {
  const database = runDatabaseName(`complaints_import_${uniqueSuffix()}`);
  let orm: HubOrm;
  const STREET = '110102020';
  const OTHER_STREET = '110102017';
  const office = identity('STREET_OFFICE', 'street-office-guangwai', [STREET]);
  const HEADER =
    'order_number,received_at,caller_name,caller_phone,address,street_code,category_code,item_code,text,respond_by,resolve_by';
  const line = (
    n: string,
    o: { address?: string; street?: string; item?: string; received?: string; deadlines?: [string, string] } = {},
  ) =>
    `${n},${o.received ?? '2024-05-06T09:00:00+08:00'},李四,13900001111,${o.address ?? '西城区红居南街6号院2号楼'},${o.street ?? STREET},T1,${o.item ?? 'T1.1'},暖气不热,${(o.deadlines ?? ['2024-05-06T11:00:00+08:00', '2024-05-13T09:00:00+08:00']).join(',')}`;
  const csv = (...lines: string[]) => [HEADER, ...lines].join('\n');
  const count = async (table: string) =>
    (await orm.em.getConnection().execute<{ n: number }[]>(`select count(*)::int as n from complaints.${table}`))[0].n;
  const refusal = async (work: Promise<unknown>) => {
    const error = await work.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  };

  beforeAll(async () => {
    orm = await migratedSubgraphOrm(complaintsSubgraph, database);
    const sql = (text: string) => orm.em.getConnection().execute(text);
    // Two compounds whose names one address both contains (the longer wins), two that tie, one on another street.
    await sql(`insert into complaints.compound_view values
      ('00000000-0000-4000-8000-000000000001', '红居南街6号院', '110102', '${STREET}', 'CONTRACT_BASED', 1),
      ('00000000-0000-4000-8000-000000000002', '红居南街6号院2号楼', '110102', '${STREET}', 'CONTRACT_BASED', 1),
      ('00000000-0000-4000-8000-000000000003', '白纸坊1号', '110102', '${STREET}', 'GOVERNMENT_BACKSTOP', 1),
      ('00000000-0000-4000-8000-000000000004', '白纸坊1号', '110102', '${STREET}', 'GOVERNMENT_BACKSTOP', 1),
      ('00000000-0000-4000-8000-000000000005', '广安门北街20号院', '110102', '${OTHER_STREET}', 'MULTI_PARTY_CO_GOVERNANCE', 1),
      ('00000000-0000-4000-8000-000000000006', '新街口东街1号院', '110102', '${STREET}', 'CONTRACT_BASED', 1),
      ('00000000-0000-4000-8000-000000000007', '西四北大街1号院', '110102', '${STREET}', 'CONTRACT_BASED', 1)`);
    await sql(
      `insert into complaints.taxonomy_category values ('T1', '2019-01-01', null, '测试大类', 'test', 'test', now())`,
    );
    await sql(`insert into complaints.taxonomy_item values ('T1.1', '2019-01-01', '2024-12-31', 'T1', '测试小项', 'test',
      '{"CONTRACT_BASED":"PROPERTY_COMPANY","MULTI_PARTY_CO_GOVERNANCE":"PROPERTY_RIGHTS_UNITS","GOVERNMENT_BACKSTOP":"STREET_SERVICE_CENTRE"}', 'test', now())`);
    // T1.2: open-ended from 2019, retired by a version of 2024-01-01 to 2024-03-31. Category T2 has an item T1.1 too
    // (an item's code is its category's own).
    await sql(
      `insert into complaints.taxonomy_category values ('T2', '2019-01-01', null, '测试大类二', 'test', 'test', now())`,
    );
    for (const [category, item, from, to] of [
      ['T1', 'T1.2', '2019-01-01', null],
      ['T1', 'T1.2', '2024-01-01', '2024-03-31'],
      ['T2', 'T1.1', '2019-01-01', null],
    ])
      await sql(`insert into complaints.taxonomy_item values ('${item}', '${from}', ${to ? `'${to}'` : 'null'}, '${category}',
        '测试小项', 'test', '{"CONTRACT_BASED":"PROPERTY_COMPANY","MULTI_PARTY_CO_GOVERNANCE":"PROPERTY_RIGHTS_UNITS","GOVERNMENT_BACKSTOP":"STREET_SERVICE_CENTRE"}', 'test', now())`);
  });

  afterAll(async () => {
    await orm?.close();
    await dropDatabase(adminPostgresUrl(), database);
  });

  it('refuses a file with bad lines whole, each line once with all its problems, and writes nothing', async () => {
    const error = await refusal(
      importOrdersCsv(
        orm.em.fork(),
        office,
        csv(
          line('A-1'),
          line('A-2', { street: OTHER_STREET, address: '广安门北街20号院' }),
          line('A-3', { item: 'T9' }),
          line('A-4', { street: OTHER_STREET, item: 'T9' }),
          line('A-5', {
            received: '2025-01-02T09:00:00+08:00',
            deadlines: ['2025-01-02T11:00:00+08:00', '2025-01-09T09:00:00+08:00'],
          }),
          line('A-1'),
          'A-7,not a time',
          line('A-8', { item: 'T1.2' }),
        ),
      ),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    const notInForce = 'not in the taxonomy on the day received';
    expect(error.details).toEqual({
      lines: [
        { line: 3, fields: { street_code: 'not a street of yours' } },
        { line: 4, fields: { item_code: notInForce } },
        { line: 5, fields: { street_code: 'not a street of yours', item_code: notInForce } },
        { line: 6, fields: { item_code: notInForce } },
        { line: 7, fields: { order_number: 'appears twice in the file' } },
        {
          line: 8,
          fields: expect.objectContaining({
            columns: '11 columns expected',
            received_at: 'a real ISO 8601 instant with its offset, in the years 1000–9999',
          }),
        },
        // Retired on the day received: the version of 2024 ended in March (before, the open-ended first version
        // admitted it, and the order could then not be dispatched).
        { line: 9, fields: { item_code: notInForce } },
      ],
    });
    for (const table of ['complaint_order', 'order_transition', 'outbox']) expect(await count(table)).toBe(0);
  });

  it('matches addresses by the longest compound name, queues the unmatched and ties, applies a held order number once, and writes each new order’s transition and event in the same statement', async () => {
    const first = await importOrdersCsv(orm.em.fork(), office, csv(line('B-1'), line('B-2')));
    expect(first).toEqual({ received: 2, duplicates: 0, unmatched: 0 });
    const before = await orm.em
      .getConnection()
      .execute<{ status: string }[]>(`select status from complaints.complaint_order where order_number = 'B-1'`);

    const second = await importOrdersCsv(
      orm.em.fork(),
      office,
      csv(
        line('B-1', { address: '某胡同3号' }), // held: left as it is
        line('C-1', { address: '北京市西城区 红居南街6号院1号楼' }),
        line('C-2', { address: '白纸坊1号院东侧' }),
        line('C-3', { address: '广安门北街20号院' }), // another street's compound
        line('C-4', { address: '红居南街6号院2号楼3单元' }),
      ),
      { demo: true },
    );
    expect(second).toEqual({ received: 4, duplicates: 1, unmatched: 2 });

    const { orders } = await listOrders(
      orm.em.fork(),
      { all: true, divisions: [], partyOrganisationId: null },
      { first: 50, offset: 0 },
    );
    const byNumber = new Map(orders.map((o) => [o.orderNumber, o]));
    expect(orders).toHaveLength(6);
    expect(byNumber.get('B-1')!.addressText).toBe('西城区红居南街6号院2号楼');
    expect(byNumber.get('B-1')!.demo).toBe(false);
    expect(
      await orm.em.getConnection().execute(`select status from complaints.complaint_order where order_number = 'B-1'`),
    ).toEqual(before);
    const compound = (n: string) => byNumber.get(n)!.compoundId;
    expect([compound('B-1'), compound('C-1'), compound('C-2'), compound('C-3'), compound('C-4')]).toEqual([
      '00000000-0000-4000-8000-000000000002',
      '00000000-0000-4000-8000-000000000001',
      null,
      null,
      '00000000-0000-4000-8000-000000000002',
    ]);
    expect(byNumber.get('C-2')!.status).toBe('AWAITING_MATCH');
    expect(byNumber.get('C-4')!).toMatchObject({
      status: 'MATCHED',
      sequence: 1,
      demo: true,
      callerNameMasked: '李*',
      callerPhoneMasked: '139****1111',
      receivedAt: new Date('2024-05-06T01:00:00Z'),
    });

    const transitions = await orm.em.getConnection().execute<
      {
        order_number: string;
        sequence: number;
        step: string;
        to_status: string;
        actor_organisation: string;
        note: string;
      }[]
    >(
      `select o.order_number, t.sequence, t.step, t.to_status, t.actor_organisation, t.note
           from complaints.order_transition t join complaints.complaint_order o on o.id = t.order_id order by 1`,
    );
    expect(transitions).toHaveLength(6);
    expect(transitions.find((t) => t.order_number === 'C-2')).toEqual({
      order_number: 'C-2',
      sequence: 1,
      step: 'RECEIVE',
      to_status: 'AWAITING_MATCH',
      actor_organisation: 'street-office-guangwai',
      note: 'address not matched: queued for the street office',
    });
    expect(transitions.find((t) => t.order_number === 'C-1')!.note).toBe('matched by address');

    // One event per new order, none for the held number; its payload is the typed event data of the stored order.
    const events = await orm.em.getConnection().execute<
      {
        event_id: string;
        topic: string;
        event_type: string;
        message_key: string;
        subject: string;
        occurred_at: Date;
        payload: unknown;
      }[]
    >(`select event_id, topic, event_type, message_key, subject, occurred_at, payload from complaints.outbox order by id`);
    expect(events).toHaveLength(6);
    for (const e of events) {
      const order = orders.find((o) => o.id === e.message_key)!;
      expect({ ...e, occurred_at: new Date(e.occurred_at) }).toEqual({
        event_id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
        topic: COMPLAINT_ORDER_CHANGED.topic.name,
        event_type: COMPLAINT_ORDER_CHANGED.type,
        message_key: order.id,
        subject: order.id,
        occurred_at: order.receivedAt,
        payload: orderChanged(order),
      });
    }
    expect(new Set(events.map((e) => e.message_key)).size).toBe(6);
  });

  it('imports a file of more than one batch whole, texts with COPY’s special characters unchanged', async () => {
    const text = 'a\tb \\N c\\d\r\ne';
    // an address is one line (as the hotline's event has it): COPY's escapes without its separators
    const address = 'a b \\N c\\d e';
    const many = Array.from({ length: 20_003 }, (_, i) => line(`D-${i}`));
    many[20_001] = `D-20001,2024-05-06T09:00:00+08:00,李四,13900001111,"${address}",${STREET},T1,T1.1,"${text}",2024-05-06T11:00:00+08:00,2024-05-13T09:00:00+08:00`;
    const before = await count('outbox');
    expect(await importOrdersCsv(orm.em.fork(), office, csv(...many))).toEqual({
      received: 20_003,
      duplicates: 0,
      unmatched: 1,
    });
    expect(await count('outbox')).toBe(before + 20_003);
    expect(
      await orm.em
        .getConnection()
        .execute(
          `select address_text, text, caller_name_masked, compound_id from complaints.complaint_order where order_number = 'D-20001'`,
        ),
    ).toEqual([{ address_text: address, text: text.trim(), caller_name_masked: '李*', compound_id: null }]);
  });

  it("counts a caller's orders about the same item code of two categories as two matters, not a repeat", async () => {
    const at = { address: '新街口东街1号院2号楼' };
    const t2 = (n: string) => line(n, at).replace(',T1,T1.1,', ',T2,T1.1,');
    await importOrdersCsv(orm.em.fork(), office, csv(line('R-1', at), t2('R-2')));
    const statistics = () =>
      compoundComplaintStatistics(orm.em.fork(), identity('ADMIN', 'hub'), '00000000-0000-4000-8000-000000000006');
    // Before, repeats were grouped by item code alone: T1/T1.1 and T2/T1.1 of one caller counted as a repeat.
    expect(await statistics()).toMatchObject({ orders: 2, repeatOrders: 0 });
    await importOrdersCsv(orm.em.fork(), office, csv(t2('R-3')));
    expect(await statistics()).toMatchObject({ orders: 3, repeatOrders: 1 });
  });

  it('leaves out of the response rate an order a backfill wrote already past its deadline: the file carries no answers', async () => {
    await importOrdersCsv(orm.em.fork(), office, csv(line('N-1', { address: '西四北大街1号院1号楼' })));
    const response = async () =>
      (
        await compoundComplaintStatistics(
          orm.em.fork(),
          identity('ADMIN', 'hub'),
          '00000000-0000-4000-8000-000000000007',
        )
      ).response;
    // Before, the order counted as due and unanswered: 0 of 1.
    expect(await response()).toEqual({ numerator: 0, denominator: 0, percent: null });
    // Imported before its deadline (11:00 in Beijing) and never answered: due, and not in time.
    await orm.em
      .getConnection()
      .execute(
        `update complaints.complaint_order set backfilled_at = '2024-05-06T09:30:00+08:00' where order_number = 'N-1'`,
      );
    expect(await response()).toEqual({ numerator: 0, denominator: 1, percent: '0.0' });
  });
});
