import { randomUUID } from 'node:crypto';
import { pinHubToday } from '../kernel/clock';
import { TestHub, identity, pinTestToday, startTestHub } from './support/hub-fixture';
import {
  HONGJU,
  YANGGUANG_FEE_SCHEDULE,
  demoCompound,
  gqlExpectations,
  hongjuTerms,
  scenario,
} from './support/scenario';
import { waitFor } from './support/wait-for';

// Pinned: the contracts are dated against these days (README › Tests › Dates); each test moves today on.
pinTestToday('2026-12-01');

/**
 * Civil Code art. 948: a provider that goes on serving after its contract's term, with no renewal or other provider
 * decided by the owners, does so under the same contract for an unfixed term. The company records it
 * (recordContinuedService); the filing's event carries it to arrears' filing snapshot, which then bills the months past
 * the term until the area's next contract starts or a termination given with 60 days' notice ends it. Before, a
 * month past `endsOn` was NO_CONTRACT_IN_FORCE whatever the company did.
 */
const provider = identity('PROPERTY_COMPANY', '91110102MA01CONT01');
const successor = identity('PROPERTY_COMPANY', '91110102MA01CONT02');
const dismissed = identity('PROPERTY_COMPANY', '91110102MA01CONT03');
const developersProvider = identity('PROPERTY_COMPANY', '91110102MA01CONT04');
const YANGGUANG = '阳光丽景';

const CONTINUE = `mutation($c: ID!) { recordContinuedService(contractId: $c) { id status endsOn continuedFrom filings { status continuedFrom } } }`;
const SUBMIT = `mutation($c: ID!, $k: Key!, $d: [FilingDocumentInput!]!) { submitFiling(contractId: $c, idempotencyKey: $k, documents: $d) { id } }`;
const CERTIFICATE = `query($f: ID!) { filingCertificate(filingId: $f) { recordNumber contentSha256 } }`;
const VERIFY = `query($r: Key!, $d: Key!) { verifyFilingCertificate(recordNumber: $r, digest: $d) { result since endsOn } }`;
const BILL = `mutation($a: ID!, $m: Key!) { runBilling(areaId: $a, month: $m) { filingId servedDays monthDays households } }`;
const TERMINATE = `mutation($c: ID!, $on: LocalDate!, $notice: LocalDate) {
  terminateContract(contractId: $c, terminatedOn: $on, handoverOn: $on, reason: "业主大会解聘，提前60日书面通知", noticeGivenOn: $notice) { status terminatedOn continuedFrom } }`;

