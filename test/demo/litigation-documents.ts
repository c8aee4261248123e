import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { chineseDate, yuanFigures, yuanInWords } from '../../kernel/chinese-format';
import { DEMO_COMPANY, DEMO_REFERRALS, DEMO_RUNFENG_COMPANY, DEMO_STREETS } from '../../hub/demo/demo-data';
import { DEMO_COMPANY_PROFILE, DEMO_COURT } from '../../hub/demo/demo-documents';
import {
  inMemoryDefendantIdentities,
  useDefendantIdentities,
} from '../../subgraphs/litigation/application/defendant-identities';
import { ownerRegisterClient } from '../../subgraphs/litigation/persistence/owner-register.client';
import { sweepEvidenceUploads } from '../../subgraphs/litigation/application/sweep-evidence-uploads';
import { TestHub, identity, testTokens } from '../support/hub-fixture';
import { pdfText } from '../support/pdf-text';
import { gqlExpectations } from '../support/scenario';

const xichengCourt = identity('COURT', 'bj-xicheng-court', ['110102']);
const DEMO_STREET_OFFICE = DEMO_STREETS.find((s) => s.compounds.some((c) => c.name === '学院南路32号院'))!.office;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const DOCUMENTS = `query($id: ID!) { referral(id: $id) { id packages { version digest canonicalJson } documents { name kind mediaType sha256 sizeBytes chainSequence contentBase64 } } }`;
const UPLOAD = `mutation($f: EvidenceUploadInput!) { uploadEvidence(file: $f) { name kind mediaType sha256 sizeBytes } }`;
const PROFILE = `mutation($p: CompanyProfileInput!) { updateCompanyProfile(profile: $p) { companyId legalName creditCode agent { name authority } } }`;

/** The entries of a ZIP we wrote (sizes in the local headers). */
function unzip(zip: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  for (let at = 0; zip.readUInt32LE(at) === 0x04034b50;) {
    const [method, size, nameLength, extraLength] = [
      zip.readUInt16LE(at + 8),
      zip.readUInt32LE(at + 18),
      zip.readUInt16LE(at + 26),
      zip.readUInt16LE(at + 28),
    ];
    const data = zip.subarray(at + 30 + nameLength + extraLength, at + 30 + nameLength + extraLength + size);
    entries.set(zip.toString('utf8', at + 30, at + 30 + nameLength), method === 8 ? inflateRawSync(data) : data);
    at += 30 + nameLength + extraLength + size;
  }
  return entries;
}

interface Doc {
  name: string;
  kind: string;
  sha256: string;
  sizeBytes: number;
  chainSequence: number | null;
  contentBase64: string;
}

