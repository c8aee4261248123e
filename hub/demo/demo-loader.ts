import { Identity } from '../../kernel/identity';
import { ACCOUNT_STATUSES } from '../../catalog';
import { TokenSettings, mintUserToken } from '../../platform/auth/tokens';
import { logger } from '../../platform/logging';
import { timed } from '../../platform/phase-timings';
import { addDays, addMonths } from '../../kernel/calendar';
import { isPastDue } from '../../kernel/past-due';
import { todayInChina } from '../../kernel/clock';
import {
  DEMO_ADMIN,
  DEMO_BILLED_YEARS,
  DEMO_BILLING,
  DEMO_CONTRACTS,
  DEMO_COURTS,
  DEMO_DIVISIONS,
  DEMO_LEVY,
  DEMO_LINJIANG,
  DEMO_PMC,
  DEMO_REFERRALS,
  DEMO_STREETS,
  DEMO_XUEYUAN_PMC,
  DEMO_YANGGUANG_OWNERS,
  DemoCompound,
  DemoStreet,
  demoCompoundCsv,
  demoJointDecision,
  demoOwnerIdentity,
} from './demo-data';
import { LINJIANG_SETTINGS } from '../../subgraphs/contracts/domain/statutes';

/** Runs one operation through the gateway as `who`; throws on any GraphQL error. */
export type Gql = (who: Identity, query: string, variables?: object) => Promise<Record<string, unknown>>;

