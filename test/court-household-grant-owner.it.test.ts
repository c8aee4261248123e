import { Client } from 'pg';
import { addDays, addMonths } from '../kernel/calendar';
import { TestHub, identity, startTestHub, pinTestToday } from './support/hub-fixture';
import { GUANGWAI_OFFICE, HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';
import { connectedClient } from './support/db-client';
import { residentIdCheckCharacter } from '../subgraphs/areas/domain/owner-identity';

// helper-271's audit: the court's read grant in areas was made for whoever owned the household when areas read the
// referral, not for the owner the referral names; the referral's event now names its owner (ownerReference).
const company = identity('PROPERTY_COMPANY', '91110102MA0000G271');
const xichengCourt = identity('COURT', 'bj-xicheng-court', ['110102']);
const today = pinTestToday('2026-12-01');
const thisMonth = today.slice(0, 7);
const months = [addMonths(thisMonth, -3), addMonths(thisMonth, -2)];
const UNSOLD_ID = '11010219800101271' + residentIdCheckCharacter('11010219800101271');
const SELLER_ID = '11010219750505271' + residentIdCheckCharacter('11010219750505271');
const EVIDENCE = [{ name: '催缴函.pdf', type: 'DEMAND_LETTER', sha256: 'd'.repeat(64) }];

type Account = { id: string; household_id: string; charge_ids: string[] };
const LETTER = (a: Account) => ({
  kind: 'LETTER',
  on: addDays(today, -20),
  deliveredOn: addDays(today, -20),
  chargeIds: a.charge_ids,
  note: '催缴函',
});
const READ_OWNER = `query($id: ID!) { referral(id: $id) { household { ownerName ownerIdentity(referralId: $id) { legalName idNumber phone masked } } } }`;

describe('the court of a referral reads the owner the referral names, not a sale the referral did not know of', () => {
  let t: TestHub;
  let db: Client;
  /** The owner-data reads areas logged under a referral. */
  const readsLogged = async (referralId: string) =>
    (
      await db.query(
        `select data, reason, organisation_id from areas.owner_data_access where referral_id = $1 order by data`,
        [referralId],
      )
    ).rows;
  /** The Xicheng court's reads of a referred owner's name and identity, as logged. */
  const XICHENG_COURT_READS = [
    { data: 'IDENTITY', reason: 'COURT_REFERRAL', organisation_id: 'bj-xicheng-court' },
    { data: 'NAME', reason: 'COURT_REFERRAL', organisation_id: 'bj-xicheng-court' },
  ];

  let lock: Client;
  let areaId: string;
  let account: Account;
  let unsold: Account;
  const { ok } = gqlExpectations(() => t);

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears', 'litigation'] });
    db = await connectedClient(t.databaseUrl);
    lock = await connectedClient(t.databaseUrl);
    const given = scenario(t);
    await given.courts();
    ({ areaId } = await given.compound(HONGJU, { knownTo: ['contracts', 'arrears'] }));
    await given.acceptedFiling(company, areaId, hongjuTerms(company, months[0], { number: 'HJ6-G271-01' }), {
      knownTo: ['arrears', 'litigation'],
    });
    await given.billedMonths(company, areaId, months);
    const { rows } = await db.query(
      `select a.id, a.household_id, json_agg(c.id order by c.due_on) as charge_ids from arrears.account a
         join arrears.charge c on c.account_id = a.id where a.area_id = $1 and a.company_id = $2
        group by a.id, a.household_id order by a.household_id limit 2`,
      [areaId, company.organisationId],
    );
    [account, unsold] = rows;
  });

  afterAll(async () => {
    await lock?.query('rollback').catch(() => undefined);
    await lock?.end();
    await db?.end();
    await t?.stop();
  });

  it('shows the court only the owner its case is against, not a buyer registered before areas learnt of the referral', async () => {
    // The street office holds the seller's identity; the sale below keeps it in the register's history.
    await ok(
      GUANGWAI_OFFICE,
      `mutation($h: ID!, $i: UpdateHouseholdInput!) { updateHousehold(id: $h, input: $i) { id } }`,
      {
        h: account.household_id,
        i: { ownerIdentity: { legalName: '赵卖方', idType: 'RESIDENT_ID', idNumber: SELLER_ID, phone: '13900002712' } },
      },
    );
    await ok(
      company,
      `mutation($a: ID!, $x: CollectionActionInput!) { recordCollectionAction(accountId: $a, action: $x) { status } }`,
      { a: account.id, x: LETTER(account) },
    );
    await waitFor('litigation to hold the claim with the letter', async () => {
      const { rows } = await db.query(`select claim from litigation.claim_account where account_id = $1`, [account.id]);
      return rows[0]?.claim.demands.length === 1 ? true : undefined;
    });
    const [{ owner_reference: seller, owner_name: sellerName }] = (
      await db.query(`select owner_reference, owner_name from areas.household where id = $1`, [account.household_id])
    ).rows;
    // The claim snapshot reaches litigation a moment after the register changes (areas → arrears → litigation): here
    // that moment is held open by holding litigation's copy of the claim, so the referral is made on it, as it is
    // whenever the company refers while the sale's roster is on its way.
    await lock.query('begin');
    await lock.query(`select 1 from litigation.claim_account where account_id = $1 for update`, [account.id]);
    await ok(
      GUANGWAI_OFFICE,
      `mutation($h: ID!, $i: UpdateHouseholdInput!) { updateHousehold(id: $h, input: $i) { id } }`,
      {
        h: account.household_id,
        i: {
          ownerReference: 'o-buyer-271',
          ownerName: '王买受',
          ownerSince: addDays(today, -1),
          ownerIdentity: {
            legalName: '王买受',
            idType: 'RESIDENT_ID',
            idNumber: '110102199001012711',
            phone: '13900002710',
          },
        },
      },
    );
    const { referArrears } = await ok(
      company,
      `mutation($r: ReferralInput!) { referArrears(referral: $r) { id eligible packages { canonicalJson } } }`,
      { r: { courtId: 'bj-xicheng-court', accountIds: [account.id], evidence: EVIDENCE, mediationWaivedOn: today } },
    );
    const [referral] = referArrears;
    expect(referral.eligible).toBe(true);
    // The case is against the seller: the package names them.
    expect(JSON.parse(referral.packages[0].canonicalJson).property.owner).toBe(seller);
    await lock.query('rollback');
    await waitFor('areas to grant the court the household', async () =>
      (await db.query(`select 1 from areas.court_household where referral_id = $1`, [referral.id])).rows.length > 0
        ? true
        : undefined,
    );
    const { household } = (await ok(xichengCourt, READ_OWNER, { id: referral.id })).referral;
    // The buyer is no party to this case: the court reads the seller it is against, in full, from the register's
    // history of former owners (before, the buyer masked and nothing of the seller: the register kept no history).
    expect(household).toEqual({
      ownerName: sellerName,
      ownerIdentity: { legalName: '赵卖方', idNumber: SELLER_ID, phone: '13900002712', masked: false },
    });
    // The grant is the seller's, and the reads logged as the court's under its referral.
    expect(
      (await db.query(`select owner_reference from areas.court_household where referral_id = $1`, [referral.id])).rows,
    ).toEqual([{ owner_reference: seller }]);
    expect(await readsLogged(referral.id)).toEqual(XICHENG_COURT_READS);
    // The complaint names the seller as the defendant (before, DEFENDANT_NO_LONGER_OWNER and no complaint).
    const { names } = await waitFor('the complaint for the court', async () => {
      const res = await t.gql(xichengCourt, `query($id: ID!) { referral(id: $id) { documents { name } } }`, {
        id: referral.id,
      });
      const code = res.body.errors?.[0]?.extensions?.code;
      if (code === 'DEFENDANT_IDENTITY_PENDING') return undefined;
      expect(res.body.errors).toBeUndefined();
      return { names: (res.body.data.referral.documents as { name: string }[]).map((d) => d.name) };
    });
    expect(names).toEqual(
      expect.arrayContaining([
        `民事起诉状-赵卖方-${referral.id.slice(0, 8)}.pdf`,
        `民事起诉状-赵卖方-${referral.id.slice(0, 8)}.docx`,
      ]),
    );
  });

  it('shows the court the owner in full, logged as its referral, when the owner the referral names still owns the household', async () => {
    const [{ owner_reference: owner }] = (
      await db.query(`select owner_reference from areas.household where id = $1`, [unsold.household_id])
    ).rows;
    // The street office records the owner's identity, no change of owner.
    await ok(
      GUANGWAI_OFFICE,
      `mutation($h: ID!, $i: UpdateHouseholdInput!) { updateHousehold(id: $h, input: $i) { id } }`,
      {
        h: unsold.household_id,
        i: {
          ownerIdentity: {
            legalName: '李业主',
            idType: 'RESIDENT_ID',
            idNumber: UNSOLD_ID,
            phone: '13900002711',
          },
        },
      },
    );
    await ok(
      company,
      `mutation($a: ID!, $x: CollectionActionInput!) { recordCollectionAction(accountId: $a, action: $x) { status } }`,
      { a: unsold.id, x: LETTER(unsold) },
    );
    await waitFor('litigation to hold the claim with the letter', async () => {
      const { rows } = await db.query(`select claim from litigation.claim_account where account_id = $1`, [unsold.id]);
      return rows[0]?.claim.demands.length === 1 ? true : undefined;
    });
    const { referArrears } = await ok(
      company,
      `mutation($r: ReferralInput!) { referArrears(referral: $r) { id eligible } }`,
      { r: { courtId: 'bj-xicheng-court', accountIds: [unsold.id], evidence: EVIDENCE, mediationWaivedOn: today } },
    );
    const [referral] = referArrears;
    expect(referral.eligible).toBe(true);
    await waitFor('areas to grant the court the household', async () =>
      (await db.query(`select 1 from areas.court_household where referral_id = $1`, [referral.id])).rows.length > 0
        ? true
        : undefined,
    );
    expect(
      (await db.query(`select owner_reference from areas.court_household where referral_id = $1`, [referral.id])).rows,
    ).toEqual([{ owner_reference: owner }]);
    const { household } = (await ok(xichengCourt, READ_OWNER, { id: referral.id })).referral;
    expect(household.ownerIdentity).toEqual({
      legalName: '李业主',
      idNumber: UNSOLD_ID,
      phone: '13900002711',
      masked: false,
    });
    expect(household.ownerName).not.toMatch(/\*/);
    expect(await readsLogged(referral.id)).toEqual(XICHENG_COURT_READS);
  });
});
