import { randomUUID } from 'node:crypto';
import { ACCEPT, AMEND, AMENDMENT_TEXT, CONTRACT, amendmentHub } from './support/contract-amendment';
import { identity, pinTestToday } from './support/hub-fixture';
import { GUANGWAI_OFFICE, YANGGUANG_FEE_SCHEDULE, gqlExpectations, hongjuTerms, scenario } from './support/scenario';

// Pinned: the contracts are dated against this day (README › Tests › Dates).
const today = pinTestToday('2026-12-01');

/**
 * An amendment (变更, Civil Code art. 543: 当事人协商一致，可以变更合同) changes a contract from the day it is agreed,
 * `amendedOn`. Before, an amendment could end a contract months before that day: a retroactive termination without
 * terminateContract's rules (its reason and handover, art. 948's notice), the months already served and billed then
 * falling outside the contract once the amendment was accepted. And an amendment dated after the day it was filed was
 * refused on `submittedOn`, a field the caller never sent, not on `amendedOn`; a draft signed after the day it was
 * filed, the same, not on its `terms.signedOn`.
 */
const provider = identity('PROPERTY_COMPANY', '91110102MA01AMEN01');

const SUBMIT = `mutation($c: ID!, $k: Key!, $d: [FilingDocumentInput!]!) {
  submitFiling(contractId: $c, idempotencyKey: $k, documents: $d) { id } }`;

describe("an amendment's own day", () => {
  const hub = amendmentHub();
  const { ok, fails } = gqlExpectations(() => hub.t);

  it('refuses an amendment ending the contract before the day it was agreed, and files one ending it later', async () => {
    const terms = hongjuTerms(provider, '2026-01', { number: 'HJ6-AMEN-01', endsOn: '2028-12-31' });
    const { contractId } = await scenario(hub.t).acceptedFiling(provider, hub.hongju, terms);

    // Agreed today, "ending" the contract on 30 June: five months served and billed after its end.
    const refused = await fails(provider, AMEND, {
      c: contractId,
      k: randomUUID(),
      on: today,
      t: { ...terms, number: 'HJ6-AMEN-01A', endsOn: '2026-06-30' },
      d: AMENDMENT_TEXT,
    });
    expect(refused.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { 'terms.endsOn': expect.stringContaining(today) } },
    });
    // Agreed on 20 November and filed today, within art. 63's fifteen days: it may not end before 20 November either.
    const earlier = await fails(provider, AMEND, {
      c: contractId,
      k: randomUUID(),
      on: '2026-11-20',
      t: { ...terms, number: 'HJ6-AMEN-01A', endsOn: '2026-11-19' },
      d: AMENDMENT_TEXT,
    });
    expect(earlier.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { 'terms.endsOn': expect.stringContaining('2026-11-20') } },
    });
    expect((await ok(provider, CONTRACT, { id: contractId })).contract).toEqual({
      status: 'ACCEPTED',
      startsOn: '2026-01-01',
      endsOn: '2028-12-31',
    });

    // Shortening the term to a day still to come is an amendment as before, filed and accepted.
    const shortened = await ok(provider, AMEND, {
      c: contractId,
      k: randomUUID(),
      on: today,
      t: { ...terms, number: 'HJ6-AMEN-01B', endsOn: '2027-06-30' },
      d: AMENDMENT_TEXT,
    });
    expect((await ok(GUANGWAI_OFFICE, ACCEPT, { f: shortened.amendContract.id })).acceptFiling.status).toBe('ACCEPTED');
    expect((await ok(provider, CONTRACT, { id: contractId })).contract.endsOn).toBe('2027-06-30');
  });

  it('refuses an amendment dated after the day it is filed on amendedOn, the field the caller sent', async () => {
    const terms = hongjuTerms(provider, '2026-01', {
      number: 'YGLJ-AMEN-02',
      endsOn: '2028-12-31',
      feeSchedule: YANGGUANG_FEE_SCHEDULE,
    });
    const { contractId } = await scenario(hub.t).acceptedFiling(provider, hub.yangguang, terms);
    const refused = await fails(provider, AMEND, {
      c: contractId,
      k: randomUUID(),
      on: '2026-12-15',
      t: { ...terms, number: 'YGLJ-AMEN-02A' },
      d: AMENDMENT_TEXT,
    });
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(refused.extensions.details?.fields).toEqual({ amendedOn: `on or before ${today}, the day it is filed` });

    // Nor before the contract was signed (2025-12-22): it amends a contract the parties did not have yet (Civil Code
    // arts. 490, 543). Before, one agreed the day before signing was filed, and one of 1990 was refused only as
    // OUTSIDE_HOLIDAY_CALENDAR (its 15 days could not be counted).
    for (const on of ['2025-12-21', '1990-01-01']) {
      const early = await fails(provider, AMEND, {
        c: contractId,
        k: randomUUID(),
        on,
        t: { ...terms, number: 'YGLJ-AMEN-02B' },
        d: AMENDMENT_TEXT,
      });
      expect(early.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        details: {
          problems: ['AMENDED_BEFORE_SIGNING'],
          fields: { amendedOn: 'on or after 2025-12-22, the day the contract was signed' },
        },
      });
    }
    // Agreed on the signing day itself: filed (late, its 15 days long run), awaiting review.
    const onSigning = await ok(provider, AMEND, {
      c: contractId,
      k: randomUUID(),
      on: '2025-12-22',
      t: { ...terms, number: 'YGLJ-AMEN-02C' },
      d: AMENDMENT_TEXT,
    });
    expect(onSigning.amendContract.id).toEqual(expect.any(String));
  });

  it("refuses a draft signed after the day it is filed on the draft's terms.signedOn, not on submittedOn", async () => {
    // Signed 2028-12-22 by its terms, filed today: before, the refusal named `submittedOn`, which the company never
    // sent (the hub gives today); an amendment's was fixed the same way before (above).
    const contractId = await scenario(hub.t).draftContract(
      provider,
      hub.hongju,
      hongjuTerms(provider, '2029-01', { number: 'HJ6-AMEN-FUTURE', endsOn: '2029-12-31' }),
    );
    const refused = await fails(provider, SUBMIT, { c: contractId, k: randomUUID(), d: AMENDMENT_TEXT });
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(refused.extensions.details).toMatchObject({
      problems: ['SUBMITTED_BEFORE_SIGNING'],
      fields: { 'terms.signedOn': `on or before ${today}, the day it is filed` },
    });
    expect(refused.extensions.details?.fields).not.toHaveProperty('submittedOn');
  });
});
