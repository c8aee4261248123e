import { addDays, addMonths } from '../kernel/calendar';
import { TestHub, identity, pinTestToday, startTestHub } from './support/hub-fixture';
import { GUANGWAI_OFFICE, HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';

// The street office's one list of mediation sessions across the accounts of its street (issue 19): 红居南街6号院
// lies in 广安门外; 德胜 is another street of Xicheng.
const guangwai = GUANGWAI_OFFICE;
const desheng = identity('STREET_OFFICE', 'street-office-desheng', ['110102011']);
const companyA = identity('PROPERTY_COMPANY', '91110102MA0000MEDA');
const companyB = identity('PROPERTY_COMPANY', '91110102MA0000MEDB');
const xichengBureau = identity('CITY_BUREAU', 'bureau-xicheng', ['110102']);

const today = pinTestToday('2026-12-01');
const firstMonth = addMonths(today.slice(0, 7), -4);

const SESSIONS = `query($pending: Boolean, $first: Int, $offset: Int, $after: Key) {
  mediationSessions(pending: $pending, first: $first, offset: $offset, after: $after) {
    totalCount endCursor
    items { actionId accountId companyId household { id } areaId area { id name } buildingId unit room accountStatus on mediator outcome outcomeOn note }
  } }`;
const STATEMENT = `query($id: ID!) { arrearsAccount(id: $id) { charges { chargeId inArrears } household { id } } }`;
const ACTION = `mutation($a: ID!, $x: CollectionActionInput!) { recordCollectionAction(accountId: $a, action: $x) { actions { actionId kind } } }`;
const OUTCOME = `mutation($id: ID!, $o: MediationOutcome!, $on: LocalDate!) { recordMediationOutcome(actionId: $id, outcome: $o, outcomeOn: $on) { status } }`;

interface Item {
  actionId: string;
  accountId: string;
  outcome: string;
  on: string;
}

describe('mediationSessions: the street office’s list across accounts, through the gateway', () => {
  let t: TestHub;
  let areaId: string;
  let accountIds: string[];
  const sessions: { actionId: string; accountId: string; on: string; householdId: string }[] = [];
  const { ok, fails } = gqlExpectations(() => t);

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears'] });
    const given = scenario(t);
    ({ areaId } = await given.compound(HONGJU, { knownTo: ['contracts', 'arrears'] }));
    await given.acceptedFiling(companyA, areaId, hongjuTerms(companyA, firstMonth), { knownTo: ['arrears'] });
    await given.billedMonths(companyA, areaId, [firstMonth]);
    accountIds = (
      await t.sql<{ id: string }>(
        'select id from arrears.account where area_id = $1 and company_id = $2 order by household_id limit 3',
        [areaId, companyA.organisationId],
      )
    ).map((r) => r.id);
    // Three sessions on three accounts, on three days; the oldest one ends in an agreement.
    for (const [i, accountId] of accountIds.entries()) {
      const { arrearsAccount } = await ok(guangwai, STATEMENT, { id: accountId });
      const on = addDays(today, -10 + i * 3);
      const x = {
        kind: 'MEDIATION_SESSION',
        on,
        chargeIds: arrearsAccount.charges
          .filter((c: { inArrears: boolean }) => c.inArrears)
          .map((c: { chargeId: string }) => c.chargeId),
        mediator: '广安门外街道人民调解委员会',
        note: `第${i + 1}次`,
        outcome: 'PENDING',
      };
      const { recordCollectionAction } = await ok(guangwai, ACTION, { a: accountId, x });
      const [session] = recordCollectionAction.actions.filter((a: { kind: string }) => a.kind === 'MEDIATION_SESSION');
      sessions.push({ actionId: session.actionId, accountId, on, householdId: arrearsAccount.household.id });
    }
    await ok(guangwai, OUTCOME, { id: sessions[0].actionId, o: 'AGREED', on: addDays(today, -2) });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('lists its street’s sessions pending first (latest first), each with its account, and the outcome when recorded', async () => {
    const { mediationSessions } = await ok(guangwai, SESSIONS, {});
    expect(mediationSessions.totalCount).toBe(3);
    expect(mediationSessions.endCursor).toBeNull();
    expect(mediationSessions.items.map((s: Item) => [s.actionId, s.outcome, s.on])).toEqual([
      [sessions[2].actionId, 'PENDING', sessions[2].on],
      [sessions[1].actionId, 'PENDING', sessions[1].on],
      [sessions[0].actionId, 'AGREED', sessions[0].on],
    ]);
    expect(mediationSessions.items[2]).toEqual({
      actionId: sessions[0].actionId,
      accountId: sessions[0].accountId,
      companyId: companyA.organisationId,
      household: { id: sessions[0].householdId },
      areaId,
      area: { id: areaId, name: HONGJU },
      buildingId: expect.any(String),
      unit: expect.any(String),
      room: expect.any(String),
      accountStatus: 'SETTLED',
      on: sessions[0].on,
      mediator: '广安门外街道人民调解委员会',
      outcome: 'AGREED',
      outcomeOn: addDays(today, -2),
      note: '第1次',
    });
    expect(mediationSessions.items[0]).toMatchObject({ accountStatus: 'MEDIATION', outcomeOn: null, note: '第3次' });
  });

  it('publishes the charges a pending session holds open, for litigation not to call them time-barred', async () => {
    const latestClaim = async (accountId: string) =>
      (
        await t.sql<{ payload: { charges: { limitationHeldOpen: boolean }[] } }>(
          `select payload from arrears.outbox where event_type = 'hub.arrears.claim.updated' and payload->>'accountId' = $1
            order by id desc limit 1`,
          [accountId],
        )
      )[0].payload.charges.map((c) => c.limitationHeldOpen);
    // the session still pending holds every charge it named open; the one that ended in an agreement holds none
    expect(new Set(await latestClaim(sessions[2].accountId))).toEqual(new Set([true]));
    expect(new Set(await latestClaim(sessions[0].accountId))).toEqual(new Set([false]));
  });

  it('filters pending or ended sessions, and pages by cursor in the same order', async () => {
    const pending = (await ok(guangwai, SESSIONS, { pending: true })).mediationSessions;
    expect(pending.items.map((s: Item) => s.actionId)).toEqual([sessions[2].actionId, sessions[1].actionId]);
    expect(pending.totalCount).toBe(2);
    const ended = (await ok(guangwai, SESSIONS, { pending: false })).mediationSessions;
    expect(ended.items.map((s: Item) => [s.actionId, s.outcome])).toEqual([[sessions[0].actionId, 'AGREED']]);

    const walked: string[] = [];
    let after: string | null = null;
    do {
      const page: { items: Item[]; endCursor: string | null } = (await ok(guangwai, SESSIONS, { first: 1, after }))
        .mediationSessions;
      expect(page.items).toHaveLength(1);
      walked.push(page.items[0].actionId);
      after = page.endCursor;
    } while (after !== null);
    expect(walked).toEqual([sessions[2].actionId, sessions[1].actionId, sessions[0].actionId]);
    const second = (await ok(guangwai, SESSIONS, { first: 1, offset: 1 })).mediationSessions;
    expect(second.items.map((s: Item) => s.actionId)).toEqual([sessions[1].actionId]);
  });

  it('shows another street’s office and a company without accounts there none of them; the billing company its own', async () => {
    for (const who of [desheng, companyB]) {
      const { mediationSessions } = await ok(who, SESSIONS, {});
      expect(mediationSessions).toEqual({ totalCount: 0, endCursor: null, items: [] });
    }
    const own = (await ok(companyA, SESSIONS, {})).mediationSessions;
    expect(own.items.map((s: Item) => s.actionId)).toEqual(sessions.map((s) => s.actionId).reverse());
    expect((await fails(xichengBureau, SESSIONS, {})).extensions.code).toBe('FORBIDDEN');
    // Nor records another street's office, the billing company or another company a session's outcome.
    for (const who of [desheng, companyA, companyB])
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain(
        (await fails(who, OUTCOME, { id: sessions[1].actionId, o: 'AGREED', on: today })).extensions.code,
      );
    const pending = (await ok(guangwai, SESSIONS, { pending: true })).mediationSessions;
    expect(pending.items.map((s: Item) => s.actionId)).toContain(sessions[1].actionId);
  });

  it.each([
    ['a cursor it did not give', { after: 'bm90LWEtY3Vyc29y' }],
    ['a cursor of another list', { after: Buffer.from(JSON.stringify(['1', 'x'])).toString('base64url') }],
    ['first 0', { first: 0 }],
    ['first over 100', { first: 101 }],
    [
      'a cursor with an offset',
      {
        offset: 1,
        after: Buffer.from(JSON.stringify(['0', '2026-11-30', '00000000-0000-4000-8000-000000000000'])).toString(
          'base64url',
        ),
      },
    ],
  ])('refuses %s with BAD_USER_INPUT', async (_, variables) => {
    const error = await fails(guangwai, SESSIONS, variables);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('keeps the company from taking an account out of mediation by hand, or dating an outcome ahead', async () => {
    // Before, the company could move an account in mediation back to IN_COLLECTION, and the street office's
    // outcome was then ignored; and a session recorded with an outcome dated 2030 settled the account from then.
    const STATUS = `mutation($a: ID!, $to: ArrearsAccountStatus!) { changeArrearsStatus(accountId: $a, to: $to) { status } }`;
    const pending = sessions[2];
    expect((await fails(companyA, STATUS, { a: pending.accountId, to: 'IN_COLLECTION' })).extensions).toMatchObject({
      code: 'STATUS_SET_BY_PROCEDURE',
      details: { from: 'MEDIATION', to: 'IN_COLLECTION', allowed: ['CURRENT'] },
    });
    const { arrearsAccount } = await ok(guangwai, STATEMENT, { id: pending.accountId });
    const ahead = await fails(guangwai, ACTION, {
      a: pending.accountId,
      x: {
        kind: 'MEDIATION_SESSION',
        on: today,
        chargeIds: arrearsAccount.charges.map((c: { chargeId: string }) => c.chargeId),
        mediator: '广安门外街道人民调解委员会',
        outcome: 'AGREED',
        outcomeOn: addDays(today, 1),
      },
    });
    expect(ahead.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { outcomeOn: expect.any(String) } },
    });
    const [row] = await t.sql<{ status: string }>('select status from arrears.account where id = $1', [
      pending.accountId,
    ]);
    expect(row.status).toBe('MEDIATION');
  });

  it('records a collection step once however often it is retried under its key', async () => {
    // Before, recordCollectionAction took no key: a retry after a lost answer recorded a second demand.
    const KEYED = `mutation($a: ID!, $x: CollectionActionInput!, $k: Key) { recordCollectionAction(accountId: $a, action: $x, idempotencyKey: $k) { actions { kind } } }`;
    const { accountId } = sessions[1];
    const { arrearsAccount } = await ok(guangwai, STATEMENT, { id: accountId });
    const letter = {
      kind: 'LETTER',
      on: today,
      deliveredOn: today,
      chargeIds: arrearsAccount.charges.map((c: { chargeId: string }) => c.chargeId),
      note: '催缴函（重试）',
    };
    const key = `letter-${accountId}`;
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => t.gql(companyA, KEYED, { a: accountId, x: letter, k: key })),
    );
    for (const a of answers) expect(a.body.errors).toBeUndefined();
    const [row] = await t.sql<{ n: number }>(
      `select count(*)::int as n from arrears.collection_action where account_id = $1 and kind = 'LETTER'`,
      [accountId],
    );
    expect(row.n).toBe(1);
    const other = await fails(companyA, KEYED, { a: accountId, x: { ...letter, note: '另一封' }, k: key });
    expect(other.extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
  it('records a session over a charge paid up and leaves a CURRENT account as it is, its agreement settling nothing', async () => {
    const [{ id: accountId }] = await t.sql<{ id: string }>(
      'select id from arrears.account where area_id = $1 and company_id = $2 order by household_id offset 3 limit 1',
      [areaId, companyA.organisationId],
    );
    const { arrearsAccount } = await ok(guangwai, STATEMENT, { id: accountId });
    const chargeIds = arrearsAccount.charges.map((c: { chargeId: string }) => c.chargeId);
    const [{ open }] = await t.sql<{ open: number }>(
      'select sum(amount_fen - paid_fen - waived_fen)::int as open from arrears.charge where account_id = $1',
      [accountId],
    );
    await ok(companyA, `mutation($p: PaymentInput!) { recordPayment(payment: $p) { paymentId } }`, {
      p: { accountId, amountFen: open, paidOn: today, method: 'CASH', idempotencyKey: `paid-${accountId}` },
    });
    const session = {
      kind: 'MEDIATION_SESSION',
      on: today,
      chargeIds,
      mediator: '广安门外街道人民调解委员会',
      outcome: 'AGREED',
      outcomeOn: today,
    };
    const { recordCollectionAction } = await ok(guangwai, ACTION, { a: accountId, x: session });
    expect(recordCollectionAction.actions.map((a: { kind: string }) => a.kind)).toContain('MEDIATION_SESSION');
    // Before, the account went CURRENT → IN_COLLECTION → MEDIATION → SETTLED with nothing owed.
    const [row] = await t.sql<{ status: string }>('select status from arrears.account where id = $1', [accountId]);
    expect(row.status).toBe('CURRENT');
    const moves = await t.sql<{ n: number }>(
      'select count(*)::int as n from arrears.account_transition where account_id = $1',
      [accountId],
    );
    expect(moves[0].n).toBe(0);
  });
});
