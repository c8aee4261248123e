import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { CompanyProfile, CompanyProfileInput, validateCompanyProfile } from '../domain/company-profile';
import { findCompanyProfile, saveCompanyProfile } from '../persistence/company-profile.repository';

const onlyCompanies = (identity: Identity) => {
  if (identity.role !== 'PROPERTY_COMPANY')
    throw new ForbiddenError('Only a property service company states its particulars as plaintiff');
};

/** The calling company states its own particulars as plaintiff (its token names the company: no other can be changed). */
export async function updateCompanyProfile(
  em: EntityManager,
  identity: Identity,
  input: CompanyProfileInput,
): Promise<CompanyProfile> {
  onlyCompanies(identity);
  const profile = validateCompanyProfile(identity.organisationId, input);
  await em.transactional((tx) => saveCompanyProfile(tx, profile, identity.subject));
  return profile;
}

/** The calling company's own particulars; null until it has stated them. */
export async function readCompanyProfile(em: EntityManager, identity: Identity): Promise<CompanyProfile | null> {
  onlyCompanies(identity);
  return findCompanyProfile(em, identity.organisationId);
}
