import { randomUUID } from 'node:crypto';
import { ACCEPT, AMEND, AMENDMENT_TEXT, CONTRACT, amendmentHub } from './support/contract-amendment';
import { identity, pinTestToday } from './support/hub-fixture';
import { GUANGWAI_OFFICE, YANGGUANG_FEE_SCHEDULE, gqlExpectations, hongjuTerms, scenario } from './support/scenario';

// Pinned: the contracts are dated against this day (README › Tests › Dates).
const today = pinTestToday('2026-12-01');

/**
 * An amendment (变更, Beijing art. 63 para. 3) changes a contract from the day it is agreed: the days already served
 * were served under the terms then in force. Before, an amendment could move the first day of a contract that had
 * begun: forward, so a developer's preliminary contract eleven months in ran two more years from the next January,
 * past Beijing art. 19 para. 3's two ("前期物业服务合同期限最长不超过二年"), and once accepted the publicity named no
 * provider for the month it was serving; or back a year, accepted and on time (its deadline runs from `amendedOn`),
 * where an initial filing so dated is late.
 */
const provider = identity('PROPERTY_COMPANY', '91110102MA01AMST01');
const developersProvider = identity('PROPERTY_COMPANY', '91110102MA01AMST02');

describe('an amendment does not move the start of a contract that has begun', () => {
  const hub = amendmentHub();
  const { ok, fails } = gqlExpectations(() => hub.t);

  it("refuses to move a regular contract's start back to months before it", async () => {
    const terms = hongjuTerms(provider, '2026-01', { number: 'HJ6-AMST-01', endsOn: '2028-12-31' });
    const { contractId } = await scenario(hub.t).acceptedFiling(provider, hub.hongju, terms);

    // The same contract "amended" today to have begun on 1 January 2025, eleven months before its first day.
    const refused = await fails(provider, AMEND, {
      c: contractId,
      k: randomUUID(),
      on: today,
      t: { ...terms, signedOn: '2024-12-20', startsOn: '2025-01-01' },
      d: AMENDMENT_TEXT,
    });
    expect(refused.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { 'terms.startsOn': expect.stringContaining('2026-01-01') } },
    });
    expect((await ok(provider, CONTRACT, { id: contractId })).contract).toEqual({
      status: 'ACCEPTED',
      startsOn: '2026-01-01',
      endsOn: '2028-12-31',
    });

    // An amendment keeping the start (a new owner rate) is filed and accepted as before.
    const kept = await ok(provider, AMEND, {
      c: contractId,
      k: randomUUID(),
      on: today,
      t: { ...terms, number: 'HJ6-AMST-01A' },
      d: AMENDMENT_TEXT,
    });
    expect((await ok(GUANGWAI_OFFICE, ACCEPT, { f: kept.amendContract.id })).acceptFiling.status).toBe('ACCEPTED');
  });

  it("refuses to move a preliminary contract's start forward past Beijing art. 19 para. 3's two years", async () => {
    // The developer's provider serves 阳光丽景 from 1 January 2026 for the whole two years, to 31 December 2027.
    const terms = hongjuTerms(developersProvider, '2026-01', {
      kind: 'PRELIMINARY',
      number: 'YGLJ-AMST-P',
      title: '阳光丽景前期物业服务合同',
      ownersSide: { kind: 'DEVELOPER', name: '某开发商' },
      signedOn: '2025-12-20',
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      feeSchedule: YANGGUANG_FEE_SCHEDULE,
      parties: [
        {
          role: 'PROVIDER',
          name: '北京阳光前期物业有限公司',
          registration: developersProvider.organisationId,
          signatory: '王经理',
        },
        { role: 'DEVELOPER', name: '某开发商', signatory: '周总' },
      ],
    });
    const { contractId } = await scenario(hub.t).acceptedFiling(developersProvider, hub.yangguang, terms);
    // Eleven months in, "amended" to run two years from 1 January 2027: three years of preliminary service (before,
    // accepted, and the publicity of 1 December 2026 named no provider: the contract began in 2027).
    const refused = await fails(developersProvider, AMEND, {
      c: contractId,
      k: randomUUID(),
      on: today,
      t: { ...terms, startsOn: '2027-01-01', endsOn: '2028-12-31' },
      d: AMENDMENT_TEXT,
    });
    expect(refused.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { 'terms.startsOn': expect.stringContaining('2026-01-01') } },
    });
    expect((await ok(developersProvider, CONTRACT, { id: contractId })).contract).toEqual({
      status: 'ACCEPTED',
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
    });
  });
});
