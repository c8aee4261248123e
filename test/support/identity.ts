import { Identity } from '../../kernel/identity';

/** A caller of `role` in `organisationId`: the identity the tests sign tokens for (no hub needed to make one). */
export function identity(role: Identity['role'], organisationId: string, jurisdictions: string[] = []): Identity {
  return { subject: `${organisationId}-user`, role, organisationId, jurisdictions };
}

/** A property company's user (the edge's tests over a stub subgraph sign tokens for it). */
export const companyUser = (organisationId: string): Identity => identity('PROPERTY_COMPANY', organisationId);
