import { TestHub, identity, pinTestToday, startTestHub } from './support/hub-fixture';
import { HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';

// Pinned: the contracts are dated against this day (README › Tests › Dates).
pinTestToday('2026-12-01');

/**
 * An uploaded document waits for the contract's next filing (submission, amendment or resubmission), and only the
 * company sees it until then. A terminated or superseded contract has no next filing (its filings are ended, and only
 * an accepted contract is amended), so what was uploaded to it lay unseen for good, up to a filing's 100 MiB. Every
 * document type is filing material (the signed text, the fee assessment, approvals, minutes, the signatories'
 * authority, other); the hub takes no handover record through this channel. Before, the upload was taken.
 */
const provider = identity('PROPERTY_COMPANY', '91110102MA01ENDD01');

const UPLOAD = `mutation($d: FilingDocumentUploadInput!) { uploadFilingDocument(document: $d) { id filingId } }`;
const TERMINATE = `mutation($c: ID!) {
  terminateContract(contractId: $c, terminatedOn: "2026-12-31", handoverOn: "2026-12-31", reason: "业主大会解聘") { status } }`;
const document = (contractId: string, text: string) => ({
  contractId,
  name: '补充协议.pdf',
  type: 'CONTRACT_TEXT',
  contentBase64: Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`).toString('base64'),
});

describe('documents of a contract that has ended', () => {
  let t: TestHub;
  const { ok, fails } = gqlExpectations(() => t);

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts'] });
  });
  afterAll(() => t?.stop());

  it('takes none once the contract is terminated, as before while it is in force', async () => {
    const { areaId } = await scenario(t).compound(HONGJU, { knownTo: ['contracts'] });
    const { contractId } = await scenario(t).acceptedFiling(
      provider,
      areaId,
      hongjuTerms(provider, '2026-01', { number: 'HJ6-ENDD-01', endsOn: '2028-12-31' }),
    );
    // In force: a document for its next amendment waits, as before.
    expect((await ok(provider, UPLOAD, { d: document(contractId, '补充协议一') })).uploadFilingDocument).toMatchObject({
      filingId: null,
    });
    expect((await ok(provider, TERMINATE, { c: contractId })).terminateContract.status).toBe('TERMINATED');
    const refused = await fails(provider, UPLOAD, { d: document(contractId, '补充协议二') });
    expect(refused.extensions).toMatchObject({ code: 'CONTRACT_NOT_IN_FORCE', details: { status: 'TERMINATED' } });
  });
});
