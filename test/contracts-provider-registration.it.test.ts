import { randomUUID } from 'node:crypto';
import { TestHub, identity, pinTestToday, startTestHub } from './support/hub-fixture';
import { HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';

// Pinned: the contracts are dated against this day (README › Tests › Dates).
pinTestToday('2026-12-01');

/**
 * The provider of a filed contract is the company filing it: its token's organisation, its unified social credit code
 * (统一社会信用代码). Before, the PROVIDER party's `registration` was taken as the contract text gave it, so a company
 * filed a contract naming another company's code, had it accepted, and its certificate (备案证明) printed that
 * company's code as the provider's, with the filing, its billing and its referrals in the filer's name.
 */
const filer = identity('PROPERTY_COMPANY', '91110102MA01PRVR01');
const other = identity('PROPERTY_COMPANY', '91110102MA01PRVR02');

const SUBMIT = `mutation($c: ID!, $k: Key!, $d: [FilingDocumentInput!]!) { submitFiling(contractId: $c, idempotencyKey: $k, documents: $d) { id status } }`;
const contractText = [{ name: '物业服务合同.pdf', type: 'CONTRACT_TEXT', sizeBytes: 1000, sha256: 'a'.repeat(64) }];

describe("a contract's provider is the company filing it", () => {
  let t: TestHub;
  const { ok, fails } = gqlExpectations(() => t);
  let hongju: string;

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts'] });
    ({ areaId: hongju } = await scenario(t).compound(HONGJU, { knownTo: ['contracts'] }));
  });
  afterAll(() => t?.stop());

  it("refuses a filing whose PROVIDER party carries another company's registration", async () => {
    const terms = hongjuTerms(filer, '2027-01', {
      number: 'HJ6-PRVR-01',
      signedOn: '2026-11-25',
      parties: [
        {
          role: 'PROVIDER',
          name: '北京另一家物业服务有限公司',
          registration: other.organisationId,
          signatory: '赵经理',
        },
        { role: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '红居南街6号院物业管理委员会', signatory: '李主任' },
      ],
    });
    const contractId = await scenario(t).draftContract(filer, hongju, terms);
    const refused = await fails(filer, SUBMIT, { c: contractId, k: randomUUID(), d: contractText });
    expect(refused.extensions.code).toBe('BAD_USER_INPUT');
    expect(refused.extensions.details?.problems).toEqual([
      expect.objectContaining({ code: 'PROVIDER_NOT_FILING_COMPANY', field: 'parties[0].registration' }),
    ]);
    // The company's own code, or none, is filed as before.
    await ok(
      filer,
      `mutation($c: ID!, $t: ContractTermsInput!) { updateContractDraft(contractId: $c, terms: $t) { id } }`,
      {
        c: contractId,
        t: hongjuTerms(filer, '2027-01', { number: 'HJ6-PRVR-01', signedOn: '2026-11-25' }),
      },
    );
    expect((await ok(filer, SUBMIT, { c: contractId, k: randomUUID(), d: contractText })).submitFiling.status).toBe(
      'SUBMITTED',
    );
  });
});
