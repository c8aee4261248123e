import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { zipEntries } from '../../../platform/documents/zip';
import { canonicalJson } from '../../../kernel/canonical-json';
import { packageVersions } from '../persistence/case-package.repository';
import { evidenceFilesOf } from '../persistence/document.repository';
import { courtBatch } from './batch.lookup';
import { DocumentView, complaintDocuments, complaintView, courtReferral, evidenceView } from './court-documents';

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
  for (const referralId of [...batch.referralIds].sort()) {
    const referral = await courtReferral(em, identity, referralId);
    const latest = versions.filter((v) => v.referralId === referralId).pop();
    const views = [
      ...(await complaintDocuments(em, identity, referral)).map((d) => complaintView(em, d)),
      ...uploads.filter((f) => f.referralId === referralId).map((f) => evidenceView(em, f)),
    ];
    const files = [];
    for (const view of views) {
      const name = `${referralId}/${view.kind === 'EVIDENCE' ? 'evidence/' : ''}${view.name}`;
      entries.push({ name, bytes: await view.content() });
      files.push({
        name,
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
