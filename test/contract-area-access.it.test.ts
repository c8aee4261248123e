import { addDays } from '../kernel/calendar';
import { todayInChina } from '../kernel/clock';
import request from 'supertest';
import { Identity } from '../kernel/identity';
import { signIdentityAssertion } from '../platform/auth/tokens';
import { TestHub, identity, startTestHub, testTokens, pinTestToday } from './support/hub-fixture';
import { GUANGWAI_OFFICE, HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';

// Periods counted from today (working days) would run past the holiday data the hub holds (2026-12-24) from
// mid-December 2026: the scenario is pinned to a day it is dated against (README › Tests › Dates).
pinTestToday('2026-12-01');

/**
 * Issue 12 (left open by the edge's audit): `Contract.area` is non-null, so a company's draft in an area it does not
 * serve yet made its whole `contracts` page NOT_FOUND. A company now reads the identifying facts of the areas of its
 * own contracts, drafts included (contracts.contract-areas.v1 → the areas subgraph's grant, domain/access.ts
 * mayReadAreaGranted), and nothing below them; another company gets what it got before.
 */
const companyA = identity('PROPERTY_COMPANY', '91110102MA01AREA01');
const companyB = identity('PROPERTY_COMPANY', '91110102MA01AREA02');
const formerProvider = identity('PROPERTY_COMPANY', '91110102MA01AREA03');
const currentProvider = identity('PROPERTY_COMPANY', '91110102MA01AREA04');
const CONTRACTS = `{ contracts(first: 20) { items { id status area { id name districtCode streetCode } } } }`;
const AREA_BELOW = `query($a: ID!) { area(id: $a) { id name owners { owners households } governanceBodies { id } jointDecisions { id } } }`;
const HOUSEHOLDS = `query($c: ID!) { compound(id: $c) { households(first: 5) { items { id ownerName } } } }`;
const DRAFT = `mutation($a: ID!, $t: ContractTermsInput!) { draftContract(areaId: $a, terms: $t) { id } }`;

describe("a company's contracts always show their area, and no more of it", () => {
  let t: TestHub;
  const { ok, fails } = gqlExpectations(() => t);
  let areaId: string;
  let compoundId: string;
  let contractId: string;

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts'] });
    ({ areaId, compoundId } = await scenario(t).compound(HONGJU, { knownTo: ['contracts'] }));
    // the street office's committee of the area: something below the area a company must not see
    await scenario(t).committee(areaId, HONGJU);
    contractId = (await ok(companyA, DRAFT, { a: areaId, t: hongjuTerms(companyA, '2026-01') })).draftContract.id;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('lists a draft in an area the company does not serve with the area named', async () => {
    // nothing of the area is served by company A: no filing at all
    expect(
      (
        await t.sql<{ n: number }>(`select count(*)::int as n from areas.filing_snapshot where area_id = $1`, [areaId])
      )[0].n,
    ).toBe(0);
    const page = await waitFor('the areas subgraph to learn of the draft', async () => {
      const res = await t.gql(companyA, CONTRACTS);
      return res.body.errors ? undefined : res.body.data.contracts;
    });
    expect(page.items).toEqual([
      {
        id: contractId,
        status: 'DRAFT',
        area: { id: areaId, name: HONGJU, districtCode: '110102', streetCode: expect.stringMatching(/^110102\d{3}$/) },
      },
    ]);
    const contract = await ok(companyA, `query($c: ID!) { contract(id: $c) { area { name } } }`, { c: contractId });
    expect(contract.contract.area.name).toBe(HONGJU);
  });

  it('opens none of the area below its facts: no owners, governance bodies, joint decisions or households', async () => {
    const office = await ok(GUANGWAI_OFFICE, AREA_BELOW, { a: areaId });
    expect(office.area.governanceBodies).toHaveLength(1); // the street office sees what the company must not
    expect(office.area.owners).not.toBeNull();
    const asCompany = await ok(companyA, AREA_BELOW, { a: areaId });
    expect(asCompany.area).toEqual({
      id: areaId,
      name: HONGJU,
      owners: null,
      governanceBodies: [],
      jointDecisions: [],
    });
    expect((await fails(companyA, HOUSEHOLDS, { c: compoundId })).extensions.code).toBe('NOT_FOUND');
  });

  it('opens the households to the company serving the area while its contract runs, and not once it has ended', async () => {
    // A contract that ended yesterday (the filing stays ACCEPTED: reaching the end date changes no status) and the
    // next provider's, from today. Before, the former provider read the area's register for good.
    const today = todayInChina();
    const ended = hongjuTerms(formerProvider, '2023-01', { number: 'HJ6-PAST-01', endsOn: addDays(today, -1) });
    await scenario(t).acceptedFiling(formerProvider, areaId, ended, { knownTo: ['areas'] });
    const next = hongjuTerms(currentProvider, today.slice(0, 7), { number: 'HJ6-NEXT-01', startsOn: today });
    await scenario(t).acceptedFiling(currentProvider, areaId, next, { knownTo: ['areas'] });
    const householdId = (await ok(GUANGWAI_OFFICE, HOUSEHOLDS, { c: compoundId })).compound.households.items[0].id;
    // What another subgraph does for a company's `household` (an arrears account's, say): `_entities` on the areas
    // subgraph with the company's identity.
    const household = async (company: Identity) =>
      (
        await request(t.hub.subgraphs.areas!.url.replace(/\/graphql$/, ''))
          .post('/graphql')
          .set({
            'content-type': 'application/json',
            'x-hub-identity': await signIdentityAssertion(company, testTokens),
          })
          .send({
            query: `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Household { id unit } } }`,
            variables: { reps: [{ __typename: 'Household', id: householdId }] },
          })
      ).body.data._entities;
    expect(await household(currentProvider)).toEqual([{ id: householdId, unit: expect.any(String) }]);
    expect(await household(formerProvider)).toEqual([null]);
    // the area's identifying facts stay readable through its own contract, as for a draft
    expect((await ok(formerProvider, AREA_BELOW, { a: areaId })).area).toMatchObject({ name: HONGJU, owners: null });
  });

  it('gives another company what it got before: not the draft, not the area, not its households', async () => {
    expect((await ok(companyB, CONTRACTS)).contracts.items).toEqual([]);
    expect(
      (await fails(companyB, `query($c: ID!) { contract(id: $c) { id } }`, { c: contractId })).extensions.code,
    ).toBe('NOT_FOUND');
    expect((await fails(companyB, AREA_BELOW, { a: areaId })).extensions.code).toBe('NOT_FOUND');
    expect((await fails(companyB, HOUSEHOLDS, { c: compoundId })).extensions.code).toBe('NOT_FOUND');
  });
  it('discards a draft entered by mistake, by the company alone: its deadline is cancelled and its area read no more', async () => {
    const DISCARD = `mutation($c: ID!) { discardContractDraft(contractId: $c) { id status } }`;
    const mistaken = (
      await ok(companyB, DRAFT, { a: areaId, t: hongjuTerms(companyB, '2026-02', { number: 'HJ6-OOPS' }) })
    ).draftContract.id;
    await waitFor('the draft to give company B the area', async () =>
      (await t.gql(companyB, AREA_BELOW, { a: areaId })).body.errors ? undefined : true,
    );
    expect((await fails(companyA, DISCARD, { c: mistaken })).extensions.code).toBe('NOT_FOUND');
    expect((await fails(GUANGWAI_OFFICE, DISCARD, { c: mistaken })).extensions.code).toBe('FORBIDDEN');
    // Before, a draft could not be removed: its filing deadline stayed in the register and was shown missed.
    expect((await ok(companyB, DISCARD, { c: mistaken })).discardContractDraft).toEqual({
      id: mistaken,
      status: 'DISCARDED',
    });
    expect((await ok(companyB, DISCARD, { c: mistaken })).discardContractDraft.status).toBe('DISCARDED');
    const UPDATE = `mutation($c: ID!, $t: ContractTermsInput!) { updateContractDraft(contractId: $c, terms: $t) { id } }`;
    expect(
      (await fails(companyB, UPDATE, { c: mistaken, t: hongjuTerms(companyB, '2026-02') })).extensions,
    ).toMatchObject({ code: 'CONTRACT_DISCARDED', details: { status: 'DISCARDED' } });
    // Nor does it take documents any more: it can never be filed.
    const UPLOAD = `mutation($d: FilingDocumentUploadInput!) { uploadFilingDocument(document: $d) { id } }`;
    const pdf = Buffer.from('%PDF-1.7\n% 合同文本\n%%EOF\n').toString('base64');
    expect(
      (
        await fails(companyB, UPLOAD, {
          d: { contractId: mistaken, name: '合同.pdf', type: 'CONTRACT_TEXT', contentBase64: pdf },
        })
      ).extensions.code,
    ).toBe('CONTRACT_DISCARDED');
    const [deadline] = await t.sql<{ payload: { cancelled: boolean } }>(
      `select payload from contracts.outbox where event_type = 'hub.contracts.deadline.changed' and payload->>'subjectId' = $1
        order by id desc limit 1`,
      [mistaken],
    );
    expect(deadline?.payload.cancelled).toBe(true);
    await waitFor('the areas subgraph to forget the discarded draft', async () =>
      (await t.gql(companyB, AREA_BELOW, { a: areaId })).body.errors?.[0]?.extensions?.code === 'NOT_FOUND'
        ? true
        : undefined,
    );
  });
});
