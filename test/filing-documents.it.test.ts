import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { addDays } from '../kernel/calendar';
import { chineseDate, yuanFigures } from '../kernel/chinese-format';
import { todayInChina } from '../kernel/clock';
import { READ_SLICE_BYTES, largeObjectStore } from '../platform/documents/document-store';
import { noVirusScan, useVirusScanner } from '../platform/documents/virus-scan';
import { BEIJING, BEIJING_MATERIALS } from '../subgraphs/contracts/domain/statutes';
import { sweepDocumentUploads } from '../subgraphs/contracts/application/sweep-document-uploads';
import { TestHub, identity, startTestHub } from './support/hub-fixture';
import { pdfQrCodes } from './support/pdf-qr';
import { pdfText } from './support/pdf-text';
import { scenario } from './support/scenario';
import { connectedClient } from './support/db-client';
import { heldScanner, rowIsFree } from './support/held-scanner';

/**
 * Issue 21: a filing carries its documents as files, reviewers (and a court holding a referral) download them,
 * every download is logged, and an accepted filing gets a certificate anyone can verify without a token.
 */
const HONGJU = '红居南街6号院'; // 广安门外, Xicheng (110102)
const admin = identity('ADMIN', 'hub-operator');
const companyA = identity('PROPERTY_COMPANY', '91110102MA0000000A');
const companyB = identity('PROPERTY_COMPANY', '91110102MA0000000B');
const xichengBureau = identity('CITY_BUREAU', 'bureau-xicheng', ['110102']);
const haidianBureau = identity('CITY_BUREAU', 'bureau-haidian', ['110108']);
const court = identity('COURT', 'bj-xicheng-court');
const today = todayInChina();
const PROVIDER = '北京红居物业服务有限公司';

