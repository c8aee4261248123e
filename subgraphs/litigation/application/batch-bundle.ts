import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { zipEntries, zipEntryName } from '../../../platform/documents/zip';
import { canonicalJson } from '../../../kernel/canonical-json';
import { WHOLE_FILE_DOWNLOADS, downloadTooLarge } from '../../../platform/documents/download-limit';
import { packageVersions } from '../persistence/case-package.repository';
import { evidenceFilesOf } from '../persistence/document.repository';
import { courtBatch } from './batch.lookup';
import { DocumentView, complaintDocuments, complaintView, courtReferral, evidenceView } from './court-documents';

/**
 * The bytes of files a bundle may hold: it is built whole in memory (the files, then the archive, then its base64),
 * so at most what one request may download at once (platform/documents/download-limit.ts). Unbounded, a batch whose
 * referrals carried 400 MiB of evidence took 1.65 GB to zip and then failed (its base64 longer than a string may be);
 * past this the court downloads each referral's documents.
 */
const BUNDLE_MAX_BYTES = WHOLE_FILE_DOWNLOADS.bytes;

function refuseOverBudget(sizeBytes: number): void {
  if (sizeBytes > BUNDLE_MAX_BYTES)
    throw downloadTooLarge(
      `The batch's files add up to ${Math.ceil(sizeBytes / 2 ** 20)} MiB, more than a bundle holds (${BUNDLE_MAX_BYTES / 2 ** 20} MiB): download each referral's documents instead`,
      { sizeBytes },
    );
}

/**
 * A consolidated batch as one ZIP for its court: per referral (one defendant each) a folder with the complaint as
 * PDF and .docx and the evidence files, and at the root manifest.json naming every file with its SHA-256, size and
 * evidence-chain entry, and each referral's package version and digest. The archive is built from the stored files
 * with fixed times, so the same batch gives the same bytes.
 */
export async function batchBundle(em: EntityManager, identity: Identity, batchKey: string): Promise<DocumentView> {
  const batch = await courtBatch(em, identity, batchKey);
  const entries: { name: string; bytes: Buffer }[] = [];
  const manifest: { batchKey: string; courtId: string; referrals: unknown[] } = {
    batchKey,
    courtId: batch.courtId,
    referrals: [],
  };
  const versions = await packageVersions(em, batch.referralIds);
  const uploads = await evidenceFilesOf(em, batch.referralIds);
  // Evidence alone may already be too much: refused before a complaint is generated or a byte is read.
  refuseOverBudget(uploads.reduce((sum, f) => sum + f.sizeBytes, 0));
  const planned = [];
  for (const referralId of [...batch.referralIds].sort()) {
    const referral = await courtReferral(em, identity, referralId);
    planned.push({
      referralId,
      views: [
        ...(await complaintDocuments(em, identity, referral)).map((d) => complaintView(em, d)),
        ...uploads.filter((f) => f.referralId === referralId).map((f) => evidenceView(em, f)),
      ],
    });
  }
  refuseOverBudget(planned.reduce((sum, p) => sum + p.views.reduce((n, v) => n + v.sizeBytes, 0), 0));
  for (const { referralId, views } of planned) {
    const latest = versions.filter((v) => v.referralId === referralId).pop();
    const taken = new Set<string>();
    const files = [];
    for (const view of views) {
      const entry = zipEntryName(view.name, taken);
      const name = `${referralId}/${view.kind === 'EVIDENCE' ? 'evidence/' : ''}${entry}`;
      entries.push({ name, bytes: await view.content() });
      files.push({
        name,
        ...(entry === view.name ? {} : { originalName: view.name }),
        kind: view.kind,
        sha256: view.sha256,
        sizeBytes: view.sizeBytes,
        chainSequence: view.chainSequence,
      });
    }
    manifest.referrals.push({
      referralId,
      packageVersion: latest?.version ?? null,
      packageDigest: latest?.digest ?? null,
      files,
    });
  }
  const manifestBytes = Buffer.from(`${JSON.stringify(JSON.parse(canonicalJson(manifest)), null, 2)}\n`, 'utf8');
  const zip = await zipEntries([{ name: 'manifest.json', bytes: manifestBytes }, ...entries]);
  return {
    name: `案件材料-${batchKey.slice(0, 40)}.zip`,
    kind: 'BUNDLE',
    mediaType: 'application/zip',
    sha256: createHash('sha256').update(zip).digest('hex'),
    sizeBytes: zip.length,
    chainSequence: null,
    content: async () => zip,
  };
}
