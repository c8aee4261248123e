import { Identity } from '../../../kernel/identity';
import { DefendantIdentity } from '../domain/defendant';

/**
 * Where litigation learns who the defendant is: the areas subgraph's register of owners (Household.ownerIdentity),
 * asked with the caller's own identity, so the areas subgraph decides whether to unmask (only for the court of a
 * referral naming the owner) and logs the read. Litigation stores none of it.
 */
export interface DefendantIdentities {
  /**
   * The owner the referral is against as the caller may see them: the household's owner now, or one who has sold
   * since, as the register's history keeps them; null when the register has no identity for the owner.
   * `ownerReference`: the owner the referral names (its package's), when known: the identity answered must be that
   * owner's (DEFENDANT_NO_LONGER_OWNER otherwise: the register holds none of theirs and they no longer own the flat).
   */
  find(request: {
    caller: Identity;
    householdId: string;
    referralId: string;
    ownerReference?: string | null;
  }): Promise<DefendantIdentity | null>;
}

/** Until the register is wired (no areas URL configured), complaints leave the defendant's particulars to be filled in. */
export const noDefendantIdentities: DefendantIdentities = { find: async () => null };

/** An in-memory register for tests and demos: identities by household, unmasked only for the courts named. */
export function inMemoryDefendantIdentities(
  owners: Record<string, Omit<DefendantIdentity, 'masked'>>,
  courtsOf: (referralId: string) => readonly string[],
): DefendantIdentities & { reads: { householdId: string; referralId: string; by: string; unmasked: boolean }[] } {
  const reads: { householdId: string; referralId: string; by: string; unmasked: boolean }[] = [];
  return {
    reads,
    async find({ caller, householdId, referralId }) {
      const owner = owners[householdId];
      if (!owner) return null;
      const unmasked = caller.role === 'COURT' && courtsOf(referralId).includes(caller.organisationId);
      reads.push({ householdId, referralId, by: caller.organisationId, unmasked });
      if (unmasked) return { ...owner, masked: false };
      return {
        ...owner,
        idNumber: `${owner.idNumber.slice(0, 3)}${'*'.repeat(Math.max(0, owner.idNumber.length - 7))}${owner.idNumber.slice(-4)}`,
        phone: null,
        serviceAddress: null,
        masked: true,
      };
    },
  };
}

let current: DefendantIdentities = noDefendantIdentities;

/** The register complaints are built with; the composition root (or a test) replaces it. */
export const defendantIdentities = (): DefendantIdentities => current;
export function useDefendantIdentities(register: DefendantIdentities): void {
  current = register;
}
