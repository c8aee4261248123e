import { randomUUID } from 'node:crypto';
import { DEMO_LINJIANG } from '../hub/demo/demo-data';
import { gatewayClient, loadCompound } from '../hub/demo/demo-loader';
import { LINJIANG_SETTINGS } from '../subgraphs/contracts/domain/statutes';
import { TestHub, identity, pinTestToday, startTestHub, testTokens } from './support/hub-fixture';
import { waitFor } from './support/wait-for';
import { citySettingsInput, linjiangPreliminaryTerms } from './support/linjiang-filing';

/**
 * A city-settings version entered after a filing was submitted does not decide that filing's lateness (nor attach a
 * penalty) when the returned filing is resubmitted: the first submission is judged by the settings of its day. Before
 * (a second-city audit, 2026-12-07), 临江市's deadline entered later made a filing submitted while it had none 25 days
 * late at its resubmission, and its acceptance recorded a LATE_FILING credit entry. The deadline and penalty below are
 * TEST figures, not any official figure of 吉林省 or 临江市.
 */
const admin = identity('ADMIN', 'hub-operator');
const { street: jianguo, enforcementBureau, companies } = DEMO_LINJIANG;
const [company] = companies;
const today = pinTestToday('2026-12-01');

const SET = `mutation($s: CitySettingsInput!, $r: Note!) { setCitySettings(settings: $s, reason: $r) { version filingDeadlineDays } }`;
const DRAFT = `mutation($a: ID!, $t: ContractTermsInput!) { draftContract(areaId: $a, terms: $t) { id } }`;
const FIELDS = 'id status currentVersion deadline late daysLate lateConsequence';
const SUBMIT = `mutation($c: ID!, $k: Key!, $d: [FilingDocumentInput!]!) { submitFiling(contractId: $c, idempotencyKey: $k, documents: $d) { ${FIELDS} } }`;
const RETURN = `mutation($f: ID!, $v: Int!, $r: [ReturnReasonInput!]!) { returnFiling(filingId: $f, version: $v, reasons: $r) { ${FIELDS} } }`;
const RESUBMIT = `mutation($f: ID!, $k: Key!, $t: ContractTermsInput!, $d: [FilingDocumentInput!]!) { resubmitFiling(filingId: $f, idempotencyKey: $k, terms: $t, documents: $d) { ${FIELDS} } }`;
const ACCEPT = `mutation($f: ID!, $v: Int!) { acceptFiling(filingId: $f, version: $v) { ${FIELDS} } }`;
const ENTRIES = `{ creditEntries { kind filingId legalBasis } }`;
const documents = [
  { name: '前期物业服务合同.pdf', type: 'CONTRACT_TEXT', sizeBytes: 1000, sha256: 'b'.repeat(64) },
  { name: '协议选聘批准文件.pdf', type: 'SELECTION_APPROVAL', sizeBytes: 1000, sha256: 'e'.repeat(64) },
];
const terms = linjiangPreliminaryTerms(company, today, 40);
const asInput = citySettingsInput;

describe('city settings versions and the filings submitted before them', () => {
  let t: TestHub;
  let areaId: string;
  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts'] });
    const gql = gatewayClient(t.hub.gatewayUrl, testTokens);
    ({ areaId } = await loadCompound(gql, jianguo, jianguo.compounds[0]));
    await waitFor(
      'contracts to know the area',
      async () =>
        (
          await t.sql<{ n: number }>('select count(*)::int as n from contracts.area_view where area_id = $1', [areaId])
        )[0].n === 1,
    );
  }, 180_000);
  afterAll(() => t?.stop());

  it('keeps a filing submitted while 临江市 had no deadline on time after a deadline is entered later', async () => {
    const v1 = await t.gql(admin, SET, { s: asInput(LINJIANG_SETTINGS), r: 'v1 seed 004' });
    expect(v1.body.errors).toBeUndefined();
    const drafted = await t.gql(company, DRAFT, { a: areaId, t: terms });
    expect(drafted.body.errors).toBeUndefined();
    const submitted = await t.gql(company, SUBMIT, {
      c: drafted.body.data.draftContract.id,
      k: randomUUID(),
      d: documents,
    });
    expect(submitted.body.errors).toBeUndefined();
    const filing = submitted.body.data.submitFiling;
    expect(filing).toMatchObject({ deadline: null, late: false });
    const returned = await t.gql(enforcementBureau, RETURN, {
      f: filing.id,
      v: 1,
      r: [{ field: 'parties', reason: '请补充签章' }],
    });
    expect(returned.body.errors).toBeUndefined();

    // Later, the admin enters a deadline and a penalty (TEST figures, not official ones).
    const v2 = await t.gql(admin, SET, {
      s: {
        ...asInput(LINJIANG_SETTINGS),
        filingDeadlineDays: 15,
        lateFilingPenalty: {
          warningFirst: true,
          fineMinFen: 100,
          fineMaxFen: 200,
          description: 'TEST penalty, not an official figure',
          source: 'TEST source, not an official figure',
        },
        sources: { ...LINJIANG_SETTINGS.sources, filingDeadline: 'TEST source, not an official figure' },
      },
      r: 'v2 test figures entered after the filing',
    });
    expect(v2.body.errors).toBeUndefined();
    expect(v2.body.data.setCitySettings).toMatchObject({ version: 2, filingDeadlineDays: 15 });

    const again = await t.gql(company, RESUBMIT, { f: filing.id, k: randomUUID(), t: terms, d: documents });
    expect(again.body.errors).toBeUndefined();
    const accepted = await t.gql(enforcementBureau, ACCEPT, { f: filing.id, v: 2 });
    expect(accepted.body.errors).toBeUndefined();
    const entries = (await t.gql(enforcementBureau, ENTRIES)).body.data.creditEntries.filter(
      (e: { filingId: string }) => e.filingId === filing.id,
    );
    // Submitted when the city had no deadline: it was on time then, and a later version changes nothing.
    expect(again.body.data.resubmitFiling).toMatchObject({ deadline: null, late: false, daysLate: 0 });
    expect(accepted.body.data.acceptFiling).toMatchObject({ status: 'ACCEPTED', late: false });
    // No LATE_FILING, and no entry for its return either (a return for correction is no credit matter).
    expect(entries).toEqual([]);
  });
});