export function describeLitigationDocuments(hub: () => TestHub): void {
  describe('litigation documents: the complaints, the evidence files and the bundle of the demo batch', () => {
    let t: TestHub;
    let referrals: { id: string; household_id: string; account_id: string }[];
    /** The demo's fictitious owners as the street office entered them, read from the register as the street office. */
    let owners: { legalName: string; idNumber: string }[];
    const { ok, fails } = gqlExpectations(() => t);

    beforeAll(async () => {
      t = hub();
      referrals = await t.sql(
        // The one the demo's court docketed last: evidence is added only before docketing (PACKAGE_LOCKED after), and
        // the tests upload to the first.
        `select id, household_id, account_id from litigation.referral where eligible and court_id = $1
          order by status <> 'SUBMITTED', id`,
        [DEMO_REFERRALS.courtId],
      );
      owners = [];
      for (const r of referrals) {
        const { arrearsAccount } = await ok(
          DEMO_STREET_OFFICE,
          `query($id: ID!) { arrearsAccount(id: $id) { household { id ownerIdentity { legalName idNumber masked } } } }`,
          { id: r.account_id },
        );
        expect(arrearsAccount.household).toMatchObject({ id: r.household_id, ownerIdentity: { masked: false } });
        owners.push(arrearsAccount.household.ownerIdentity);
      }
      // The whole demo (compounds, contracts, billing, owners' identities, referrals) loads through the gateway first.
    }, 300_000);

    it('lets a company state its particulars as plaintiff, checks the credit code, and lets no one else change or read them', async () => {
      const bad = await fails(DEMO_COMPANY, PROFILE, {
        p: { ...DEMO_COMPANY_PROFILE, creditCode: '91110108MA01DEM038' },
      });
      expect(bad.extensions.code).toBe('BAD_USER_INPUT');
      expect(bad.extensions.details).toEqual({ fields: { creditCode: expect.any(String) } });
      const saved = await ok(DEMO_COMPANY, PROFILE, { p: DEMO_COMPANY_PROFILE });
      expect(saved.updateCompanyProfile).toEqual({
        companyId: DEMO_COMPANY.organisationId,
        legalName: DEMO_COMPANY_PROFILE.legalName,
        creditCode: DEMO_COMPANY_PROFILE.creditCode,
        agent: { name: '钱某某', authority: 'SPECIAL' },
      });
      expect((await fails(DEMO_COURT, PROFILE, { p: DEMO_COMPANY_PROFILE })).extensions.code).toBe('FORBIDDEN');
      // The competitor's token names the competitor: it reads and writes only its own particulars.
      expect((await ok(DEMO_RUNFENG_COMPANY, `{ companyProfile { companyId } }`)).companyProfile).toBeNull();
      expect((await ok(DEMO_COMPANY, `{ companyProfile { legalName } }`)).companyProfile).toEqual({
        legalName: DEMO_COMPANY_PROFILE.legalName,
      });
    });

    it('takes the company’s evidence files by their first bytes, with their SHA-256, and refuses others and outsiders', async () => {
      const pdf = Buffer.from('%PDF-1.4\n% 学院南路32号院 催缴函送达回执\n%%EOF\n');
      const file = {
        referralId: referrals[0].id,
        name: '催缴函送达回执.pdf',
        type: 'DELIVERY_RECEIPT',
        contentBase64: pdf.toString('base64'),
      };
      const uploaded = (await ok(DEMO_COMPANY, UPLOAD, { f: file })).uploadEvidence;
      expect(uploaded).toEqual({
        name: file.name,
        kind: 'EVIDENCE',
        mediaType: 'application/pdf',
        sha256: sha(pdf),
        sizeBytes: pdf.length,
      });
      // The same bytes again are the same evidence.
      expect((await ok(DEMO_COMPANY, UPLOAD, { f: file })).uploadEvidence.sha256).toBe(sha(pdf));
      const text = await fails(DEMO_COMPANY, UPLOAD, {
        f: { ...file, contentBase64: Buffer.from('not a pdf at all').toString('base64') },
      });
      expect(text.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { fields: { content: expect.any(String) } },
      });
      expect((await fails(DEMO_RUNFENG_COMPANY, UPLOAD, { f: file })).extensions.code).toBe('NOT_FOUND');
      expect((await fails(DEMO_COURT, UPLOAD, { f: file })).extensions.code).toBe('NOT_FOUND');
      const chained = await t.sql(
        `select 1 from litigation.evidence_chain where kind = 'EVIDENCE_FILE' and payload_digest = $1`,
        [sha(pdf)],
      );
      expect(chained).toHaveLength(1);
    });

    it('takes a file of more than the gateway’s body limit in parts, checked against the size and SHA-256 declared', async () => {
      const START = `mutation($u: EvidenceUploadStartInput!) { startEvidenceUpload(upload: $u) { uploadId partBytes parts receivedParts receivedBytes } }`;
      const PART = `mutation($id: ID!, $i: Int!, $c: Base64!) { uploadEvidencePart(uploadId: $id, index: $i, contentBase64: $c) { receivedParts receivedBytes } }`;
      const COMPLETE = `mutation($id: ID!) { completeEvidenceUpload(uploadId: $id) { name kind sha256 sizeBytes } }`;
      const scan = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1_200_000, 7)]);
      const declared = {
        referralId: referrals[0].id,
        name: '物业服务合同扫描件.pdf',
        type: 'CONTRACT',
        sizeBytes: scan.length,
        sha256: sha(scan),
      };
      const started = (await ok(DEMO_COMPANY, START, { u: declared })).startEvidenceUpload;
      expect(started).toMatchObject({ partBytes: 524_288, parts: 3, receivedParts: [], receivedBytes: 0 });
      const part = (i: number) => scan.subarray(i * started.partBytes, (i + 1) * started.partBytes).toString('base64');
      expect(
        (await fails(DEMO_RUNFENG_COMPANY, PART, { id: started.uploadId, i: 0, c: part(0) })).extensions.code,
      ).toBe('NOT_FOUND');
      expect(
        (await fails(DEMO_COMPANY, PART, { id: started.uploadId, i: 1, c: part(0).slice(0, 400) })).extensions.code,
      ).toBe('BAD_USER_INPUT');
      await ok(DEMO_COMPANY, PART, { id: started.uploadId, i: 2, c: part(2) });
      await ok(DEMO_COMPANY, PART, { id: started.uploadId, i: 0, c: part(0) });
      const early = await fails(DEMO_COMPANY, COMPLETE, { id: started.uploadId });
      expect(early.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { fields: { uploadId: 'parts not received: 1' } },
      });
      expect((await ok(DEMO_COMPANY, PART, { id: started.uploadId, i: 1, c: part(1) })).uploadEvidencePart).toEqual({
        receivedParts: [0, 1, 2],
        receivedBytes: scan.length,
      });
      expect((await ok(DEMO_COMPANY, COMPLETE, { id: started.uploadId })).completeEvidenceUpload).toEqual({
        name: declared.name,
        kind: 'EVIDENCE',
        sha256: sha(scan),
        sizeBytes: scan.length,
      });
      expect(await t.sql(`select 1 from litigation.evidence_upload_part`)).toEqual([]);

      const lying = (await ok(DEMO_COMPANY, START, { u: { ...declared, sizeBytes: 10, sha256: 'e'.repeat(64) } }))
        .startEvidenceUpload;
      await ok(DEMO_COMPANY, PART, { id: lying.uploadId, i: 0, c: Buffer.from('%PDF-1.7\n!').toString('base64') });
      const mismatch = await fails(DEMO_COMPANY, COMPLETE, { id: lying.uploadId });
      expect(mismatch.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { fields: { sha256: expect.any(String) } },
      });
    });

    it('sweeps an upload in parts abandoned for more than 24 hours, with its parts, and keeps a recent one', async () => {
      const START = `mutation($u: EvidenceUploadStartInput!) { startEvidenceUpload(upload: $u) { uploadId partBytes } }`;
      const PART = `mutation($id: ID!, $i: Int!, $c: Base64!) { uploadEvidencePart(uploadId: $id, index: $i, contentBase64: $c) { receivedParts } }`;
      const scan = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(600_000, 3)]);
      const declare = (name: string) => ({
        referralId: referrals[0].id,
        name,
        type: 'STATEMENT',
        sizeBytes: scan.length,
        sha256: sha(scan),
      });
      const abandoned = (await ok(DEMO_COMPANY, START, { u: declare('弃置的对账单.pdf') })).startEvidenceUpload;
      const recent = (await ok(DEMO_COMPANY, START, { u: declare('正在上传的对账单.pdf') })).startEvidenceUpload;
      for (const upload of [abandoned, recent])
        await ok(DEMO_COMPANY, PART, {
          id: upload.uploadId,
          i: 0,
          c: scan.subarray(0, upload.partBytes).toString('base64'),
        });
      await t.sql(`update litigation.evidence_upload set started_at = now() - interval '25 hours' where id = $1`, [
        abandoned.uploadId,
      ]);
      const swept = await sweepEvidenceUploads(t.hub.subgraphs.litigation!.orm.em.fork());
      // Uploads left behind by earlier tests are recent: only the abandoned one goes, with its 512 KiB part.
      expect(swept).toEqual({ uploads: 1, bytes: abandoned.partBytes });
      const left = await t.sql<{ id: string; parts: number }>(
        `select u.id, (select count(*)::int from litigation.evidence_upload_part p where p.upload_id = u.id) as parts
         from litigation.evidence_upload u where u.id = any($1::uuid[])`,
        [[abandoned.uploadId, recent.uploadId]],
      );
      expect(left).toEqual([{ id: recent.uploadId, parts: 1 }]);
      expect(
        await t.sql(`select 1 from litigation.evidence_upload_part where upload_id = $1`, [abandoned.uploadId]),
      ).toEqual([]);
      // The company that abandoned it can no longer send a part to it.
      expect(
        (await fails(DEMO_COMPANY, PART, { id: abandoned.uploadId, i: 0, c: scan.subarray(0, 10).toString('base64') }))
          .extensions.code,
      ).toBe('NOT_FOUND');
    });

    it('keeps a company to 20 uploads in parts open at once, however many it starts together', async () => {
      // Before, a company could open uploads without end (each up to 20 MiB of parts, kept 24 hours) and so fill the
      // database within its rate limit; counted without a lock, requests made together would each see room.
      const START = `mutation($u: EvidenceUploadStartInput!) { startEvidenceUpload(upload: $u) { uploadId } }`;
      const scan = Buffer.from('%PDF-1.7\n% open upload\n%%EOF\n');
      const open = async () =>
        (
          await t.sql<{ n: number }>(
            // open: a completed upload is kept a while (to answer a retried completion) but no longer counts
            `select count(*)::int as n from litigation.evidence_upload where company_id = $1 and completed_file_id is null`,
            [DEMO_COMPANY.organisationId],
          )
        )[0].n;
      const before = await open();
      const answers = await Promise.all(
        Array.from({ length: 25 }, (_, n) =>
          t.gql(DEMO_COMPANY, START, {
            u: {
              referralId: referrals[0].id,
              name: `对账单${n}.pdf`,
              type: 'STATEMENT',
              sizeBytes: scan.length,
              sha256: sha(scan),
            },
          }),
        ),
      );
      const opened = answers.filter((a) => !a.body.errors).map((a) => a.body.data.startEvidenceUpload.uploadId);
      expect([before < 20, opened.length, await open()]).toEqual([true, 20 - before, 20]);
      for (const refused of answers.filter((a) => a.body.errors))
        expect(refused.body.errors[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          details: { fields: { upload: expect.any(String) } },
        });
      // as the hourly sweep would, so that later uploads have room
      await t.sql('delete from litigation.evidence_upload where id = any($1::uuid[])', [opened]);
    });

    it('generates nothing while the owners’ register still masks the defendant from the court', async () => {
      // The register learns of referrals from their events: until it has, it masks the owner even from the court.
      useDefendantIdentities(
        inMemoryDefendantIdentities(
          {
            [referrals[1].household_id]: {
              legalName: '某',
              idType: 'RESIDENT_ID',
              idNumber: '110108190001010015',
              phone: null,
              serviceAddress: null,
            },
          },
          () => [],
        ),
      );
      try {
        const pending = await fails(DEMO_COURT, DOCUMENTS, { id: referrals[1].id });
        expect(pending.extensions.code).toBe('DEFENDANT_IDENTITY_PENDING');
        expect(
          await t.sql(`select 1 from litigation.court_document where referral_id = $1`, [referrals[1].id]),
        ).toEqual([]);
        expect(
          await t.sql(`select 1 from litigation.evidence_chain where kind = 'COURT_DOCUMENT' and subject_id = $1`, [
            referrals[1].id,
          ]),
        ).toEqual([]);
      } finally {
        // Back to the real register, as the hub wired it.
        useDefendantIdentities(ownerRegisterClient({ url: t.hub.subgraphs.areas!.url, tokens: testTokens }));
      }
    });

    it('gives the Haidian court each defendant’s complaint as PDF and Word with the package’s figures, names and ID numbers', async () => {
      expect(referrals).toHaveLength(DEMO_REFERRALS.referred);
      for (const [i, r] of referrals.entries()) {
        const { referral } = await ok(DEMO_COURT, DOCUMENTS, { id: r.id });
        const pkg = JSON.parse(referral.packages[referral.packages.length - 1].canonicalJson);
        const docs: Doc[] = referral.documents;
        expect(docs.map((d) => d.kind)).toEqual([
          'COMPLAINT_PDF',
          'COMPLAINT_DOCX',
          ...(i === 0 ? ['EVIDENCE', 'EVIDENCE'] : []),
        ]);
        for (const d of docs) {
          const bytes = Buffer.from(d.contentBase64, 'base64');
          expect({ sha256: sha(bytes), size: bytes.length }).toEqual({ sha256: d.sha256, size: d.sizeBytes });
        }
        const pdf = Buffer.from(docs[0].contentBase64, 'base64');
        // The extracted text separates a table's label from its value with a space: compare without whitespace.
        const text = (await pdfText(pdf)).replace(/\s+/g, '');
        expect(text).toContain('民事起诉状');
        expect(text).toContain('（物业服务合同纠纷）');
        expect(text).toContain(owners[i].legalName);
        expect(text).toContain(owners[i].idNumber);
        expect(text).toContain(DEMO_COMPANY_PROFILE.legalName);
        expect(text).toContain(DEMO_COMPANY_PROFILE.creditCode);
        const { feeTotalFen, penaltyTotalFen, amountInDisputeFen } = pkg.claims;
        expect(text).toContain(`尚欠物业费${yuanFigures(feeTotalFen)}元（大写：人民币${yuanInWords(feeTotalFen)}）`);
        expect(text).toContain(
          `5.标的总额${yuanFigures(amountInDisputeFen)}元（大写：人民币${yuanInWords(amountInDisputeFen)}）`,
        );
        if (penaltyTotalFen > 0) expect(text).toContain(`违约金${yuanFigures(penaltyTotalFen)}元`);
        expect(text).toContain(pkg.contract.filingRecordNumber);
        expect(text).toContain(referral.packages[referral.packages.length - 1].digest);
        const docx = unzip(Buffer.from(docs[1].contentBase64, 'base64')).get('word/document.xml')!.toString('utf8');
        expect(docx).toContain(owners[i].legalName);
        expect(docx).toContain(`${yuanFigures(feeTotalFen)}元（大写：人民币${yuanInWords(feeTotalFen)}）`);
        // Both digests are in the evidence chain, and the court gets the same frozen files on every read.
        const entries = await t.sql<{ sequence: number; payload_digest: string }>(
          `select sequence, payload_digest from litigation.evidence_chain where kind = 'COURT_DOCUMENT' and subject_id = $1 order by sequence`,
          [r.id],
        );
        expect(entries.map((e) => e.payload_digest)).toEqual([docs[0].sha256, docs[1].sha256]);
        expect(entries.map((e) => e.sequence)).toEqual([docs[0].chainSequence, docs[1].chainSequence]);
        const again: Doc[] = (await ok(DEMO_COURT, DOCUMENTS, { id: r.id })).referral.documents;
        expect(again.map((d) => d.sha256)).toEqual(docs.map((d) => d.sha256));
      }
      // The register logged each disclosure to the court, with the referral it was for.
      const logged = await t.sql<{ household_id: string; referral_id: string }>(
        `select household_id, referral_id from areas.owner_data_access where organisation_id = $1 and data = 'IDENTITY' order by household_id`,
        [DEMO_REFERRALS.courtId],
      );
      expect(logged).toEqual(
        expect.arrayContaining(referrals.map((r) => ({ household_id: r.household_id, referral_id: r.id }))),
      );
      const pdf = await pdfText(
        Buffer.from(
          (await ok(DEMO_COURT, DOCUMENTS, { id: referrals[0].id })).referral.documents[0].contentBase64,
          'base64',
        ),
      );
      expect(pdf).toContain('催缴函送达回执.pdf');
      expect(pdf).toContain(
        chineseDate(
          (
            await t.sql<{ submitted_on: string }>(`select submitted_on::text from litigation.referral where id = $1`, [
              referrals[0].id,
            ])
          )[0].submitted_on,
        ),
      );
    });

    it('bundles the batch in one ZIP with a manifest of names and digests', async () => {
      const { consolidatedBatches } = await ok(DEMO_COURT, `{ consolidatedBatches { batchKey referralIds } }`);
      const { batchKey } = consolidatedBatches.find((b: { referralIds: string[] }) =>
        b.referralIds.includes(referrals[0].id),
      );
      // One batch's bundle per request: it is built whole in memory.
      const batch = (
        await ok(
          DEMO_COURT,
          `query($k: Key!) { consolidatedBatch(batchKey: $k) { batchKey referralIds bundle { name kind mediaType sha256 sizeBytes contentBase64 } } }`,
          { k: batchKey },
        )
      ).consolidatedBatch;
      const zip = Buffer.from(batch.bundle.contentBase64, 'base64');
      expect(batch.bundle).toMatchObject({
        kind: 'BUNDLE',
        mediaType: 'application/zip',
        sha256: sha(zip),
        sizeBytes: zip.length,
      });
      const entries = unzip(zip);
      const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
      expect(manifest.referrals.map((r: { referralId: string }) => r.referralId)).toEqual(
        [...batch.referralIds].sort(),
      );
      const listed = manifest.referrals.flatMap((r: { files: { name: string; sha256: string }[] }) => r.files);
      expect(
        listed.filter((f: { name: string }) => f.name.endsWith('.pdf') && !f.name.includes('/evidence/')),
      ).toHaveLength(batch.referralIds.length);
      for (const f of listed) expect(sha(entries.get(f.name)!)).toBe(f.sha256);
      expect([...entries.keys()].sort()).toEqual(
        ['manifest.json', ...listed.map((f: { name: string }) => f.name)].sort(),
      );
    });

    it('answers NOT_FOUND to the Xicheng court and to the competitor, and gives the plaintiff only its evidence files', async () => {
      for (const who of [xichengCourt, DEMO_RUNFENG_COMPANY]) {
        expect((await fails(who, DOCUMENTS, { id: referrals[0].id })).extensions.code).toBe('NOT_FOUND');
      }
      expect((await ok(xichengCourt, `{ consolidatedBatches { batchKey } }`)).consolidatedBatches).toEqual([]);
      const own = (
        await ok(DEMO_COMPANY, `query($id: ID!) { referral(id: $id) { documents { kind } } }`, { id: referrals[0].id })
      ).referral.documents;
      expect(own).toEqual([{ kind: 'EVIDENCE' }, { kind: 'EVIDENCE' }]);
    });
  });
}