export function gatewayClient(url: string, tokens: TokenSettings): Gql {
  return async (who, query, variables) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await mintUserToken(who, tokens, '5m')}`,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as {
      data?: Record<string, unknown>;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    if (body.errors?.length)
      throw Object.assign(new Error(`demo data: ${body.errors.map((e) => e.message).join('; ')}`), {
        codes: body.errors.map((e) => e.extensions?.code),
      });
    return body.data!;
  };
}

export interface LoadedCompound {
  compoundId: string;
  areaId: string;
  buildingIds: string[];
}

/** A property-management area named after the compound, registered by its street office (no buildings yet). */
export async function loadArea(gql: Gql, street: DemoStreet, name: string): Promise<string> {
  const { registerArea } = (await gql(
    street.office,
    'mutation($i: RegisterAreaInput!) { registerArea(input: $i) { id } }',
    {
      i: { name, districtCode: street.districtCode, streetCode: street.streetCode },
    },
  )) as { registerArea: { id: string } };
  return registerArea.id;
}

/** Seed 000's property-management committee (DEMO_PMC), formed by the street office for the area. */
export async function loadCommittee(
  gql: Gql,
  street: DemoStreet,
  areaId: string,
  term: { formedOn: string; termEndsOn: string } = DEMO_PMC,
): Promise<void> {
  const { chairIndex, members } = DEMO_PMC;
  const { formedOn, termEndsOn } = term;
  await gql(
    street.office,
    'mutation($i: FormPropertyManagementCommitteeInput!) { formPropertyManagementCommittee(input: $i) { id } }',
    {
      i: { areaId, formedOn, termEndsOn, chairIndex, members },
    },
  );
}

const FORM =
  'mutation($i: FormPropertyManagementCommitteeInput!) { formPropertyManagementCommittee(input: $i) { id } }';

/**
 * The governance the seeds give a compound's area, entered by its street office: 学院南路32号院's committee (formed,
 * filed and recorded) and seed 003's joint decision; 阳光丽景's owners' assembly and owners' committee.
 */
async function loadGovernance(gql: Gql, street: DemoStreet, compound: string, areaId: string): Promise<void> {
  if (compound === DEMO_PMC.compound) await loadCommittee(gql, street, areaId);
  if (compound === DEMO_XUEYUAN_PMC.compound) {
    const { formedOn, termEndsOn, filedOn, recordedOn, chairIndex, members } = DEMO_XUEYUAN_PMC;
    const { formPropertyManagementCommittee } = (await gql(street.office, FORM, {
      i: { areaId, formedOn, termEndsOn, filedOn, chairIndex, members },
    })) as {
      formPropertyManagementCommittee: { id: string };
    };
    await gql(
      street.office,
      'mutation($b: ID!, $d: LocalDate!) { recordCommitteeRecording(bodyId: $b, recordedOn: $d) { id } }',
      { b: formPropertyManagementCommittee.id, d: recordedOn },
    );
    const { matter, heldOn, tally } = demoJointDecision();
    await gql(street.office, 'mutation($i: RecordJointDecisionInput!) { recordJointDecision(input: $i) { id } }', {
      i: { areaId, matter, heldOn, tally },
    });
  }
  if (compound === DEMO_YANGGUANG_OWNERS.compound) {
    const { assembly, committee } = DEMO_YANGGUANG_OWNERS;
    await gql(street.office, 'mutation($i: RecordOwnersAssemblyInput!) { recordOwnersAssembly(input: $i) { id } }', {
      i: { areaId, ...assembly },
    });
    await gql(street.office, 'mutation($i: RecordOwnersCommitteeInput!) { recordOwnersCommittee(input: $i) { id } }', {
      i: { areaId, ...committee },
    });
  }
}

/**
 * One demo compound as its street office enters it: the compound, its buildings and households (the CSV import),
 * an area of the same name holding every building, and the governance bodies and decisions the seeds give it.
 */
export async function loadCompound(gql: Gql, street: DemoStreet, compound: DemoCompound): Promise<LoadedCompound> {
  const { registerCompound } = (await gql(
    street.office,
    'mutation($i: RegisterCompoundInput!) { registerCompound(input: $i) { id } }',
    {
      i: {
        name: compound.name,
        districtCode: street.districtCode,
        streetCode: street.streetCode,
        communityCode: compound.communityCode,
        kind: compound.kind,
        governanceModel: compound.governanceModel,
        yearBuilt: compound.yearBuilt,
        propertyRightsUnits: compound.propertyRightsUnits,
        maintenanceFund: compound.maintenanceFund,
      },
    },
  )) as { registerCompound: { id: string } };
  const compoundId = registerCompound.id;
  await gql(
    street.office,
    'mutation($c: ID!, $csv: CsvText!) { importCompoundCsv(compoundId: $c, csv: $csv) { householdsCreated } }',
    {
      c: compoundId,
      csv: demoCompoundCsv(compound),
    },
  );
  const areaId = await loadArea(gql, street, compound.name);
  const { compound: loaded } = (await gql(
    street.office,
    'query($c: ID!) { compound(id: $c) { buildings { id label } } }',
    { c: compoundId },
  )) as {
    compound: { buildings: { id: string; label: string }[] };
  };
  const buildingIds = loaded.buildings.map((b) => b.id);
  // What the CSV has no column for: the month a building's elevators were replaced (seed 003).
  for (const b of compound.buildings.filter((d) => d.elevatorsReplacedIn)) {
    await gql(
      street.office,
      'mutation($b: ID!, $i: UpdateBuildingInput!) { updateBuilding(id: $b, input: $i) { id } }',
      { b: loaded.buildings.find((l) => l.label === b.label)!.id, i: { elevatorsReplacedIn: b.elevatorsReplacedIn } },
    );
  }
  await gql(
    street.office,
    'mutation($a: ID!, $b: [ID!]!) { assignBuildingsToArea(areaId: $a, buildingIds: $b) { id } }',
    { a: areaId, b: buildingIds },
  );
  await loadGovernance(gql, street, compound.name, areaId);
  return { compoundId, areaId, buildingIds };
}

/** The contracts subgraph learns areas from the areas feed; a contract can be drafted once it has. */
async function waitForContractsToKnow(gql: Gql, areaId: string): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    const { area } = (await gql(DEMO_ADMIN, 'query($a: ID!) { area(id: $a) { filingReviewers { streetCode } } }', {
      a: areaId,
    })) as { area: { filingReviewers: unknown } };
    if (area.filingReviewers) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`demo data: the contracts subgraph did not receive area ${areaId} within 30 s`);
}

async function areaIdOf(gql: Gql, compound: string): Promise<string> {
  const { areas } = (await gql(DEMO_ADMIN, '{ areas(first: 100) { id name } }')) as {
    areas: { id: string; name: string }[];
  };
  return areas.find((a) => a.name === compound)!.id;
}

/** A demo contract, filed on paper and accepted, unless the company already has a contract there. */
export async function loadContract(gql: Gql, contract: (typeof DEMO_CONTRACTS)[number]): Promise<void> {
  const areaId = await areaIdOf(gql, contract.compound);
  const { contracts } = (await gql(contract.company, 'query($a: ID) { contracts(areaId: $a) { totalCount } }', {
    a: areaId,
  })) as { contracts: { totalCount: number } };
  if (contracts.totalCount > 0) return;
  await waitForContractsToKnow(gql, areaId);
  const { draftContract } = (await gql(
    contract.company,
    'mutation($a: ID!, $t: ContractTermsInput!) { draftContract(areaId: $a, terms: $t) { id } }',
    {
      a: areaId,
      t: contract.terms,
    },
  )) as { draftContract: { id: string } };
  const { submitFiling } = (await gql(
    DEMO_ADMIN,
    'mutation($c: ID!, $k: Key!, $d: [FilingDocumentInput!]!, $on: LocalDate, $co: Key) { submitFiling(contractId: $c, idempotencyKey: $k, documents: $d, submittedOn: $on, companyId: $co) { id } }',
    {
      c: draftContract.id,
      k: contract.idempotencyKey,
      d: contract.documents,
      on: contract.receivedOn,
      co: contract.company.organisationId,
    },
  )) as { submitFiling: { id: string } };
  const reviewer = DEMO_STREETS.find((s) => s.office.organisationId === contract.reviewer)!.office;
  await gql(reviewer, 'mutation($f: ID!) { acceptFiling(filingId: $f, version: 1) { id } }', { f: submitFiling.id });
}

/** The districts and streets of the demo that are not registered yet, parents first. */
export async function loadDivisions(
  gql: Gql,
  divisions: readonly { code: string; name: string }[] = DEMO_DIVISIONS,
): Promise<void> {
  const known = new Set<string>();
  for (const parent of [undefined, ...divisions.map((d) => d.code)]) {
    const { divisions } = (await gql(DEMO_ADMIN, 'query($p: Key) { divisions(parentCode: $p) { code } }', {
      p: parent,
    })) as { divisions: { code: string }[] };
    divisions.forEach((d) => known.add(d.code));
  }
  for (const division of divisions.filter((d) => !known.has(d.code))) {
    await gql(DEMO_ADMIN, 'mutation($i: RegisterDivisionInput!) { registerDivision(input: $i) { code } }', {
      i: division,
    });
  }
}

/** The demo's courts that are not registered yet, and the territory of those registered without one. */
export async function loadCourts(gql: Gql): Promise<void> {
  const { courts } = (await gql(DEMO_ADMIN, '{ courts { courtId districtCodes } }')) as {
    courts: { courtId: string; districtCodes: string[] }[];
  };
  const knownCourts = new Map(courts.map((c) => [c.courtId, c.districtCodes]));
  for (const court of DEMO_COURTS) {
    if (!knownCourts.has(court.courtId))
      await gql(DEMO_ADMIN, 'mutation($i: RegisterCourtInput!) { registerCourt(input: $i) { courtId } }', { i: court });
    // Registered before courts had a territory: given the demo's.
    else if (knownCourts.get(court.courtId)!.length === 0)
      await gql(
        DEMO_ADMIN,
        'mutation($c: Key!, $d: [Key!]!) { setCourtTerritory(courtId: $c, districtCodes: $d) { courtId } }',
        {
          c: court.courtId,
          d: court.districtCodes,
        },
      );
  }
}

/**
 * The areas part of the demo through the gateway (the areas subgraph alone answers it): the divisions, and every
 * seed compound with its buildings and households, each compound its own area. What is already present is left as it is.
 */
export async function loadDemoAreas(url: string, tokens: TokenSettings): Promise<void> {
  const gql = gatewayClient(url, tokens);
  await loadDivisions(gql);
  // Each street's compounds are its own: the streets load side by side (a compound's steps stay in order).
  await Promise.all(DEMO_STREETS.map((street) => loadStreetCompounds(gql, street)));
}

/** The street's demo compounds that are not registered yet. */
async function loadStreetCompounds(gql: Gql, street: DemoStreet): Promise<void> {
  const { compounds } = (await gql(street.office, 'query($s: Key) { compounds(streetCode: $s) { name } }', {
    s: street.streetCode,
  })) as {
    compounds: { name: string }[];
  };
  const present = new Set(compounds.map((c) => c.name));
  for (const compound of street.compounds.filter((c) => !present.has(c.name)))
    await loadCompound(gql, street, compound);
}

/**
 * Loads the seed compounds (with their buildings and households, each compound its own area) and the courts
 * through the gateway, as their users would, then seed 003's filed contract. What is already present is left as it is.
 */
export async function loadDemoData(url: string, tokens: TokenSettings): Promise<void> {
  await timed('demo.areas', () => loadDemoAreas(url, tokens));
  const gql = gatewayClient(url, tokens);
  // The courts and each contract (its own compound and company) are independent of one another.
  await timed('demo.contracts', () =>
    Promise.all([loadCourts(gql), ...DEMO_CONTRACTS.map((contract) => loadContract(gql, contract))]),
  );
}

interface DemoAccount {
  accountId: string;
  buildingId: string;
  unit: string;
  room: string;
  openFen: number;
  status: string;
}

const ALL_STATUSES = [...ACCOUNT_STATUSES];

/** Every account of the company in the area, in building, unit and room order. */
async function accountsOf(gql: Gql, who: Identity, areaId: string): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  for (let offset = 0; ; offset += 500) {
    const { arrears } = (await gql(
      who,
      'query($f: ArrearsFilter, $o: Int) { arrears(filter: $f, first: 500, offset: $o) { totalCount items { accountId buildingId unit room openFen status } } }',
      {
        f: { areaId, statuses: ALL_STATUSES },
        o: offset,
      },
    )) as { arrears: { totalCount: number; items: DemoAccount[] } };
    accounts.push(...arrears.items);
    if (accounts.length >= arrears.totalCount || arrears.items.length === 0) break;
  }
  const order = (a: DemoAccount) => `${a.buildingId}|${a.unit.padStart(4, '0')}|${a.room.padStart(6, '0')}`;
  return accounts.sort((a, b) => order(a).localeCompare(order(b)));
}

/** Payments as a finance team imports a payment platform's statement: up to 500 a call, each batch all or nothing. */
async function importInBatches(gql: Gql, company: Identity, payments: object[]): Promise<void> {
  for (let i = 0; i < payments.length; i += 500) {
    await gql(company, 'mutation($p: [PaymentInput!]!) { importPayments(payments: $p) { receiptNumber } }', {
      p: payments.slice(i, i + 500),
    });
  }
}

/**
 * Subgraphs learn filings, households and claims from the feeds: a call that needs them is retried while it fails
 * for want of them (the error matches `missing`, a pattern of its text or a test of the error), for at most 30 s.
 */
export async function untilKnown<T>(
  missing: RegExp | ((error: unknown) => boolean),
  call: () => Promise<T>,
): Promise<T> {
  const wanting = typeof missing === 'function' ? missing : (error: unknown) => missing.test(String(error));
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= 150 || !wanting(error)) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const onceArrearsKnows = <T>(call: () => Promise<T>) =>
  untilKnown(/no accepted contract filing|not in the area|no households yet/, call);

/** How many households the demo gives the Beijing compound (its CSV's rows). */
function householdsOf(compound: string): number {
  const found = DEMO_STREETS.flatMap((s) => s.compounds).find((c) => c.name === compound)!;
  return found.buildings.reduce((sum, b) => sum + b.households, 0);
}

/**
 * The company bills the area's month once arrears knows the area's accepted filing and its households (at least
 * `households` of them): households reach arrears from the areas feed (a building's roster twice, imported, then
 * grouped into the area), so a run that came early billed only part of them; billing is idempotent, so it runs
 * again until all are billed.
 */
const billMonth = (gql: Gql, company: Identity, areaId: string, month: string, households = 1) =>
  onceArrearsKnows(async () => {
    const { runBilling } = (await gql(
      company,
      'mutation($a: ID!, $m: Key!) { runBilling(areaId: $a, month: $m) { households } }',
      { a: areaId, m: month },
    )) as { runBilling: { households: number } };
    if (runBilling.households < households)
      throw new Error(`no households yet: ${runBilling.households} of ${households} billed for ${month}`);
  });

/** Seed 002's levy, with 159 of each building's 180 households paid: 954 of 1,080 = 88.3%. */
async function loadLevy(gql: Gql): Promise<void> {
  const { company, input } = DEMO_LEVY;
  const areaId = await areaIdOf(gql, DEMO_LEVY.compound);
  const { levies } = (await gql(company, 'query($a: ID) { levies(areaId: $a) { id } }', { a: areaId })) as {
    levies: { id: string }[];
  };
  if (levies.length > 0) return;
  // A page the edge's cost limit admits (compounds × their buildings); the demo has a handful of compounds.
  const { compounds } = (await gql(DEMO_ADMIN, '{ compounds(first: 100) { name buildings { id } } }')) as {
    compounds: { name: string; buildings: { id: string }[] }[];
  };
  const buildingIds = compounds.find((c) => c.name === DEMO_LEVY.compound)!.buildings.map((b) => b.id);
  const { createLevy } = (await onceArrearsKnows(() =>
    gql(company, 'mutation($l: LevyInput!) { createLevy(levy: $l) { id } }', { l: { ...input, areaId, buildingIds } }),
  )) as {
    createLevy: { id: string };
  };
  const billed = await accountsOf(gql, company, areaId);
  const paying = buildingIds.flatMap((b) =>
    billed.filter((a) => a.buildingId === b).slice(0, DEMO_LEVY.paidPerBuilding),
  );
  const payments = paying.map((account, i) => ({
    accountId: account.accountId,
    amountFen: account.openFen,
    paidOn: addDays(DEMO_LEVY.firstPaidOn, i % 110),
    method: i % 3 === 0 ? 'BANK_TRANSFER' : 'WECHAT_PAY',
    purpose: 'LEVY',
    levyId: createLevy.id,
    idempotencyKey: `demo-levy-${account.accountId}`,
  }));
  await importInBatches(gql, company, payments);
}

/**
 * The billed years of the demo (DEMO_BILLED_YEARS): twelve months billed, then the year's payments as the company's
 * statement imports them, so the collection rate comes out as the seed reports it. Left as it is once billed. Load
 * them before any later month is billed: a payer pays what is open, which is then the year alone.
 */
async function loadBilledYear(gql: Gql, billed: (typeof DEMO_BILLED_YEARS)[number]): Promise<void> {
  const { company, year } = billed;
  const areaId = await areaIdOf(gql, billed.compound);
  const existing = (await gql(
    company,
    'query($a: ID, $f: Key, $t: Key) { collectionRates(groupBy: ALL, areaId: $a, fromMonth: $f, toMonth: $t) { households } }',
    {
      a: areaId,
      f: `${year}-01`,
      t: `${year}-12`,
    },
  )) as { collectionRates: { households: number }[] };
  if (existing.collectionRates.some((r) => r.households > 0)) return;
  await timed(`demo.billed-year.${year}.billing`, async () => {
    for (let m = 1; m <= 12; m++)
      await billMonth(gql, company, areaId, `${year}-${String(m).padStart(2, '0')}`, householdsOf(billed.compound));
  });
  const accounts = await accountsOf(gql, company, areaId);
  const nonPayers = new Set(
    accounts.slice(billed.nonPayers.from, billed.nonPayers.from + billed.nonPayers.count).map((a) => a.accountId),
  );
  const januaryOnly = accounts.filter((a) => nonPayers.has(a.accountId)).slice(0, billed.januaryOnly);
  const payment = (accountId: string, amountFen: number) => ({
    accountId,
    amountFen,
    paidOn: billed.paidOn,
    method: 'BANK_TRANSFER',
    idempotencyKey: `demo-${year}-${accountId}`,
  });
  const payments = accounts.filter((a) => !nonPayers.has(a.accountId)).map((a) => payment(a.accountId, a.openFen));
  for (const account of januaryOnly) {
    const { arrearsAccount } = (await gql(
      company,
      'query($id: ID!) { arrearsAccount(id: $id) { charges { month openFen } } }',
      { id: account.accountId },
    )) as {
      arrearsAccount: { charges: { month: string; openFen: number }[] };
    };
    payments.push(payment(account.accountId, arrearsAccount.charges.find((c) => c.month === `${year}-01`)!.openFen));
  }
  await importInBatches(gql, company, payments);
}

/** Every billed year of the demo, through the gateway (areas, contracts and arrears answer it). */
export async function loadBilledYears(url: string, tokens: TokenSettings): Promise<void> {
  const gql = gatewayClient(url, tokens);
  // Each year is another compound's and company's: one's billing runs while the other's payments are recorded.
  await Promise.all(
    DEMO_BILLED_YEARS.map((billed) => timed(`demo.billed-year.${billed.year}`, () => loadBilledYear(gql, billed))),
  );
}

/**
 * The company's demand letters of `letterOn` to each account, for its charges then past due and unpaid. Each account's
 * letter is its own: they are sent side by side, not one round trip after another.
 */
async function sendDemandLetters(gql: Gql, company: Identity, accounts: DemoAccount[], letterOn: string) {
  const send = async (account: DemoAccount) => {
    const { arrearsAccount } = (await gql(
      company,
      'query($id: ID!) { arrearsAccount(id: $id) { charges { chargeId openFen dueOn } } }',
      { id: account.accountId },
    )) as {
      arrearsAccount: { charges: { chargeId: string; openFen: number; dueOn: string }[] };
    };
    const chargeIds = arrearsAccount.charges
      .filter((c) => c.openFen > 0 && isPastDue(c.dueOn, letterOn))
      .map((c) => c.chargeId);
    await gql(
      company,
      'mutation($a: ID!, $x: CollectionActionInput!) { recordCollectionAction(accountId: $a, action: $x) { status } }',
      {
        a: account.accountId,
        // Handed to the owner, who signed for it that day: the letter took effect then (法释〔2020〕17号 art. 8 item 1).
        x: { kind: 'LETTER', on: letterOn, deliveredOn: letterOn, chargeIds, note: '物业费催缴函（业主签收）' },
      },
    );
  };
  await Promise.all(accounts.map(send));
}

/** The last three months billed at 学院南路32号院, some households paid up, some demanded by letter, one mediated. */
async function loadBilling(gql: Gql): Promise<void> {
  const { company } = DEMO_BILLING;
  const areaId = await areaIdOf(gql, DEMO_BILLING.compound);
  const thisMonth = todayInChina().slice(0, 7);
  const months = Array.from({ length: DEMO_BILLING.months }, (_, i) =>
    addMonths(thisMonth, i - DEMO_BILLING.months + 1),
  );
  for (const month of months) await billMonth(gql, company, areaId, month, householdsOf(DEMO_BILLING.compound));
  const accounts = await accountsOf(gql, company, areaId);
  if (accounts.some((a) => a.status !== 'CURRENT')) return;
  const today = todayInChina();
  await importInBatches(
    gql,
    company,
    accounts.slice(0, DEMO_BILLING.payingAccounts).map((account) => ({
      accountId: account.accountId,
      amountFen: account.openFen,
      paidOn: today,
      method: 'WECHAT_PAY',
      idempotencyKey: `demo-fees-${account.accountId}-${thisMonth}`,
    })),
  );
  const demanded = accounts.slice(-DEMO_BILLING.demandedAccounts);
  const promised = accounts[accounts.length - DEMO_BILLING.demandedAccounts - 1];
  const { arrearsAccount: promisedAccount } = (await gql(
    company,
    'query($id: ID!) { arrearsAccount(id: $id) { charges { chargeId } } }',
    { id: promised.accountId },
  )) as {
    arrearsAccount: { charges: { chargeId: string }[] };
  };
  await gql(
    company,
    'mutation($a: ID!, $x: CollectionActionInput!) { recordCollectionAction(accountId: $a, action: $x) { status } }',
    {
      a: promised.accountId,
      x: {
        kind: 'PAYMENT_PROMISE',
        on: today,
        chargeIds: promisedAccount.charges.map((c) => c.chargeId),
        promisedBy: addDays(today, 30),
      },
    },
  );
  // The letters went out DEMO_BILLING.letterDaysAgo days ago, for the months then past due, so the reasonable
  // period after the demand (Civil Code art. 944 para. 2) has run out by the referral.
  await sendDemandLetters(gql, company, demanded, addDays(today, -DEMO_BILLING.letterDaysAgo));
  const street = DEMO_STREETS.find((s) => s.compounds.some((c) => c.name === DEMO_BILLING.compound))!;
  const mediated = demanded[0];
  const { arrearsAccount } = (await gql(
    company,
    'query($id: ID!) { arrearsAccount(id: $id) { charges { chargeId } } }',
    { id: mediated.accountId },
  )) as {
    arrearsAccount: { charges: { chargeId: string }[] };
  };
  await gql(
    street.office,
    'mutation($a: ID!, $x: CollectionActionInput!) { recordCollectionAction(accountId: $a, action: $x) { status } }',
    {
      a: mediated.accountId,
      x: {
        kind: 'MEDIATION_SESSION',
        on: today,
        chargeIds: arrearsAccount.charges.map((c) => c.chargeId),
        mediator: '北太平庄街道人民调解委员会',
        outcome: 'PENDING',
      },
    },
  );
}

/** The street office completes the identities of the owners about to be sued (demoOwnerIdentity), for the complaints. */
async function loadOwnerIdentities(gql: Gql, accounts: DemoAccount[]): Promise<void> {
  const street = DEMO_STREETS.find((s) => s.compounds.some((c) => c.name === DEMO_BILLING.compound))!;
  const { compounds } = (await gql(street.office, '{ compounds { name buildings { id label } } }')) as {
    compounds: { name: string; buildings: { id: string; label: string }[] }[];
  };
  const labels = new Map(
    compounds.find((c) => c.name === DEMO_BILLING.compound)!.buildings.map((b) => [b.id, b.label]),
  );
  // Each household's identity is its own: completed side by side.
  const complete = async (account: DemoAccount, index: number) => {
    const { arrearsAccount } = (await gql(
      street.office,
      'query($id: ID!) { arrearsAccount(id: $id) { household { id buildingId unit room ownerName } } }',
      { id: account.accountId },
    )) as {
      arrearsAccount: { household: { id: string; buildingId: string; unit: string; room: string; ownerName: string } };
    };
    const h = arrearsAccount.household;
    const address = `北京市海淀区${DEMO_BILLING.compound}${labels.get(h.buildingId)}${h.unit}单元${h.room}`;
    await gql(
      street.office,
      'mutation($h: ID!, $o: OwnerIdentityInput) { updateHousehold(id: $h, input: { ownerIdentity: $o }) { id } }',
      {
        h: h.id,
        o: demoOwnerIdentity(index + 1, h.ownerName, address),
      },
    );
  };
  await Promise.all(accounts.map(complete));
}

/**
 * Referrals at 学院南路32号院 (DEMO_REFERRALS): three demanded accounts to the Haidian court in one batch, one refused
 * for want of a demand and of mediation, and the first case docketed. Skipped when the company has referred before.
 */
async function loadReferrals(gql: Gql): Promise<void> {
  const { company } = DEMO_BILLING;
  const { referrals } = (await gql(company, '{ referrals(first: 1) { totalCount } }')) as {
    referrals: { totalCount: number };
  };
  if (referrals.totalCount > 0) return;
  const areaId = await areaIdOf(gql, DEMO_BILLING.compound);
  const accounts = await accountsOf(gql, company, areaId);
  const inCollection = accounts.filter((a) => a.status === 'IN_COLLECTION');
  const promised = inCollection.find(
    (a) => a.accountId === accounts[accounts.length - DEMO_BILLING.demandedAccounts - 1].accountId,
  )!;
  const demanded = inCollection.filter((a) => a !== promised).slice(0, DEMO_REFERRALS.referred);
  await loadOwnerIdentities(gql, [...demanded, promised]);
  const today = todayInChina();
  // Litigation learns the claims from arrears.claims.v1; until it has, the accounts are unknown to it.
  const refer = (accountIds: string[], waived: boolean) =>
    untilKnown(/Arrears account .* was not found/, () =>
      gql(
        company,
        'mutation($r: ReferralInput!) { referArrears(referral: $r) { id eligible eligibility { failures { code } } } }',
        {
          r: {
            courtId: DEMO_REFERRALS.courtId,
            accountIds,
            evidence: DEMO_REFERRALS.evidence,
            ...(waived ? { mediationWaivedOn: today } : {}),
          },
        },
      ),
    );
  const { referArrears } = (await refer(
    demanded.map((a) => a.accountId),
    true,
  )) as { referArrears: { id: string }[] };
  await refer([promised.accountId], false);
  const court = {
    subject: `${DEMO_REFERRALS.courtId}-clerk`,
    role: 'COURT' as const,
    organisationId: DEMO_REFERRALS.courtId,
    jurisdictions: ['110108'],
  };
  await gql(court, 'mutation($r: CourtReportInput!) { reportCourtEvent(report: $r) { status } }', {
    r: {
      referralId: referArrears[0].id,
      kind: 'DOCKETED',
      occurredAt: `${today}T10:00:00+08:00`,
      caseNumber: DEMO_REFERRALS.caseNumber,
      procedure: 'SMALL_CLAIMS',
    },
  });
}

/**
 * The fees and arrears of the demo, through the gateway as the companies and the street office would enter them:
 * seed 002's levy with its 954 paying households, and three months billed at 学院南路32号院. Left as it is when
 * present. The billed years (loadBilledYears, a minute or two for their 1,447 payments) are loaded before it at start.
 */
export async function loadDemoArrears(url: string, tokens: TokenSettings): Promise<void> {
  const gql = gatewayClient(url, tokens);
  // The levy (润枫欣尚, its company) and the billing with its referrals (学院南路32号院, another) side by side.
  await Promise.all([
    timed('demo.levy', () => loadLevy(gql)),
    timed('demo.billing', () => loadBilling(gql)).then(() =>
      timed('demo.referrals', () => loadReferrals(gql)).catch(unlessHolidaysMissing),
    ),
  ]);
}

/**
 * From 2026-12-30 the letters' reasonable period ends past the holiday data until the admin records the next year
 * (README › Deadlines): the demo's referrals wait for it rather than the demo failing to load.
 */
function unlessHolidaysMissing(error: unknown): void {
  if (!/outside the State Council holiday arrangements/.test(String(error))) throw error;
  logger.warn({ reason: String(error) }, 'demo referrals skipped: record the next holiday arrangement first');
}

/**
 * 临江市 (seed 004) beside Beijing: the admin enters its settings in the registry (the enforcement bureau receives
 * the filings, agreement selection up to 30,000 m²), its divisions, 建国街道's two compounds (the new estate and the
 * adjacent stand-alone walk-ups grouped into one area), and the new estate's preliminary contract chosen by agreement,
 * filed through the API and accepted by the 市城市管理行政执法局. What is already present is left as it is.
 */
export async function loadLinjiang(url: string, tokens: TokenSettings): Promise<void> {
  const gql = gatewayClient(url, tokens);
  const { citySettings } = (await gql(DEMO_ADMIN, '{ citySettings { cityCode } }')) as {
    citySettings: { cityCode: string }[];
  };
  if (!citySettings.some((c) => c.cityCode === LINJIANG_SETTINGS.cityCode)) {
    await gql(
      DEMO_ADMIN,
      'mutation($s: CitySettingsInput!, $r: Note!) { setCitySettings(settings: $s, reason: $r) { version } }',
      {
        s: JSON.parse(JSON.stringify(LINJIANG_SETTINGS)),
        r: '临江市: seed 004 §六(七), the 市城市管理行政执法局 approves agreement selection up to 30,000 m² and receives preliminary-contract filings',
      },
    );
  }
  await loadDivisions(gql, DEMO_LINJIANG.divisions);
  await loadStreetCompounds(gql, DEMO_LINJIANG.street);

  const { coverage } = (await gql(
    DEMO_LINJIANG.street.office,
    'query($d: Key!) { coverage(divisionCode: $d) { underCaretaker { areas { name } } withFiledProvider { areas { name } } } }',
    {
      d: DEMO_LINJIANG.street.streetCode,
    },
  )) as { coverage: Record<'underCaretaker' | 'withFiledProvider', { areas: { name: string }[] }> };
  const named = (list: { areas: { name: string }[] }) => list.areas.some((a) => a.name === DEMO_LINJIANG.oldCompound);
  if (!named(coverage.underCaretaker) && !named(coverage.withFiledProvider)) {
    await gql(
      DEMO_LINJIANG.street.office,
      'mutation($a: ID!, $u: Name!, $c: Name!, $s: LocalDate!) { assignCaretaker(areaId: $a, caretakerUnit: $u, community: $c, startsOn: $s) { id } }',
      {
        a: await areaIdOf(gql, DEMO_LINJIANG.oldCompound),
        ...DEMO_LINJIANG.caretaking,
      },
    );
  }

  const walkUps = await areaIdOf(gql, DEMO_LINJIANG.oldCompound);
  const { hazards } = (await gql(DEMO_LINJIANG.street.office, 'query($a: ID) { hazards(areaId: $a) { id } }', {
    a: walkUps,
  })) as { hazards: { id: string }[] };
  if (hazards.length === 0) {
    await gql(DEMO_LINJIANG.street.office, 'mutation($p: PatrolInput!) { recordPatrol(patrol: $p) { id } }', {
      p: { areaId: walkUps, ...DEMO_LINJIANG.patrol },
    });
  }

  const [company] = DEMO_LINJIANG.companies;
  const areaId = await areaIdOf(gql, DEMO_LINJIANG.newEstate);
  const { contracts } = (await gql(company, 'query($a: ID) { contracts(areaId: $a) { totalCount } }', {
    a: areaId,
  })) as { contracts: { totalCount: number } };
  if (contracts.totalCount > 0) return;
  await waitForContractsToKnow(gql, areaId);
  const { draftContract } = (await gql(
    company,
    'mutation($a: ID!, $t: ContractTermsInput!) { draftContract(areaId: $a, terms: $t) { id } }',
    {
      a: areaId,
      t: DEMO_LINJIANG.preliminaryContract,
    },
  )) as { draftContract: { id: string } };
  const { submitFiling } = (await gql(
    company,
    'mutation($c: ID!, $k: Key!, $d: [FilingDocumentInput!]!) { submitFiling(contractId: $c, idempotencyKey: $k, documents: $d) { id } }',
    {
      c: draftContract.id,
      k: 'demo-linjiang-new-estate-preliminary',
      d: DEMO_LINJIANG.documents,
    },
  )) as { submitFiling: { id: string } };
  await gql(DEMO_LINJIANG.enforcementBureau, 'mutation($f: ID!) { acceptFiling(filingId: $f, version: 1) { id } }', {
    f: submitFiling.id,
  });
}

/**
 * 临江市's 小额快裁 referral (DEMO_LINJIANG.referral), after loadLinjiang: company A bills the new estate's last months,
 * sends demand letters for the months then past due, and refers the first accounts, mediation waived, to 临江市人民法院
 * in one batch. Skipped when the company has referred before. Needs the arrears and litigation subgraphs.
 */
export async function loadLinjiangReferral(url: string, tokens: TokenSettings): Promise<void> {
  const gql = gatewayClient(url, tokens);
  const { referral } = DEMO_LINJIANG;
  const [company] = DEMO_LINJIANG.companies;
  const { referrals } = (await gql(company, '{ referrals(first: 1) { totalCount } }')) as {
    referrals: { totalCount: number };
  };
  if (referrals.totalCount > 0) return;
  const areaId = await areaIdOf(gql, DEMO_LINJIANG.newEstate);
  const today = todayInChina();
  const thisMonth = today.slice(0, 7);
  for (let i = referral.months; i >= 1; i--) await billMonth(gql, company, areaId, addMonths(thisMonth, -i));
  const demanded = (await accountsOf(gql, company, areaId)).slice(0, referral.referred);
  await sendDemandLetters(gql, company, demanded, addDays(today, -referral.letterDaysAgo));
  // Litigation learns the claims and their demands from arrears.claims.v1; until it has, the accounts are unknown.
  await untilKnown(/Arrears account .* was not found/, () =>
    gql(company, 'mutation($r: ReferralInput!) { referArrears(referral: $r) { id } }', {
      r: {
        courtId: referral.courtId,
        accountIds: demanded.map((a) => a.accountId),
        evidence: referral.evidence,
        mediationWaivedOn: today,
      },
    }),
  ).catch(unlessHolidaysMissing);
}
