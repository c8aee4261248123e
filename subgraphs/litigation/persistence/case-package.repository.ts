import type { EntityManager } from '@mikro-orm/postgresql';
import { canonicalJson } from '../../../kernel/canonical-json';
import { sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';
import { CasePackage } from '../domain/case-package';

/** A stored version of a referral's case package; canonicalJson is the text its digest is taken over. */
export interface PackageVersion {
  referralId: string;
  version: number;
  digest: string;
  previousDigest: string | null;
  chainSequence: number;
  canonicalJson: string;
  package: CasePackage;
  createdAt: Date;
}

interface CasePackageColumns {
  referral_id: string;
  version: number;
  package: CasePackage;
  digest: string;
  previous_digest: string | null;
  chain_sequence: number;
  /** timestamptz arrives as text in raw queries (MikroORM's pg type overrides). */
  created_at: string;
}

const packageVersionOf = (r: CasePackageColumns): PackageVersion => ({
  referralId: r.referral_id,
  version: r.version,
  digest: r.digest,
  previousDigest: r.previous_digest,
  chainSequence: r.chain_sequence,
  canonicalJson: canonicalJson(r.package),
  package: r.package,
  createdAt: new Date(r.created_at),
});

/** Every version of the referrals' packages, oldest first: one query for a whole list of referrals. */
export async function packageVersions(em: EntityManager, referralIds: readonly string[]): Promise<PackageVersion[]> {
  const rows = await sqlRows<CasePackageColumns>(
    em,
    `select referral_id, version, package, digest, previous_digest, chain_sequence, created_at from litigation.case_package
      where referral_id = any(?::uuid[]) order by referral_id, version`,
    [sqlArray(referralIds)],
  );
  return rows.map(packageVersionOf);
}

export async function latestPackage(tx: EntityManager, referralId: string): Promise<CasePackage | null> {
  const [row] = await sqlRows<Pick<CasePackageColumns, 'package'>>(
    tx,
    `select package from litigation.case_package where referral_id = ?::uuid order by version desc limit 1`,
    [referralId],
  );
  return row?.package ?? null;
}

/** The owner the referral's first package named as the defendant (the household's id where the claim named none). */
export async function referredOwner(tx: EntityManager, referralId: string): Promise<string | null> {
  const [row] = await sqlRows<{ owner: string | null }>(
    tx,
    `select package->'property'->>'owner' as owner from litigation.case_package where referral_id = ?::uuid
      order by version limit 1`,
    [referralId],
  );
  return row?.owner ?? null;
}

export async function insertPackage(
  tx: EntityManager,
  pkg: CasePackage,
  recorded: { digest: string; chainSequence: number },
): Promise<void> {
  await sqlRun(
    tx,
    `insert into litigation.case_package (referral_id, version, package, digest, previous_digest, chain_sequence) values (?, ?, ?::jsonb, ?, ?, ?)`,
    [pkg.referralId, pkg.version, JSON.stringify(pkg), recorded.digest, pkg.previousDigest, recorded.chainSequence],
  );
}
