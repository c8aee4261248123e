import { IDENTITY_HEADER, TokenSettings, signIdentityAssertion } from '../../../platform/auth/tokens';
import { ownerKey } from '../../../kernel/owner-key';
import { logger } from '../../../platform/logging';
import type { DefendantIdentities } from '../application/defendant-identities';
import { DefendantIdentity, OWNER_ID_TYPES } from '../domain/defendant';
import { litigationError } from '../domain/errors';

const QUERY = `query OwnerIdentity($representations: [_Any!]!, $referralId: ID) {
  _entities(representations: $representations) {
    ... on Household {
      ownerReference
      ownerDiedOn
      ownerIdentity(referralId: $referralId) {
        legalName idType idNumber phone serviceAddress masked ownerReference ownerDiedOn
      }
    }
  }
}`;

const log = logger.child({ component: 'litigation.owner-register' });

const pending = (referralId: string) =>
  litigationError(
    'DEFENDANT_IDENTITY_PENDING',
    'The owners’ register does not disclose the defendant to this court yet',
    { referralId },
  );

const text = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const optionalText = (v: unknown, max: number) => v === null || v === undefined || text(v, max);

function decoded(value: unknown): DefendantIdentity {
  const v = (value ?? {}) as Record<string, unknown>;
  const ok =
    text(v.legalName, 100) &&
    (OWNER_ID_TYPES as readonly unknown[]).includes(v.idType) &&
    text(v.idNumber, 40) &&
    optionalText(v.phone, 30) &&
    optionalText(v.serviceAddress, 200) &&
    typeof v.masked === 'boolean';
  if (!ok) throw new Error('the owners’ register answered an identity that is not one');
  return {
    legalName: v.legalName as string,
    idType: v.idType as DefendantIdentity['idType'],
    idNumber: v.idNumber as string,
    phone: (v.phone as string | null | undefined) ?? null,
    serviceAddress: (v.serviceAddress as string | null | undefined) ?? null,
    masked: v.masked as boolean,
  };
}

/**
 * The owners' register of the areas subgraph, asked directly (subgraph to subgraph, not through the gateway) with
 * the caller's own identity in an assertion signed with litigation's own key (the areas subgraph takes one from
 * litigation for a court only, platform/auth/tokens.ts): the areas subgraph unmasks the owner only for the court of a referral naming that owner, and logs the read. While the areas subgraph has no
 * `Household.ownerIdentity` yet, its schema refuses the query and the complaint leaves the defendant to be filled in.
 * A household the court cannot see yet, or an owner masked from it, means the register has not learnt of the
 * referral (from litigation.referrals.v1): DEFENDANT_IDENTITY_PENDING, and nothing is generated. The owner referred,
 * recorded as dead since (the death recorded after the referral was sent), is no defendant: DEFENDANT_DECEASED, and
 * nothing naming them is generated (before, the complaint named the deceased). An owner masked to the court is not
 * the one referred (or not yet known to be): their death is not the defendant's. Once heirs are registered in the
 * deceased's place (or the flat is sold), the register answers the owner referred from its history of former owners
 * (the identity's `ownerReference` says whose), in full to the court, their death with them: the complaint names the
 * seller its months are owed by (before, the register kept no history and the court got DEFENDANT_NO_LONGER_OWNER).
 * Where it holds no identity of the owner referred, who is no longer the owner (replaced before the history was kept,
 * or never identified): DEFENDANT_NO_LONGER_OWNER when the caller names the owner referred (before that,
 * DEFENDANT_IDENTITY_PENDING for good; and a change of owner before the register learnt of the referral unmasked the
 * new owner, who was then named as the defendant).
 */
export function ownerRegisterClient(options: {
  url: string;
  tokens: TokenSettings;
  timeoutMs?: number;
}): DefendantIdentities {
  return {
    async find({ caller, householdId, referralId, ownerReference }) {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [IDENTITY_HEADER]: await signIdentityAssertion(caller, options.tokens, 'litigation'),
        },
        body: JSON.stringify({
          query: QUERY,
          variables: { representations: [{ __typename: 'Household', id: householdId }], referralId },
        }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      });
      const body = (await response.json().catch(() => ({}))) as {
        data?: { _entities?: ({ ownerIdentity?: unknown; ownerDiedOn?: unknown; ownerReference?: unknown } | null)[] };
        errors?: { message: string; extensions?: { code?: string } }[];
      };
      if (body.errors?.some((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')) {
        log.warn({ error: body.errors[0].message }, 'the areas subgraph does not disclose owner identities yet');
        return null;
      }
      // The areas subgraph answers NOT_FOUND for a household the caller may not read (one it does not know, or whose
      // referral it has not learnt of yet), as it answered a null entity before: the register has not caught up.
      const unseen = body.errors?.length && body.errors.every((e) => e.extensions?.code === 'NOT_FOUND');
      if (response.ok && unseen) throw pending(referralId);
      if (!response.ok || body.errors?.length) {
        throw new Error(
          `the owners’ register answered ${response.status}: ${body.errors?.map((e) => e.extensions?.code ?? e.message).join(', ') ?? 'no body'}`,
        );
      }
      const household = body.data?._entities?.[0];
      // No household for this court, or a masked owner: the register has not learnt of the referral yet.
      if (!household) throw pending(referralId);
      const identity = household.ownerIdentity == null ? null : decoded(household.ownerIdentity);
      // Whose identity the register answered: the owner the referral is against, the owner now or one who has sold
      // since (the register keeps them), or, where it kept none, the owner now, masked; its death with it. Without an
      // identity (or from a register that does not say whose), the household's owner now.
      const whose = (household.ownerIdentity ?? {}) as { ownerReference?: unknown; ownerDiedOn?: unknown };
      const [owner, diedOn] =
        identity && typeof whose.ownerReference === 'string'
          ? [whose.ownerReference, whose.ownerDiedOn]
          : [household.ownerReference, household.ownerDiedOn];
      // Another owner than the one referred: their identity is not the defendant's, and the register holds none of
      // the referred owner's (before, after any sale: the register kept no former owners). Compared as the register
      // compares references (ownerKey): a reference retyped in half-width is no new owner.
      if (ownerReference && typeof owner === 'string' && ownerKey(owner) !== ownerKey(ownerReference))
        throw litigationError('DEFENDANT_NO_LONGER_OWNER', 'The owner referred is no longer the registered owner', {
          referralId,
        });
      if (identity?.masked) throw pending(referralId);
      if (typeof diedOn === 'string')
        throw litigationError('DEFENDANT_DECEASED', `The register records the defendant as dead since ${diedOn}`, {
          referralId,
          diedOn,
        });
      return identity;
    },
  };
}