const terms = (overrides: Record<string, unknown> = {}) => ({
  kind: 'REGULAR',
  number: 'HJ6-DOCS-01',
  title: '红居南街6号院物业服务合同',
  ownersSide: { kind: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '红居南街6号院物业管理委员会' },
  selectionMethod: 'TENDER',
  signedOn: addDays(today, -3),
  startsOn: addDays(today, 1),
  endsOn: addDays(today, 3 * 365),
  serviceItems: [{ item: '公共区域保洁', standard: '楼道每日清扫' }],
  feeSchedule: {
    classes: [
      { buildingClass: 'LOW_RISE', assessedRateFenPerM2Month: 100, ownerRateFenPerM2Month: 100, subsidies: [] },
    ],
  },
  parties: [
    { role: 'PROVIDER', name: PROVIDER, registration: companyA.organisationId, signatory: '张经理' },
    { role: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '红居南街6号院物业管理委员会', signatory: '李主任' },
  ],
  ...overrides,
});

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`);
const jpeg = (n: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(n, 7)]);
const png = (n: number) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(n, 3)]);

const DRAFT = `mutation($a: ID!, $t: ContractTermsInput!) { draftContract(areaId: $a, terms: $t) { id } }`;
const UPLOAD = `mutation($d: FilingDocumentUploadInput!) { uploadFilingDocument(document: $d) { id filingId name type mediaType sha256 sizeBytes } }`;
const START = `mutation($u: FilingDocumentUploadStartInput!) { startFilingDocumentUpload(upload: $u) { uploadId partBytes parts } }`;
const PART = `mutation($u: ID!, $i: Int!, $c: Base64!) { uploadFilingDocumentPart(uploadId: $u, index: $i, contentBase64: $c) { receivedParts receivedBytes } }`;
const COMPLETE = `mutation($u: ID!) { completeFilingDocumentUpload(uploadId: $u) { id type mediaType sha256 sizeBytes } }`;
const SUBMIT = `mutation($c: ID!, $k: Key!, $d: [FilingDocumentInput!]!) { submitFiling(contractId: $c, idempotencyKey: $k, documents: $d) { id versions { documents { documentId type sha256 } } } }`;
const AMEND = `mutation($c: ID!, $k: Key!, $on: LocalDate!, $t: ContractTermsInput!, $d: [FilingDocumentInput!]!) { amendContract(contractId: $c, idempotencyKey: $k, amendedOn: $on, terms: $t, documents: $d) { id } }`;
const ACCEPT = `mutation($f: ID!) { acceptFiling(filingId: $f, version: 1) { status recordNumber } }`;
const CONTENT = `query($d: ID!) { filingDocumentContent(documentId: $d) { mimeType contentBase64 document { id sha256 } } }`;
const DOWNLOADS = `query($c: ID!) { filingDocumentDownloads(contractId: $c) { documentId organisationId role at } }`;
const CERTIFICATE = `query($f: ID!) { filingCertificate(filingId: $f) { recordNumber issuedOn contentSha256 pdfSha256 sizeBytes verificationUrl contentBase64 } }`;
const VERIFY = `query($r: Key!, $d: Key!) { verifyFilingCertificate(recordNumber: $r, digest: $d) { result since provider areaName startsOn endsOn acceptedOn contractNumber ownersSide authority fees { buildingClass ownerRateFenPerM2Month } } }`;

const fieldsOf = (res: { body: { errors?: { extensions: { code: string; details?: { fields?: object } } }[] } }) => ({
  code: res.body.errors?.[0]?.extensions.code,
  fields: Object.keys(res.body.errors?.[0]?.extensions.details?.fields ?? {}),
});

describe('filing documents and the certificate anyone can verify', () => {
  let t: TestHub;
  let areaId: string;
  let contractId: string;
  let filingId: string;
  const ids: Record<string, string> = {};
  const files = { contract: pdf('物业服务合同 signed'), decision: jpeg(2048), authority: png(900 * 1024) };

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts'] });
    areaId = (await scenario(t).compound(HONGJU, { knownTo: ['contracts'] })).areaId;
    // The operator makes the owners' decision required for Beijing's regular contracts (a configured list).
    const { sources, lateFilingPenalty, ...rest } = BEIJING;
    const materials = BEIJING_MATERIALS.map((m) =>
      m.documentType === 'JOINT_DECISION' ? { ...m, required: true } : { ...m },
    );
    const set = await t.gql(
      admin,
      `mutation($s: CitySettingsInput!, $r: Note!) { setCitySettings(settings: $s, reason: $r) { version materials { documentType required } } }`,
      {
        s: { ...rest, sources: { ...sources }, lateFilingPenalty: { ...lateFilingPenalty }, materials },
        r: '材料清单',
      },
    );
    expect(set.body.errors).toBeUndefined();
    expect(set.body.data.setCitySettings.materials).toContainEqual({ documentType: 'JOINT_DECISION', required: true });
    const drafted = await t.gql(companyA, DRAFT, { a: areaId, t: terms() });
    expect(drafted.body.errors).toBeUndefined();
    contractId = drafted.body.data.draftContract.id;
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('takes PDF, OFD, JPEG and PNG by their first bytes, whole or in parts, and refuses other types and oversize', async () => {
    const wrong = await t.gql(companyA, UPLOAD, {
      d: {
        contractId,
        name: '合同.pdf',
        type: 'CONTRACT_TEXT',
        contentBase64: Buffer.from('MZ not a pdf').toString('base64'),
      },
    });
    expect(fieldsOf(wrong)).toEqual({ code: 'BAD_USER_INPUT', fields: ['content'] });
    const oversize = await t.gql(companyA, START, {
      u: { contractId, name: '扫描件.pdf', type: 'OTHER', sizeBytes: 20 * 1024 * 1024 + 1, sha256: 'a'.repeat(64) },
    });
    expect(fieldsOf(oversize)).toEqual({ code: 'BAD_USER_INPUT', fields: ['sizeBytes'] });
    const foreign = await t.gql(companyB, UPLOAD, {
      d: { contractId, name: '合同.pdf', type: 'CONTRACT_TEXT', contentBase64: files.contract.toString('base64') },
    });
    expect(foreign.body.errors[0].extensions.code).toBe('NOT_FOUND');

    const whole = await t.gql(companyA, UPLOAD, {
      d: {
        contractId,
        name: '物业服务合同.pdf',
        type: 'CONTRACT_TEXT',
        contentBase64: files.contract.toString('base64'),
      },
    });
    expect(whole.body.errors).toBeUndefined();
    expect(whole.body.data.uploadFilingDocument).toMatchObject({
      filingId: null,
      mediaType: 'PDF',
      sha256: sha256(files.contract),
      sizeBytes: files.contract.length,
    });
    ids.contract = whole.body.data.uploadFilingDocument.id;

    // 900 KiB in two parts of 512 KiB at most, each within the gateway's body limit.
    const started = await t.gql(companyA, START, {
      u: {
        contractId,
        name: '授权委托书.png',
        type: 'SIGNATORY_AUTHORITY',
        sizeBytes: files.authority.length,
        sha256: sha256(files.authority),
      },
    });
    expect(started.body.errors).toBeUndefined();
    const { uploadId, partBytes, parts } = started.body.data.startFilingDocumentUpload;
    expect(parts).toBe(2);
    for (let i = 0; i < parts; i += 1) {
      const part = await t.gql(companyA, PART, {
        u: uploadId,
        i,
        c: files.authority.subarray(i * partBytes, (i + 1) * partBytes).toString('base64'),
      });
      expect(part.body.errors).toBeUndefined();
    }
    const completed = await t.gql(companyA, COMPLETE, { u: uploadId });
    expect(completed.body.errors).toBeUndefined();
    expect(completed.body.data.completeFilingDocumentUpload).toMatchObject({
      type: 'SIGNATORY_AUTHORITY',
      mediaType: 'PNG',
      sha256: sha256(files.authority),
      sizeBytes: files.authority.length,
    });
    ids.authority = completed.body.data.completeFilingDocumentUpload.id;

    // Completed again (the answer was lost): the same document, recorded once (before, NOT_FOUND: the upload was gone).
    const again = await t.gql(companyA, COMPLETE, { u: uploadId });
    expect(again.body).toEqual(completed.body);
    const stored = await t.sql<{ n: number }>(
      `select count(*)::int as n from contracts.filing_document where contract_id = $1 and sha256 = $2`,
      [contractId, sha256(files.authority)],
    );
    expect(stored[0].n).toBe(1);
    const leftParts = await t.sql<{ n: number }>(
      `select count(*)::int as n from contracts.filing_document_upload_part where upload_id = $1`,
      [uploadId],
    );
    expect(leftParts[0].n).toBe(0);
    // A part sent to it now is refused; another company learns nothing of it.
    const late = await t.gql(companyA, PART, {
      u: uploadId,
      i: 0,
      c: files.authority.subarray(0, partBytes).toString('base64'),
    });
    expect(fieldsOf(late)).toEqual({ code: 'BAD_USER_INPUT', fields: ['uploadId'] });
    expect((await t.gql(companyB, COMPLETE, { u: uploadId })).body.errors[0].extensions.code).toBe('NOT_FOUND');
    // The sweep removes it 24 hours after its start, with the abandoned ones: a completion then is NOT_FOUND.
    const em = t.hub.subgraphs.contracts!.orm.em.fork();
    expect((await sweepDocumentUploads(em, new Date())).uploads).toBe(0);
    expect((await sweepDocumentUploads(em, new Date(Date.now() + 25 * 3600 * 1000))).uploads).toBeGreaterThanOrEqual(1);
    expect((await t.gql(companyA, COMPLETE, { u: uploadId })).body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('keeps a company to 20 uploads in parts open at once, however many it starts together', async () => {
    // Before, a company could open uploads without end (each up to 20 MiB of parts, kept 24 hours) and so fill the
    // database within its rate limit; counted without a lock, requests made together would each see room.
    const file = pdf('open upload');
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, n) =>
        t.gql(companyA, START, {
          u: { contractId, name: `附件${n}.pdf`, type: 'OTHER', sizeBytes: file.length, sha256: sha256(file) },
        }),
      ),
    );
    const opened = answers.filter((a) => !a.body.errors).map((a) => a.body.data.startFilingDocumentUpload.uploadId);
    expect(opened).toHaveLength(20);
    for (const refused of answers.filter((a) => a.body.errors))
      expect(fieldsOf(refused)).toEqual({ code: 'BAD_USER_INPUT', fields: ['upload'] });
    // as the hourly sweep would, so that the file's later uploads have room
    await t.sql('delete from contracts.filing_document_upload where id = any($1::uuid[])', [opened]);
  });

  it('passes every upload through the virus-scan hook: a file the scanner flags is refused and nothing is stored', async () => {
    const infected = pdf('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*');
    const scanned: string[] = [];
    useVirusScanner({
      scan: async (bytes, file) => {
        scanned.push(file.sha256);
        return bytes.includes('EICAR') ? { clean: false, threat: 'EICAR-Test-File' } : { clean: true };
      },
    });
    try {
      const refused = await t.gql(companyA, UPLOAD, {
        d: { contractId, name: '感染.pdf', type: 'OTHER', contentBase64: infected.toString('base64') },
      });
      expect(fieldsOf(refused)).toEqual({ code: 'BAD_USER_INPUT', fields: ['content'] });
      expect(JSON.stringify(refused.body)).toContain('EICAR-Test-File');
      expect(scanned).toEqual([sha256(infected)]);
      const stored = await t.sql<{ n: string }>(
        `select count(*)::text as n from contracts.filing_document where sha256 = $1`,
        [sha256(infected)],
      );
      expect(stored[0].n).toBe('0');
    } finally {
      useVirusScanner(noVirusScan);
    }
  });

  it('scans a document before the transaction that records it: a slow scanner holds no lock, and parts changed meanwhile are refused', async () => {
    const db = await connectedClient(t.databaseUrl);
    // a draft of its own, so the documents uploaded here are not this file's other contract's
    const own = (await t.gql(companyA, DRAFT, { a: areaId, t: terms({ number: 'HJ6-DOCS-SCAN' }) })).body.data
      .draftContract.id;
    let held = heldScanner();
    useVirusScanner(held.scanner);
    try {
      const whole = pdf('业主大会决定（扫描中）');
      const uploading = t.gql(companyA, UPLOAD, {
        d: { contractId: own, name: '决定.pdf', type: 'OTHER', contentBase64: whole.toString('base64') },
      });
      await held.scanning;
      // Before, the scan ran in the upload's transaction after it locked the contract: every filing, amendment and
      // review of the contract waited for as long as the scanner took.
      expect(await rowIsFree(db, 'contracts.contract', own)).toBe(true);
      held.release();
      expect((await uploading).body.data.uploadFilingDocument.sha256).toBe(sha256(whole));

      // In parts: the parts are joined and scanned before the transaction, which checks they are still those bytes.
      const scan = pdf('物业服务合同扫描件');
      const started = await t.gql(companyA, START, {
        u: { contractId: own, name: '合同.pdf', type: 'OTHER', sizeBytes: scan.length, sha256: sha256(scan) },
      });
      const { uploadId } = started.body.data.startFilingDocumentUpload;
      expect(
        (await t.gql(companyA, PART, { u: uploadId, i: 0, c: scan.toString('base64') })).body.errors,
      ).toBeUndefined();
      held = heldScanner();
      useVirusScanner(held.scanner);
      const completing = t.gql(companyA, COMPLETE, { u: uploadId });
      await held.scanning;
      expect(await rowIsFree(db, 'contracts.contract', own)).toBe(true);
      expect(await rowIsFree(db, 'contracts.filing_document_upload', uploadId)).toBe(true);
      // the part sent again, with other bytes of the same length, while the joined parts are scanned
      const other = pdf('物业服务合同扫描件'.replace('件', '本'));
      expect(
        (await t.gql(companyA, PART, { u: uploadId, i: 0, c: other.toString('base64') })).body.errors,
      ).toBeUndefined();
      held.release();
      expect(fieldsOf(await completing)).toEqual({ code: 'BAD_USER_INPUT', fields: ['sha256'] });
      const stored = await t.sql(
        `select 1 from contracts.filing_document where contract_id = $1 and sha256 = any($2)`,
        [own, [sha256(scan), sha256(other)]],
      );
      expect(stored).toEqual([]);
    } finally {
      held.release();
      useVirusScanner(noVirusScan);
      await db.end();
    }
  });

  it('refuses a submission missing a required item of the city’s checklist, naming it, then files the uploaded documents', async () => {
    const missing = await t.gql(companyA, SUBMIT, { c: contractId, k: randomUUID(), d: [] });
    expect(fieldsOf(missing)).toEqual({ code: 'BAD_USER_INPUT', fields: ['documents'] });
    const error = missing.body.errors[0].extensions;
    expect(error.details.fields.documents).toContain('JOINT_DECISION');
    expect(error.details.missing.map((m: { documentType: string }) => m.documentType)).toEqual(['JOINT_DECISION']);

    const decision = await t.gql(companyA, UPLOAD, {
      d: {
        contractId,
        name: '业主共同决定.jpg',
        type: 'JOINT_DECISION',
        contentBase64: files.decision.toString('base64'),
      },
    });
    expect(decision.body.errors).toBeUndefined();
    ids.decision = decision.body.data.uploadFilingDocument.id;
    const submitted = await t.gql(companyA, SUBMIT, { c: contractId, k: randomUUID(), d: [] });
    expect(submitted.body.errors).toBeUndefined();
    filingId = submitted.body.data.submitFiling.id;
    const documents = submitted.body.data.submitFiling.versions[0].documents;
    expect(documents.map((d: { documentId: string }) => d.documentId).sort()).toEqual(
      [ids.contract, ids.authority, ids.decision].sort(),
    );
  });

  it('lets the company, the district’s bureau and a court holding a referral download, nobody else, and logs each download', async () => {
    const read = (who: Parameters<TestHub['gql']>[0]) => t.gql(who, CONTENT, { d: ids.contract });
    const own = await read(companyA);
    expect(own.body.errors).toBeUndefined();
    expect(Buffer.from(own.body.data.filingDocumentContent.contentBase64, 'base64').equals(files.contract)).toBe(true);
    expect(own.body.data.filingDocumentContent.mimeType).toBe('application/pdf');
    expect((await read(xichengBureau)).body.errors).toBeUndefined();
    for (const outsider of [companyB, haidianBureau, court, admin])
      expect((await read(outsider)).body.errors[0].extensions.code).toBe('NOT_FOUND');
    // The list of a contract's files likewise: the company all of them, the district's bureau those filed, another
    // company, another district's bureau and a court holding no referral of it nothing.
    const LIST = `query($c: ID!) { contractDocuments(contractId: $c) { id } }`;
    const listed = async (who: Parameters<TestHub['gql']>[0]) => {
      const answer = await t.gql(who, LIST, { c: contractId });
      return answer.body.errors
        ? answer.body.errors[0].extensions.code
        : (answer.body.data.contractDocuments as { id: string }[]).map((d) => d.id);
    };
    const companysOwn = (await listed(companyA)) as string[];
    expect(companysOwn).toEqual(expect.arrayContaining([ids.contract, ids.authority]));
    const bureaus = (await listed(xichengBureau)) as string[];
    expect(bureaus).toContain(ids.contract);
    expect(bureaus.every((id) => companysOwn.includes(id))).toBe(true);
    for (const outsider of [companyB, haidianBureau, court]) expect(await listed(outsider)).toBe('NOT_FOUND');
    // The referrals feed tells contracts that the court received a referral of arrears under this contract.
    await t.sql(`insert into contracts.court_referral (court_id, referral_id, contract_id) values ($1, $2, $3)`, [
      court.organisationId,
      randomUUID(),
      contractId,
    ]);
    expect((await read(court)).body.errors).toBeUndefined();

    const log = await t.gql(companyA, DOWNLOADS, { c: contractId });
    expect(log.body.errors).toBeUndefined();
    const entries = log.body.data.filingDocumentDownloads as { documentId: string; organisationId: string }[];
    expect(entries.map((e) => e.organisationId).sort()).toEqual(
      [companyA.organisationId, xichengBureau.organisationId, court.organisationId].sort(),
    );
    expect(entries.every((e) => e.documentId === ids.contract)).toBe(true);
    expect((await t.gql(xichengBureau, DOWNLOADS, { c: contractId })).body.data.filingDocumentDownloads).toHaveLength(
      3,
    );
    for (const outsider of [companyB, haidianBureau, court])
      expect((await t.gql(outsider, DOWNLOADS, { c: contractId })).body.errors[0].extensions.code).toBe('NOT_FOUND');
    // The authority's 1.2 MB of base64 is an answer the gateway sends in slices (gateway/large-answers.ts): whole,
    // and as long as it says.
    const large = await t.gql(companyA, CONTENT, { d: ids.authority });
    expect(large.body.errors).toBeUndefined();
    expect(Buffer.from(large.body.data.filingDocumentContent.contentBase64, 'base64').equals(files.authority)).toBe(
      true,
    );
    expect(Number(large.headers['content-length'])).toBe(Buffer.byteLength(large.text));
    expect(Buffer.byteLength(large.text)).toBeGreaterThan(2 ** 20);
  });

  it('reads a stored file back whole however its size falls on the store’s read slices', async () => {
    const em = t.hub.subgraphs.contracts!.orm.em.fork();
    for (const size of [1, READ_SLICE_BYTES - 1, READ_SLICE_BYTES, 2 * READ_SLICE_BYTES + 12_345]) {
      const bytes = randomBytes(size);
      const key = await em.transactional((tx) => largeObjectStore.put(tx, bytes));
      expect((await largeObjectStore.get(em, key)).equals(bytes)).toBe(true);
    }
  });

  it('issues a certificate on acceptance that anyone verifies without a token: valid, tampered, unknown, superseded', async () => {
    const accepted = await t.gql(xichengBureau, ACCEPT, { f: filingId });
    expect(accepted.body.errors).toBeUndefined();
    const { recordNumber } = accepted.body.data.acceptFiling;
    expect(recordNumber).toMatch(/^110102-\d{4}-\d{4}$/);

    const certificate = await t.gql(companyA, CERTIFICATE, { f: filingId });
    expect(certificate.body.errors).toBeUndefined();
    const c = certificate.body.data.filingCertificate;
    const bytes = Buffer.from(c.contentBase64, 'base64');
    expect(sha256(bytes)).toBe(c.pdfSha256);
    expect(c).toMatchObject({ recordNumber, issuedOn: today, sizeBytes: bytes.length });
    expect(c.verificationUrl).toContain(`recordNumber=${recordNumber}`);
    expect(c.verificationUrl).toContain(`digest=${c.contentSha256}`);
    const text = await pdfText(bytes);
    for (const fact of [recordNumber, '备案证明', PROVIDER, HONGJU, c.contentSha256]) expect(text).toContain(fact);
    // The term and the fee in force (多层, ¥1.00 per m² a month), in Chinese dates and yuan.
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain(`${chineseDate(terms().startsOn)}至${chineseDate(terms().endsOn)}`);
    expect(flat).toContain(`多层${yuanFigures(100)}`);
    // The authority as Beijing art. 63 para. 3 names it (before, an English phrase stood as 备案机关).
    expect(flat).toContain('备案机关街道办事处、乡镇人民政府、区住房和城乡建设或者房屋主管部门备案日期');
    expect((await t.gql(haidianBureau, CERTIFICATE, { f: filingId })).body.errors[0].extensions.code).toBe('NOT_FOUND');

    const verify = (d: string, r = recordNumber) => t.gql(undefined, VERIFY, { r, d });
    const valid = await verify(c.contentSha256);
    expect(valid.body.errors).toBeUndefined();
    expect(valid.body.data.verifyFilingCertificate).toEqual({
      result: 'VALID',
      since: null,
      provider: PROVIDER,
      areaName: HONGJU,
      startsOn: terms().startsOn,
      endsOn: terms().endsOn,
      // What the paper states, so a holder can compare (a genuine QR code on a paper with other fees).
      acceptedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      contractNumber: terms().number,
      ownersSide: '红居南街6号院物业管理委员会',
      authority: '街道办事处、乡镇人民政府、区住房和城乡建设或者房屋主管部门',
      fees: [{ buildingClass: 'LOW_RISE', ownerRateFenPerM2Month: 100 }],
    });
    expect(JSON.stringify(valid.body)).not.toMatch(/张经理|李主任|91110102MA0000000A/);
    // The QR code printed on the PDF, decoded from the page (test/support/pdf-qr.ts): the verification URL, whose
    // record number and digest the public endpoint answers VALID for.
    expect(await pdfQrCodes(bytes)).toEqual([c.verificationUrl]);
    const scanned = new URL(c.verificationUrl).searchParams;
    const read = await verify(scanned.get('digest')!, scanned.get('recordNumber')!);
    expect(read.body.data.verifyFilingCertificate).toEqual(valid.body.data.verifyFilingCertificate);
    expect((await verify(c.pdfSha256)).body.data.verifyFilingCertificate.result).toBe('VALID');
    expect((await verify('f'.repeat(64))).body.data.verifyFilingCertificate).toEqual({
      result: 'TAMPERED',
      since: null,
      provider: null,
      areaName: null,
      startsOn: null,
      endsOn: null,
      acceptedOn: null,
      contractNumber: null,
      ownersSide: null,
      authority: null,
      fees: null,
    });
    expect((await verify(c.contentSha256, '110102-1999-0001')).body.data.verifyFilingCertificate.result).toBe(
      'UNKNOWN',
    );

    // Without a token, verification is the only question the hub answers here.
    const anonymous = await t.gql(undefined, CONTENT, { d: ids.contract });
    expect(anonymous.status).toBe(401);
    const mixed = await t.gql(
      undefined,
      `query($r: Key!, $d: Key!, $c: ID!) { verifyFilingCertificate(recordNumber: $r, digest: $d) { result } filingDocumentDownloads(contractId: $c) { at } }`,
      {
        r: recordNumber,
        d: c.contentSha256,
        c: contractId,
      },
    );
    expect(mixed.status).toBe(401);

    // An accepted amendment supersedes the filing: its certificate then says so, with the date.
    const amended = await t.gql(companyA, AMEND, {
      c: contractId,
      k: randomUUID(),
      on: today,
      t: terms({ number: 'HJ6-DOCS-01-A1' }),
      d: [
        {
          name: '物业服务合同.pdf',
          type: 'CONTRACT_TEXT',
          sizeBytes: files.contract.length,
          sha256: sha256(files.contract),
        },
        {
          name: '业主共同决定.jpg',
          type: 'JOINT_DECISION',
          sizeBytes: files.decision.length,
          sha256: sha256(files.decision),
        },
      ],
    });
    expect(amended.body.errors).toBeUndefined();
    const amendmentId = amended.body.data.amendContract.id;
    expect((await t.gql(xichengBureau, ACCEPT, { f: amendmentId })).body.errors).toBeUndefined();
    const superseded = await verify(c.contentSha256);
    expect(superseded.body.data.verifyFilingCertificate).toMatchObject({ result: 'SUPERSEDED', since: today });
    const newer = (await t.gql(companyA, CERTIFICATE, { f: amendmentId })).body.data.filingCertificate;
    expect((await verify(newer.contentSha256, newer.recordNumber)).body.data.verifyFilingCertificate.result).toBe(
      'VALID',
    );
  });
});
