import type { EntityManager } from '@mikro-orm/postgresql';
import { CasePackage, packageDigest } from '../domain/case-package';
import { insertPackage } from '../persistence/case-package.repository';
import { appendToChain } from './evidence-chain.append';

/** Stores a package version, appends its digest to the evidence chain, and returns the digest. */
export async function storePackage(tx: EntityManager, pkg: CasePackage): Promise<string> {
  const digest = packageDigest(pkg);
  const entry = await appendToChain(tx, { kind: 'CASE_PACKAGE', subjectId: pkg.referralId, payloadDigest: digest });
  await insertPackage(tx, pkg, { digest, chainSequence: entry.sequence });
  return digest;
}