describe('a contract continuing after its term (Civil Code art. 948)', () => {
  let t: TestHub;
  const { ok, fails } = gqlExpectations(() => t);
  let hongju: string;
  let contract: { contractId: string; filingId: string };

  const snapshotContinuedFrom = (schema: string, filingId: string) =>
    waitFor(`${schema} to hold the continuation of ${filingId}`, async () => {
      const [row] = await t.sql<{ continued_from: string | null }>(
        `select continued_from::text from ${schema}.filing_snapshot where filing_id = $1`,
        [filingId],
      );
      return row?.continued_from ?? undefined;
    });

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears'] });
    ({ areaId: hongju } = await scenario(t).compound(HONGJU, { knownTo: ['contracts', 'arrears'] }));
    // 2024–2026, its term ending on 31 December 2026
    contract = await scenario(t).acceptedFiling(
      provider,
      hongju,
      hongjuTerms(provider, '2024-01', { number: 'HJ6-CONT-01', endsOn: '2026-12-31' }),
      { knownTo: ['arrears', 'areas'] },
    );
  });
  afterAll(async () => {
    pinHubToday('2026-12-01');
    await t?.stop();
  });

  it('bills a month past the term only once the company records that it goes on serving', async () => {
    // Not before 90 days ahead of the term's end (art. 947 para. 2): 2 October 2026 is the first day.
    pinHubToday('2026-10-01');
    const early = await fails(provider, CONTINUE, { c: contract.contractId });
    expect(early.extensions.code).toBe('CONTINUATION_TOO_EARLY');
    expect(early.extensions.details).toMatchObject({ recordableFrom: '2026-10-02' });

    pinHubToday('2027-02-05');
    const refused = await fails(provider, BILL, { a: hongju, m: '2027-01' });
    expect(refused.extensions.code).toBe('NO_CONTRACT_IN_FORCE');
    // Its certificate verifies EXPIRED from the day after the term (before, VALID for good), VALID once continued.
    const { recordNumber, contentSha256 } = (await ok(provider, CERTIFICATE, { f: contract.filingId }))
      .filingCertificate;
    const verified = async () =>
      (await ok(undefined, VERIFY, { r: recordNumber, d: contentSha256 })).verifyFilingCertificate;
    expect(await verified()).toEqual({ result: 'EXPIRED', since: '2026-12-31', endsOn: '2026-12-31' });

    // another company cannot record it: the contract is not its own
    expect((await fails(successor, CONTINUE, { c: contract.contractId })).extensions.code).toBe('NOT_FOUND');

    const recorded = (await ok(provider, CONTINUE, { c: contract.contractId })).recordContinuedService;
    expect(recorded).toMatchObject({
      status: 'ACCEPTED',
      endsOn: '2026-12-31',
      continuedFrom: '2027-01-01',
      filings: [{ status: 'ACCEPTED', continuedFrom: '2027-01-01' }],
    });
    // recorded twice, the same answer and no second event
    expect((await ok(provider, CONTINUE, { c: contract.contractId })).recordContinuedService).toEqual(recorded);
    const [{ n: events }] = await t.sql<{ n: number }>(
      `select count(*)::int as n from contracts.filing_transition where filing_id = $1 and action = 'CONTINUE'`,
      [contract.filingId],
    );
    expect(events).toBe(1);

    // The continuation arrives in the other subgraphs' snapshots: arrears bills January, areas holds it.
    expect(await snapshotContinuedFrom('arrears', contract.filingId)).toBe('2027-01-01');
    expect(await snapshotContinuedFrom('areas', contract.filingId)).toBe('2027-01-01');
    const january = (await ok(provider, BILL, { a: hongju, m: '2027-01' })).runBilling;
    expect(january).toMatchObject({ filingId: contract.filingId, servedDays: 31, monthDays: 31, households: 72 });
    expect(await verified()).toEqual({ result: 'VALID', since: null, endsOn: '2026-12-31' });
  });

  it("publishes the provider as serving past its term (the publicity's contractsServingOn)", async () => {
    pinHubToday('2027-02-05');
    // Recorded here too (it answers the same when recorded before), so this test runs alone.
    await ok(provider, CONTINUE, { c: contract.contractId });
    const PUBLIC = `query($n: Name!) { publicServiceStandards(compoundName: $n) { asOf providerName serviceStartsOn serviceEndsOn unfixedTerm continuedFrom } }`;
    const [shown] = (await ok(undefined, PUBLIC, { n: HONGJU })).publicServiceStandards;
    // 不定期 (art. 948): no end is known yet, so none is shown; before, its term's 31 December 2026, as if ended.
    expect(shown).toEqual({
      asOf: '2027-02-05',
      providerName: '北京红居物业服务有限公司',
      serviceStartsOn: '2024-01-01',
      serviceEndsOn: null,
      unfixedTerm: true,
      continuedFrom: '2027-01-01',
    });
  });

  it("ends the continuation the day before the area's next contract starts", async () => {
    pinHubToday('2027-02-05');
    await ok(provider, CONTINUE, { c: contract.contractId });
    await snapshotContinuedFrom('arrears', contract.filingId);
    // The owners hire another provider from 16 March 2027: it is no successor in force on 1 January, and it ends the
    // continuation on 15 March.
    const next = await scenario(t).acceptedFiling(
      successor,
      hongju,
      hongjuTerms(successor, '2027-03', { number: 'HJ6-CONT-02', signedOn: '2027-02-01', startsOn: '2027-03-16' }),
      { knownTo: ['arrears'] },
    );
    pinHubToday('2027-04-05');
    const march = (await ok(provider, BILL, { a: hongju, m: '2027-03' })).runBilling;
    expect(march).toMatchObject({ filingId: contract.filingId, servedDays: 15, monthDays: 31 });
    const april = await fails(provider, BILL, { a: hongju, m: '2027-04' });
    expect(april.extensions.code).toBe('NO_CONTRACT_IN_FORCE');
    const theirs = (await ok(successor, BILL, { a: hongju, m: '2027-03' })).runBilling;
    expect(theirs).toMatchObject({ filingId: next.filingId, servedDays: 16 });
  });

  it('refuses to continue a contract whose successor, signed or accepted, takes over the day after its term', async () => {
    pinHubToday('2026-12-01');
    // 润枫欣尚, a bare area: the owners renewed with another provider from 1 January 2027.
    const area = await scenario(t).area('润枫欣尚');
    const ending = await scenario(t).acceptedFiling(
      provider,
      area,
      hongjuTerms(provider, '2024-01', { number: 'RFXS-CONT-01', endsOn: '2026-12-31' }),
    );
    const next = await scenario(t).acceptedFiling(
      successor,
      area,
      hongjuTerms(successor, '2027-01', { number: 'RFXS-CONT-02', signedOn: '2026-11-25' }),
    );
    const refused = await fails(provider, CONTINUE, { c: ending.contractId });
    expect(refused.extensions.code).toBe('SUCCESSOR_IN_FORCE');
    // The successor is another company's: counted, its id not told (helper-251; before, it was named).
    expect(refused.extensions.details).toEqual({
      continuedFrom: '2027-01-01',
      successorContractIds: [],
      otherProvidersContracts: 1,
    });
    expect(JSON.stringify(refused)).not.toContain(next.contractId);
  });

  it("refuses to continue a contract when the owners' new contract is signed and filed, not yet accepted", async () => {
    pinHubToday('2026-12-01');
    // 广安门北街20号院, a bare area: 2024-01-01 to 2026-12-31.
    const area = await scenario(t).area('广安门北街20号院');
    const ending = await scenario(t).acceptedFiling(
      provider,
      area,
      hongjuTerms(provider, '2024-01', { number: 'GAM-CONT-01', endsOn: '2026-12-31' }),
    );
    // The owners hired another provider from 1 January 2027 (to 2029-12-31): signed on 25 November, its filing under
    // review. Civil Code art. 948 continues the old contract only where "业主没有依法作出续聘或者另聘物业服务人的决定".
    const next = await scenario(t).draftContract(
      successor,
      area,
      hongjuTerms(successor, '2027-01', { number: 'GAM-CONT-02', signedOn: '2026-11-25' }),
    );
    await ok(successor, SUBMIT, {
      c: next,
      k: randomUUID(),
      d: [{ name: '物业服务合同.pdf', type: 'CONTRACT_TEXT', sizeBytes: 1000, sha256: 'c'.repeat(64) }],
    });
    const refused = await fails(provider, CONTINUE, { c: ending.contractId });
    expect(refused.extensions.code).toBe('SUCCESSOR_IN_FORCE');
    // Another company's contract: counted, its id not told.
    expect(refused.extensions.details).toEqual({
      continuedFrom: '2027-01-01',
      successorContractIds: [],
      otherProvidersContracts: 1,
    });
    expect(JSON.stringify(refused)).not.toContain(next);
  });

  it("refuses a developer's preliminary contract starting while the owners' contract continues (arts. 940, 948)", async () => {
    pinHubToday('2026-12-01');
    // 学院南路32号院, a bare area: the owners' contract 2024-01-01 to 2026-12-31, continued from 2027-01-01.
    const area = await scenario(t).area('学院南路32号院');
    const owners = await scenario(t).acceptedFiling(
      provider,
      area,
      hongjuTerms(provider, '2024-01', { number: 'XYNL-CONT-01', endsOn: '2026-12-31' }),
    );
    await ok(provider, CONTINUE, { c: owners.contractId });
    pinHubToday('2027-02-20');
    // A developer's preliminary contract from 1 March 2027 to 31 December 2028, signed on 20 February 2027.
    const preliminary = await scenario(t).draftContract(
      developersProvider,
      area,
      hongjuTerms(developersProvider, '2027-03', {
        kind: 'PRELIMINARY',
        number: 'XYNL-CONT-P',
        title: '学院南路32号院前期物业服务合同',
        ownersSide: { kind: 'DEVELOPER', name: '某开发商' },
        signedOn: '2027-02-20',
        startsOn: '2027-03-01',
        endsOn: '2028-12-31',
        parties: [
          {
            role: 'PROVIDER',
            name: '北京学院前期物业有限公司',
            registration: developersProvider.organisationId,
            signatory: '王经理',
          },
          { role: 'DEVELOPER', name: '某开发商', signatory: '周总' },
        ],
      }),
    );
    const refused = await fails(developersProvider, SUBMIT, {
      c: preliminary,
      k: randomUUID(),
      d: [{ name: '前期物业服务合同.pdf', type: 'CONTRACT_TEXT', sizeBytes: 1000, sha256: 'd'.repeat(64) }],
    });
    expect(refused.extensions.details).toMatchObject({
      problems: [
        {
          code: 'PRELIMINARY_DURING_REGULAR_CONTRACT',
          field: 'startsOn',
          // the owners' contract is another provider's: counted, not named
          details: { conflictingContractIds: [], otherProvidersContracts: 1 },
        },
      ],
    });
    // The owners' provider still serves on 15 March: only the owners' decision or 60 days' notice ends it (art. 948).
    pinHubToday('2027-03-15');
    const PUBLIC = `query($n: Name!) { publicServiceStandards(compoundName: $n) { providerName } }`;
    const [shown] = (await ok(undefined, PUBLIC, { n: '学院南路32号院' })).publicServiceStandards;
    expect(shown.providerName).toBe('北京红居物业服务有限公司');
  });

  it("supersedes a developer's preliminary contract accepted before the owners' contract's continuation (arts. 940, 948)", async () => {
    pinHubToday('2026-12-01');
    // 学院南路32号院二期, a bare area of 学院南路32号院's street: the owners' contract 2024-01-01 to 2026-12-31.
    const name = '学院南路32号院二期';
    const { street } = demoCompound('学院南路32号院');
    const area = (
      await ok(street.office, 'mutation($i: RegisterAreaInput!) { registerArea(input: $i) { id } }', {
        i: { name, districtCode: street.districtCode, streetCode: street.streetCode },
      })
    ).registerArea.id as string;
    const owners = await scenario(t).acceptedFiling(
      provider,
      area,
      hongjuTerms(provider, '2024-01', { number: 'XYNL2-CONT-01', endsOn: '2026-12-31' }),
      { knownTo: ['areas'] },
    );
    // A developer's preliminary contract from 1 March 2027 to 31 December 2028, after the owners' term: filed and
    // accepted before the continuation is recorded.
    const preliminary = await scenario(t).acceptedFiling(
      developersProvider,
      area,
      hongjuTerms(developersProvider, '2027-03', {
        kind: 'PRELIMINARY',
        number: 'XYNL2-CONT-P',
        title: '学院南路32号院二期前期物业服务合同',
        ownersSide: { kind: 'DEVELOPER', name: '某开发商' },
        signedOn: '2026-11-20',
        startsOn: '2027-03-01',
        endsOn: '2028-12-31',
        parties: [
          {
            role: 'PROVIDER',
            name: '北京学院前期物业有限公司',
            registration: developersProvider.organisationId,
            signatory: '王经理',
          },
          { role: 'DEVELOPER', name: '某开发商', signatory: '周总' },
        ],
      }),
      { knownTo: ['areas'] },
    );
    // The owners' contract continues from 1 January 2027 (no decision of the owners; the developer's is none).
    expect((await ok(provider, CONTINUE, { c: owners.contractId })).recordContinuedService).toMatchObject({
      continuedFrom: '2027-01-01',
    });
    // Art. 940: in force over the preliminary contract's term, the owners' contract ends it at once, as it would one
    // accepted after the continuation. Before, both stayed ACCEPTED, and both served from 1 March.
    const [ended] = await t.sql<{ status: string; filing_status: string; superseded_by: string | null }>(
      `select c.status, f.status as filing_status, f.superseded_by_filing_id::text as superseded_by
         from contracts.contract c join contracts.filing f on f.contract_id = c.id where c.id = $1`,
      [preliminary.contractId],
    );
    expect(ended).toEqual({ status: 'SUPERSEDED', filing_status: 'SUPERSEDED', superseded_by: owners.filingId });
    const [{ n: superseded }] = await t.sql<{ n: number }>(
      `select count(*)::int as n from contracts.filing_transition where filing_id = $1 and action = 'SUPERSEDE'`,
      [preliminary.filingId],
    );
    expect(superseded).toBe(1);
    // The feed carries it: the areas' snapshot holds it SUPERSEDED, and the publicity shows the owners' provider alone.
    await waitFor(
      'areas to hold the preliminary contract superseded',
      async () =>
        (
          await t.sql<{ n: number }>(
            `select count(*)::int as n from areas.filing_snapshot where filing_id = $1 and status = 'SUPERSEDED'`,
            [preliminary.filingId],
          )
        )[0].n === 1 || undefined,
    );
    pinHubToday('2027-03-15');
    const PUBLIC = `query($n: Name!) { publicServiceStandards(compoundName: $n) { providerName unfixedTerm } }`;
    expect((await ok(undefined, PUBLIC, { n: name })).publicServiceStandards).toEqual([
      { providerName: '北京红居物业服务有限公司', unfixedTerm: true },
    ]);
  });

  it("ends a continued contract past its term with 60 days' written notice, and billing with it", async () => {
    pinHubToday('2026-12-01');
    const { areaId: yangguang } = await scenario(t).compound(YANGGUANG, { knownTo: ['contracts', 'arrears'] });
    // 2024-02-01 to 2027-01-31
    const filed = await scenario(t).acceptedFiling(
      dismissed,
      yangguang,
      hongjuTerms(dismissed, '2024-02', {
        number: 'YGLJ-CONT-01',
        title: '阳光丽景物业服务合同',
        endsOn: '2027-01-31',
        feeSchedule: YANGGUANG_FEE_SCHEDULE,
      }),
      { knownTo: ['arrears'] },
    );
    // Without the continuation, no termination past the term, as before.
    const past = await fails(dismissed, TERMINATE, { c: filed.contractId, on: '2027-02-15' });
    expect(past.extensions.code).toBe('BAD_USER_INPUT');
    expect(past.extensions.details).toMatchObject({ fields: { terminatedOn: 'on or before 2027-01-31' } });

    await ok(dismissed, CONTINUE, { c: filed.contractId });
    pinHubToday('2027-01-20');
    // Recorded on 20 January, 15 February gives 26 days' notice, not 60.
    const short = await fails(dismissed, TERMINATE, { c: filed.contractId, on: '2027-02-15' });
    expect(short.extensions.code).toBe('TERMINATION_NOTICE_TOO_SHORT');
    expect(short.extensions.details).toMatchObject({ earliestTerminatedOn: '2027-03-21' });
    // The written notice was given on 10 December 2026: 60 days run to 8 February.
    const ended = (await ok(dismissed, TERMINATE, { c: filed.contractId, on: '2027-02-15', notice: '2026-12-10' }))
      .terminateContract;
    expect(ended).toEqual({ status: 'TERMINATED', terminatedOn: '2027-02-15', continuedFrom: '2027-02-01' });
    await waitFor(
      'arrears to hold the termination',
      async () =>
        (
          await t.sql<{ n: number }>(
            `select count(*)::int as n from arrears.filing_snapshot where filing_id = $1 and status = 'TERMINATED'`,
            [filed.filingId],
          )
        )[0].n === 1 || undefined,
    );

    pinHubToday('2027-03-05');
    const february = (await ok(dismissed, BILL, { a: yangguang, m: '2027-02' })).runBilling;
    expect(february).toMatchObject({ filingId: filed.filingId, servedDays: 15, monthDays: 28 });
    const march = await fails(dismissed, BILL, { a: yangguang, m: '2027-03' });
    expect(march.extensions.code).toBe('NO_CONTRACT_IN_FORCE');
  });
});
