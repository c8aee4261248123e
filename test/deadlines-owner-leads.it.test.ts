import { randomUUID } from 'node:crypto';
import { DEADLINE_REMINDER_DUE, DeadlineChangedData } from '../catalog';
import { HubOrm } from '../platform/db/orm';
import { sqlRows, sqlRun } from '../platform/db/sql';
import { sendDeadlineReminders } from '../subgraphs/feeds/application/send-deadline-reminders';
import { setDeadlineReminderLeads } from '../subgraphs/feeds/application/deadline-reminder-leads';
import { upsertDeadlines } from '../subgraphs/feeds/persistence/deadline.repository';
import { insertSubscription } from '../subgraphs/feeds/persistence/webhook.repository';
import { feedsSubgraph } from '../subgraphs/feeds/module';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { adminPostgresUrl, identity, uniqueSuffix } from './support/hub-fixture';
import { runDatabaseName } from './support/run-databases';
import { migratedSubgraphOrm } from './support/subgraph-orm';

/**
 * Audit (helper-270). A contract filing's reminders go to the company that owns the deadline and to the bureaus of its
 * district (README › Deadlines and reminders: "goes to the webhook subscriptions of the owner and (for a contract
 * filing) of the bureaus covering its district"). Which reminders go out is decided once per deadline, by the owner's
 * leads alone (leadsOf(settings, ownerOrganisationId)), and setDeadlineReminderLeads lets the company set its own. So
 * the supervised company decides whether the reviewing bureau is told its filing went overdue: with `overdue: false`
 * (and one lead, as checkReminderLeads asks) the bureau's OVERDUE reminder is never sent, whatever the bureau's own
 * leads say. A company that means to file late silences the bureau's alert by one mutation.
 */
