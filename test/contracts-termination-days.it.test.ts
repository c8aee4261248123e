import { randomUUID } from 'node:crypto';
import { pinHubToday } from '../kernel/clock';
import { TestHub, identity, pinTestToday, startTestHub } from './support/hub-fixture';
import { HONGJU, YANGGUANG_FEE_SCHEDULE, gqlExpectations, hongjuTerms, scenario } from './support/scenario';

// Pinned: the contracts are dated against these days (README › Tests › Dates); each test moves today on.
pinTestToday('2026-12-01');

/**
 * The days a termination states besides its own. `noticeGivenOn`: the written notice that lets a contract continuing
 * for an unfixed term end past it (Civil Code art. 948 para. 2: 当事人可以随时解除不定期物业服务合同，但是应当提前六十日
 * 书面通知对方); before, any day was taken, and a notice "given" on 1 January 1990 ended such a contract the day after
 * its termination was recorded. `handoverOn`: before, any day from the termination on, to the LocalDate scalar's fifty
 * years ahead; now within a year of it (an input bound: Beijing art. 76's thirty days run from the owners' dismissal
 * notice, which the hub does not record, and a late handover is a breach to record, art. 949 para. 2, not to refuse).
 */
const provider = identity('PROPERTY_COMPANY', '91110102MA01TDAY01');
const YANGGUANG = '阳光丽景';
const GUANGANMEN = '广安门北街20号院';
const xichengBureau = identity('CITY_BUREAU', 'bureau-xicheng', ['110102']);

const AMEND = `mutation($c: ID!, $k: Key!, $on: LocalDate!, $t: ContractTermsInput!, $d: [FilingDocumentInput!]!) {
  amendContract(contractId: $c, idempotencyKey: $k, amendedOn: $on, terms: $t, documents: $d) { id } }`;
const ACCEPT = `mutation($f: ID!) { acceptFiling(filingId: $f, version: 1) { status } }`;

const CONTINUE = `mutation($c: ID!) { recordContinuedService(contractId: $c) { continuedFrom } }`;
const TERMINATE = `mutation($c: ID!, $on: LocalDate!, $handover: LocalDate!, $notice: LocalDate) {
  terminateContract(contractId: $c, terminatedOn: $on, handoverOn: $handover, reason: "业主大会解聘", noticeGivenOn: $notice) {
    status terminatedOn handoverOn } }`;

describe('the days a termination states', () => {
  let t: TestHub;
  const { ok, fails } = gqlExpectations(() => t);

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts'] });
  });
  afterAll(async () => {
    pinHubToday('2026-12-01');
    await t?.stop();
  });

  it('refuses a written notice given before the contract was signed', async () => {
    pinHubToday('2026-12-01');
    const { areaId } = await scenario(t).compound(HONGJU, { knownTo: ['contracts'] });
    // Signed 2023-12-22, 2024–2026, its term ending on 31 December 2026; it goes on serving from 1 January 2027.
    const { contractId } = await scenario(t).acceptedFiling(
      provider,
      areaId,
      hongjuTerms(provider, '2024-01', { number: 'HJ6-TDAY-01', endsOn: '2026-12-31' }),
    );
    await ok(provider, CONTINUE, { c: contractId });
    pinHubToday('2027-01-05');
    const refused = await fails(provider, TERMINATE, {
      c: contractId,
      on: '2027-01-06',
      handover: '2027-01-06',
      notice: '1990-01-01',
    });
    expect(refused.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { noticeGivenOn: 'on or after 2023-12-22, the day the contract was signed' } },
    });
    // A notice given on 1 November 2026 runs its sixty days to 31 December: the contract ends on 6 January.
    const ended = await ok(provider, TERMINATE, {
      c: contractId,
      on: '2027-01-06',
      handover: '2027-01-06',
      notice: '2026-11-01',
    });
    expect(ended.terminateContract).toEqual({
      status: 'TERMINATED',
      terminatedOn: '2027-01-06',
      handoverOn: '2027-01-06',
    });
  });

  it('takes a handover day within a year of the termination', async () => {
    pinHubToday('2026-12-01');
    const { areaId } = await scenario(t).compound(YANGGUANG, { knownTo: ['contracts'] });
    const { contractId } = await scenario(t).acceptedFiling(
      provider,
      areaId,
      hongjuTerms(provider, '2026-01', {
        number: 'YGLJ-TDAY-02',
        title: '阳光丽景物业服务合同',
        endsOn: '2028-12-31',
        feeSchedule: YANGGUANG_FEE_SCHEDULE,
      }),
    );
    const refused = await fails(provider, TERMINATE, { c: contractId, on: '2026-12-31', handover: '2060-12-31' });
    expect(refused.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { handoverOn: expect.stringMatching(/^on or before 2027-12-31/) } },
    });
    const ended = await ok(provider, TERMINATE, { c: contractId, on: '2026-12-31', handover: '2027-01-30' });
    expect(ended.terminateContract).toEqual({
      status: 'TERMINATED',
      terminatedOn: '2026-12-31',
      handoverOn: '2027-01-30',
    });
  });

  it('takes a notice given under the contract as first signed once an amendment states a later signing day', async () => {
    pinHubToday('2026-12-01');
    const { areaId } = await scenario(t).compound(GUANGANMEN, { knownTo: ['contracts'] });
    const fees = {
      classes: ['LOW_RISE', 'HIGH_RISE'].map((buildingClass) => ({
        buildingClass,
        assessedRateFenPerM2Month: 150,
        ownerRateFenPerM2Month: 150,
        subsidies: [],
      })),
    };
    // Signed 2025-12-22 as first filed and accepted, serving from 1 January 2026.
    const terms = hongjuTerms(provider, '2026-01', {
      number: 'GAM-TDAY-03',
      title: '广安门北街20号院物业服务合同',
      endsOn: '2028-12-31',
      feeSchedule: fees,
    });
    const { contractId } = await scenario(t).acceptedFiling(provider, areaId, terms);
    // An amendment, accepted, whose terms state the contract signed on 2025-12-31 (nothing keeps the day).
    const { amendContract } = await ok(provider, AMEND, {
      c: contractId,
      k: randomUUID(),
      on: '2026-12-01',
      t: { ...terms, number: 'GAM-TDAY-03A', signedOn: '2025-12-31' },
      d: [{ name: '补充协议.pdf', type: 'CONTRACT_TEXT', sizeBytes: 1000, sha256: 'd'.repeat(64) }],
    });
    expect((await ok(xichengBureau, ACCEPT, { f: amendContract.id })).acceptFiling.status).toBe('ACCEPTED');

    // A notice given on 2025-12-25 was given under the contract signed and filed on 2025-12-22: before, it was refused
    // as given before the contract was signed ("on or after 2025-12-31"), the amended terms alone being read.
    const before = await fails(provider, TERMINATE, {
      c: contractId,
      on: '2026-12-31',
      handover: '2026-12-31',
      notice: '2025-12-21',
    });
    expect(before.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { noticeGivenOn: 'on or after 2025-12-22, the day the contract was signed' } },
    });
    const ended = await ok(provider, TERMINATE, {
      c: contractId,
      on: '2026-12-31',
      handover: '2026-12-31',
      notice: '2025-12-25',
    });
    expect(ended.terminateContract).toEqual({
      status: 'TERMINATED',
      terminatedOn: '2026-12-31',
      handoverOn: '2026-12-31',
    });
  });
});
