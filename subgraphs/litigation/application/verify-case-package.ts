import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { PackageVerification, verifyPackage } from '../domain/evidence-chain';
import { packageVersions } from '../persistence/case-package.repository';
import { chainEntries } from '../persistence/evidence-chain.repository';
import { readReferral } from './read-referral';

export type CasePackageCheck = PackageVerification & { version: number; storedDigest: string };

/**
 * Recomputes the stored package's digest and finds it in the evidence chain, after checking every link of the chain:
 * a package altered in the database after it was sent no longer matches any entry, and an altered entry breaks the chain.
 */
export async function verifyCasePackage(
  em: EntityManager,
  identity: Identity,
  referralId: string,
  version?: number | null,
): Promise<CasePackageCheck> {
  await readReferral(em, identity, referralId);
  const versions = await packageVersions(em, [referralId]);
  const wanted = version ? versions.find((v) => v.version === version) : versions[versions.length - 1];
  if (!wanted) throw new NotFoundError('Case package version', `${referralId} v${version}`);
  const result = verifyPackage(await chainEntries(em), wanted.canonicalJson);
  return { ...result, version: wanted.version, storedDigest: wanted.digest };
}
