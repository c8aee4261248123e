import { addDays } from '../kernel/calendar';
import { todayInChina } from '../kernel/clock';
import request from 'supertest';
import { Identity } from '../kernel/identity';
import { DEMO_STREETS } from '../hub/demo/demo-data';
import { signIdentityAssertion } from '../platform/auth/tokens';
import { TestHub, identity, startTestHub, testTokens, pinTestToday } from './support/hub-fixture';
import {
  GUANGWAI_OFFICE,
  HONGJU,
  TERMINATE_ON_30_APRIL_2027,
  gqlExpectations,
  hongjuTerms,
  scenario,
  yangguangHandover,
} from './support/scenario';
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
const preliminaryProvider = identity('PROPERTY_COMPANY', '91110102MA01AREA05');
const ownersProvider = identity('PROPERTY_COMPANY', '91110102MA01AREA06');
const DESHENG_OFFICE = DEMO_STREETS.find((s) => s.streetCode === '110102011')!.office;
const YANGGUANG = '阳光丽景';
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

  // What another subgraph does for a company's `household` (an arrears account's, say): `_entities` on the areas
  // subgraph with the company's identity.
  const householdAs = async (company: Identity, householdId: string) =>
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
    const household = (company: Identity) => householdAs(company, householdId);
    expect(await household(currentProvider)).toEqual([{ id: householdId, unit: expect.any(String) }]);
    expect(await household(formerProvider)).toEqual([null]);
    // the area's identifying facts stay readable through its own contract, as for a draft
    expect((await ok(formerProvider, AREA_BELOW, { a: areaId })).area).toMatchObject({ name: HONGJU, owners: null });
  });

  describe("阳光丽景's handover", () => {
    // 阳光丽景 (德胜街道), no contract in the demo data: a preliminary provider, then the owners' regular one, judged by
    // the days they serve (servesOnSql), not by the status recorded with the act.
    const yangguang = { areaId: '', householdId: '', regularContractId: '', regularFilingId: '' };
    const snapshotStatus = (filingId: string, status: string) =>
      waitFor(`the areas subgraph to hold filing ${filingId} ${status}`, async () =>
        (
          await t.sql<{ n: number }>(
            `select count(*)::int as n from areas.filing_snapshot where filing_id = $1 and status = $2`,
            [filingId, status],
          )
        )[0].n === 1
          ? true
          : undefined,
      );
    const COVERAGE = `{ coverage(divisionCode: "110102011") { withFiledProvider { areas { id } } } }`;
    /** Who reads a household of 阳光丽景 on `day`, and whether the area counts as served by a provider that day. */
    const yangguangAsOf = async (day: string) => {
      pinTestToday(day);
      const reads = async (company: Identity) =>
        (await householdAs(company, yangguang.householdId))[0] ? 'READS' : 'NOT_FOUND';
      return {
        day,
        preliminary: await reads(preliminaryProvider),
        regular: await reads(ownersProvider),
        served: (await ok(DESHENG_OFFICE, COVERAGE)).coverage.withFiledProvider.areas.some(
          (a: { id: string }) => a.id === yangguang.areaId,
        ),
      };
    };

    // The developer's provider serves from 29 November 2026; the owners' regular contract, accepted today (1 December
    // 2026), takes effect on 30 January 2027 and ends the preliminary one then (Civil Code art. 940), not at its
    // acceptance, when the preliminary filing is recorded SUPERSEDED (scenario.ts yangguangHandover).
    beforeAll(async () => {
      const given = scenario(t);
      const { areaId: area, compoundId: compound } = await given.compound(YANGGUANG, { knownTo: ['contracts'] });
      const { preliminary, regular } = await yangguangHandover(
        given,
        area,
        { preliminary: preliminaryProvider, owners: ownersProvider },
        { suffix: '01', knownTo: ['areas'] },
      );
      await snapshotStatus(preliminary.filingId, 'SUPERSEDED');
      Object.assign(yangguang, {
        areaId: area,
        householdId: (await ok(DESHENG_OFFICE, HOUSEHOLDS, { c: compound })).compound.households.items[0].id,
        regularContractId: regular.contractId,
        regularFilingId: regular.filingId,
      });
    });

    it("keeps the register open to a preliminary provider until the owners' regular contract starts, not from its acceptance", async () => {
      // Before, the preliminary provider lost the register it still served from the regular contract's acceptance on,
      // and the area counted as served by no one.
      try {
        // Both read from the regular contract's acceptance: the preliminary provider serves, the next one prepares.
        for (const day of ['2026-12-01', '2027-01-29'])
          expect(await yangguangAsOf(day)).toEqual({ day, preliminary: 'READS', regular: 'READS', served: true });
        expect(await yangguangAsOf('2027-01-30')).toEqual({
          day: '2027-01-30',
          preliminary: 'NOT_FOUND',
          regular: 'READS',
          served: true,
        });
      } finally {
        pinTestToday('2026-12-01');
      }
    });

    it('keeps the register open to a company whose termination is recorded ahead through its last day served, not after', async () => {
      // The owners dismiss their provider with 60 days' notice (Civil Code arts. 946, 948): recorded on 1 March 2027
      // (TERMINATED at once), the contract serves to 30 April. Before, the company lost the register on 1 March.
      try {
        pinTestToday('2027-03-01');
        const terminated = await t.gql(ownersProvider, TERMINATE_ON_30_APRIL_2027, { c: yangguang.regularContractId });
        expect(terminated.body.data.terminateContract).toEqual({ status: 'TERMINATED', terminatedOn: '2027-04-30' });
        await snapshotStatus(yangguang.regularFilingId, 'TERMINATED');
        for (const day of ['2027-03-01', '2027-04-30'])
          expect(await yangguangAsOf(day)).toEqual({ day, preliminary: 'NOT_FOUND', regular: 'READS', served: true });
        expect(await yangguangAsOf('2027-05-01')).toEqual({
          day: '2027-05-01',
          preliminary: 'NOT_FOUND',
          regular: 'NOT_FOUND',
          served: false,
        });
      } finally {
        pinTestToday('2026-12-01');
      }
    });
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