describe("audit: a company's own reminder leads decide what its reviewing bureau is told", () => {
  const database = runDatabaseName(`deadlines_owner_leads_${uniqueSuffix()}`);
  const quiet = identity('PROPERTY_COMPANY', '91110102MA0000QUIE');
  const plain = identity('PROPERTY_COMPANY', '91110102MA0000PLAI');
  const bureau = identity('CITY_BUREAU', 'bureau-xicheng-leads', ['110102']);
  const bureauSubscription = randomUUID();
  let orm: HubOrm;

  const deadline = (owner: string): DeadlineChangedData => ({
    deadlineKey: `contract-filing:${randomUUID()}`,
    kind: 'CONTRACT_FILING',
    subjectId: randomUUID(),
    ownerKind: 'PROPERTY_COMPANY',
    ownerOrganisationId: owner,
    districtCode: '110102',
    legalBasis: 'Beijing Property Management Regulation art. 63',
    dueOn: '2026-10-08',
    metOn: null,
    cancelled: false,
    sequence: 1,
  });
  const toBureau = async () =>
    (
      await sqlRows<{ owner: string; lead: string }>(
        orm.em.fork(),
        `select payload->>'ownerOrganisationId' as owner, payload->>'lead' as lead
           from feeds.webhook_delivery where subscription_id = ? order by id`,
        [bureauSubscription],
      )
    ).map((r) => `${r.owner}:${r.lead}`);

  beforeAll(async () => {
    orm = await migratedSubgraphOrm(feedsSubgraph, database);
    await orm.em.fork().transactional(async (tx) => {
      await insertSubscription(tx, {
        id: bureauSubscription,
        organisationId: bureau.organisationId,
        role: bureau.role,
        jurisdictions: bureau.jurisdictions,
        eventTypes: [DEADLINE_REMINDER_DUE.type],
        url: 'http://127.0.0.1:9/hook',
        status: 'ACTIVE',
        pausedAt: null,
        pausedReason: null,
        createdBy: bureau.subject,
        createdAt: new Date(),
        secret: `whsec_${Buffer.alloc(32, 7).toString('base64')}`,
      });
      await upsertDeadlines(tx, [
        { deadline: deadline(quiet.organisationId), source: '/property-governance-hub/contracts' },
        { deadline: deadline(plain.organisationId), source: '/property-governance-hub/contracts' },
      ]);
    });
  });
  afterAll(async () => {
    await orm?.close(true);
    await dropDatabase(adminPostgresUrl(), database);
  });

  it("tells the bureau of both companies' overdue filings, whatever leads the companies chose for themselves", async () => {
    // The company keeps a reminder a day before for itself and turns the overdue one off.
    await setDeadlineReminderLeads(orm.em.fork(), quiet, { leadDays: [1], overdue: false });
    await sendDeadlineReminders(orm.em.fork(), '2026-10-09');
    // Today: only the plain company's OVERDUE reaches the bureau; the quiet one's filing is overdue unannounced.
    expect(await toBureau()).toEqual(
      expect.arrayContaining([`${plain.organisationId}:OVERDUE`, `${quiet.organisationId}:OVERDUE`]),
    );
  });

  it("follows each recipient's own leads once: the company's choice is the company's alone, the bureau's its own", async () => {
    const dueOn = '2026-10-20';
    const d = { ...deadline(quiet.organisationId), dueOn };
    await orm.em
      .fork()
      .transactional((tx) => upsertDeadlines(tx, [{ deadline: d, source: '/property-governance-hub/contracts' }]));
    // The bureau asks for 3 days ahead; the company keeps its 1 day and no overdue.
    await setDeadlineReminderLeads(orm.em.fork(), bureau, { leadDays: [3], overdue: true });
    const claims = async () =>
      (
        await sqlRows<{ recipient: string; lead: string; event_id: string | null }>(
          orm.em.fork(),
          `select recipient, lead, event_id::text from feeds.deadline_reminder where deadline_key = ? order by reminded_on, recipient`,
          [d.deadlineKey],
        )
      ).map((r) => `${r.recipient}:${r.lead}:${r.event_id === null ? 'no event' : 'event'}`);
    const ownerTopic = async () =>
      (
        await sqlRows<{ lead: string }>(
          orm.em.fork(),
          `select payload->>'lead' as lead from feeds.outbox where payload->>'deadlineKey' = ? order by id`,
          [d.deadlineKey],
        )
      ).map((r) => r.lead);

    await sendDeadlineReminders(orm.em.fork(), '2026-10-17'); // 3 days before: the bureau's lead, not the company's
    await sendDeadlineReminders(orm.em.fork(), '2026-10-17'); // again: nothing more
    await sendDeadlineReminders(orm.em.fork(), '2026-10-19'); // 1 day before: the company's lead; the bureau had its 3
    await sendDeadlineReminders(orm.em.fork(), '2026-10-21'); // overdue: the bureau's alone
    await sendDeadlineReminders(orm.em.fork(), '2026-10-22'); // and once
    expect(await claims()).toEqual([
      `${bureau.organisationId}:P3D:event`,
      `${quiet.organisationId}:P1D:event`,
      `${bureau.organisationId}:OVERDUE:event`,
    ]);
    // The company's topic carries the company's reminder alone; the bureau's go by webhook to the bureau only.
    expect(await ownerTopic()).toEqual(['P1D', 'P1D']); // deadline.reminders.v1 and the company's party copy
    const ofDeadline = (
      await sqlRows<{ subscription: string; lead: string }>(
        orm.em.fork(),
        `select subscription_id::text as subscription, payload->>'lead' as lead from feeds.webhook_delivery
          where payload->>'deadlineKey' = ? order by id`,
        [d.deadlineKey],
      )
    ).map((r) => `${r.subscription === bureauSubscription ? 'bureau' : r.subscription}:${r.lead}`);
    expect(ofDeadline).toEqual(['bureau:P3D', 'bureau:OVERDUE']);
  });

  it('a reminder claimed before reminders were per recipient (recipient *) is not sent again to anyone', async () => {
    const d = { ...deadline(plain.organisationId), dueOn: '2026-11-10' };
    await orm.em.fork().transactional(async (tx) => {
      await upsertDeadlines(tx, [{ deadline: d, source: '/property-governance-hub/contracts' }]);
      await sqlRun(
        tx,
        `insert into feeds.deadline_reminder (deadline_key, recipient, lead, due_on, reminded_on)
         values (?, '*', 'OVERDUE', '2026-11-10', '2026-11-11')`,
        [d.deadlineKey],
      );
    });
    await sendDeadlineReminders(orm.em.fork(), '2026-11-11');
    const rows = await sqlRows<{ recipient: string }>(
      orm.em.fork(),
      `select recipient from feeds.deadline_reminder where deadline_key = ?`,
      [d.deadlineKey],
    );
    expect(rows.map((r) => r.recipient)).toEqual(['*']);
  });
});
