import { randomUUID } from 'node:crypto';
import { DEADLINE_REMINDER_DUE } from '../catalog';
import { HubOrm } from '../platform/db/orm';
import { sqlRows } from '../platform/db/sql';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { feedsSubgraph } from '../subgraphs/feeds/module';
import { sendDeadlineReminders } from '../subgraphs/feeds/application/send-deadline-reminders';
import { saveReminderLeads, upsertDeadlines } from '../subgraphs/feeds/persistence/deadline.repository';
import { insertSubscription } from '../subgraphs/feeds/persistence/webhook.repository';
import { adminPostgresUrl, uniqueSuffix } from './support/hub-fixture';
import { runDatabaseName } from './support/run-databases';
import { migratedSubgraphOrm } from './support/subgraph-orm';

/**
 * The reminder run's statements do not grow with the deadlines and recipients it reminds: the reminder subscriptions
 * are read once (before, again to fan the reminders out), and every recipient's reminder is claimed in one statement
 * and its event recorded in one more (before, a statement per recipient and one per deadline and lead). Two runs at
 * once still remind each recipient once. The feeds subgraph's database alone: no broker, no hub.
 */
describe('feeds: the deadline reminder run in a fixed number of statements, each reminder once', () => {
  const database = runDatabaseName(`reminder_statements_${uniqueSuffix()}`);
  const company = '91110102MA0000RSTA';
  const bureau = 'bureau-xicheng-rst';
  let orm: HubOrm;

  /** Contract filing deadlines of the company in Xicheng (110102), which the bureau's subscription covers. */
  const announce = async (count: number, dueOn: string) => {
    const keys = Array.from({ length: count }, () => `contract-filing:${randomUUID()}`);
    await upsertDeadlines(
      orm.em.fork(),
      keys.map((deadlineKey) => ({
        source: 'test',
        deadline: {
          deadlineKey,
          kind: 'CONTRACT_FILING',
          subjectId: deadlineKey.slice(-36),
          ownerKind: 'PROPERTY_COMPANY',
          ownerOrganisationId: company,
          districtCode: '110102',
          legalBasis: 'test',
          dueOn,
          metOn: null,
          cancelled: false,
          sequence: 1,
        },
      })),
    );
    return keys;
  };

  /** A run on `asOf`, and the statements it sent to the database. */
  const countedRun = async (asOf: string) => {
    const connection = orm.em.getConnection();
    const execute = jest.spyOn(connection, 'execute');
    try {
      const run = await sendDeadlineReminders(orm.em.fork(), asOf);
      return { run, statements: execute.mock.calls.map((c) => String(c[0]).replace(/\s+/g, ' ').slice(0, 70)) };
    } finally {
      execute.mockRestore();
    }
  };

  const remindersOf = (keys: readonly string[]) =>
    sqlRows<{ deadline_key: string; recipient: string; lead: string; n: number; events: number }>(
      orm.em.fork(),
      `select deadline_key, recipient, lead, count(*)::int as n, count(event_id)::int as events
         from feeds.deadline_reminder where deadline_key = any(?::text[]) group by 1, 2, 3 order by 1, 2, 3`,
      [`{${keys.join(',')}}`],
    );

  beforeAll(async () => {
    orm = await migratedSubgraphOrm(feedsSubgraph, database);
    for (const [organisationId, role, jurisdictions] of [
      [company, 'PROPERTY_COMPANY', []],
      [bureau, 'CITY_BUREAU', ['110102']],
    ] as const)
      await insertSubscription(orm.em.fork(), {
        id: randomUUID(),
        organisationId,
        role,
        jurisdictions: [...jurisdictions],
        eventTypes: [DEADLINE_REMINDER_DUE.type],
        url: 'https://receiver.example/hook',
        secret: `whsec_${randomUUID().replace(/-/g, '')}`,
        status: 'ACTIVE',
        pausedAt: null,
        pausedReason: null,
        createdBy: 'test',
        createdAt: new Date(),
      });
  });

  afterAll(async () => {
    await orm?.close();
    await dropDatabase(adminPostgresUrl(), database);
  });

  it('claims and fans out 2 or 6 deadlines’ reminders in as many statements, each recipient once', async () => {
    const first = await announce(2, '2026-10-08');
    const few = await countedRun('2026-10-01'); // 7 days before: P7D, to the company and the bureau
    expect(few.run).toEqual({ ran: true, sent: 2, withoutParty: [] });

    const more = await announce(6, '2026-10-10');
    // The first two are still in their P7D window, claimed already: only the six new ones go out.
    const many = await countedRun('2026-10-03');
    expect(many.run).toEqual({ ran: true, sent: 6, withoutParty: [] });
    // 10 statements each (before: 15 for 2 deadlines, 31 for 8 of which 6 due): the subscriptions read once, one claim.
    const times = (statements: string[], start: string) => statements.filter((s) => s.startsWith(start)).length;
    for (const { statements } of [few, many]) {
      expect(times(statements, 'select id, organisation_id, role, jurisdictions, event_types')).toBe(1);
      expect(times(statements, 'insert into "feeds".deadline_reminder ')).toBe(1);
    }
    expect(many.statements).toHaveLength(few.statements.length);
    expect(many.statements).toEqual(few.statements);

    // Each recipient's reminder recorded once, with the event that carried it; each delivered to both subscriptions.
    const all = [...first, ...more];
    expect(await remindersOf(all)).toEqual(
      expect.arrayContaining(
        all.flatMap((k) =>
          [company, bureau].map((recipient) => ({ deadline_key: k, recipient, lead: 'P7D', n: 1, events: 1 })),
        ),
      ),
    );
    expect(await remindersOf(all)).toHaveLength(2 * 8);
    const [deliveries] = await sqlRows<{ n: number }>(
      orm.em.fork(),
      `select count(*)::int as n from feeds.webhook_delivery`,
    );
    expect(deliveries.n).toBe(2 * 8);
    expect((await countedRun('2026-10-03')).run).toEqual({ ran: true, sent: 0, withoutParty: [] });
  });

  it('reminds each recipient once when two instances run at the same moment', async () => {
    // Due 11 October: P7D on the 4th, when the earlier deadlines' P7D went out already.
    const keys = await announce(3, '2026-10-11');
    const runs = await Promise.all([
      sendDeadlineReminders(orm.em.fork(), '2026-10-04'),
      sendDeadlineReminders(orm.em.fork(), '2026-10-04'),
    ]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(3);
    const rows = await remindersOf(keys);
    expect(rows).toHaveLength(3 * 2);
    expect(rows.every((r) => r.n === 1 && r.events === 1 && r.lead === 'P7D')).toBe(true);
  });
  it('reminds a bureau registered for Kafka alone by its own leads, set under its organisation id', async () => {
    // An organisation id that is not its party id (a 统一社会信用代码, upper case): the feed registration knows the
    // party id alone. The bureau wants the day before only; a deadline due in a week is not its reminder yet.
    const organisationId = '11110102MB0000KAFK';
    const party = '11110102mb0000kafk'; // partyIdOfOrganisation(organisationId)
    await sqlRows(
      orm.em.fork(),
      `insert into feeds.feed_subscriber (party_id, kind, court_id, jurisdictions, username, status, registered_at, registered_by)
       values (?, 'BUREAU', null, '["110102"]'::jsonb, ?, 'ACTIVE', now(), 'test')`,
      [party, `party-${party}`],
    );
    await saveReminderLeads(orm.em.fork(), organisationId, { leadDays: [1], overdue: false }, 'test');
    try {
      const [key] = await announce(1, '2026-10-13'); // the company's P7D on the 6th
      expect((await sendDeadlineReminders(orm.em.fork(), '2026-10-06')).ran).toBe(true);
      expect((await remindersOf([key])).map((r) => r.recipient)).toContain(company);
      const topics = await sqlRows<{ topic: string }>(
        orm.em.fork(),
        `select topic from feeds.outbox where message_key = ?`,
        [key],
      );
      // Before, its leads were looked up by the party id, found none, and the default's P7D went to its topic.
      expect(topics.map((r) => r.topic)).not.toContain(`deadline.reminders.v1.${party}`);
      expect((await remindersOf([key])).map((r) => r.recipient)).not.toContain(party);
    } finally {
      await sqlRows(orm.em.fork(), `delete from feeds.feed_subscriber where party_id = ?`, [party]);
    }
  });

  it('reminds a bureau with a webhook and a Kafka registration as one recipient, on both', async () => {
    await sqlRows(
      orm.em.fork(),
      `insert into feeds.feed_subscriber (party_id, kind, court_id, jurisdictions, username, status, registered_at, registered_by)
       values (?, 'BUREAU', null, '["110102"]'::jsonb, ?, 'ACTIVE', now(), 'test')`,
      [bureau, `party-${bureau}`],
    );
    const [key] = await announce(1, '2026-10-12'); // P7D on the 5th
    expect(await sendDeadlineReminders(orm.em.fork(), '2026-10-05')).toEqual({ ran: true, sent: 1, withoutParty: [] });
    const reminders = await remindersOf([key]);
    expect(reminders.map((r) => r.recipient).sort()).toEqual([company, bureau].sort());
    expect(reminders.every((r) => r.n === 1 && r.events === 1)).toBe(true);
    const topics = await sqlRows<{ topic: string }>(
      orm.em.fork(),
      `select topic from feeds.outbox where message_key = ?`,
      [key],
    );
    expect(topics.map((r) => r.topic).sort()).toEqual(
      [
        'deadline.reminders.v1',
        `deadline.reminders.v1.${bureau}`,
        `deadline.reminders.v1.${company.toLowerCase()}`,
      ].sort(),
    );
    const [{ n }] = await sqlRows<{ n: number }>(
      orm.em.fork(),
      `select count(*)::int as n from feeds.webhook_delivery where aggregate_key = ?`,
      [key],
    );
    expect(n).toBe(2);
  });
});
